package dev.nbexport.update;

import dev.nbexport.directive.CellDirectives;
import dev.nbexport.layout.SourceMap;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A cell that receives hand edits: each block of its code (in every file, edited or not) and the imports
 * added by hand that go to it; {@link #newSource} puts the cell's new source together.
 */
public final class CellUpdate {

    private final CellRef cell;
    private final List<Block> blocks = new ArrayList<>();
    private final List<String> imports = new ArrayList<>();

    /** One block of the cell's code: what the map says export wrote, and the code there now. */
    private record Block(SourceMap.Block exported, List<String> exportedCode, List<String> editedCode) {
    }

    public CellUpdate(CellRef cell) {
        this.cell = Objects.requireNonNull(cell, "cell");
    }

    public CellRef cell() {
        return cell;
    }

    /**
     * Adds a block of the cell's code.
     *
     * @param exported the block in the source map of the file export wrote
     * @param exportedCode its code lines as export wrote them, without their indentation
     * @param editedCode its code lines now (the same when the file was not edited)
     */
    public void add(SourceMap.Block exported, List<String> exportedCode, List<String> editedCode) {
        blocks.add(new Block(exported, List.copyOf(exportedCode), List.copyOf(editedCode)));
    }

    /** An import added by hand to a file, which goes to this cell. */
    public void addImport(String line) {
        imports.add(line);
    }

    /**
     * The cell's new source: its Java lines with the hand edits carried over, the added imports after its
     * own imports at its top, and its directive and magic lines where they were.
     */
    public String newSource(Cell current, CellDirectives directives) {
        List<String> code = directives.javaLines();
        int[] codeLineOf = codeLines(directives);
        List<HandEditMerge.Piece> pieces = new ArrayList<>(blocks.size());
        boolean edited = false;
        for (Block block : blocks) {
            List<SourceMap.Line> lines = block.exported().lines();
            int[] origins = new int[lines.size()];
            boolean[] importLines = new boolean[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                int cellLine = lines.get(i).cellLine();
                origins[i] = cellLine > 0 && cellLine < codeLineOf.length ? codeLineOf[cellLine] : -1;
                importLines[i] = lines.get(i).importRemoved();
            }
            HandEditMerge.Piece piece = new HandEditMerge.Piece(block.exportedCode(), origins, importLines, block.editedCode());
            edited |= !piece.exported().equals(piece.edited());
            pieces.add(piece);
        }
        List<HandEditMerge.Line> merged = new ArrayList<>(edited ? HandEditMerge.merge(code, pieces) : keep(code));
        addImports(merged);
        return rebuild(current.source(), directives, merged);
    }

    /** For each cell line (1-based), the 0-based index of its Java code line, or -1 for a directive or magic line. */
    private static int[] codeLines(CellDirectives directives) {
        int count = directives.javaLineCount();
        int cellLines = count == 0 ? 1 : directives.cellLine(count) + 1;
        int[] codeLineOf = new int[cellLines];
        Arrays.fill(codeLineOf, -1);
        for (int j = 1; j <= count; j++) {
            codeLineOf[directives.cellLine(j)] = j - 1;
        }
        return codeLineOf;
    }

    private static List<HandEditMerge.Line> keep(List<String> code) {
        List<HandEditMerge.Line> lines = new ArrayList<>(code.size());
        for (int i = 0; i < code.size(); i++) {
            lines.add(new HandEditMerge.Line(code.get(i), i));
        }
        return lines;
    }

    /** Imports go after the cell's own imports at its top, or first, followed by a blank line. */
    private void addImports(List<HandEditMerge.Line> merged) {
        if (imports.isEmpty()) {
            return;
        }
        int at = 0;
        for (int i = 0; i < merged.size(); i++) {
            String line = merged.get(i).text().strip();
            if (line.startsWith("import ")) {
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
}
