package dev.nbexport.project;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.nbexport.NbexportException;
import dev.nbexport.directive.CellDirectives;
import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.directive.ExportKind;
import dev.nbexport.layout.CellMarker;
import dev.nbexport.export.ExportException;
import dev.nbexport.export.ExportResult;
import dev.nbexport.export.Exporter;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.layout.GeneratedHeader;
import dev.nbexport.export.NotebookSource;
import dev.nbexport.io.AtomicFiles;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import dev.nbexport.problem.Severity;
import dev.nbexport.update.HandEditMerge;
import dev.nbexport.sync.FileChange;
import dev.nbexport.sync.MarkedFile;
import dev.nbexport.workspace.ProjectNotebook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code nbexport:update}: moves hand edits of generated files back into their notebook cells.
 *
 * <p>For each generated file edited by hand, the file is split by its cell markers, what export added
 * is undone (the header, package, generated imports and class wrapper; the target class's 4-space
 * indentation; the test method around a test cell's statements; the modifiers export added or
 * removed) and each block's code goes back into the cell its marker names, with the cell's directive
 * and magic lines kept where they were. A cell whose code is spread over several files (a record in
 * its own file, a method in the target class) is put back together from all its pieces. Imports added
 * by hand go to the cell whose code uses them, or else the file's first cell.
 *
 * <h2>Sound by construction</h2>
 * The new cells are exported again in memory, and the update goes ahead only when that export
 * reproduces every edited file byte for byte (apart from its hash line) and leaves every other file
 * as exporting the notebooks now would. Otherwise nothing is written and the error names the file,
 * the lines that cannot be mapped back and their cells. After an update, export writes nothing and
 * check passes.
 *
 * <h2>Conflicts</h2>
 * The hash in a generated file's header is the hash of what export wrote. When the notebook's current
 * export of the file has that hash, the notebook has not changed since the export (for this file) and
 * every difference is a hand edit. Otherwise the notebook changed too, and the recorded hash still
 * tells which side changed which cell's block: of the ways to attribute each differing block to one
 * side, only the right one rebuilds a text with the recorded hash
 * ({@link #handEditsOnNewExport}). The notebook's changes are then kept and the hand edits moved back.
 * When no attribution fits — a cell changed on both sides — that is a conflict, reported with the cells
 * and a diff of both sides, and nothing is written. No extra state is stored.
 *
 * <p>Every problem is found before anything is written.
 */
public final class UpdateCommand {

    private static final Pattern TEST_METHOD = Pattern.compile("void [\\w$]+\\(\\) throws Exception \\{");
    private static final Pattern WORD = Pattern.compile("[\\w$]+");
    private static final int MAX_ORDERED_PIECES = 4;
    /** Writes wait on the disk, not the CPU. */

    private final Exporter exporter;

    public UpdateCommand() {
        this(new Exporter());
    }

    public UpdateCommand(Exporter exporter) {
        this.exporter = exporter;
    }

    /** One block of a cell's code in one file, as exported and as it is now. */
    private record Piece(Path file, int block, List<String> exported, List<String> edited) {
    }

    /** A cell that receives edits. */
    private static final class CellEdit {
        final CellRef ref;
        final List<Piece> pieces = new ArrayList<>();
        final List<String> imports = new ArrayList<>();

        CellEdit(CellRef ref) {
            this.ref = ref;
        }
    }

    /** An edited file and where its blocks go. */
    private record EditedFile(FileChange change, MarkedFile marked, List<CellRef> cells) {
    }

    /**
     * Moves the hand edits into the notebooks and rewrites the edited files' hash lines.
     *
     * @throws NbexportException listing every edit that cannot be moved back; then nothing is written
     */
    public UpdateSummary run(ExportRequest request) {
        long start = System.nanoTime();
        ProjectExport base = ProjectExport.plan(request, exporter);
        List<FileChange> editedChanges = base.changes().stream()
                .filter(c -> c.action() == FileChange.Action.OVERWRITE_HAND_EDIT
                        || c.action() == FileChange.Action.REMOVE_HAND_EDIT)
                .toList();
        if (editedChanges.isEmpty()) {
            return new UpdateSummary(List.of(), List.of(), List.of(), List.of(), List.of(), millis(start));
        }
        Map<String, ProjectNotebook> notebooks = new LinkedHashMap<>();
        base.notebooks().forEach(n -> notebooks.put(n.path(), n));
        Map<GeneratedFile.Kind, Path> roots = Map.of(
                GeneratedFile.Kind.MAIN, request.mainRoot().toAbsolutePath().normalize(),
                GeneratedFile.Kind.TEST, request.testRoot().toAbsolutePath().normalize());

        List<Problem> errors = new ArrayList<>();
        List<EditedFile> edited = new ArrayList<>();
        Map<CellRef, CellEdit> cells = new TreeMap<>(Comparator.comparing(CellRef::notebook).thenComparingInt(CellRef::number));
        List<String> importsMoved = new ArrayList<>();
        for (FileChange change : editedChanges) {
            EditedFile file = read(change, notebooks, errors);
            if (file != null) {
                edited.add(file);
                collect(file, cells, importsMoved);
            }
        }
        if (!errors.isEmpty()) {
            throw failure(errors);
        }
        addUneditedPieces(base.result(), roots, edited, cells);

        // the new cells, and the notebooks with them
        Map<String, Notebook> changedNotebooks = new TreeMap<>();
        Map<String, List<CellDirectives>> changedDirectives = new HashMap<>();
        List<String> updatedCells = new ArrayList<>();
        Map<String, String> newSources = new HashMap<>();
        for (CellEdit edit : cells.values()) {
            ProjectNotebook nb = notebooks.get(edit.ref.notebook());
            int index = edit.ref.number() - 1;
            Cell cell = changedNotebooks.getOrDefault(nb.path(), nb.notebook()).cells().get(index);
            String source = newSource(edit, cell, nb.directives().get(index), errors);
            if (source == null || source.equals(cell.source())) {
                continue;
            }
            Notebook notebook = changedNotebooks.getOrDefault(nb.path(), nb.notebook()).withCell(index, cell.withSource(source));
            changedNotebooks.put(nb.path(), notebook);
            CellDirectives directives = DirectiveParser.standard().parse(source, cell.tags(), edit.ref);
            if (directives.hasErrors()) {
                directives.problems().stream().filter(Problem::isError).forEach(errors::add);
            }
            changedDirectives.computeIfAbsent(nb.path(), k -> new ArrayList<>(nb.directives())).set(index, directives);
            updatedCells.add(edit.ref.toString());
            newSources.put(edit.ref.toString(), source);
        }
        if (!errors.isEmpty()) {
            throw failure(errors);
        }

        // soundness: the new notebooks must export exactly the edited files, and change nothing else
        List<NotebookSource> sources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (ProjectNotebook nb : notebooks.values()) {
            ProjectNotebook now = changedNotebooks.containsKey(nb.path())
                    ? new ProjectNotebook(nb.file(), nb.path(), nb.sha256(), changedNotebooks.get(nb.path()),
                            changedDirectives.get(nb.path()))
                    : nb;
            sources.add(ExportSources.of(now, problems));
        }
        if (!problems.isEmpty()) {
            throw NbexportException.of("in the updated notebooks", problems);
        }
        ExportResult after;
        try {
            after = exporter.export(sources);
        } catch (ExportException e) {
            for (Problem p : e.problems()) {
                String source = p.cell() == null ? "" : newSources.getOrDefault(p.cell().toString(), "");
                errors.add(new Problem(p.severity(), Location.none(), "the edits cannot be moved back into " + p.cell()
                        + ": the cell would not export: " + p, "", source.isEmpty() ? ""
                                : "  The cell would read:" + System.lineSeparator() + source.indent(4).stripTrailing()));
            }
            throw failure(errors);
        }
        Map<Path, String> afterFiles = byPath(after, roots);
        Map<Path, String> baseFiles = byPath(base.result(), roots);
        Map<Path, String> rewrites = new LinkedHashMap<>();
        Set<Path> editedPaths = new HashSet<>();
        for (EditedFile file : edited) {
            Path path = file.change().file();
            editedPaths.add(path);
            String now = afterFiles.get(path);
            String wanted = MarkedFile.withoutHash(file.change().current());
            if (now == null) {
                errors.add(Problem.error(Location.file(file.change().shown()), "the updated cells would no longer export this file", ""));
            } else if (!MarkedFile.withoutHash(now).equals(wanted)) {
                errors.add(unmappable(file.change().shown(), wanted, MarkedFile.withoutHash(now)));
            } else {
                rewrites.put(path, now);
            }
        }
        Set<Path> others = new TreeSet<>(afterFiles.keySet());
        others.addAll(baseFiles.keySet());
        for (Path path : others) {
            if (!editedPaths.contains(path) && !Objects.equals(afterFiles.get(path), baseFiles.get(path))) {
                errors.add(sideEffect(request, path, baseFiles.get(path), afterFiles.get(path)));
            }
        }
        if (!errors.isEmpty()) {
            throw failure(errors);
        }

        // every check passed: write (in parallel: each atomic write waits for its own fsync)
        List<String> notebooksWritten = new ArrayList<>(changedNotebooks.keySet());
        List<Runnable> writes = new ArrayList<>();
        changedNotebooks.forEach((path, notebook) -> writes.add(() -> NotebookWriter.write(notebook, notebooks.get(path).file())));
        List<String> filesWritten = new ArrayList<>();
        for (EditedFile file : edited) {
            byte[] content = rewrites.get(file.change().file()).getBytes(StandardCharsets.UTF_8);
            writes.add(() -> AtomicFiles.writeIfChanged(file.change().file(), content));
            filesWritten.add(file.change().shown());
        }
        AtomicFiles.runAll(writes);
        return new UpdateSummary(edited.stream().map(f -> f.change().shown()).toList(), updatedCells, notebooksWritten,
                filesWritten, importsMoved, millis(start));
    }

    // ---- reading an edited file ----

    /** The edited file with its markers resolved, or null (with errors) when it cannot be mapped. */
    private static EditedFile read(FileChange change, Map<String, ProjectNotebook> notebooks, List<Problem> errors) {
        String shown = change.shown();
        MarkedFile marked = MarkedFile.parse(change.current());
        if (marked.blocks().isEmpty()) {
            errors.add(Problem.error(Location.file(shown), "no cell marker (`// %% notebooks/x.ipynb #id`) is left in the"
                    + " file, so its code cannot be mapped back to any cell",
                    "Put the markers back (see `git diff`), or move the code into a notebook cell by hand."));
            return null;
        }
        List<CellRef> refs = new ArrayList<>();
        boolean resolved = true;
        for (MarkedFile.Block block : marked.blocks()) {
            Optional<CellRef> ref = resolve(shown, block, notebooks, errors);
            resolved &= ref.isPresent();
            ref.ifPresent(refs::add);
        }
        if (!resolved) {
            return null;
        }
        String exported = change.wanted();
        if (exported == null) {
            errors.add(conflict(change, marked, null));
            return null;
        }
        if (!sameRecordedHash(change.current(), exported)) {
            // the notebook changed too since the export: fine when it changed only what the hand edits left alone
            Optional<String> handEdits = handEditsOnNewExport(change.current(), exported);
            if (handEdits.isEmpty()) {
                errors.add(conflict(change, marked, MarkedFile.parse(exported)));
                return null;
            }
            change = new FileChange(change.root(), change.file(), shown, change.action(), handEdits.get(), exported);
            marked = MarkedFile.parse(change.current());
        }
        MarkedFile original = MarkedFile.parse(exported);
        if (!original.markers().equals(marked.markers())) {
            errors.add(Problem.error(Location.file(shown), "the cell markers were changed (export wrote " + markerList(original)
                    + ", the file has " + markerList(marked) + "), so the blocks cannot be matched to their cells",
                    "Restore the marker lines; to move code to another cell, edit the notebook."));
            return null;
        }
        boolean ok = checkOutside(shown, marked, original, errors);
        for (MarkedFile.Block block : marked.blocks()) {
            for (int line : block.misindented()) {
                errors.add(Problem.error(Location.file(shown, Set.of(line + 1), List.of(cellName(block.marker()))),
                        "not indented by the 4 spaces export puts before the class's members, so it cannot be mapped back"
                                + " exactly", "Indent the line by at least 4 spaces."));
                ok = false;
            }
        }
        return ok ? new EditedFile(change, marked, refs) : null;
    }

    private static Optional<CellRef> resolve(String shown, MarkedFile.Block block, Map<String, ProjectNotebook> notebooks,
            List<Problem> errors) {
        CellMarker marker = block.marker();
        Location where = Location.file(shown, block.markerLine() + 1);
        ProjectNotebook nb = notebooks.get(marker.notebook());
        if (nb == null) {
            errors.add(Problem.error(where, "the cell marker names " + marker.notebook() + ", which is not a notebook of this"
                    + " project (deleted, renamed or excluded?)",
                    "Restore the notebook, or move this block's code into a cell of another notebook by hand."));
            return Optional.empty();
        }
        List<Cell> cells = nb.notebook().cells();
        boolean anyId = false;
        for (int i = 0; i < cells.size(); i++) {
            String id = cells.get(i).id();
            anyId |= id != null;
            if (marker.key().equals(id)) {
                return Optional.of(nb.notebook().cellRef(nb.path(), i));
            }
        }
        if (!anyId && marker.key().chars().allMatch(Character::isDigit) && marker.key().length() < 9) {
            int number = Integer.parseInt(marker.key());
            if (number >= 1 && number <= cells.size()) {
                return Optional.of(nb.notebook().cellRef(nb.path(), number - 1));
            }
        }
        errors.add(Problem.error(where, "the cell marker names cell #" + marker.key() + " of " + marker.notebook()
                + ", which is no longer in the notebook", "Restore the cell, or move this block's code into another cell by hand."));
        return Optional.empty();
    }

    private static boolean sameRecordedHash(String current, String exported) {
        String recorded = GeneratedHeader.parse(current).map(GeneratedHeader::recordedHash).orElse(null);
        return recorded != null && recorded.equals(GeneratedHeader.parse(exported).map(GeneratedHeader::recordedHash).orElse(null));
    }

    /**
     * When both the notebook and the file changed since the export, which side changed what is
     * found from the hash the export recorded: for each way of attributing every differing block (and
     * the lines around the blocks) to one side, the original it implies is put together and hashed; the
     * one whose hash is the recorded hash <em>is</em> the original (SHA-256), so each block changed on
     * one side only. Then the result is the file with the notebook's changes taken from
     * {@code exported} and the hand edits kept: what update maps back. Empty when no attribution
     * matches (a cell changed on both sides, or the cells themselves changed): a conflict.
     */
    static Optional<String> handEditsOnNewExport(String current, String exported) {
        MarkedFile mine = MarkedFile.parse(current);
        MarkedFile theirs = MarkedFile.parse(exported);
        String recorded = GeneratedHeader.parse(current).map(GeneratedHeader::recordedHash).orElse(null);
        if (recorded == null || mine.blocks().isEmpty() || !mine.markers().equals(theirs.markers())
                || mine.nested() != theirs.nested()) {
            return Optional.empty();
        }
        List<List<String>> myRegions = regions(mine);
        List<List<String>> theirRegions = regions(theirs);
        List<Integer> differing = new ArrayList<>();
        for (int i = 1; i + 1 < myRegions.size(); i++) {
            if (!myRegions.get(i).equals(theirRegions.get(i))) {
                differing.add(i);
            }
        }
        int last = myRegions.size() - 1;
        if (differing.size() > 12) {
            return Optional.empty(); // 4,096 candidates at most
        }
        // the lines around the blocks were changed by one side at most: the hand edits (kept) or the notebook (taken)
        for (boolean handEditedOutside : new boolean[] {false, true}) {
            for (int mask = 0; mask < 1 << differing.size(); mask++) {
                // bit set: the notebook changed that block (the original is my version); clear: the hand edit did
                List<List<String>> original = new ArrayList<>(theirRegions);
                List<List<String>> result = new ArrayList<>(theirRegions);
                if (handEditedOutside) {
                    result.set(0, myRegions.get(0));
                    result.set(last, myRegions.get(last));
                } else {
                    original.set(0, myRegions.get(0));
                    original.set(last, myRegions.get(last));
                }
                for (int b = 0; b < differing.size(); b++) {
                    int region = differing.get(b);
                    if ((mask & 1 << b) != 0) {
                        original.set(region, myRegions.get(region));
                    } else {
                        result.set(region, myRegions.get(region));
                    }
                }
                String candidate = join(original);
                if (recorded.equals(GeneratedHeader.parse(candidate).map(GeneratedHeader::actualHash).orElse(null))) {
                    return Optional.of(join(result));
                }
            }
        }
        return Optional.empty();
    }

    /** The lines before the first marker, each marker's lines up to the next one, and the closing lines. */
    private static List<List<String>> regions(MarkedFile file) {
        List<List<String>> regions = new ArrayList<>();
        List<String> lines = file.lines();
        regions.add(lines.subList(0, file.blocks().get(0).markerLine()));
        for (int k = 0; k < file.blocks().size(); k++) {
            int to = k + 1 < file.blocks().size() ? file.blocks().get(k + 1).markerLine() : file.closing();
            regions.add(lines.subList(file.blocks().get(k).markerLine(), to));
        }
        regions.add(lines.subList(file.closing(), lines.size()));
        return regions;
    }

    private static String join(List<List<String>> regions) {
        StringBuilder sb = new StringBuilder();
        regions.forEach(region -> region.forEach(line -> sb.append(line).append('\n')));
        return sb.toString();
    }

    /** Lines export writes itself (header, package, class wrapper) must be as written; imports may be added. */
    private static boolean checkOutside(String shown, MarkedFile marked, MarkedFile original, List<Problem> errors) {
        // blank lines are left to the final comparison, which names them if they matter
        List<Integer> now = marked.outside().stream().filter(i -> isCode(marked.lines().get(i))).toList();
        List<String> nowText = now.stream().map(marked.lines()::get).toList();
        List<String> wasText = original.outside().stream().map(original.lines()::get).filter(UpdateCommand::isCode).toList();
        Patch<String> patch = DiffUtils.diff(wasText, nowText);
        if (patch.getDeltas().isEmpty()) {
            return true;
        }
        Set<Integer> lines = new TreeSet<>();
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int from = delta.getTarget().getPosition();
            int size = Math.max(1, delta.getTarget().size());
            for (int i = from; i < from + size && !now.isEmpty(); i++) {
                lines.add(now.get(Math.min(i, now.size() - 1)) + 1);
            }
        }
        errors.add(Problem.error(Location.file(shown, lines, List.of()), "code outside any cell marker; export writes these"
                + " lines itself (header, package, class), so they map to no cell",
                "Move the code below a cell marker (or into a notebook cell), and restore the lines export wrote."));
        return false;
    }

    private static boolean isCode(String line) {
        return !line.isBlank() && !isImport(line);
    }

    private static boolean isImport(String line) {
        return line.startsWith("import ");
    }

    /** Records the pieces of the file's cells, and where imports added by hand go. */
    private static void collect(EditedFile file, Map<CellRef, CellEdit> cells, List<String> importsMoved) {
        MarkedFile marked = file.marked();
        MarkedFile original = MarkedFile.parse(file.change().wanted());
        for (int k = 0; k < marked.blocks().size(); k++) {
            CellEdit edit = cells.computeIfAbsent(file.cells().get(k), CellEdit::new);
            edit.pieces.add(new Piece(file.change().file(), k, original.blocks().get(k).text(), marked.blocks().get(k).text()));
        }
        Set<String> had = new HashSet<>();
        original.outside().stream().map(original.lines()::get).filter(UpdateCommand::isImport).forEach(had::add);
        for (int i : marked.outside()) {
            String line = marked.lines().get(i).strip();
            if (!isImport(line) || had.contains(line)) {
                continue;
            }
            int k = userOf(marked, importedName(line));
            CellRef cell = file.cells().get(k);
            cells.computeIfAbsent(cell, CellEdit::new).imports.add(line);
            importsMoved.add(line + " (" + file.change().shown() + ", line " + (i + 1) + ") → " + cell);
        }
    }

    /** The name an import brings in: {@code Function} for {@code import java.util.function.Function;}, null for {@code .*}. */
    private static String importedName(String line) {
        String name = line.substring("import ".length()).replace(";", "").strip();
        if (name.endsWith("*")) {
            return null;
        }
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The block whose code uses {@code name}, else the first block. */
    private static int userOf(MarkedFile marked, String name) {
        if (name != null) {
            for (int k = 0; k < marked.blocks().size(); k++) {
                for (String line : marked.blocks().get(k).text()) {
                    var m = WORD.matcher(line);
                    while (m.find()) {
                        if (m.group().equals(name)) {
                            return k;
                        }
                    }
                }
            }
        }
        return 0;
    }

    /** The cells' pieces in files nobody edited: a cell is put back together from all of them. */
    private static void addUneditedPieces(ExportResult result, Map<GeneratedFile.Kind, Path> roots, List<EditedFile> edited,
            Map<CellRef, CellEdit> cells) {
        Set<Path> editedPaths = new HashSet<>();
        edited.forEach(f -> editedPaths.add(f.change().file()));
        Map<CellMarker, CellEdit> byMarker = new HashMap<>();
        cells.values().forEach(c -> byMarker.put(CellMarker.of(c.ref), c));
        for (GeneratedFile file : result.files()) {
            Path path = roots.get(file.kind()).resolve(file.relativePath()).normalize();
            if (editedPaths.contains(path) || file.sources().stream().noneMatch(cells::containsKey)) {
                continue;
            }
            MarkedFile marked = MarkedFile.parse(file.content());
            for (int k = 0; k < marked.blocks().size(); k++) {
                CellEdit edit = byMarker.get(marked.blocks().get(k).marker());
                if (edit != null) {
                    List<String> text = marked.blocks().get(k).text();
                    edit.pieces.add(new Piece(path, k, text, text));
                }
            }
        }
    }

    // ---- the new cell ----

    /** The cell's new source, or null (with errors) when its pieces cannot be put back. */
    private static String newSource(CellEdit edit, Cell cell, CellDirectives directives, List<Problem> errors) {
        List<String> code = directives.javaLines();
        List<Piece> pieces = new ArrayList<>();
        for (Piece piece : edit.pieces) {
            Piece unwrapped = directives.exportKind() == ExportKind.TEST ? unwrapTest(edit, piece, code, errors) : piece;
            if (unwrapped == null) {
                return null;
            }
            pieces.add(unwrapped);
        }
        pieces = inCellOrder(pieces, code);
        List<String> exported = new ArrayList<>();
        List<String> editedLines = new ArrayList<>();
        for (Piece p : pieces) {
            exported.addAll(p.exported());
            editedLines.addAll(p.edited());
        }
        List<HandEditMerge.Line> merged = new ArrayList<>(
                exported.equals(editedLines) ? keep(code) : HandEditMerge.merge(code, exported, editedLines));
        addImports(merged, edit.imports);
        return rebuild(cell.source(), directives, merged);
    }

    private static List<HandEditMerge.Line> keep(List<String> code) {
        List<HandEditMerge.Line> lines = new ArrayList<>(code.size());
        for (int i = 0; i < code.size(); i++) {
            lines.add(new HandEditMerge.Line(code.get(i), i));
        }
        return lines;
    }

    /** A test cell of statements is exported inside a test method: take the statements out of it. */
    private static Piece unwrapTest(CellEdit edit, Piece piece, List<String> code, List<Problem> errors) {
        List<String> g = piece.exported();
        boolean wrapped = g.size() >= 4 && g.get(0).equals("@Test") && g.get(1).startsWith("@DisplayName(")
                && TEST_METHOD.matcher(g.get(2)).matches() && g.get(g.size() - 1).equals("}")
                && code.stream().noneMatch(l -> l.strip().equals(g.get(2)));
        if (!wrapped) {
            return piece;
        }
        List<String> e = piece.edited();
        if (e.size() < 4 || !e.subList(0, 3).equals(g.subList(0, 3)) || !e.get(e.size() - 1).equals("}")) {
            errors.add(Problem.error(Location.file(piece.file().getFileName().toString()), "the test method export wrote around"
                    + " the statements of " + edit.ref + " was changed; it is not in the cell, so the change cannot be moved back",
                    "Edit only the statements inside the method (its name comes from `//| test name`)."));
            return null;
        }
        List<String> edited = dedent(e.subList(3, e.size() - 1));
        if (edited == null) {
            errors.add(Problem.error(Location.file(piece.file().getFileName().toString()), "a statement of " + edit.ref
                    + " is not indented inside its test method, so it cannot be mapped back exactly", ""));
            return null;
        }
        return new Piece(piece.file(), piece.block(), dedent(g.subList(3, g.size() - 1)), edited);
    }

    private static List<String> dedent(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (line.isEmpty()) {
                out.add(line);
            } else if (line.startsWith("    ")) {
                out.add(line.substring(4));
            } else {
                return null;
            }
        }
        return out;
    }

    /** The pieces in the order their code has in the cell: the order whose lines the cell has most of. */
    private static List<Piece> inCellOrder(List<Piece> pieces, List<String> code) {
        if (pieces.size() < 2 || pieces.size() > MAX_ORDERED_PIECES) {
            return pieces;
        }
        List<List<Piece>> orders = new ArrayList<>();
        permutations(new ArrayList<>(pieces), 0, orders);
        List<Piece> best = pieces;
        int bestCommon = -1;
        for (List<Piece> order : orders) {
            List<String> exported = new ArrayList<>();
            order.forEach(p -> exported.addAll(p.exported()));
            int common = HandEditMerge.common(exported, code);
            if (common > bestCommon) {
                best = order;
                bestCommon = common;
            }
        }
        return best;
    }

    private static void permutations(List<Piece> items, int from, List<List<Piece>> out) {
        if (from == items.size()) {
            out.add(List.copyOf(items));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            Collections.swap(items, from, i);
            permutations(items, from + 1, out);
            Collections.swap(items, from, i);
        }
    }

    /** Imports go after the cell's own imports at its top, or first, followed by a blank line. */
    private static void addImports(List<HandEditMerge.Line> merged, List<String> imports) {
        if (imports.isEmpty()) {
            return;
        }
        int at = 0;
        for (int i = 0; i < merged.size(); i++) {
            String line = merged.get(i).text().strip();
            if (isImport(line)) {
                at = i + 1;
            } else if (!line.isEmpty()) {
                break;
            }
        }
        List<HandEditMerge.Line> added = new ArrayList<>();
        for (String line : new LinkedHashSet<>(imports)) {
            added.add(new HandEditMerge.Line(line, -1));
        }
        if (at == 0) {
            added.add(new HandEditMerge.Line("", -1));
        }
        merged.addAll(at, added);
    }

    /**
     * The cell source with its Java lines replaced by {@code merged}; directive and magic lines stay,
     * each after the Java line it followed (or at the top).
     */
    private static String rebuild(String source, CellDirectives directives, List<HandEditMerge.Line> merged) {
        String sep = source.contains("\r\n") ? "\r\n" : "\n";
        String[] lines = source.split(Pattern.quote(sep), -1);
        int javaCount = directives.javaLineCount();
        boolean[] isJava = new boolean[lines.length];
        for (int j = 1; j <= javaCount; j++) {
            int cellLine = directives.cellLine(j);
            if (cellLine >= 1 && cellLine <= lines.length) {
                isJava[cellLine - 1] = true;
            }
        }
        int[] position = new int[javaCount];
        Arrays.fill(position, -1);
        for (int i = 0; i < merged.size(); i++) {
            int origin = merged.get(i).origin();
            if (origin >= 0 && origin < javaCount) {
                position[origin] = i;
            }
        }
        List<String> top = new ArrayList<>();
        Map<Integer, List<String>> afterLine = new HashMap<>();
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (isJava[i]) {
                seen++;
                continue;
            }
            int anchor = -1;
            for (int j = seen - 1; j >= 0 && anchor < 0; j--) {
                anchor = position[j];
            }
            (anchor < 0 ? top : afterLine.computeIfAbsent(anchor, k -> new ArrayList<>())).add(lines[i]);
        }
        List<String> out = new ArrayList<>(top);
        for (int i = 0; i < merged.size(); i++) {
            out.add(merged.get(i).text());
            out.addAll(afterLine.getOrDefault(i, List.of()));
        }
        return String.join(sep, out);
    }

    // ---- messages ----

    private static Problem conflict(FileChange change, MarkedFile marked, MarkedFile exported) {
        Set<String> cells = new LinkedHashSet<>();
        if (exported != null && exported.markers().equals(marked.markers())) {
            for (int k = 0; k < marked.blocks().size(); k++) {
                if (!marked.blocks().get(k).text().equals(exported.blocks().get(k).text())) {
                    cells.add(cellName(marked.blocks().get(k).marker()));
                }
            }
        }
        if (cells.isEmpty()) {
            marked.markers().forEach(m -> cells.add(cellName(m)));
        }
        String nl = System.lineSeparator();
        List<String> mine = MarkedFile.lines(MarkedFile.withoutHash(change.current()));
        List<String> theirs = exported == null ? List.of() : MarkedFile.lines(MarkedFile.withoutHash(change.wanted()));
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(change.shown() + " (edited by hand)",
                exported == null ? "/dev/null (the notebooks no longer export it)" : change.shown() + " (exported from the notebooks now)",
                mine, DiffUtils.diff(mine, theirs), 3);
        return new Problem(Severity.ERROR, Location.file(change.shown()), "conflict in " + String.join(", ", cells)
                + ": the file was edited by hand and the notebook changed too since the file was exported (the notebook's"
                + " export no longer matches the hash the file records), so the edits cannot be moved back safely. Both sides:",
                "Bring the two together by hand: copy the Java edits into the notebook cells and run"
                        + " `mvn nbexport:export -Dnbexport.force`, or undo the notebook change and run `mvn nbexport:update` again.",
                String.join(nl, diff));
    }

    private static Problem unmappable(String shown, String wanted, String exported) {
        List<String> mine = MarkedFile.lines(wanted);
        List<String> theirs = MarkedFile.lines(exported);
        Patch<String> patch = DiffUtils.diff(mine, theirs);
        Set<Integer> lines = new TreeSet<>();
        Set<String> cells = new LinkedHashSet<>();
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int from = delta.getSource().getPosition();
            int size = Math.max(1, delta.getSource().size());
            for (int i = from; i < from + size; i++) {
                int line = Math.min(i, mine.size() - 1);
                lines.add(line + 1);
                cells.add(cellAbove(mine, line));
            }
        }
        if (lines.stream().anyMatch(l -> !mine.get(l - 1).isBlank())) {
            lines.removeIf(l -> mine.get(l - 1).isBlank());
        }
        String nl = System.lineSeparator();
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(shown + " (edited by hand)",
                shown + " (exported from the updated cells)", mine, patch, 2);
        return new Problem(Severity.ERROR, Location.file(shown, lines, List.copyOf(cells)),
                "cannot be mapped back: exporting the updated cells would not give these lines",
                "Export would write them differently (an import it does not need, code in a place it cannot come"
                        + " from, a changed modifier it sets itself): edit the notebook cell instead.",
                String.join(nl, diff));
    }

    private static Problem sideEffect(ExportRequest request, Path path, String before, String after) {
        String shown = request.projectDir().toAbsolutePath().normalize().relativize(path).toString().replace('\\', '/');
        List<String> was = before == null ? List.of() : MarkedFile.lines(before);
        List<String> now = after == null ? List.of() : MarkedFile.lines(after);
        String nl = System.lineSeparator();
        return new Problem(Severity.ERROR, Location.file(shown), "the updated cells would also change this file, which was not edited",
                "Make the same edit in this file too, or edit the notebook cell instead.",
                String.join(nl, UnifiedDiffUtils.generateUnifiedDiff(shown + " (exported now)",
                        shown + " (exported from the updated cells)", was, DiffUtils.diff(was, now), 2)));
    }

    private static String cellAbove(List<String> lines, int line) {
        for (int i = line; i >= 0; i--) {
            Optional<CellMarker> marker = CellMarker.parse(lines.get(i));
            if (marker.isPresent()) {
                return cellName(marker.get());
            }
        }
        return "outside any cell marker";
    }

    private static String cellName(CellMarker marker) {
        return marker.notebook() + " #" + marker.key();
    }

    private static String markerList(MarkedFile file) {
        return file.markers().stream().map(m -> "#" + m.key()).toList().toString();
    }

    private static Map<Path, String> byPath(ExportResult result, Map<GeneratedFile.Kind, Path> roots) {
        Map<Path, String> files = new HashMap<>();
        for (GeneratedFile f : result.files()) {
            files.put(roots.get(f.kind()).resolve(f.relativePath()).normalize(), f.content());
        }
        return files;
    }

    private static NbexportException failure(List<Problem> errors) {
        return new NbexportException("nbexport:update changed nothing: "
                + (errors.size() == 1 ? "one edit cannot be moved back" : errors.size() + " problems"), errors,
                "Nothing was written. Fix the problems above and run `mvn nbexport:update` again.");
    }


    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
