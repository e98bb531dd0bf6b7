package dev.nbexport.project;

import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.export.Exporter;
import dev.nbexport.io.Sha256;
import dev.nbexport.sync.FileChange;
import dev.nbexport.workspace.ProjectNotebooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code nbexport:export}: the project's notebooks become Java sources and tests in the source roots.
 *
 * <p>Skips everything when the staleness index shows that no notebook, no output and no setting
 * changed since the last export. Otherwise reads every notebook once, exports them together (several
 * notebooks may feed one class), and syncs the roots: only changed files are written, only this
 * project's stale generated files removed, and nothing at all is written when a hand-edited or
 * foreign file is in the way.
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
        if (!request.force() && index.upToDate(fingerprint, ProjectNotebooks.hashes(files))) {
            return new ExportSummary(files.size(), true, List.of(), index.outputs().size(), List.of(), List.of(), millis(start));
        }

        ProjectExport export = ProjectExport.plan(request, files, exporter, index);
        export.sync().apply(export.changes(), request.force());

        List<String> written = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        int unchanged = 0;
        Map<String, String> outputs = new TreeMap<>();
        for (FileChange change : export.changes()) {
            switch (change.action()) {
                case UNCHANGED -> unchanged++;
                case CREATE, UPDATE, OVERWRITE_HAND_EDIT, FOREIGN_FILE -> written.add(change.shown());
                case REMOVE, REMOVE_HAND_EDIT -> removed.add(change.shown());
            }
            if (change.wanted() != null) {
                outputs.put(change.file().toString(), StalenessIndex.stamp(change.file()));
            }
        }
        if (request.indexFile() != null) {
            Map<String, String> inputs = new TreeMap<>();
            export.notebooks().forEach(n -> inputs.put(n.path(), n.sha256()));
            new StalenessIndex(fingerprint, inputs, outputs).save(request.indexFile());
        }

        return new ExportSummary(files.size(), false, written, unchanged, removed, export.warnings(), millis(start));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
