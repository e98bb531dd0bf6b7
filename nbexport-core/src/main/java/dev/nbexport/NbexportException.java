package dev.nbexport;

import java.util.List;
import java.util.Objects;

/**
 * A problem the user can fix: bad input, a conflict, a refused write.
 *
 * <p>The message says what is wrong and where (file, cell, line); {@link #hint()} says what to do.
 * Callers show both and no stack trace. Unexpected failures (bugs, I/O errors) are not this type.
 */
public class NbexportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String hint;

    public NbexportException(String message, String hint) {
        this(message, hint, null);
    }

    public NbexportException(String message, String hint, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.hint = hint == null ? "" : hint;
    }

    /** What the user should do about it; empty when there is nothing more to say. */
    public String hint() {
        return hint;
    }

    /**
     * One exception that reports several problems at once, so a build shows everything to fix: the
     * problem itself when there is one, else a list of each message with its hint, sorted, under
     * {@code N problems <where>:} (e.g. {@code in notebooks}).
     */
    public static NbexportException all(String where, List<? extends NbexportException> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        if (problems.size() == 1) {
            return problems.get(0);
        }
        String nl = System.lineSeparator();
        StringBuilder message = new StringBuilder().append(problems.size()).append(" problems ").append(where).append(':');
        problems.stream().map(p -> "- " + p.describe().replace(nl, nl + "  ")).sorted()
                .forEach(line -> message.append(nl).append(line));
        return new NbexportException(message.toString(), "");
    }

    /** Message and hint, as shown to the user. */
    public String describe() {
        return hint.isEmpty() ? getMessage() : getMessage() + System.lineSeparator() + "  " + hint;
    }
}
