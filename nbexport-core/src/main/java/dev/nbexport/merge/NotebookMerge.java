package dev.nbexport.merge;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonNumber;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookFormatException;
import dev.nbexport.notebook.NotebookReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges notebooks cell by cell.
 *
 * <p>Cells are aligned by id (by type and source when a cell has no id), so edits to different cells
 * merge cleanly wherever they are. With a base (a three-way merge), a cell or stretch of cells changed
 * on one side only takes that side, and a cell changed on both sides is merged field by field (its
 * source line by line). What is left conflicting is kept from both sides between marker cells (see
 * {@link MergeOptions}), unless the options prefer a side. Notebook metadata is merged key by key;
 * keys changed differently on both sides keep the preferred side's value (ours by default) and are
 * reported in {@link MergeResult#notes()}.
 *
 * <pre>{@code
 * MergeResult result = NotebookMerge.merge(base, ours, theirs, MergeOptions.defaults());
 * NotebookWriter.write(result.notebook(), file);
 * if (!result.isClean()) { ... result.conflicts() conflicts to resolve by hand ... }
 * }</pre>
 */
public final class NotebookMerge {

    private NotebookMerge() {}

    /** Three-way merge of {@code ours} and {@code theirs}, both derived from {@code base}. */
    public static MergeResult merge(Notebook base, Notebook ours, Notebook theirs, MergeOptions options) {
        if (ours.equals(theirs) || base.equals(theirs)) {
            return MergeResult.of(ours, 0, List.of());
        }
        if (base.equals(ours)) {
            return MergeResult.of(theirs, 0, List.of());
        }
        List<Cell> b = base.cells();
        List<Cell> o = ours.cells();
        List<Cell> t = theirs.cells();
        int[] toOurs = Alignment.align(b.size(), o.size(), (i, j) -> CellMerge.sameCell(b.get(i), o.get(j)));
        int[] toTheirs = Alignment.align(b.size(), t.size(), (i, j) -> CellMerge.sameCell(b.get(i), t.get(j)));
        Assembly out = new Assembly(options, usesIds(ours, theirs));
        for (Diff3.Chunk chunk : Diff3.chunks(toOurs, toTheirs, o.size(), t.size())) {
            if (chunk.stable()) {
                Cell oursCell = o.get(chunk.oursStart());
                Cell theirsCell = t.get(chunk.theirsStart());
                Cell merged = CellMerge.merge(b.get(chunk.baseStart()), oursCell, theirsCell, options);
                if (merged != null) {
                    out.clean(List.of(merged));
                } else {
                    out.conflict(List.of(oursCell), List.of(theirsCell));
                }
                continue;
            }
            List<Cell> bc = b.subList(chunk.baseStart(), chunk.baseEnd());
            List<Cell> oc = o.subList(chunk.oursStart(), chunk.oursEnd());
            List<Cell> tc = t.subList(chunk.theirsStart(), chunk.theirsEnd());
            if (oc.equals(tc) || bc.equals(tc)) {
                out.clean(oc);
            } else if (bc.equals(oc)) {
                out.clean(tc);
            } else {
                out.conflict(oc, tc);
            }
        }
        return finish(fields(base), ours, theirs, out, options);
    }

    /**
     * Two-way merge, when no common base is known (conflict markers without diff3 base sections, or
     * a file added on both branches): cells that are the same on both sides are kept once; every
     * stretch where the sides differ is a conflict, since nothing tells which side changed it.
     */
    public static MergeResult merge(Notebook ours, Notebook theirs, MergeOptions options) {
        if (ours.equals(theirs)) {
            return MergeResult.of(ours, 0, List.of());
        }
        List<Cell> o = ours.cells();
        List<Cell> t = theirs.cells();
        int[] toTheirs = Alignment.align(o.size(), t.size(), (i, j) -> CellMerge.sameCell(o.get(i), t.get(j)));
        Assembly out = new Assembly(options, usesIds(ours, theirs));
        int oursAt = 0;
        int theirsAt = 0;
        for (int i = 0; i <= o.size(); i++) {
            int j = i < o.size() ? toTheirs[i] : t.size();
            if (i < o.size() && j < 0) {
                continue;
            }
            if (i > oursAt || j > theirsAt) {
                out.conflict(o.subList(oursAt, i), t.subList(theirsAt, j));
            }
            if (i < o.size()) {
                if (o.get(i).equals(t.get(j))) {
                    out.clean(List.of(o.get(i)));
                } else {
                    out.conflict(List.of(o.get(i)), List.of(t.get(j)));
                }
            }
            oursAt = i + 1;
            theirsAt = j + 1;
        }
        return finish(JsonObject.EMPTY, ours, theirs, out, options);
    }

    /**
     * Merges three notebook files as a git merge driver does: first line by line, like
     * {@code git merge-file}, keeping that text when it is clean and a valid notebook; otherwise cell
     * by cell. An empty {@code base} (the file was added on both branches) gives a two-way merge.
     *
     * @throws NotebookFormatException when one of the files is not a notebook
     */
    public static MergeResult mergeFiles(byte[] base, byte[] ours, byte[] theirs, String displayName,
            MergeOptions options) {
        Notebook oursNotebook = NotebookReader.parse(ours, displayName + " (ours)");
        Notebook theirsNotebook = NotebookReader.parse(theirs, displayName + " (theirs)");
        if (isBlank(base)) {
            return merge(oursNotebook, theirsNotebook, options);
        }
        Notebook baseNotebook = NotebookReader.parse(base, displayName + " (base)");
        LineMerge.Result lines = LineMerge.merge(utf8(base), utf8(ours), utf8(theirs),
                options.preferring(null));
        if (lines.clean()) {
            try {
                Notebook merged = NotebookReader.parse(lines.text().getBytes(StandardCharsets.UTF_8), displayName);
                if (!hasDuplicateIds(merged) && merged.cells().stream().allMatch(CellShape::isValid)) {
                    return MergeResult.ofText(merged, lines.text(), 0, List.of());
                }
            } catch (NotebookFormatException e) {
                // the line merge broke the JSON (edits next to each other in a list): merge cells instead
            }
        }
        return merge(baseNotebook, oursNotebook, theirsNotebook, options);
    }

    private static boolean isBlank(byte[] content) {
        for (byte b : content) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean hasDuplicateIds(Notebook notebook) {
        Set<String> ids = new HashSet<>();
        for (Cell cell : notebook.cells()) {
            if (cell.id() != null && !ids.add(cell.id())) {
                return true;
            }
        }
        return false;
    }

    private static JsonObject fields(Notebook notebook) {
        return notebook.json().without("cells");
    }

    /** Merges the top-level fields, gives cells unique ids where the notebook uses ids, and builds the result. */
    private static MergeResult finish(JsonObject baseFields, Notebook ours, Notebook theirs, Assembly out,
            MergeOptions options) {
        List<String> notes = new ArrayList<>();
        JsonObject oursFields = fields(ours);
        JsonObject theirsFields = fields(theirs);
        Set<String> keys = new LinkedHashSet<>(oursFields.members().keySet());
        keys.addAll(theirsFields.members().keySet());
        keys.addAll(baseFields.members().keySet());
        keys.remove("nbformat_minor");
        JsonObject metadata = JsonObject.EMPTY;
        Notebook merged = Notebook.empty(JsonObject.EMPTY);
        for (String key : keys) {
            List<String> conflicts = new ArrayList<>();
            Json value = JsonMerge.mergeValue(baseFields.get(key), oursFields.get(key), theirsFields.get(key),
                    options.preference(), key, conflicts);
            for (String path : conflicts) {
                notes.add("notebook " + path + " was changed on both sides: kept "
                        + (options.preference() == Side.THEIRS ? "theirs" : "ours"));
            }
            if (key.equals("metadata") && value instanceof JsonObject m) {
                metadata = m;
            } else if (value != null && !key.equals("metadata")) {
                merged = merged.with(key, value);
            }
        }
        List<Cell> cells = out.cells();
        int minor = Math.max(ours.nbformatMinor(), theirs.nbformatMinor());
        if (usesIds(ours, theirs)) {
            minor = Math.max(minor, 5); // cells with ids are nbformat 4.5
            cells = uniqueIds(cells);
        }
        merged = merged.withMetadata(metadata).with("nbformat_minor", JsonNumber.of(minor)).withCells(cells);
        return MergeResult.of(merged, out.conflicts(), notes);
    }

    /** Whether the result gets cell ids: when either side is nbformat 4.5 or has any cell with an id. */
    private static boolean usesIds(Notebook ours, Notebook theirs) {
        return ours.nbformatMinor() >= 5 || theirs.nbformatMinor() >= 5
                || ours.cells().stream().anyMatch(c -> c.id() != null)
                || theirs.cells().stream().anyMatch(c -> c.id() != null);
    }

    /** Gives every cell an id that no other cell has, keeping the first holder of each id. */
    private static List<Cell> uniqueIds(List<Cell> cells) {
        Set<String> used = new HashSet<>();
        for (Cell cell : cells) {
            if (cell.id() != null) {
                used.add(cell.id());
            }
        }
        Set<String> seen = new HashSet<>();
        List<Cell> result = new ArrayList<>(cells.size());
        for (Cell cell : cells) {
            String id = cell.id();
            if (id != null && seen.add(id)) {
                result.add(cell);
                continue;
            }
            String stem = id == null ? "merged" : id.length() > 54 ? id.substring(0, 54) : id;
            String fresh = stem;
            for (int n = 1; used.contains(fresh); n++) {
                fresh = stem + "-" + n;
            }
            used.add(fresh);
            seen.add(fresh);
            result.add(cell.withId(fresh));
        }
        return result;
    }

    /** Collects merged cells, coalescing adjacent conflicts into one stretch between marker cells. */
    private static final class Assembly {
        private final MergeOptions options;
        private final boolean ids;
        private final List<Cell> cells = new ArrayList<>();
        private final List<Cell> pendingOurs = new ArrayList<>();
        private final List<Cell> pendingTheirs = new ArrayList<>();
        private boolean pending;
        private int conflicts;

        Assembly(MergeOptions options, boolean ids) {
            this.options = options;
            this.ids = ids;
        }

        void clean(List<Cell> merged) {
            flush();
            merged.forEach(cell -> cells.add(CellShape.normalize(cell)));
        }

        void conflict(List<Cell> ours, List<Cell> theirs) {
            if (options.preference() == Side.OURS) {
                clean(ours);
            } else if (options.preference() == Side.THEIRS) {
                clean(theirs);
            } else {
                pending = true;
                ours.forEach(cell -> pendingOurs.add(CellShape.normalize(cell)));
                theirs.forEach(cell -> pendingTheirs.add(CellShape.normalize(cell)));
            }
        }

        private void flush() {
            if (!pending) {
                return;
            }
            conflicts++;
            int size = options.markerSize();
            String id = "conflict-" + conflicts;
            cells.add(ConflictCells.marker(ConflictCells.Kind.START, size, options.oursLabel(), ids ? id + "-ours" : null));
            cells.addAll(pendingOurs);
            cells.add(ConflictCells.marker(ConflictCells.Kind.SEPARATOR, size, "", ids ? id + "-separator" : null));
            cells.addAll(pendingTheirs);
            cells.add(ConflictCells.marker(ConflictCells.Kind.END, size, options.theirsLabel(), ids ? id + "-theirs" : null));
            pendingOurs.clear();
            pendingTheirs.clear();
            pending = false;
        }

        List<Cell> cells() {
            flush();
            return cells;
        }

        int conflicts() {
            flush();
            return conflicts;
        }
    }
}
