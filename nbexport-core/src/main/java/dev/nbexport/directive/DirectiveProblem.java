package dev.nbexport.directive;

import dev.nbexport.notebook.CellRef;
import java.util.Objects;

/**
 * Something wrong with a cell's directives or magics, as a value, so a caller can collect the
 * problems of a whole notebook (or project) and report them at once.
 *
 * @param severity whether the cell can still be used
 * @param message what is wrong and where, starting with the cell and line, e.g.
 *     {@code notebooks/01_slugify.ipynb, cell 3 (id e443df78), line 1:5: unknown directive `exprot` (did you mean `export`?)}
 * @param hint what to do about it
 * @param cell the cell
 * @param line 1-based line in the cell, or 0 when the problem is in a cell tag
 * @param column 1-based column in the line, or 0 when unknown or a tag
 */
public record DirectiveProblem(Severity severity, String message, String hint, CellRef cell, int line, int column) {

    /** How bad a problem is. */
    public enum Severity {
        /** The cell cannot be used as written; export must stop. */
        ERROR,
        /** Probably not what the user meant, but the cell is usable. */
        WARNING
    }

    public DirectiveProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(cell, "cell");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Message and hint, as shown to the user. */
    public String describe() {
        return hint.isEmpty() ? message : message + System.lineSeparator() + "  " + hint;
    }
}
