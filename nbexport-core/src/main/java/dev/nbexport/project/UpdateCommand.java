package dev.nbexport.project;

import dev.nbexport.NbexportException;
import dev.nbexport.directive.CellDirectives;
import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.export.ExportException;
import dev.nbexport.export.ExportResult;
import dev.nbexport.export.Exporter;
import dev.nbexport.export.NotebookSource;
import dev.nbexport.io.AtomicFiles;
import dev.nbexport.io.ProjectPaths;
import dev.nbexport.layout.FileLayout;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.layout.GeneratedHeader;
import dev.nbexport.layout.MarkedFile;
import dev.nbexport.layout.SourceMap;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import dev.nbexport.sync.FileChange;
import dev.nbexport.update.CellUpdate;
import dev.nbexport.update.EditedFile;
import dev.nbexport.update.ExportProof;
import dev.nbexport.workspace.ProjectNotebook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code nbexport:update}: moves hand edits of generated files back into their notebook cells.
 *
 * <p>In five steps, each finding every problem before the next begins:
 * <ol>
 *   <li>Export in memory and find the generated files edited by hand.
 *   <li>Read each edited file back ({@link EditedFile}): its blocks by their cell markers, each block's
 *       code with export's layout (indentation, test method) taken off as the file's source map says.
 *   <li>Put each edited cell's new source together ({@link CellUpdate}): lines the edit left alone keep
 *       the cell's own text (so the modifiers export added or removed are undone), edited lines replace
 *       the cell lines the source map says they came from, the cell's directive and magic lines stay. A
 *       cell whose code is spread over several files (a record in its own file, a method in the target
 *       class) is put back together from all its blocks. Imports added by hand go to the cell whose code
 *       uses them, or else the file's first cell.
 *   <li>Prove it ({@link ExportProof}): the new cells are exported again in memory, and the update goes
 *       ahead only when that export reproduces every edited file byte for byte (apart from its hash
 *       line) and leaves every other file as exporting the notebooks now would.
 *   <li>Write the notebooks, then the edited files' hash lines.
 * </ol>
 * Otherwise nothing is written and the error names the file, the lines that cannot be mapped back and
 * their cells. After an update, export writes nothing and check passes.
 *
 * <h2>Conflicts</h2>
 * When the notebook changed too since the file was exported, the hash the file records still tells
 * which side changed which cell's block ({@link dev.nbexport.update.HandEditAttribution}): the
 * notebook's changes are kept and the hand edits moved back. When a cell changed on both sides, that is
 * a conflict, reported with the cells and a diff of both sides, and nothing is written.
 */
public final class UpdateCommand {

    private static final Pattern WORD = Pattern.compile("[\\w$]+");

    private final Exporter exporter;

    public UpdateCommand() {
        this(new Exporter());
    }

    public UpdateCommand(Exporter exporter) {
        this.exporter = exporter;
    }

    /** The project as the first export saw it. */
    private record Base(ExportRequest request, ProjectExport export, Map<String, ProjectNotebook> notebooks,
                        Map<GeneratedFile.Kind, Path> roots, Map<Path, GeneratedFile> files) {

        Base(ExportRequest request, ProjectExport export) {
            this(request, export, byPath(export), roots(request), byPath(export.result(), roots(request)));
        }

        private static Map<String, ProjectNotebook> byPath(ProjectExport export) {
            Map<String, ProjectNotebook> notebooks = new LinkedHashMap<>();
            export.notebooks().forEach(n -> notebooks.put(n.path(), n));
            return notebooks;
        }

        private static Map<GeneratedFile.Kind, Path> roots(ExportRequest request) {
            return Map.of(GeneratedFile.Kind.MAIN, request.mainRoot().toAbsolutePath().normalize(),
                    GeneratedFile.Kind.TEST, request.testRoot().toAbsolutePath().normalize());
        }

        static Map<Path, GeneratedFile> byPath(ExportResult result, Map<GeneratedFile.Kind, Path> roots) {
            Map<Path, GeneratedFile> files = new HashMap<>();
            for (GeneratedFile f : result.files()) {
                files.put(roots.get(f.kind()).resolve(f.relativePath()).normalize(), f);
            }
            return files;
        }
    }

    /** The updated cells: the notebooks with their new sources, and the directives of each. */
    private record Updated(Map<String, Notebook> notebooks, Map<String, List<CellDirectives>> directives,
                           List<String> cells, Map<String, String> sources) {
    }

