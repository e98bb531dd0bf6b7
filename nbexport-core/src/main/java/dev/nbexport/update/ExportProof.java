package dev.nbexport.update;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.nbexport.layout.CellMarker;
import dev.nbexport.layout.FileLayout;
import dev.nbexport.layout.GeneratedHeader;
import dev.nbexport.layout.MarkedFile;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import dev.nbexport.problem.Severity;
import dev.nbexport.sync.UnifiedDiff;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Why update is sound: the updated notebooks, exported again, must give every hand-edited file byte for
 * byte (apart from its hash line) and leave every other file as exporting the notebooks now would.
 */
public final class ExportProof {

    private ExportProof() {}

    /**
     * Compares the files the updated notebooks export ({@code after}) with the hand-edited files and with
     * what the notebooks export now ({@code before}), all by absolute path.
     *
     * @param shown how a path is shown to the user
     * @param errors receives each file that comes out differently
     * @return the new content of each hand-edited file (only its hash line differs), when there are no errors
     */
    public static Map<Path, String> check(List<EditedFile> edited, Map<Path, String> before, Map<Path, String> after,
            Function<Path, String> shown, List<Problem> errors) {
        Map<Path, String> rewrites = new LinkedHashMap<>();
        Set<Path> editedPaths = new HashSet<>();
        for (EditedFile file : edited) {
            Path path = file.change().file();
            editedPaths.add(path);
            String now = after.get(path);
            String wanted = GeneratedHeader.withoutHash(file.change().current());
            if (now == null) {
                errors.add(Problem.error(Location.file(file.change().shown()), "the updated cells would no longer export this file", ""));
            } else if (!GeneratedHeader.withoutHash(now).equals(wanted)) {
                errors.add(unmappable(file.change().shown(), wanted, GeneratedHeader.withoutHash(now)));
            } else {
                rewrites.put(path, now);
            }
        }
        Set<Path> others = new TreeSet<>(after.keySet());
        others.addAll(before.keySet());
        for (Path path : others) {
            if (!editedPaths.contains(path) && !Objects.equals(after.get(path), before.get(path))) {
                errors.add(sideEffect(shown.apply(path), before.get(path), after.get(path)));
            }
        }
        return rewrites;
    }

    /**
     * The lines of the hand-edited file that the updated cells do not give back, with the cells they are in.
     * Lines are counted in the file as compared, without its hash line.
     */
    private static Problem unmappable(String shown, String wanted, String exported) {
        List<String> mine = MarkedFile.lines(wanted);
        MarkedFile marked = FileLayout.read(wanted);
        Patch<String> patch = DiffUtils.diff(mine, MarkedFile.lines(exported));
        Set<Integer> lines = new TreeSet<>();
        Set<String> cells = new LinkedHashSet<>();
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int from = delta.getSource().getPosition();
            int size = Math.max(1, delta.getSource().size());
            for (int i = from; i < from + size; i++) {
                int line = Math.min(i, mine.size() - 1);
                lines.add(line + 1);
                cells.add(marked.markerAbove(line).map(CellMarker::cellName).orElse("outside any cell marker"));
            }
        }
        if (lines.stream().anyMatch(l -> !mine.get(l - 1).isBlank())) {
            lines.removeIf(l -> mine.get(l - 1).isBlank());
        }
        return new Problem(Severity.ERROR, Location.file(shown, lines, List.copyOf(cells)),
                "cannot be mapped back: exporting the updated cells would not give these lines",
                "Export would write them differently (an import it does not need, code in a place it cannot come"
                        + " from, a changed modifier it sets itself): edit the notebook cell instead.",
                UnifiedDiff.of(shown + " (edited by hand)", mine, shown + " (exported from the updated cells)", patch, 2));
    }

    private static Problem sideEffect(String shown, String before, String after) {
        List<String> was = before == null ? List.of() : MarkedFile.lines(before);
        List<String> now = after == null ? List.of() : MarkedFile.lines(after);
        return new Problem(Severity.ERROR, Location.file(shown), "the updated cells would also change this file, which was not edited",
                "Make the same edit in this file too, or edit the notebook cell instead.",
                UnifiedDiff.of(shown + " (exported now)", was, shown + " (exported from the updated cells)", now, 2));
    }
}
