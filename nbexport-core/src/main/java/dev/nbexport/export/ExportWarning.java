package dev.nbexport.export;

import dev.nbexport.notebook.CellRef;
import java.util.Objects;

/**
 * Something the user should know that did not stop the export.
 *
 * @param notebook the notebook it concerns
 * @param cell the cell it concerns, or {@code null} for the whole notebook
 * @param message what happened and what to do
 */
public record ExportWarning(String notebook, CellRef cell, String message)
        implements Comparable<ExportWarning> {

    public ExportWarning {
        Objects.requireNonNull(notebook, "notebook");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (cell == null ? notebook : cell.toString()) + ": " + message;
    }

    @Override
    public int compareTo(ExportWarning o) {
        int c = notebook.compareTo(o.notebook);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(cell == null ? 0 : cell.number(), o.cell == null ? 0 : o.cell.number());
        return c != 0 ? c : message.compareTo(o.message);
    }
}
