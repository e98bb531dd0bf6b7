package dev.nbexport.export;

import dev.nbexport.NbexportException;
import java.util.List;

/**
 * Cells that cannot be exported. Carries every problem found in the run, sorted by notebook,
 * cell and position, so the user can fix them all at once.
 */
public class ExportException extends NbexportException {

    private static final long serialVersionUID = 1L;

    private final transient List<ExportProblem> problems;

    public ExportException(List<ExportProblem> problems) {
        super(message(problems), hint(problems));
        this.problems = List.copyOf(problems);
    }

    /** All problems, sorted. */
    public List<ExportProblem> problems() {
        return problems;
    }

    private static String message(List<ExportProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder sb = new StringBuilder()
                .append(problems.size())
                .append(" problems stop the export:");
        for (ExportProblem p : problems) {
            sb.append("\n  ").append(p);
            if (!p.hint().isEmpty()) {
                sb.append("\n    ").append(p.hint());
            }
        }
        return sb.toString();
    }

    private static String hint(List<ExportProblem> problems) {
        return problems.size() == 1
                ? problems.get(0).hint()
                : "Fix the cells above in their notebooks, then export again.";
    }
}
