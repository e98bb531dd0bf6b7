package dev.nbexport.export;

import dev.nbexport.notebook.CellRef;
import java.util.Comparator;
import java.util.Objects;

/**
 * A reason a cell cannot be exported, located inside the cell.
 *
 * @param cell the cell
 * @param line 1-based line inside the cell, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param message what is wrong
 * @param hint what to do about it
 */
public record ExportProblem(CellRef cell, int line, int column, String message, String hint) {

    static final Comparator<ExportProblem> ORDER = Comparator
            .comparing((ExportProblem p) -> p.cell().notebook())
            .thenComparingInt(p -> p.cell().number())
            .thenComparingInt(ExportProblem::line)
            .thenComparingInt(ExportProblem::column)
            .thenComparing(ExportProblem::message);

    public ExportProblem {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    /** {@code notebooks/x.ipynb, cell 3 (id ab12), line 2:5}. */
    public String location() {
        return line > 0 ? cell.at(line, column) : cell.toString();
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }
}
