package dev.nbexport.update;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries hand edits of exported code back into the cell's own lines.
 *
 * <p>Each {@link Piece} is one block of the cell's code in one file: the lines export wrote, each with
 * the cell line it came from (from the file's source map), and the lines there now. The lines the hand
 * edit left alone keep the cell's own text, so whatever export changed on them (modifiers, indentation)
 * is undone exactly. A stretch the edit changed replaces the cell lines export made it from; cell lines
 * export left out of the file (blank lines at a block's edge, code that went to another file) and cell
 * lines holding imports stay where they were. Lines the edit added go where the stretch was, or right
 * after the cell line of the last unchanged line before them.
 *
 * <p>The result is a proposal: {@code nbexport:update} exports it again and accepts it only when that
 * reproduces the edited file exactly.
 */
public final class HandEditMerge {

    private HandEditMerge() {}

    /**
     * One block of a cell's code in one file.
     *
     * @param exported the code lines export wrote, without their indentation
     * @param origins for each exported line, the 0-based index of the cell's code line it came from, or -1
     *     for a line export made up
     * @param imports for each exported line, whether its cell line holds an import export moved away
     * @param edited the block's code lines now
     */
    public record Piece(List<String> exported, int[] origins, boolean[] imports, List<String> edited) {

        public Piece {
            exported = List.copyOf(exported);
            edited = List.copyOf(edited);
            if (origins.length != exported.size() || imports.length != exported.size()) {
                throw new IllegalArgumentException("one origin per exported line");
            }
        }

        boolean unchanged() {
            return exported.equals(edited);
        }
    }

    /**
     * One line of the merged cell code.
     *
     * @param text the line
     * @param origin 0-based index of the cell line it keeps, or -1 for a line taken from the edit
     */
    public record Line(String text, int origin) {
    }

    /** The cell's code lines with the edits of every piece carried over. */
    public static List<Line> merge(List<String> cell, List<Piece> pieces) {
        int n = cell.size();
        boolean[] dropped = new boolean[n];
        Map<Integer, List<String>> before = new HashMap<>();
        Map<Integer, List<String>> after = new HashMap<>();
        for (Piece piece : pieces) {
            if (piece.unchanged()) {
                continue;
            }
            for (AbstractDelta<String> delta : DiffUtils.diff(piece.exported(), piece.edited()).getDeltas()) {
                int from = delta.getSource().getPosition();
                int to = from + delta.getSource().size();
                List<String> replacement = delta.getTarget().getLines();
                int first = -1;
                for (int i = from; i < to; i++) {
                    int origin = piece.origins()[i];
                    if (origin >= 0) {
                        first = first < 0 ? origin : Math.min(first, origin);
                        dropped[origin] |= !piece.imports()[i];
                    }
                }
                if (replacement.isEmpty()) {
                    continue;
                }
                if (first >= 0) {
                    before.computeIfAbsent(first, k -> new ArrayList<>()).addAll(replacement);
                    continue;
                }
                int previous = lastOrigin(piece, from);
                if (previous >= 0) {
                    after.computeIfAbsent(previous, k -> new ArrayList<>()).addAll(replacement);
                } else {
                    int next = firstOrigin(piece, to);
                    (next >= 0 ? before : after).computeIfAbsent(next >= 0 ? next : n - 1, k -> new ArrayList<>())
                            .addAll(replacement);
                }
            }
        }
        List<Line> out = new ArrayList<>(n + 8);
        for (int c = 0; c < n; c++) {
            before.getOrDefault(c, List.of()).forEach(text -> out.add(new Line(text, -1)));
            if (!dropped[c]) {
                out.add(new Line(cell.get(c), c));
            }
            after.getOrDefault(c, List.of()).forEach(text -> out.add(new Line(text, -1)));
        }
        after.getOrDefault(-1, List.of()).forEach(text -> out.add(new Line(text, -1))); // a cell without code lines
        return out;
    }

    /** The cell line of the last exported line before {@code index} that came from the cell, or -1. */
    private static int lastOrigin(Piece piece, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (piece.origins()[i] >= 0) {
                return piece.origins()[i];
            }
        }
        return -1;
    }

    /** The cell line of the first exported line from {@code index} on that came from the cell, or -1. */
    private static int firstOrigin(Piece piece, int index) {
        for (int i = index; i < piece.origins().length; i++) {
            if (piece.origins()[i] >= 0) {
                return piece.origins()[i];
            }
        }
        return -1;
    }
}