    /**
     * Moves the hand edits into the notebooks and rewrites the edited files' hash lines.
     *
     * @throws NbexportException listing every edit that cannot be moved back; then nothing is written
     */
    public UpdateSummary run(ExportRequest request) {
        long start = System.nanoTime();
        Base base = new Base(request, ProjectExport.plan(request, exporter));
        base.export().removeLeftovers(request);
        List<FileChange> handEdited = base.export().changes().stream()
                .filter(c -> c.action() == FileChange.Action.OVERWRITE_HAND_EDIT
                        || c.action() == FileChange.Action.REMOVE_HAND_EDIT)
                .toList();
        // hand edits already in their notebooks (a run killed after writing those): only the hash lines are left to write
        List<FileChange> moved = base.export().changes().stream()
                .filter(c -> c.action() == FileChange.Action.UPDATE && GeneratedHeader.sameButHash(c.current(), c.wanted()))
                .toList();
        if (handEdited.isEmpty()) {
            return new UpdateSummary(List.of(), List.of(), List.of(), write(base, Map.of(), Map.of(), moved), List.of(), millis(start));
        }
        List<EditedFile> edited = read(base, handEdited);
        List<String> importsMoved = new ArrayList<>();
        Map<CellRef, CellUpdate> cells = cellUpdates(base, edited, importsMoved);
        Updated updated = newSources(base, cells);
        Map<Path, String> rewrites = prove(base, edited, updated);
        Map<Path, String> files = new LinkedHashMap<>();
        edited.forEach(f -> files.put(f.change().file(), rewrites.get(f.change().file())));
        List<String> filesWritten = write(base, updated.notebooks(), files, moved);
        return new UpdateSummary(edited.stream().map(f -> f.change().shown()).toList(), updated.cells(),
                new ArrayList<>(updated.notebooks().keySet()), filesWritten, importsMoved, millis(start));
    }

    /** Step 2: the edited files, read back with the source maps of the files export writes now. */
    private static List<EditedFile> read(Base base, List<FileChange> handEdited) {
        List<Problem> errors = new ArrayList<>();
        List<EditedFile> edited = new ArrayList<>();
        for (FileChange change : handEdited) {
            GeneratedFile exported = change.wanted() == null ? null : base.files().get(change.file());
            EditedFile.read(change, exported, base.notebooks(), errors).ifPresent(edited::add);
        }
        if (!errors.isEmpty()) {
            throw failure(errors);
        }
        return edited;
    }

