package dev.nbexport.run;

import dev.nbexport.json.Json;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.run.worker.WorkerRun;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs that a notebook's stored outputs did not come from one top-to-bottom run: execution counts that do
 * not increase in cell order, and outputs on cells that a run from the top does not produce.
 */
final class HiddenState {

    private HiddenState() {}

    static List<String> warnings(String shown, Notebook notebook, WorkerRun run) {
        List<String> warnings = new ArrayList<>();
        long last = Long.MIN_VALUE;
        int lastCell = 0;
        for (int i = 0; i < notebook.cells().size(); i++) {
            Json count = notebook.cells().get(i).executionCount();
            if (count instanceof Json.JsonNumber n) {
                long value = Long.parseLong(n.text());
                if (value <= last) {
                    warnings.add(shown + ": stored execution counts are not in cell order (cell " + lastCell + " has "
                            + last + ", cell " + (i + 1) + " has " + value + "): its outputs may come from cells run out"
                            + " of order. Run it top to bottom, or use -Dnbexport.test.save.");
                    break;
                }
                last = value;
                lastCell = i + 1;
            }
        }
        List<String> stale = new ArrayList<>();
        for (WorkerRun.Cell fresh : run.cells()) {
            Cell cell = notebook.cells().get(fresh.index());
            if (fresh.evaluated() && fresh.outputs().isEmpty() && !cell.outputs().isEmpty()) {
                stale.add(String.valueOf(fresh.index() + 1));
            }
        }
        if (!stale.isEmpty()) {
            warnings.add(shown + ": cell" + (stale.size() == 1 ? " " : "s ") + String.join(", ", stale)
                    + (stale.size() == 1 ? " has" : " have") + " stored outputs that a run from the top does not produce. Use -Dnbexport.test.save to"
                    + " store what the notebook prints now.");
        }
        return warnings;
    }
}
