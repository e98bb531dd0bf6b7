package dev.nbexport.export;

import dev.nbexport.directive.ExportKind;
import dev.nbexport.notebook.CellRef;
import java.util.Arrays;
import java.util.Objects;

/**
 * One code cell, already classified by its directives: the exporter's input.
 *
 * @param cell where the cell is, for markers and messages
 * @param kind how the cell is exported
 * @param target fully qualified target class from {@code //| export com.acme.Name}, or
 *     {@code null} for the notebook's {@code default_exp}
 * @param directiveLine 1-based cell line of the directive naming {@code target} (0 if unknown)
 * @param testName the name from {@code //| test name}, or {@code null}
 * @param code the cell's Java code with directive and magic lines removed
 * @param cellLines {@code cellLines[i]} is the 1-based cell line of code line {@code i + 1};
 *     {@code null} when code lines are cell lines
 */
public record ExportCell(
        CellRef cell,
        ExportKind kind,
        String target,
        int directiveLine,
        String testName,
        String code,
        int[] cellLines) {

    public ExportCell {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        cellLines = cellLines == null ? null : cellLines.clone();
    }

    /** A cell whose code lines are its cell lines, exported to the notebook's default target. */
    public static ExportCell of(CellRef cell, ExportKind kind, String code) {
        return new ExportCell(cell, kind, null, 0, null, code, null);
    }

    /** The same cell sent to another target. */
    public ExportCell withTarget(String newTarget) {
        return new ExportCell(cell, kind, newTarget, directiveLine, testName, code, cellLines);
    }

    /** The same cell with a test name. */
    public ExportCell withTestName(String newTestName) {
        return new ExportCell(cell, kind, target, directiveLine, newTestName, code, cellLines);
    }

    @Override
    public int[] cellLines() {
        return cellLines == null ? null : cellLines.clone();
    }

    /** The 1-based cell line of a 1-based code line. */
    public int cellLine(int codeLine) {
        if (cellLines == null || codeLine < 1 || codeLine > cellLines.length) {
            return codeLine;
        }
        return cellLines[codeLine - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportCell c
                && cell.equals(c.cell)
                && kind == c.kind
                && Objects.equals(target, c.target)
                && directiveLine == c.directiveLine
                && Objects.equals(testName, c.testName)
                && code.equals(c.code)
                && Arrays.equals(cellLines, c.cellLines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cell, kind, target, directiveLine, testName, code) * 31
                + Arrays.hashCode(cellLines);
    }

    @Override
    public String toString() {
        return "ExportCell[" + cell + ", " + kind + (target == null ? "" : " " + target) + "]";
    }
}
