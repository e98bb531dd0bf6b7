package dev.nbexport.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.nbexport.diff.CellChange.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link NotebookDiff} as text to read: one {@code ##} line per cell that differs, saying what
 * happened to it, then its changed source as a unified diff (line numbers inside the cell) and its
 * changed output, attachment and metadata lines with {@code -} and {@code +}.
 *
 * <pre>
 * ## notebook: metadata changed
 * -[meta] kernelspec.display_name: Java
 * +[meta] kernelspec.display_name: Java (jjava)
 * ## cell 3 #c0ffee04 [code]: changed source, outputs
 * &#64;&#64; -1,2 +1,2 &#64;&#64;
 *  //| export
 * -static int answer() { return 41; }
 * +static int answer() { return 42; }
 * -[out] text/plain: 41
 * +[out] text/plain: 42
 * ## cell 4 #a1b2c3d5 [markdown]: added
 * +# A new section
 * ## cell 2 -> 5 #e443df78 [code]: moved
 * ## cell 6 #0badcafe [code]: removed
 * -int unused = 0;
 * </pre>
 *
 * Unchanged cells are not shown. Cell numbers are 1-based positions: in the second version, except
 * for a removed cell (its position in the first) and a moved cell (both).
 */
public final class DiffText {

    /** Lines of context around each changed stretch of a source. */
    static final int CONTEXT = 3;

    private DiffText() {}

    /** The diff's lines, without line ends; empty when nothing differs. */
    public static List<String> lines(NotebookDiff diff) {
        List<String> lines = new ArrayList<>();
        if (diff.notebookChanged()) {
            lines.add("## notebook: " + (diff.fromNotebook().isEmpty() ? "added"
                    : diff.toNotebook().isEmpty() ? "removed" : "metadata changed"));
            changedLines(diff.fromNotebook(), diff.toNotebook(), lines);
        }
        for (CellChange change : diff.cells()) {
            switch (change.kind()) {
                case UNCHANGED -> { }
                case ADDED -> {
                    lines.add("## " + label(change) + ": added");
                    prefixed("+", change.to().source(), lines);
                    prefixed("+", change.to().details(), lines);
                }
                case REMOVED -> {
                    lines.add("## " + label(change) + ": removed");
                    prefixed("-", change.from().source(), lines);
                    prefixed("-", change.from().details(), lines);
                }
                case CHANGED, MOVED -> {
                    String what = change.kind() == Kind.MOVED ? "moved" : "changed";
                    lines.add("## " + label(change) + ": " + what
                            + (change.parts().isEmpty() ? "" : change.kind() == Kind.MOVED ? ", changed " : " ")
                            + String.join(", ", change.parts()));
                    if (!change.from().header().equals(change.to().header())) {
                        lines.add("-" + change.from().header());
                        lines.add("+" + change.to().header());
                    }
                    sourceDiff(change.from().source(), change.to().source(), lines);
                    changedLines(change.from().details(), change.to().details(), lines);
                }
                default -> throw new IllegalStateException(change.kind().name());
            }
        }
        return lines;
    }

    /** {@code cell 3 #c0ffee04 [code]}, {@code cell 2 -> 5 [markdown -> code]}. */
    private static String label(CellChange change) {
        StringBuilder label = new StringBuilder("cell ");
        if (change.kind() == Kind.REMOVED) {
            label.append(change.fromNumber());
        } else if (change.kind() == Kind.MOVED) {
            label.append(change.fromNumber()).append(" -> ").append(change.toNumber());
        } else {
            label.append(change.toNumber());
        }
        CellText shown = change.to() != null ? change.to() : change.from();
        if (shown.id() != null) {
            label.append(" #").append(shown.id());
        }
        String fromType = change.from() == null ? shown.type() : change.from().type();
        label.append(" [").append(fromType.equals(shown.type()) ? fromType : fromType + " -> " + shown.type()).append(']');
        return label.toString();
    }

    /** A unified diff of two sources, hunk headers numbering the lines inside the cell. */
    private static void sourceDiff(List<String> from, List<String> to, List<String> lines) {
        if (from.equals(to)) {
            return;
        }
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("from", "to", from, DiffUtils.diff(from, to), CONTEXT);
        lines.addAll(unified.subList(2, unified.size())); // without the --- and +++ file lines
    }

    /** Removed lines with {@code -}, added ones with {@code +}, without context: summaries read best alone. */
    private static void changedLines(List<String> from, List<String> to, List<String> lines) {
        Patch<String> patch = DiffUtils.diff(from, to);
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            prefixed("-", delta.getSource().getLines(), lines);
            prefixed("+", delta.getTarget().getLines(), lines);
        }
    }

    private static void prefixed(String prefix, List<String> text, List<String> lines) {
        for (String line : text) {
            lines.add(prefix + line);
        }
    }
}
