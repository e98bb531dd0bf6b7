package dev.nbexport.project;

import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.export.Exporter;
import dev.nbexport.io.FileStamp;
import dev.nbexport.io.Sha256;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.sync.FileChange;
import dev.nbexport.workspace.ProjectNotebooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code nbexport:export}: the project's notebooks become Java sources and tests in the source roots.
 *
 * <p>With a staleness index of the same configuration, only what changed since is exported again
 * ({@link IncrementalExport}); when nothing did, nothing is read beyond the notebooks' bytes. Otherwise
 * every notebook is read once and exported with the others (several notebooks may feed one class). The
 * roots are synced either way: only changed files are written, only this project's stale generated
 * files removed, and nothing at all is written when a hand-edited or foreign file is in the way.
 * Temporary files a killed run left in the roots are removed.
 */
public final class ExportCommand {

    private final Exporter exporter;

    public ExportCommand() {
        this(new Exporter());
    }

    public ExportCommand(Exporter exporter) {
        this.exporter = exporter;
    }

    public ExportSummary run(ExportRequest request) {
        long start = System.nanoTime();
        Path projectDir = request.projectDir().toAbsolutePath().normalize();
        ProjectNotebooks reader = new ProjectNotebooks(projectDir, DirectiveParser.standard());
        List<ProjectNotebooks.NotebookFile> files = reader.read(request.notebookFiles());
        String fingerprint = Sha256.hex(request.fingerprintText().getBytes(StandardCharsets.UTF_8));
        StalenessIndex index = request.indexFile() == null ? StalenessIndex.empty() : StalenessIndex.load(request.indexFile());

        ProjectExport export = ProjectExport.planChanges(request, files, exporter, index, fingerprint);
        export.removeLeftovers(request);
        if (export.upToDate()) {
            save(request, export, files, fingerprint, Set.of());
            return new ExportSummary(files.size(), 0, true, List.of(), export.files().size(), List.of(), List.of(), millis(start));
        }
        export.sync().apply(export.changes(), request.force());

        List<String> written = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Set<Path> writtenFiles = new HashSet<>();
        for (FileChange change : export.changes()) {
            switch (change.action()) {
                case UNCHANGED -> { }
                case CREATE, UPDATE, OVERWRITE_HAND_EDIT, FOREIGN_FILE -> {
                    written.add(change.shown());
                    writtenFiles.add(change.file());
                }
                case REMOVE, REMOVE_HAND_EDIT -> removed.add(change.shown());
            }
        }
        save(request, export, files, fingerprint, writtenFiles);
        return new ExportSummary(files.size(), export.notebooks().size(), false, written, export.files().size() - written.size(), removed,
                export.warnings(), millis(start));
    }

    /** The index for the next run: this run's notebooks and every file the notebooks make, as left now. */
    private static void save(ExportRequest request, ProjectExport export, List<ProjectNotebooks.NotebookFile> files,
                             String fingerprint, Set<Path> written) {
        if (request.indexFile() == null) {
            return;
        }
        ProjectExport.Context context = new ProjectExport.Context(request);
        Map<String, String> inputs = new TreeMap<>(ProjectNotebooks.hashes(files));
        Map<GeneratedFile.Id, StalenessIndex.Output> outputs = new TreeMap<>();
        export.files().forEach((id, notebooks) -> {
            Path file = context.path(id);
            FileStamp stamp = written.contains(file) ? null : export.onDisk().javaFiles().get(file);
            outputs.put(id, new StalenessIndex.Output(stamp != null ? stamp : FileStamp.of(file), notebooks));
        });
        new StalenessIndex(fingerprint, context.roots, inputs, outputs, export.others()).save(request.indexFile());
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
