package dev.nbexport.problem;

/**
 * A notebook cell as messages name it: the notebook, the cell's 1-based number and its id. Implemented
 * by {@code dev.nbexport.notebook.CellRef}; this interface keeps the problem layer free of the notebook
 * model, which reports its own problems through it.
 */
public interface CellAddress {

    /** The notebook, as shown to the user (relative to the project where possible). */
    String notebook();

    /** 1-based position of the cell in the notebook. */
    int number();

    /** The cell's nbformat 4.5 id, or {@code null}. */
    String id();

    /** {@code notebooks/01_core.ipynb, cell 3 (id e443df78)}: how every message names a cell. */
    static String name(CellAddress cell) {
        return cell.notebook() + ", cell " + cell.number() + (cell.id() == null ? "" : " (id " + cell.id() + ")");
    }
}
