package dev.nbexport.run;

import java.util.List;

/**
 * How one notebook did.
 *
 * @param notebook its path as shown (relative to the project)
 * @param status what happened
 * @param cells its code cells, in order (empty when skipped or unchanged)
 * @param failures what went wrong, each a message naming the cell (empty when passed)
 * @param warnings hidden-state and other warnings
 * @param seconds wall time of its run
 * @param codeCells how many code cells it has (also when it was not run)
 */
public record NotebookOutcome(String notebook, Status status, List<CellOutcome> cells, List<String> failures,
                              List<String> warnings, double seconds, int codeCells) {

    public NotebookOutcome {
        cells = List.copyOf(cells);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    /** What happened to a notebook. */
    public enum Status {
        PASSED, FAILED,
        /** {@code skip_exec}. */
        SKIPPED,
        /** Unchanged since its last passing run, with the same class path: not run again. */
        UNCHANGED
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    /** The progress line: {@code notebooks/00_core.ipynb: 12 cells, 2.4 s, passed}. */
    public String progressLine() {
        return switch (status) {
            case SKIPPED -> notebook + ": skipped (skip_exec)";
            case UNCHANGED -> notebook + ": unchanged since its last passing run, not run again";
            default -> notebook + ": " + codeCells + " cells, " + String.format(java.util.Locale.ROOT, "%.1f s", seconds)
                    + ", " + (status == Status.PASSED ? "passed" : "FAILED");
        };
    }
}
