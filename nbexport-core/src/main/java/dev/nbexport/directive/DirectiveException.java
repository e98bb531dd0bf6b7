package dev.nbexport.directive;

import dev.nbexport.NbexportException;
import java.util.Collection;
import java.util.List;

/**
 * Thrown when cells have directive errors; carries all of them, not only the first.
 *
 * <p>With one error, message and hint are that error's. With several, the message lists each
 * error with its own hint.
 */
public class DirectiveException extends NbexportException {

    private static final long serialVersionUID = 1L;

    private final transient List<DirectiveProblem> errors;

    private DirectiveException(List<DirectiveProblem> errors) {
        super(message(errors), hint(errors));
        this.errors = errors;
    }

    /**
     * Throws if any of {@code problems} is an error; warnings are ignored. Use it after
     * collecting the problems of every cell of a notebook.
     */
    public static void throwIfErrors(Collection<DirectiveProblem> problems) {
        List<DirectiveProblem> errors = problems.stream().filter(DirectiveProblem::isError).toList();
        if (!errors.isEmpty()) {
            throw new DirectiveException(errors);
        }
    }

    /** The errors, in the order found; never empty. */
    public List<DirectiveProblem> errors() {
        return errors;
    }

    private static String message(List<DirectiveProblem> errors) {
        if (errors.size() == 1) {
            return errors.get(0).message();
        }
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder().append(errors.size()).append(" directive errors:");
        for (DirectiveProblem e : errors) {
            sb.append(nl).append("- ").append(e.message());
            if (!e.hint().isEmpty()) {
                sb.append(nl).append("    ").append(e.hint());
            }
        }
        return sb.toString();
    }

    private static String hint(List<DirectiveProblem> errors) {
        return errors.size() == 1
                ? errors.get(0).hint()
                : "Fix each directive above; directives are the `//|` lines at the top of a code cell and its tags.";
    }
}
