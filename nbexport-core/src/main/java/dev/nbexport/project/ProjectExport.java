package dev.nbexport.project;

import dev.nbexport.NbexportException;
import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.export.ExportResult;
import dev.nbexport.export.Exporter;
import dev.nbexport.export.NotebookSource;
import dev.nbexport.io.AtomicFiles;
import dev.nbexport.io.FileStamp;
import dev.nbexport.io.Sha256;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.problem.Problem;
import dev.nbexport.sync.FileChange;
import dev.nbexport.sync.SourceSync;
import dev.nbexport.workspace.ProjectNotebook;
import dev.nbexport.workspace.ProjectNotebooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project's export worked out in memory: the notebooks read, the files the exporter made, and how
 * each differs from the source roots. {@code export} carries the changes out; {@code check} reports
 * them; nothing is written here.
 *
 * <p>A full export reads and exports every notebook. With a {@link StalenessIndex} of the same
 * configuration, only what changed since is worked out again ({@link IncrementalExport}): the changes
 * then cover the files that may differ, and every other file of {@code files} is known to be as the
 * notebooks make it.
 *
 * @param notebooks the notebooks read and exported (all of them, unless incremental)
 * @param result what the exporter made
 * @param changes what that means for each file of the source roots that may differ, sorted by path
 * @param sync the sync that computed the changes, to apply them
 * @param warnings directive and export warnings of the notebooks read, described
 * @param files every file the project's notebooks make now, with the notebooks whose cells go into it
 * @param onDisk the source roots as the run found them
 * @param others the {@code .java} files of the roots known not to be generated, for the next index
 * @param upToDate whether nothing changed since the index was saved, so nothing was read
 */
