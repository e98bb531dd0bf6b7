package dev.nbexport.directive;

import java.util.Objects;

/**
 * An IJava/JJava magic found in a cell: never Java, never exported.
 *
 * <p>{@code %maven org.example:lib:1.0} is a {@link Kind#LINE line magic} named {@code maven} with
 * arguments {@code org.example:lib:1.0}. {@code %%loadFromPOM} followed by XML is a
 * {@link Kind#CELL cell magic} whose {@link #body()} is the XML.
 *
 * @param kind line or cell magic
 * @param name the name after {@code %} or {@code %%}, e.g. {@code maven}
 * @param arguments the rest of the magic's line, trimmed; empty when none
 * @param line 1-based line of the magic in the cell
 * @param body for a cell magic, the lines after the magic line joined by {@code \n}; empty for a line magic
 */
public record Magic(Kind kind, String name, String arguments, int line, String body) {

    /** Line magic ({@code %name}) or cell magic ({@code %%name}). */
    public enum Kind {
        LINE,
        CELL
    }

    public Magic {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(body, "body");
    }

    /** The magic as written on its line: {@code %maven org.example:lib:1.0}. */
    @Override
    public String toString() {
        return (kind == Kind.CELL ? "%%" : "%") + name + (arguments.isEmpty() ? "" : " " + arguments);
    }
}
