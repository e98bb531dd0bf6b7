package dev.nbexport.update;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.nbexport.layout.CellMarker;
import dev.nbexport.layout.FileLayout;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.layout.GeneratedHeader;
import dev.nbexport.layout.MarkedFile;
import dev.nbexport.layout.SourceMap;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import dev.nbexport.problem.Severity;
import dev.nbexport.sync.FileChange;
import dev.nbexport.sync.UnifiedDiff;
import dev.nbexport.workspace.ProjectNotebook;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A generated file edited by hand, read back: the cell each block's marker names, and each block's
 * code with export's layout taken off.
 *
 * <p>The hand-edited text is not trusted to match the source map line for line. The cell markers are
 * the anchors: a block is what lies between its marker and the next one. The source map of the file as
 * export wrote it ({@code exported}) says what export put into each block — its indentation, the test
 * method around a test cell's statements — and {@link FileLayout#code} takes exactly that off; a block
 * whose layout was changed by hand (a line without the indentation, an edited test method line) is an
 * error naming the line.
 *
 * @param change the file and its content now (with the notebook's own changes taken in, when the notebook
 *     changed too since the export)
 * @param exported the file as exporting the notebooks now writes it, with its source map
 * @param marked the file split at its markers
 * @param cells the cell of each block
 * @param code the code of each block, export's layout taken off
 */
