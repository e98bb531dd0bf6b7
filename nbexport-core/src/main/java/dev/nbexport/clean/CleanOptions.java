package dev.nbexport.clean;

import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link NotebookCleaner} keeps.
 *
 * @param cellMetadata cell metadata keys kept; the rest is removed
 * @param notebookMetadata notebook metadata keys kept; the rest is removed ({@code language_info} is
 *     always trimmed to its {@code name})
 * @param clearOutputs whether code cells lose their outputs too
 */
public record CleanOptions(Set<String> cellMetadata, Set<String> notebookMetadata, boolean clearOutputs) {

    /** Cell metadata kept by default: Jupyter tags (directives) and nbexport's own. */
    public static final Set<String> DEFAULT_CELL_METADATA = Set.of("tags", "nbexport");

    /** Notebook metadata kept by default: what Jupyter needs to pick the kernel. */
    public static final Set<String> DEFAULT_NOTEBOOK_METADATA = Set.of("kernelspec", "language_info", "nbexport");

    public CleanOptions {
        cellMetadata = Set.copyOf(cellMetadata);
        notebookMetadata = Set.copyOf(notebookMetadata);
    }

    /** The defaults: keep tags and kernel information, keep outputs. */
    public static CleanOptions defaults() {
        return new CleanOptions(DEFAULT_CELL_METADATA, DEFAULT_NOTEBOOK_METADATA, false);
    }

    /** These options with more cell and notebook metadata keys kept. */
    public CleanOptions keeping(Set<String> moreCellMetadata, Set<String> moreNotebookMetadata) {
        Set<String> cells = new TreeSet<>(cellMetadata);
        cells.addAll(moreCellMetadata);
        Set<String> notebook = new TreeSet<>(notebookMetadata);
        notebook.addAll(moreNotebookMetadata);
        return new CleanOptions(cells, notebook, clearOutputs);
    }

    public CleanOptions withClearOutputs(boolean clear) {
        return new CleanOptions(cellMetadata, notebookMetadata, clear);
    }
}
