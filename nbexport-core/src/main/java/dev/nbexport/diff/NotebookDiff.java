package dev.nbexport.diff;

import dev.nbexport.diff.CellChange.Kind;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The differences between two versions of a notebook, cell by cell: cells added, removed, moved and
 * changed (and in what: type, id, tags, source, outputs, attachments, metadata), and whether the
 * notebook's own metadata changed. Cells are matched by {@link CellMatching}. What counts as a change
 * is what the {@link NotebookText text view} shows, so execution counts never do.
 *
 * <pre>{@code
 * NotebookDiff diff = NotebookDiff.of(before, after, false);
 * diff.summary();   // "1 cell changed, 1 added"
 * DiffText.lines(diff);
 * }</pre>
 */
public final class NotebookDiff {

    private final List<String> fromNotebook;
    private final List<String> toNotebook;
    private final List<CellChange> cells;

    private NotebookDiff(List<String> fromNotebook, List<String> toNotebook, List<CellChange> cells) {
        this.fromNotebook = List.copyOf(fromNotebook);
        this.toNotebook = List.copyOf(toNotebook);
        this.cells = List.copyOf(cells);
    }

    /**
     * Compares two versions of a notebook.
     *
     * @param from the first version, or {@code null} when the notebook did not exist (it was added)
     * @param to the second version, or {@code null} when the notebook no longer exists (it was removed)
     * @param sourcesOnly compare only which cells there are, their types and their sources: outputs,
     *     attachments, metadata (tags included) and the notebook's metadata are ignored
     */
    public static NotebookDiff of(Notebook from, Notebook to, boolean sourcesOnly) {
        List<Cell> a = from == null ? List.of() : from.cells();
        List<Cell> b = to == null ? List.of() : to.cells();
        CellMatching matching = CellMatching.of(a, b);
        int[] toFirst = new int[b.size()];
        Arrays.fill(toFirst, -1);
        for (int i = 0; i < a.size(); i++) {
            if (matching.matchOf(i) >= 0) {
                toFirst[matching.matchOf(i)] = i;
            }
        }
        // for each cell of the second version, where in the first the next cell kept in place is
        int[] nextKept = new int[b.size() + 1];
        nextKept[b.size()] = a.size();
        for (int j = b.size() - 1; j >= 0; j--) {
            int i = toFirst[j];
            nextKept[j] = i >= 0 && !matching.moved(i) ? i : nextKept[j + 1];
        }
        List<CellChange> changes = new ArrayList<>();
        int next = 0; // the first cell of the first version not yet reported
        for (int j = 0; j < b.size(); j++) {
            // cells removed before the next kept one come first, as in a line diff
            removed(a, next, nextKept[j], matching, sourcesOnly, changes);
            next = Math.max(next, nextKept[j]);
            int i = toFirst[j];
            if (i < 0) {
                changes.add(new CellChange(Kind.ADDED, 0, j + 1, null, text(b.get(j), j + 1, sourcesOnly), List.of()));
            } else {
                changes.add(matched(a.get(i), i + 1, b.get(j), j + 1, matching.moved(i), sourcesOnly));
                if (!matching.moved(i)) {
                    next = i + 1;
                }
            }
        }
        removed(a, next, a.size(), matching, sourcesOnly, changes);
        List<String> fromNotebook = sourcesOnly || from == null ? List.of() : NotebookText.notebookLines(from);
        List<String> toNotebook = sourcesOnly || to == null ? List.of() : NotebookText.notebookLines(to);
        return new NotebookDiff(fromNotebook, toNotebook, changes);
    }

    /** Reports the cells {@code [start, end)} of the first version that are in no place of the second. */
    private static void removed(List<Cell> a, int start, int end, CellMatching matching, boolean sourcesOnly,
            List<CellChange> changes) {
        for (int i = start; i < end; i++) {
            if (matching.matchOf(i) < 0) {
                changes.add(new CellChange(Kind.REMOVED, i + 1, 0, text(a.get(i), i + 1, sourcesOnly), null, List.of()));
            }
        }
    }

    private static CellChange matched(Cell a, int fromNumber, Cell b, int toNumber, boolean moved, boolean sourcesOnly) {
        CellText from = text(a, fromNumber, sourcesOnly);
        CellText to = text(b, toNumber, sourcesOnly);
        List<String> parts = new ArrayList<>();
        add(parts, "type", !a.typeName().equals(b.typeName()));
        if (!sourcesOnly) {
            add(parts, "id", !Objects.equals(a.id(), b.id()));
            add(parts, "tags", !a.tags().equals(b.tags()));
        }
        add(parts, "source", !from.source().equals(to.source()));
        add(parts, "outputs", !from.outputs().equals(to.outputs()));
        add(parts, "attachments", !from.attachments().equals(to.attachments()));
        add(parts, "metadata", !from.metadata().equals(to.metadata()));
        Kind kind = moved ? Kind.MOVED : parts.isEmpty() ? Kind.UNCHANGED : Kind.CHANGED;
        return new CellChange(kind, fromNumber, toNumber, from, to, parts);
    }

    private static void add(List<String> parts, String part, boolean changed) {
        if (changed) {
            parts.add(part);
        }
    }

    private static CellText text(Cell cell, int number, boolean sourcesOnly) {
        CellText text = NotebookText.cell(cell, number);
        return sourcesOnly ? text.withoutDetails() : text;
    }

    /** Every cell of both versions, in the second version's order, removed cells where they were. */
    List<CellChange> cells() {
        return cells;
    }

    /**
     * The notebook's header and metadata lines in the first version; empty when comparing sources
     * only or when there was no first version.
     */
    List<String> fromNotebook() {
        return fromNotebook;
    }

    /** The notebook's header and metadata lines in the second version; empty as for {@link #fromNotebook()}. */
    List<String> toNotebook() {
        return toNotebook;
    }

    /** Whether the notebook's own metadata (or nbformat version) changed. */
    public boolean notebookChanged() {
        return !fromNotebook.equals(toNotebook);
    }

    /** Whether anything differs. */
    public boolean differs() {
        return notebookChanged() || cells.stream().anyMatch(c -> c.kind() != Kind.UNCHANGED);
    }

    /** {@code 2 cells changed, 1 added, 1 moved and changed; notebook metadata changed}, or {@code no differences}. */
    public String summary() {
        int[] counts = new int[5]; // changed, added, removed, moved, moved and changed
        for (CellChange change : cells) {
            switch (change.kind()) {
                case CHANGED -> counts[0]++;
                case ADDED -> counts[1]++;
                case REMOVED -> counts[2]++;
                case MOVED -> counts[change.parts().isEmpty() ? 3 : 4]++;
                case UNCHANGED -> { }
                default -> throw new IllegalStateException(change.kind().name());
            }
        }
        String[] words = {"changed", "added", "removed", "moved", "moved and changed"};
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                parts.add(parts.isEmpty() ? ValueSummary.plural(counts[k], "cell") + " " + words[k] : counts[k] + " " + words[k]);
            }
        }
        String cellsPart = String.join(", ", parts);
        if (notebookChanged()) {
            return cellsPart.isEmpty() ? "notebook metadata changed" : cellsPart + "; notebook metadata changed";
        }
        return cellsPart.isEmpty() ? "no differences" : cellsPart;
    }
}
