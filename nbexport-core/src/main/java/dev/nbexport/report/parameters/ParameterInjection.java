package dev.nbexport.report.parameters;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts the given values into a notebook as papermill does: a code cell tagged {@code injected-parameters}
 * that declares each given parameter again, with the same type and the new value, so that it replaces the
 * default (JShell, like the kernel, lets a later declaration replace an earlier one).
 *
 * <ul>
 *   <li>a cell tagged {@code injected-parameters} (a previous run's) is replaced where it is;
 *   <li>else the cell goes right after the parameters cell;
 *   <li>else (no parameters cell) at the top of the notebook, as papermill does; {@link NotebookParameters#fit}
 *       warns about it;
 *   <li>with no values given nothing is injected (papermill neither), and a previous injected cell stays.
 * </ul>
 * Error cells a previous run left ({@code papermill-error-cell-tag}) are removed, as papermill removes them.
 */
public final class ParameterInjection {

    /** papermill's tag of the cell it injects. */
    public static final String INJECTED_TAG = "injected-parameters";
    /** papermill's tag of the markdown cells that point to a failed cell. */
    public static final String ERROR_TAG = "papermill-error-cell-tag";

    private ParameterInjection() {}

    /**
     * The notebook to run.
     *
     * @param notebook with the injected cell
     * @param injectedIndex the injected cell's index, -1 when nothing was injected
     * @param origins for each cell of {@code notebook}, the index of the input cell it is, -1 for the injected cell
     */
    public record Injected(Notebook notebook, int injectedIndex, List<Integer> origins) {
        public Injected {
            origins = List.copyOf(origins);
        }
    }

    public static Injected inject(Notebook input, NotebookParameters parameters, List<NotebookParameters.Given> values) {
        List<Cell> cells = new ArrayList<>();
        List<Integer> origins = new ArrayList<>();
        int parametersCell = -1;
        int oldInjected = -1;
        for (int i = 0; i < input.cells().size(); i++) {
            Cell c = input.cells().get(i);
            if (c.tags().contains(ERROR_TAG)) {
                continue;
            }
            if (parameters.cellIndex().isPresent() && parameters.cellIndex().get() == i) {
                parametersCell = cells.size();
            }
            if (oldInjected < 0 && c.tags().contains(INJECTED_TAG)) {
                oldInjected = cells.size();
            }
            cells.add(c);
            origins.add(i);
        }
        if (values.isEmpty()) {
            return new Injected(input.withCells(cells), -1, origins);
        }
        Set<String> ids = new HashSet<>();
        cells.forEach(c -> ids.add(c.id()));
        String id = oldInjected >= 0 && cells.get(oldInjected).id() != null ? cells.get(oldInjected).id() : unique(INJECTED_TAG, ids);
        Cell injected = Cell.of(CellType.CODE, input.nbformatMinor() >= 5 || ids.stream().anyMatch(x -> x != null) ? id : null, source(values))
                .withMetadata(JsonObject.EMPTY.with("tags", new JsonArray(List.of(Json.string(INJECTED_TAG)))));
        int at;
        if (oldInjected >= 0) {
            at = oldInjected;
            cells.set(at, injected);
            origins.set(at, -1);
        } else {
            at = parametersCell >= 0 ? parametersCell + 1 : 0;
            cells.add(at, injected);
            origins.add(at, -1);
        }
        return new Injected(input.withCells(cells), at, origins);
    }

    /** {@code // Parameters} (papermill's comment) and one declaration per value. */
    static String source(List<NotebookParameters.Given> values) {
        StringBuilder out = new StringBuilder("// Parameters");
        values.forEach(v -> out.append('\n').append(v.declaration()));
        return out.toString();
    }

    static String unique(String id, Set<String> taken) {
        String candidate = id;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }
}
