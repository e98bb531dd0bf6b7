package dev.nbexport.run.session;

import java.util.Objects;

/**
 * Whether a cell's code could run as it is, as a kernel's {@code is_complete_reply} says it: {@code complete},
 * {@code incomplete} (with the indentation for the next line), {@code invalid} or {@code unknown}.
 *
 * @param status one of the four
 * @param indent for {@code incomplete}: what the next line should start with; empty otherwise
 */
public record InputCompleteness(String status, String indent) {

    public InputCompleteness {
        Objects.requireNonNull(status, "status");
        indent = indent == null ? "" : indent;
    }
}
