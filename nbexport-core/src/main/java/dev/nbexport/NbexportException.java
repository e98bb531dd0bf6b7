package dev.nbexport;

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

    /** Message and hint, as shown to the user. */
    public String describe() {
        return hint.isEmpty() ? getMessage() : getMessage() + System.lineSeparator() + "  " + hint;
    }
}
