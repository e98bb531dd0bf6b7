package dev.nbexport.project;

import dev.nbexport.NbexportException;
import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.export.ExportResult;
import dev.nbexport.export.Exporter;
import dev.nbexport.export.NotebookSource;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.problem.Problem;
import dev.nbexport.sync.FileChange;
import dev.nbexport.sync.SourceSync;
import dev.nbexport.workspace.ProjectNotebook;
import dev.nbexport.workspace.ProjectNotebooks;
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
 * @param notebooks the notebooks read
 * @param result what the exporter made
 * @param changes what that means for each file of the source roots, sorted by path
 * @param sync the sync that computed the changes, to apply them
 * @param warnings directive and export warnings, described
 */
public record ProjectExport(List<ProjectNotebook> notebooks, ExportResult result, List<FileChange> changes,
                            SourceSync sync, List<String> warnings) {

    public ProjectExport {
        notebooks = List.copyOf(notebooks);
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }

    /** Reads the notebooks of {@code request}, exports them in memory and compares with the roots. */
    public static ProjectExport plan(ExportRequest request, Exporter exporter) {
        StalenessIndex index = request.indexFile() == null ? StalenessIndex.empty() : StalenessIndex.load(request.indexFile());
        ProjectNotebooks reader = new ProjectNotebooks(request.projectDir(), DirectiveParser.standard());
        return plan(request, reader.read(request.notebookFiles()), exporter, index);
    }

    /**
     * As {@link #plan(ExportRequest, Exporter)}, for the notebook {@code files} already read; the
     * files {@code index} says the last run wrote are checked for staleness too.
     */
    static ProjectExport plan(ExportRequest request, List<ProjectNotebooks.NotebookFile> files, Exporter exporter,
                              StalenessIndex index) {
        Path projectDir = request.projectDir().toAbsolutePath().normalize();
        ProjectNotebooks reader = new ProjectNotebooks(projectDir, DirectiveParser.standard());
        Exported exported = export(reader, files, exporter);
        ProjectNotebooks.Loaded loaded = exported.loaded();
        ExportResult result = exported.result();

        Map<GeneratedFile.Kind, Path> roots = new EnumMap<>(GeneratedFile.Kind.class);
        roots.put(GeneratedFile.Kind.MAIN, request.mainRoot());
        roots.put(GeneratedFile.Kind.TEST, request.testRoot());
        SourceSync sync = new SourceSync(projectDir, reader.path(request.notebooksDir()));

        List<String> warnings = new ArrayList<>();
        loaded.warnings().stream().map(Problem::describe).forEach(warnings::add);
        result.warnings().stream().map(Problem::describe).forEach(warnings::add);
        Set<String> read = new HashSet<>();
        loaded.notebooks().forEach(n -> read.add(n.path()));
        List<Path> previouslyWritten = index.outputs().keySet().stream().map(Path::of).toList();
        return new ProjectExport(loaded.notebooks(), result, sync.plan(result.files(), roots, read, previouslyWritten),
                sync, warnings);
    }

    /**
     * The notebook {@code files} (already read) of {@code request}'s project exported in memory, the
     * same export {@code check} runs, without looking at the source roots: what the docs read the
     * API from. Nothing is written.
     *
     * @throws NbexportException when a notebook cannot be read or exported, with every problem
     */
    public static Exported export(ExportRequest request, List<ProjectNotebooks.NotebookFile> files, Exporter exporter) {
        return export(new ProjectNotebooks(request.projectDir(), DirectiveParser.standard()), files, exporter);
    }

    private static Exported export(ProjectNotebooks reader, List<ProjectNotebooks.NotebookFile> files, Exporter exporter) {
        ProjectNotebooks.Loaded loaded = reader.parse(files);
        List<Problem> problems = new ArrayList<>();
        List<NotebookSource> sources = new ArrayList<>();
        for (ProjectNotebook notebook : loaded.notebooks()) {
            sources.add(ExportSources.of(notebook, problems));
        }
        if (!problems.isEmpty()) {
            throw NbexportException.of("in notebooks", problems);
        }
        return new Exported(loaded, exporter.export(sources));
    }

    /**
     * A project's notebooks and what exporting them in memory made.
     *
     * @param loaded the notebooks read, with their directives, and the directives' warnings
     * @param result the generated files (with their source maps) and export's warnings
     */
    public record Exported(ProjectNotebooks.Loaded loaded, ExportResult result) {}
}