    /** The cells that receive edits, with all their blocks, edited or not, and the imports added by hand. */
    private static Map<CellRef, CellUpdate> cellUpdates(Base base, List<EditedFile> edited, List<String> importsMoved) {
        Map<CellRef, CellUpdate> cells = new TreeMap<>(Comparator.comparing(CellRef::notebook).thenComparingInt(CellRef::number));
        for (EditedFile file : edited) {
            List<String> exportedLines = MarkedFile.lines(file.exported().content());
            List<SourceMap.Block> blocks = file.exported().sourceMap().blocks();
            for (int k = 0; k < blocks.size(); k++) {
                cells.computeIfAbsent(file.cells().get(k), CellUpdate::new)
                        .add(blocks.get(k), FileLayout.exportedCode(exportedLines, blocks.get(k)), file.code().get(k));
            }
            for (EditedFile.AddedImport added : file.addedImports()) {
                CellRef cell = file.cells().get(userOf(file, importedName(added.line())));
                cells.get(cell).addImport(added.line());
                importsMoved.add(added.line() + " (" + file.change().shown() + ", line " + added.fileLine() + ") → " + cell);
            }
        }
        // a cell is put back together from all its blocks: add those in files nobody edited
        Set<Path> editedPaths = new HashSet<>();
        edited.forEach(f -> editedPaths.add(f.change().file()));
        for (GeneratedFile file : base.export().result().files()) {
            Path path = base.roots().get(file.kind()).resolve(file.relativePath()).normalize();
            if (editedPaths.contains(path) || file.sources().stream().noneMatch(cells::containsKey)) {
                continue;
            }
            List<String> lines = MarkedFile.lines(file.content());
            for (SourceMap.Block block : file.sourceMap().blocks()) {
                CellUpdate update = cells.get(block.cell());
                if (update != null) {
                    List<String> code = FileLayout.exportedCode(lines, block);
                    update.add(block, code, code);
                }
            }
        }
        return cells;
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
    private static int userOf(EditedFile file, String name) {
        if (name != null) {
            for (int k = 0; k < file.code().size(); k++) {
                for (String line : file.code().get(k)) {
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

    /** Step 3: each cell's new source, and its directives. */
    private static Updated newSources(Base base, Map<CellRef, CellUpdate> cells) {
        List<Problem> errors = new ArrayList<>();
        Map<String, Notebook> notebooks = new TreeMap<>();
        Map<String, List<CellDirectives>> directives = new HashMap<>();
        List<String> updatedCells = new ArrayList<>();
        Map<String, String> sources = new HashMap<>();
        for (CellUpdate update : cells.values()) {
            CellRef ref = update.cell();
            ProjectNotebook nb = base.notebooks().get(ref.notebook());
            int index = ref.number() - 1;
            Cell cell = notebooks.getOrDefault(nb.path(), nb.notebook()).cells().get(index);
            String source = update.newSource(cell, nb.directives().get(index));
            if (source.equals(cell.source())) {
                continue;
            }
            notebooks.put(nb.path(), notebooks.getOrDefault(nb.path(), nb.notebook()).withCell(index, cell.withSource(source)));
            CellDirectives parsed = DirectiveParser.standard().parse(source, cell.tags(), ref);
            parsed.problems().stream().filter(Problem::isError).forEach(errors::add);
            directives.computeIfAbsent(nb.path(), k -> new ArrayList<>(nb.directives())).set(index, parsed);
            updatedCells.add(ref.toString());
            sources.put(ref.toString(), source);
        }
        if (!errors.isEmpty()) {
            throw failure(errors);
        }
        return new Updated(notebooks, directives, updatedCells, sources);
    }

    /** Step 4: the updated notebooks export exactly the edited files, and change nothing else. */
    private Map<Path, String> prove(Base base, List<EditedFile> edited, Updated updated) {
        List<NotebookSource> sources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (ProjectNotebook nb : base.notebooks().values()) {
            ProjectNotebook now = updated.notebooks().containsKey(nb.path())
                    ? new ProjectNotebook(nb.file(), nb.path(), nb.sha256(), updated.notebooks().get(nb.path()),
                            updated.directives().get(nb.path()))
                    : nb;
            sources.add(ExportSources.of(now, problems));
        }
        if (!problems.isEmpty()) {
            throw NbexportException.of("in the updated notebooks", problems);
        }
        List<Problem> errors = new ArrayList<>();
        ExportResult after;
        try {
            after = exporter.export(sources);
        } catch (ExportException e) {
            for (Problem p : e.problems()) {
                String source = p.cell() == null ? "" : updated.sources().getOrDefault(p.cell().toString(), "");
                errors.add(new Problem(p.severity(), Location.none(), "the edits cannot be moved back into " + p.cell()
                        + ": the cell would not export: " + p, "", source.isEmpty() ? ""
                                : "  The cell would read:" + System.lineSeparator() + source.indent(4).stripTrailing()));
            }
            throw failure(errors);
        }
        Path projectDir = base.request().projectDir();
        Map<Path, String> rewrites = ExportProof.check(edited, contents(base.files()), contents(Base.byPath(after, base.roots())),
                path -> ProjectPaths.shown(projectDir, path), errors);
        if (!errors.isEmpty()) {
            throw failure(errors);
        }
        return rewrites;
    }

    private static Map<Path, String> contents(Map<Path, GeneratedFile> files) {
        Map<Path, String> contents = new HashMap<>();
        files.forEach((path, file) -> contents.put(path, file.content()));
        return contents;
    }

    /**
     * Step 5: every check passed; write (in parallel: each atomic write waits for its own fsync). All notebooks
     * first, then the edited files: rewriting an edited file's hash line marks its edit as exported, so it must
     * not happen before the edit is safe in its notebook. A run killed in between leaves edited files whose
     * notebooks already hold their edits: they differ from export's only in their hash lines, which export
     * and the next update write ({@code moved}).
     *
     * @param notebooks the updated notebooks, by path
     * @param files the edited files with their new hash lines
     * @param moved files whose edits an earlier update moved back, without writing their hash lines
     * @return the files written, as shown to the user
     */
    private static List<String> write(Base base, Map<String, Notebook> notebooks, Map<Path, String> files, List<FileChange> moved) {
        List<Runnable> notebookWrites = new ArrayList<>();
        notebooks.forEach((path, notebook) ->
                notebookWrites.add(() -> NotebookWriter.write(notebook, base.notebooks().get(path).file())));
        AtomicFiles.runAll(notebookWrites);
        Map<Path, String> contents = new LinkedHashMap<>(files);
        moved.forEach(c -> contents.put(c.file(), c.wanted()));
        List<Runnable> fileWrites = new ArrayList<>();
        contents.forEach((file, content) ->
                fileWrites.add(() -> AtomicFiles.writeIfChanged(file, content.getBytes(StandardCharsets.UTF_8))));
        AtomicFiles.runAll(fileWrites);
        Path projectDir = base.request().projectDir();
        return contents.keySet().stream().map(file -> ProjectPaths.shown(projectDir, file)).toList();
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
