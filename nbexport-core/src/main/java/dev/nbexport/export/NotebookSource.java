package dev.nbexport.export;

import dev.nbexport.notebook.CellRef;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * @param kernelJava the Java feature version the notebook's kernel last ran (from
 *     {@code metadata.language_info.version}, e.g. 21), or 0 when unknown
 */
public record NotebookSource(
        String notebookPath,
        String defaultExp,
        CellRef defaultExpCell,
        int defaultExpLine,
        List<ExportCell> cells,
        int kernelJava) {

    public NotebookSource {
        Objects.requireNonNull(notebookPath, "notebookPath");
        cells = List.copyOf(cells);
    }

    /** A notebook whose kernel's Java version is not known. */
    public NotebookSource(String notebookPath, String defaultExp, CellRef defaultExpCell, int defaultExpLine,
            List<ExportCell> cells) {
        this(notebookPath, defaultExp, defaultExpCell, defaultExpLine, cells, 0);
    }

    private static final Pattern JAVA_VERSION = Pattern.compile("^(?:1\\.)?(\\d{1,3})(?!\\d)");

    /**
     * The feature version in a Java kernel's {@code language_info.version}: {@code "21.0.2"} → 21,
     * {@code "14.0.2+12"} → 14, {@code "1.8.0_392"} → 8; 0 when it is not one.
     */
    public static int javaFeatureVersion(String version) {
        if (version == null) {
            return 0;
        }
        Matcher m = JAVA_VERSION.matcher(version.strip());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** A notebook whose {@code default_exp} position is not known. */
    public static NotebookSource of(String notebookPath, String defaultExp, List<ExportCell> cells) {
        return new NotebookSource(notebookPath, defaultExp, null, 0, cells);
    }
}
