package dev.nbexport.run;

import java.util.List;

/**
 * What {@code nbexport:test} found.
 *
 * @param notebooks every notebook considered, sorted by path
 * @param saved the notebooks whose stored outputs were rewritten ({@code save})
 */
public record TestSummary(List<NotebookOutcome> notebooks, List<String> saved) {

    public TestSummary {
        notebooks = List.copyOf(notebooks);
        saved = List.copyOf(saved);
    }

    public List<NotebookOutcome> failed() {
        return notebooks.stream().filter(NotebookOutcome::failed).toList();
    }

    /** {@code 12 notebooks, 340 cells: 11 passed, 1 failed}, with skipped and unchanged ones when there are. */
    public String line() {
        long cells = notebooks.stream().mapToLong(n -> n.codeCells()).sum();
        long failed = count(NotebookOutcome.Status.FAILED);
        long unchanged = count(NotebookOutcome.Status.UNCHANGED);
        long passed = count(NotebookOutcome.Status.PASSED) + unchanged;
        long skipped = count(NotebookOutcome.Status.SKIPPED);
        return notebooks.size() + (notebooks.size() == 1 ? " notebook, " : " notebooks, ") + cells + " cells: "
                + passed + " passed" + (unchanged > 0 ? " (" + unchanged + " unchanged, not run again)" : "")
                + ", " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }

    private long count(NotebookOutcome.Status status) {
        return notebooks.stream().filter(n -> n.status() == status).count();
    }
}
