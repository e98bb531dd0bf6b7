package dev.nbexport.project;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.nbexport.export.Exporter;
import dev.nbexport.layout.CellMarker;
import dev.nbexport.layout.FileLayout;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.layout.MarkedFile;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.sync.FileChange;
import dev.nbexport.sync.UnifiedDiff;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code nbexport:check}: exports in memory and compares with the source roots, writing nothing (but
 * removing what a killed run of ours left there).
 * Every difference becomes a {@link SyncProblem} with the file, the cells concerned, a unified diff
 * and the command that fixes it.
 */
public final class CheckCommand {

    private static final int CONTEXT_LINES = 3;

    private final Exporter exporter;

    public CheckCommand() {
        this(new Exporter());
    }

    public CheckCommand(Exporter exporter) {
        this.exporter = exporter;
    }

    /**
     * The problems found, sorted by file; empty when notebooks and sources are in sync. With a current
     * staleness index only what changed since the last export is exported again in memory; temporary files
     * a killed run left in the roots are removed.
     */
    public List<SyncProblem> run(ExportRequest request) {
        ProjectExport export = ProjectExport.planChanges(request, exporter);
        export.removeLeftovers(request);
        List<SyncProblem> problems = new ArrayList<>();
        for (FileChange change : export.changes()) {
            if (change.action() != FileChange.Action.UNCHANGED) {
                problems.add(problem(change, export));
            }
        }
        return List.copyOf(problems);
    }

    private static SyncProblem problem(FileChange change, ProjectExport export) {
        String diff = diff(change);
        return switch (change.action()) {
            case CREATE, UPDATE -> new SyncProblem(change, sourcesOf(change, export), diff,
                    "run `mvn nbexport:export` to export the notebooks again.");
            case OVERWRITE_HAND_EDIT -> new SyncProblem(change, editedCells(change), diff,
                    "run `mvn nbexport:update` to move the edits into the notebooks"
                            + " (or `mvn nbexport:export -Dnbexport.force` to discard them).");
            case REMOVE -> new SyncProblem(change, List.of(), diff,
                    "run `mvn nbexport:export`, which removes it.");
            case REMOVE_HAND_EDIT -> new SyncProblem(change, List.of(), diff,
                    "move the code you want to keep into a notebook cell, then delete the file.");
            case FOREIGN_FILE -> new SyncProblem(change, sourcesOf(change, export), diff,
                    "rename or move the hand-written file, or export those cells to another class.");
            case UNCHANGED -> throw new IllegalArgumentException("no problem: " + change);
        };
    }

    private static List<String> sourcesOf(FileChange change, ProjectExport export) {
        Set<String> cells = new LinkedHashSet<>();
        for (GeneratedFile file : export.result().files()) {
            if (change.file().endsWith(file.relativePath())) {
                for (CellRef cell : file.sources()) {
                    cells.add(CellMarker.of(cell).cellName());
                }
            }
        }
        return List.copyOf(cells);
    }

    /** The cells whose marked blocks contain the lines changed on disk. */
    private static List<String> editedCells(FileChange change) {
        List<String> current = change.current().lines().toList();
        MarkedFile marked = FileLayout.read(change.current());
        Patch<String> patch = DiffUtils.diff(change.wanted().lines().toList(), current);
        Set<String> cells = new LinkedHashSet<>();
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int line = Math.min(delta.getTarget().getPosition(), Math.max(current.size() - 1, 0));
            marked.markerAbove(line).ifPresent(m -> cells.add(m.cellName()));
        }
        return List.copyOf(cells);
    }

    private static String diff(FileChange change) {
        List<String> before = change.current() == null ? List.of() : change.current().lines().toList();
        List<String> after = change.wanted() == null ? List.of() : change.wanted().lines().toList();
        return UnifiedDiff.of(change.current() == null ? "/dev/null" : change.shown() + " (on disk)", before,
                change.wanted() == null ? "/dev/null" : change.shown() + " (exported from the notebooks)", after, CONTEXT_LINES);
    }
}
