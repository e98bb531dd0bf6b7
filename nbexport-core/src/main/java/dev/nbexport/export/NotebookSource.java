package dev.nbexport.export;

import dev.nbexport.notebook.CellRef;
import java.util.List;
import java.util.Objects;

/**
 * A notebook as the exporter sees it: its path, its {@code default_exp} and its code cells in
 * notebook order.
 *
 * @param notebookPath path relative to the project, with {@code /} separators; used in headers,
 *     markers and messages
 * @param defaultExp the {@code default_exp} target class, or {@code null}
 * @param defaultExpCell the cell holding {@code default_exp}, or {@code null}
 * @param defaultExpLine 1-based line of the directive in that cell (0 if unknown)
 * @param cells code cells in notebook order (non-exported ones too: their imports may be needed)
 */
public record NotebookSource(
        String notebookPath,
        String defaultExp,
        CellRef defaultExpCell,
        int defaultExpLine,
        List<ExportCell> cells) {

    public NotebookSource {
        Objects.requireNonNull(notebookPath, "notebookPath");
        cells = List.copyOf(cells);
    }

    /** A notebook whose {@code default_exp} position is not known. */
    public static NotebookSource of(String notebookPath, String defaultExp, List<ExportCell> cells) {
        return new NotebookSource(notebookPath, defaultExp, null, 0, cells);
    }
}
