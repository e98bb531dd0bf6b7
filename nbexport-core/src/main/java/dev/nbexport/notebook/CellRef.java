package dev.nbexport.notebook;

import dev.nbexport.problem.CellAddress;
import dev.nbexport.problem.Location;
import java.util.Objects;

/**
 * Where a cell is, as a user finds it: the notebook, the cell's number (1-based, as counted in
 * Jupyter from the top) and its id when it has one.
 *
 * @param notebook notebook path as shown to the user (relative to the project where possible)
 * @param number 1-based position of the cell in the notebook
 * @param id the cell's nbformat 4.5 id, or {@code null} for older notebooks
 */
public record CellRef(String notebook, int number, String id) implements CellAddress {

    public CellRef {
        Objects.requireNonNull(notebook, "notebook");
        if (number < 1) {
            throw new IllegalArgumentException("cell number is 1-based: " + number);
        }
    }

    /** {@code notebooks/01_core.ipynb, cell 3 (id e443df78)}. */
    @Override
    public String toString() {
        return CellAddress.name(this);
    }

    /** The same cell, at a line (1-based) and column (1-based, 0 when unknown) inside it. */
    public String at(int line, int column) {
        return location(line, column).toString();
    }

    /** This cell at a line (1-based) and column (1-based, 0 when unknown), as a problem's location. */
    public Location location(int line, int column) {
        return Location.in(this, line, column);
    }
}