public record ProjectExport(List<ProjectNotebook> notebooks, ExportResult result, List<FileChange> changes,
                            SourceSync sync, List<String> warnings, Map<GeneratedFile.Id, List<String>> files,
                            SourceSync.RootFiles onDisk, Map<Path, FileStamp> others, boolean upToDate) {

    public ProjectExport {
        notebooks = List.copyOf(notebooks);
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        files = Map.copyOf(files);
        others = Map.copyOf(others);
    }

    /**
     * Removes the temporary files that killed runs of ours left in the source roots, among the
     * notebooks and beside the index ({@link AtomicFiles#isLeftover}), and nothing else.
     */
    void removeLeftovers(ExportRequest request) {
        AtomicFiles.removeLeftovers(onDisk.leftovers());
        AtomicFiles.removeLeftovers(request.notebooksDir());
        if (request.indexFile() != null) {
            AtomicFiles.removeLeftoversOf(request.indexFile());
        }
    }

    /** Reads every notebook of {@code request}, exports them in memory and compares with the roots. */
    public static ProjectExport plan(ExportRequest request, Exporter exporter) {
        StalenessIndex index = request.indexFile() == null ? StalenessIndex.empty() : StalenessIndex.load(request.indexFile());
        ProjectNotebooks reader = new ProjectNotebooks(request.projectDir(), DirectiveParser.standard());
        return full(request, reader.read(request.notebookFiles()), exporter, index);
    }

    /**
     * As {@link #plan(ExportRequest, Exporter)}, but with an index of the same configuration
     * ({@link ExportRequest#indexFile}) only what changed since is read and exported again.
     */
    public static ProjectExport planChanges(ExportRequest request, Exporter exporter) {
        StalenessIndex index = request.indexFile() == null ? StalenessIndex.empty() : StalenessIndex.load(request.indexFile());
        String fingerprint = Sha256.hex(request.fingerprintText().getBytes(StandardCharsets.UTF_8));
        return planChanges(request, read(request, index, fingerprint), exporter, index, fingerprint);
    }

    /**
     * The notebooks of {@code request}; those the index of the same configuration knows by an unchanged
     * stamp are not read until their bytes are needed.
     */
    static List<ProjectNotebooks.NotebookFile> read(ExportRequest request, StalenessIndex index, String fingerprint) {
        ProjectNotebooks reader = new ProjectNotebooks(request.projectDir(), DirectiveParser.standard());
        return reader.read(request.notebookFiles(), index.matches(fingerprint) && !request.force() ? index.recorded() : Map.of());
    }

    /**
     * As {@link #plan(ExportRequest, Exporter)} for the notebook {@code files} already read, but with an
     * index of the same configuration only what changed since is read and exported again.
     *
     * @param fingerprint the configuration's fingerprint ({@link ExportRequest#fingerprintText})
     */
    static ProjectExport planChanges(ExportRequest request, List<ProjectNotebooks.NotebookFile> files, Exporter exporter,
                                     StalenessIndex index, String fingerprint) {
        if (index.matches(fingerprint) && !request.force()) {
            var incremental = new IncrementalExport(request, files, exporter, index).plan();
            if (incremental.isPresent()) {
                return incremental.get();
            }
        }
        return full(request, files, exporter, index);
    }

    /**
     * Every notebook exported; the files {@code index} says an earlier run wrote are checked for
     * staleness too.
     */
    static ProjectExport full(ExportRequest request, List<ProjectNotebooks.NotebookFile> files, Exporter exporter,
                              StalenessIndex index) {
        Context context = new Context(request);
        SourceSync.RootFiles onDisk = context.sync.scan(context.roots.values());
        ProjectNotebooks.Loaded loaded = context.reader.parse(files);
        ExportResult result = exporter.export(sources(loaded));

        Set<String> read = new HashSet<>();
        files.forEach(n -> read.add(n.path()));
        Set<Path> candidates = new HashSet<>(onDisk.javaFiles().keySet());
        candidates.addAll(index.writtenFiles());
        List<FileChange> changes = context.sync.changes(result.files(), context.roots, read, candidates);
        return new ProjectExport(loaded.notebooks(), result, changes, context.sync, warnings(loaded, result),
                result.planned(), onDisk, Map.of(), false);
    }

    /** What every way of planning shares: the reader, the roots and the sync. */
    static final class Context {
        final Path projectDir;
        final ProjectNotebooks reader;
        final Map<GeneratedFile.Kind, Path> roots = new EnumMap<>(GeneratedFile.Kind.class);
        final SourceSync sync;

        Context(ExportRequest request) {
            projectDir = request.projectDir().toAbsolutePath().normalize();
            reader = new ProjectNotebooks(projectDir, DirectiveParser.standard());
            roots.put(GeneratedFile.Kind.MAIN, request.mainRoot().toAbsolutePath().normalize());
            roots.put(GeneratedFile.Kind.TEST, request.testRoot().toAbsolutePath().normalize());
            sync = new SourceSync(projectDir, reader.path(request.notebooksDir()));
        }

        Path path(GeneratedFile.Id id) {
            return roots.get(id.kind()).resolve(id.relativePath()).normalize();
        }
    }

    /**
     * The exporter's view of the notebooks read.
     *
     * @throws NbexportException when a cell cannot be classified, with every problem
     */
    public static List<NotebookSource> sources(ProjectNotebooks.Loaded loaded) {
        List<Problem> problems = new ArrayList<>();
        List<NotebookSource> sources = new ArrayList<>();
        for (ProjectNotebook notebook : loaded.notebooks()) {
            sources.add(ExportSources.of(notebook, problems));
        }
        if (!problems.isEmpty()) {
            throw NbexportException.of("in notebooks", problems);
        }
        return sources;
    }

    static List<String> warnings(ProjectNotebooks.Loaded loaded, ExportResult result) {
        List<String> warnings = new ArrayList<>();
        loaded.warnings().stream().map(Problem::describe).forEach(warnings::add);
        result.warnings().stream().map(Problem::describe).forEach(warnings::add);
        return warnings;
    }

    /**
     * The notebook {@code files} (already read) of {@code request}'s project exported in memory, the
     * same export {@code check} runs, without looking at the source roots: what the docs read the
     * API from. Nothing is written.
     *
     * @throws NbexportException when a notebook cannot be read or exported, with every problem
     */
    public static Exported export(ExportRequest request, List<ProjectNotebooks.NotebookFile> files, Exporter exporter) {
        ProjectNotebooks.Loaded loaded = new ProjectNotebooks(request.projectDir(), DirectiveParser.standard()).parse(files);
        return new Exported(loaded, exporter.export(sources(loaded)));
    }

    /**
     * A project's notebooks and what exporting them in memory made.
     *
     * @param loaded the notebooks read, with their directives, and the directives' warnings
     * @param result the generated files (with their source maps) and export's warnings
     */
    public record Exported(ProjectNotebooks.Loaded loaded, ExportResult result) {}
}
