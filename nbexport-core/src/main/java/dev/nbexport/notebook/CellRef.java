package dev.nbexport.notebook;

import java.util.Objects;

/**
 * Where a cell is, as a user finds it: the notebook, the cell's number (1-based, as counted in
 * Jupyter from the top) and its id when it has one.
 *
 * @param notebook notebook path as shown to the user (relative to the project where possible)
 * @param number 1-based position of the cell in the notebook
 * @param id the cell's nbformat 4.5 id, or {@code null} for older notebooks
 */
public record CellRef(String notebook, int number, String id) {

    public CellRef {
        Objects.requireNonNull(notebook, "notebook");
        if (number < 1) {
            throw new IllegalArgumentException("cell number is 1-based: " + number);
        }
    }

    /** {@code notebooks/01_core.ipynb, cell 3 (id e443df78)}. */
    @Override
    public String toString() {
        return notebook + ", cell " + number + (id == null ? "" : " (id " + id + ")");
    }

    /** The same cell, at a line (1-based) and column (1-based, 0 when unknown) inside it. */
    public String at(int line, int column) {
        return toString() + ", line " + line + (column > 0 ? ":" + column : "");
    }
}
