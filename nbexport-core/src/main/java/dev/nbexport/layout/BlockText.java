package dev.nbexport.layout;

import dev.nbexport.notebook.CellRef;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * One cell's code for one block of a generated file, unindented, each line with its origin in the
 * cell: what {@link FileLayout} writes under a cell marker and records in the {@link SourceMap}.
 * Built by {@link Builder} from stretches of the cell's code and the {@link Replacement}s export makes.
 *
 * @param cell the cell
 * @param lines the lines; blank lines are empty, and there are none at either end
 * @param origins where each line came from, {@code origins.get(i)} for {@code lines.get(i)}
 */
public record BlockText(CellRef cell, List<String> lines, List<SourceMap.Line> origins) {

    public BlockText {
        Objects.requireNonNull(cell, "cell");
        lines = List.copyOf(lines);
        origins = List.copyOf(origins);
        if (lines.size() != origins.size()) {
            throw new IllegalArgumentException(lines.size() + " lines, " + origins.size() + " origins");
        }
    }

    /**
     * Builds a block's text from stretches of one cell's code, in the order given.
     *
     * <pre>{@code
     * BlockText.Builder b = new BlockText.Builder(cell, code, LineStarts.of(code), codeLine -> cellLine, imports);
     * b.copy(start, end, List.of(Replacement.insert(start, "public static ")));
     * b.separate();            // a blank line between declarations that are not next to each other
     * b.copy(start2, end2, List.of());
     * BlockText text = b.build();
     * }</pre>
     */
    public static final class Builder {

        private static final Comparator<Replacement> ORDER =
                Comparator.comparingInt(Replacement::start).thenComparingInt(Replacement::end);

        private final CellRef cell;
        private final String code;
        private final LineStarts lineStarts;
        private final IntUnaryOperator cellLineOf;
        private final BitSet importLines;
        private final List<String> lines = new ArrayList<>();
        private final List<SourceMap.Line> origins = new ArrayList<>();
        private final StringBuilder current = new StringBuilder(80);
        /** Where the current line starts in the cell's code; -1 while it has taken nothing from the cell. */
        private int start = -1;
        private List<SourceMap.Edit> edits = List.of();

        /**
         * @param code the cell's code, {@code \n} line breaks (imports blanked out, as export parses it)
         * @param lineStarts where each code line starts
         * @param cellLineOf the cell line (1-based) of a code line (1-based): code lines skip directive lines
         * @param importLines the code lines (1-based) that hold an import export moves to the file's imports
         */
        public Builder(CellRef cell, String code, LineStarts lineStarts, IntUnaryOperator cellLineOf, BitSet importLines) {
            this.cell = cell;
            this.code = code;
            this.lineStarts = lineStarts;
            this.cellLineOf = cellLineOf;
            this.importLines = importLines;
        }

        /** Appends {@code code[from, to)} with {@code replacements} (inside that range, not overlapping) applied. */
        public Builder copy(int from, int to, List<Replacement> replacements) {
            int pos = from;
            if (!replacements.isEmpty()) {
                List<Replacement> sorted = new ArrayList<>(replacements);
                sorted.sort(ORDER); // at one offset an insertion goes before a removal
                for (Replacement r : sorted) {
                    raw(pos, r.start());
                    edit(r);
                    pos = Math.max(pos, r.end());
                }
            }
            raw(pos, to);
            return this;
        }

        /** Ends the line and adds a blank line that comes from no cell line. */
        public Builder separate() {
            endLine();
            lines.add("");
            origins.add(SourceMap.Line.SYNTHETIC);
            return this;
        }

        /** The text: whitespace-only lines emptied, blank lines at both ends dropped. */
        public BlockText build() {
            endLine();
            int from = 0;
            int to = lines.size();
            for (int i = 0; i < to; i++) {
                if (!lines.get(i).isEmpty() && lines.get(i).isBlank()) {
                    lines.set(i, "");
                }
            }
            while (from < to && lines.get(from).isEmpty()) {
                from++;
            }
            while (to > from && lines.get(to - 1).isEmpty()) {
                to--;
            }
            return new BlockText(cell, lines.subList(from, to), origins.subList(from, to));
        }

        private void raw(int from, int to) {
            int i = from;
            while (i < to) {
                if (start < 0) {
                    start = i;
                }
                int nl = code.indexOf('\n', i);
                if (nl < 0 || nl >= to) {
                    current.append(code, i, to);
                    return;
                }
                current.append(code, i, nl);
                endLine();
                start = nl + 1; // the next line begins in the cell even if nothing more of it is copied
                i = nl + 1;
            }
        }

        private void edit(Replacement r) {
            if (start < 0) {
                start = r.start();
            }
            int line = codeLine(r.start());
            int end = r.end();
            int endLine = end == r.start() ? line : codeLine(end);
            if (edits.isEmpty()) {
                edits = new ArrayList<>(2);
            }
            edits.add(new SourceMap.Edit(cellLineOf.applyAsInt(line), column(r.start(), line), code.substring(r.start(), end),
                    r.text(), cellLineOf.applyAsInt(endLine), column(end, endLine)));
            current.append(r.text());
        }

        private void endLine() {
            lines.add(current.toString());
            current.setLength(0);
            if (start < 0) {
                origins.add(SourceMap.Line.SYNTHETIC);
            } else {
                int line = codeLine(start);
                origins.add(new SourceMap.Line(cellLineOf.applyAsInt(line), column(start, line), edits, importLines.get(line)));
            }
            start = -1;
            edits = List.of();
        }

        private int column(int offset, int codeLine) {
            return offset - lineStarts.start(codeLine) + 1;
        }

        private int codeLine(int offset) {
            return lineStarts.lineOf(offset);
        }
    }
}
