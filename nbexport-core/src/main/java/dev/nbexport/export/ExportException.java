package dev.nbexport.export;

import dev.nbexport.NbexportException;
import dev.nbexport.problem.Problem;
import java.util.List;

/**
 * Cells that cannot be exported. Carries every problem found in the run, sorted by notebook, cell and
 * position, so the user can fix them all at once: one problem is the message itself, several are listed
 * under {@code N problems stop the export:}.
 */
public class ExportException extends NbexportException {

    private static final long serialVersionUID = 1L;

    private ExportException(List<Problem> problems) {
        super(problems.size() + " problems stop the export", problems,
                "Fix the cells above in their notebooks, then export again.");
    }

    private ExportException(Problem problem) {
        super(problem);
    }

    /** The exception for {@code problems}, sorted: the problem itself when there is one. */
    static ExportException of(List<Problem> problems) {
        List<Problem> sorted = problems.stream().sorted(Problem.ORDER).toList();
        return sorted.size() == 1 ? new ExportException(sorted.get(0)) : new ExportException(sorted);
    }
}
