package dev.nbexport.update;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A three-way merge of lines that carries hand edits of exported code back into a cell.
 *
 * <p>The base is what export made of the cell ({@code exported}); one side is the cell's own code
 * ({@code cell}), which differs from the base only by what export does (modifiers it adds or removes,
 * imports blanked, blank edges trimmed); the other side is the code as edited by hand
 * ({@code edited}). Lines that the edit left alone keep the cell's own text, so export's changes are
 * undone; where the edit changed lines, the edited lines replace the cell's lines there, and cell
 * lines export never emitted (imports, blank edges) stay. The merge is a proposal:
 * {@code nbexport:update} exports the result again and accepts it only when it reproduces the edited
 * file exactly.
 */
public final class HandEditMerge {

    private static final Pattern MODIFIERS = Pattern.compile("\\b(?:public|static|private|protected)\\s+");

    private HandEditMerge() {}

    /**
     * One line of the merged cell code.
     *
     * @param text the line
     * @param origin 0-based index of the cell line it keeps, or -1 for a line taken from the edit
     */
    public record Line(String text, int origin) {
    }

    /** The cell's code with the edits of {@code exported} → {@code edited} carried over. */
    public static List<Line> merge(List<String> cell, List<String> exported, List<String> edited) {
        int[] toCell = alignment(exported, cell, true);
        int[] toEdited = alignment(exported, edited, false);
        List<int[]> anchors = new ArrayList<>();
        for (int g = 0; g < exported.size(); g++) {
            if (toCell[g] >= 0 && toEdited[g] >= 0) {
                anchors.add(new int[] {g, toCell[g], toEdited[g]});
            }
        }
        anchors.add(new int[] {exported.size(), cell.size(), edited.size()});
        List<Line> out = new ArrayList<>(cell.size() + 8);
        int[] previous = {-1, -1, -1};
        for (int[] anchor : anchors) {
            List<String> exportedGap = exported.subList(previous[0] + 1, anchor[0]);
            List<String> editedGap = edited.subList(previous[2] + 1, anchor[2]);
            int cellFrom = previous[1] + 1;
            int cellTo = anchor[1];
            if (exportedGap.equals(editedGap)) {
                for (int c = cellFrom; c < cellTo; c++) {
                    out.add(new Line(cell.get(c), c));
                }
            } else {
                gap(cell, cellFrom, cellTo, toCell, previous[0] + 1, anchor[0], editedGap, previous[0] < 0, out);
            }
            if (anchor[0] < exported.size()) {
                out.add(new Line(cell.get(anchor[1]), anchor[1]));
            }
            previous = anchor;
        }
        return out;
    }

    /**
     * An edited stretch: the edited lines replace the cell lines that export had emitted there; cell
     * lines export did not emit (and imports) stay, before or after the edit as they were.
     */
    private static void gap(List<String> cell, int cellFrom, int cellTo, int[] toCell, int exportedFrom, int exportedTo,
            List<String> editedGap, boolean atStart, List<Line> out) {
        boolean[] emitted = new boolean[Math.max(0, cellTo - cellFrom)];
        int firstEmitted = -1;
        for (int g = exportedFrom; g < exportedTo; g++) {
            int c = toCell[g];
            if (c >= cellFrom && c < cellTo) {
                emitted[c - cellFrom] = true;
                firstEmitted = firstEmitted < 0 ? c : Math.min(firstEmitted, c);
            }
        }
        List<Line> before = new ArrayList<>();
        List<Line> after = new ArrayList<>();
        for (int c = cellFrom; c < cellTo; c++) {
            boolean keep = !emitted[c - cellFrom] || cell.get(c).stripLeading().startsWith("import ");
            if (keep) {
                boolean first = firstEmitted < 0 ? atStart : c < firstEmitted;
                (first ? before : after).add(new Line(cell.get(c), c));
            }
        }
        out.addAll(before);
        for (String line : editedGap) {
            out.add(new Line(line, -1));
        }
        out.addAll(after);
    }

    /**
     * For each line of {@code base}, the index of its line in {@code other}, or -1. Equal lines are
     * aligned; with {@code pairChanges}, so are the lines of a changed stretch of equal length on both
     * sides (a line whose modifiers export changed).
     */
    private static int[] alignment(List<String> base, List<String> other, boolean pairChanges) {
        int[] map = new int[base.size()];
        Arrays.fill(map, -1);
        int b = 0;
        int o = 0;
        List<AbstractDelta<String>> deltas = pairChanges
                ? DiffUtils.diff(base.stream().map(HandEditMerge::withoutExportChanges).toList(),
                        other.stream().map(HandEditMerge::withoutExportChanges).toList()).getDeltas()
                : DiffUtils.diff(base, other).getDeltas();
        for (AbstractDelta<String> delta : deltas) {
            int bs = delta.getSource().getPosition();
            int os = delta.getTarget().getPosition();
            while (b < bs) {
                map[b++] = o++;
            }
            int size = delta.getSource().size();
            if (pairChanges && delta.getType() == DeltaType.CHANGE && size == delta.getTarget().size()) {
                for (int i = 0; i < size; i++) {
                    map[bs + i] = os + i;
                }
            }
            b = bs + size;
            o = os + delta.getTarget().size();
        }
        while (b < base.size()) {
            map[b++] = o++;
        }
        return map;
    }

    /**
     * A line as it reads when what export changes on it is ignored: the modifiers it adds or removes,
     * an import it blanks, whitespace it trims.
     */
    private static String withoutExportChanges(String line) {
        String s = line.strip();
        if (s.startsWith("import ")) {
            return "";
        }
        return MODIFIERS.matcher(s).replaceAll("");
    }

    /** How many lines of {@code base} appear, in order, in {@code other}. */
    public static int common(List<String> base, List<String> other) {
        int common = base.size();
        for (AbstractDelta<String> delta : DiffUtils.diff(base, other).getDeltas()) {
            common -= delta.getSource().size();
        }
        return common;
    }
}