public record EditedFile(FileChange change, GeneratedFile exported, MarkedFile marked, List<CellRef> cells,
                         List<List<String>> code) {

    public EditedFile {
        cells = List.copyOf(cells);
        code = List.copyOf(code);
    }

    /**
     * Reads a file edited by hand.
     *
     * @param exported the file as exporting the notebooks now writes it, or {@code null} when they no longer do
     * @param notebooks the project's notebooks by path, to find the cells the markers name
     * @param errors receives every reason the file cannot be mapped back
     * @return the file, or empty (with errors) when it cannot be mapped back
     */
    public static Optional<EditedFile> read(FileChange change, GeneratedFile exported, Map<String, ProjectNotebook> notebooks,
            List<Problem> errors) {
        String shown = change.shown();
        SourceMap.Shape shape = exported == null ? null : exported.sourceMap().shape();
        MarkedFile marked = read(change.current(), shape);
        if (marked.blocks().isEmpty()) {
            errors.add(Problem.error(Location.file(shown), "no cell marker (`// %% notebooks/x.ipynb #id`) is left in the"
                    + " file, so its code cannot be mapped back to any cell",
                    "Put the markers back (see `git diff`), or move the code into a notebook cell by hand."));
            return Optional.empty();
        }
        List<CellRef> cells = new ArrayList<>();
        boolean resolved = true;
        for (MarkedFile.Block block : marked.blocks()) {
            Optional<CellRef> ref = resolve(shown, block, notebooks, errors);
            resolved &= ref.isPresent();
            ref.ifPresent(cells::add);
        }
        if (!resolved) {
            return Optional.empty();
        }
        if (exported == null) {
            errors.add(conflict(change, marked, null));
            return Optional.empty();
        }
        if (!sameRecordedHash(change.current(), exported.content())) {
            // the notebook changed too since the export: fine when it changed only what the hand edits left alone
            Optional<String> handEdits = HandEditAttribution.onNewExport(change.current(), exported.content(), shape);
            if (handEdits.isEmpty()) {
                errors.add(conflict(change, marked, FileLayout.read(exported.content(), shape)));
                return Optional.empty();
            }
            change = new FileChange(change.root(), change.file(), shown, change.action(), handEdits.get(), exported.content());
            marked = read(change.current(), shape);
        }
        MarkedFile original = FileLayout.read(exported.content(), shape);
        if (!original.markers().equals(marked.markers())) {
            errors.add(Problem.error(Location.file(shown), "the cell markers were changed (export wrote " + markerList(original)
                    + ", the file has " + markerList(marked) + "), so the blocks cannot be matched to their cells",
                    "Restore the marker lines; to move code to another cell, edit the notebook."));
            return Optional.empty();
        }
        boolean ok = outsideUnchanged(shown, marked, original, errors);
        List<List<String>> code = new ArrayList<>();
        for (int k = 0; k < marked.blocks().size(); k++) {
            MarkedFile.Block block = marked.blocks().get(k);
            FileLayout.BlockCode read = FileLayout.code(block, exported.sourceMap().blocks().get(k));
            for (int line : read.unindented()) {
                errors.add(Problem.error(Location.file(shown, Set.of(line), List.of(block.marker().cellName())),
                        "not indented by the 4 spaces export puts before the class's members, so it cannot be mapped back"
                                + " exactly", "Indent the line by at least 4 spaces."));
            }
            String fileName = change.file().getFileName().toString();
            if (read.testMethodChanged()) {
                errors.add(Problem.error(Location.file(fileName), "the test method export wrote around the statements of "
                        + cells.get(k) + " was changed; it is not in the cell, so the change cannot be moved back",
                        "Edit only the statements inside the method (its name comes from `//| test name`)."));
            } else if (read.statementUnindented()) {
                errors.add(Problem.error(Location.file(fileName), "a statement of " + cells.get(k)
                        + " is not indented inside its test method, so it cannot be mapped back exactly", ""));
            }
            ok &= read.clean();
            code.add(read.lines());
        }
        return ok ? Optional.of(new EditedFile(change, exported, marked, cells, code)) : Optional.empty();
    }

    /**
     * An import added by hand.
     *
     * @param line the import line, stripped
     * @param fileLine its 1-based line in the file
     */
    public record AddedImport(String line, int fileLine) {
    }

    /** The imports added by hand: import lines of the file that export did not write. */
    public List<AddedImport> addedImports() {
        Set<String> had = new LinkedHashSet<>(FileLayout.read(exported.content(), exported.sourceMap().shape()).imports());
        List<AddedImport> added = new ArrayList<>();
        for (int i : marked.outside()) {
            String line = marked.lines().get(i).strip();
            if (MarkedFile.isImport(line) && !had.contains(line)) {
                added.add(new AddedImport(line, i + 1));
            }
        }
        return added;
    }

    private static MarkedFile read(String content, SourceMap.Shape shape) {
        return shape == null ? FileLayout.read(content) : FileLayout.read(content, shape);
    }

    private static Optional<CellRef> resolve(String shown, MarkedFile.Block block, Map<String, ProjectNotebook> notebooks,
            List<Problem> errors) {
        CellMarker marker = block.marker();
        Location where = Location.file(shown, block.markerIndex() + 1);
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

    /** Lines export writes itself (header, package, class wrapper) must be as written; imports may be added. */
    private static boolean outsideUnchanged(String shown, MarkedFile marked, MarkedFile original, List<Problem> errors) {
        // blank lines are left to the final comparison, which names them if they matter
        List<Integer> now = marked.outside().stream().filter(i -> isCode(marked.lines().get(i))).toList();
        List<String> nowText = now.stream().map(marked.lines()::get).toList();
        List<String> wasText = original.outside().stream().map(original.lines()::get).filter(EditedFile::isCode).toList();
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
        return !line.isBlank() && !MarkedFile.isImport(line);
    }

    /** Both sides changed: the cells whose blocks differ, and a diff of the hand-edited file and the export now. */
    private static Problem conflict(FileChange change, MarkedFile marked, MarkedFile exported) {
        Set<String> cells = new LinkedHashSet<>();
        if (exported != null && exported.markers().equals(marked.markers())) {
            for (int k = 0; k < marked.blocks().size(); k++) {
                if (!marked.blocks().get(k).text().equals(exported.blocks().get(k).text())) {
                    cells.add(marked.blocks().get(k).marker().cellName());
                }
            }
        }
        if (cells.isEmpty()) {
            marked.markers().forEach(m -> cells.add(m.cellName()));
        }
        List<String> mine = MarkedFile.lines(GeneratedHeader.withoutHash(change.current()));
        List<String> theirs = exported == null ? List.of() : MarkedFile.lines(GeneratedHeader.withoutHash(change.wanted()));
        String diff = UnifiedDiff.of(change.shown() + " (edited by hand)", mine,
                exported == null ? "/dev/null (the notebooks no longer export it)" : change.shown() + " (exported from the notebooks now)",
                theirs, 3);
        return new Problem(Severity.ERROR, Location.file(change.shown()), "conflict in " + String.join(", ", cells)
                + ": the file was edited by hand and the notebook changed too since the file was exported (the notebook's"
                + " export no longer matches the hash the file records), so the edits cannot be moved back safely. Both sides:",
                "Bring the two together by hand: copy the Java edits into the notebook cells and run"
                        + " `mvn nbexport:export -Dnbexport.force`, or undo the notebook change and run `mvn nbexport:update` again.",
                diff);
    }

    private static String markerList(MarkedFile file) {
        return file.markers().stream().map(m -> "#" + m.key()).toList().toString();
    }
}
