package dev.nbexport.directive;

import java.util.Objects;
import java.util.Optional;

/**
 * A directive as found in one cell: its value and where it came from, a {@code //|} comment line
 * or a cell tag.
 *
 * @param directive which directive
 * @param value the value as written, trimmed; empty when none was given
 * @param line 1-based line in the cell of the {@code //|} comment, or 0 when it came from a tag
 * @param tag the cell tag it came from, exactly as written, or {@code null} for a comment
 */
public record FoundDirective(Directive directive, String value, int line, String tag) {

    public FoundDirective {
        Objects.requireNonNull(directive, "directive");
        Objects.requireNonNull(value, "value");
        if ((tag == null) == (line < 1)) {
            throw new IllegalArgumentException("either a line (>= 1) or a tag: line " + line + ", tag " + tag);
        }
    }

    /** From a {@code //|} line. */
    public static FoundDirective ofComment(Directive directive, String value, int line) {
        return new FoundDirective(directive, value, line, null);
    }

    /** From a cell tag. */
    public static FoundDirective ofTag(Directive directive, String value, String tag) {
        return new FoundDirective(directive, value, 0, tag);
    }

    public boolean fromTag() {
        return tag != null;
    }

    /** The value, if one was given. */
    public Optional<String> optionalValue() {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** For messages: {@code line 3} or {@code tag `eval:false`}. */
    public String where() {
        return tag == null ? "line " + line : "tag `" + tag + "`";
    }
}
