package dev.nbexport.project;

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
        String fingerprint = Sha256.hex(request.fingerprintText().getBytes(StandardCharsets.UTF_8));
        StalenessIndex index = request.indexFile() == null ? StalenessIndex.empty() : StalenessIndex.load(request.indexFile());
        List<ProjectNotebooks.NotebookFile> files = ProjectExport.read(request, index, fingerprint);

        ProjectExport export = ProjectExport.planChanges(request, files, exporter, index, fingerprint);
        export.removeLeftovers(request);
        if (export.upToDate()) {
            if (!sameIndex(index, files, export)) {
                save(request, export, files, fingerprint, Set.of());
            }
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

    /**
     * Whether an up-to-date run would save the index it loaded: every notebook known by the stamp the
     * index has for it, and the same other files (the generated files are as the index says, or the run
     * would not be up to date).
     */
    private static boolean sameIndex(StalenessIndex index, List<ProjectNotebooks.NotebookFile> files, ProjectExport export) {
        if (files.size() != index.inputs().size() || !export.others().equals(index.others())) {
            return false;
        }
        for (ProjectNotebooks.NotebookFile file : files) {
            if (file.stamp() == null || !file.stamp().equals(index.inputStamps().get(file.path()))) {
                return false;
            }
        }
        return true;
    }

    /** The index for the next run: this run's notebooks and every file the notebooks make, as left now. */
    private static void save(ExportRequest request, ProjectExport export, List<ProjectNotebooks.NotebookFile> files,
                             String fingerprint, Set<Path> written) {
        if (request.indexFile() == null) {
            return;
        }
        ProjectExport.Context context = new ProjectExport.Context(request);
        Map<String, String> inputs = new TreeMap<>(ProjectNotebooks.hashes(files));
        Map<String, FileStamp> inputStamps = new TreeMap<>();
        files.stream().filter(f -> f.stamp() != null).forEach(f -> inputStamps.put(f.path(), f.stamp()));
        Map<GeneratedFile.Id, StalenessIndex.Output> outputs = new TreeMap<>();
        export.files().forEach((id, notebooks) -> {
            Path file = context.path(id);
            FileStamp stamp = written.contains(file) ? null : export.onDisk().javaFiles().get(file);
            outputs.put(id, new StalenessIndex.Output(stamp != null ? stamp : FileStamp.of(file), notebooks));
        });
        new StalenessIndex(fingerprint, context.roots, inputs, inputStamps, outputs, export.others()).save(request.indexFile());
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
