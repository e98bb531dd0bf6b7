package dev.nbexport.layout;

import dev.nbexport.notebook.CellRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where every line of a generated file came from, and what export changed on the way: written by
 * {@link FileLayout} together with the file, carried by its {@link GeneratedFile}.
 *
 * <p>A file is a header, package and imports (from no cell), then one block per cell marker. A block
 * maps each of its code lines to the cell line (and column) it was copied from, and records the edits
 * export made: modifiers it added or removed ({@link Edit}), imports it moved to the top of the file
 * ({@link Line#importRemoved()}), the indentation it put before the lines ({@link Block#codeIndent()})
 * and the test method it wrapped around a test cell's statements ({@link TestMethod}). Lines export
 * made up (the blank line between two declarations that were not next to each other in the cell, the
 * test method's own lines) come from no cell line.
 *
 * <p>All lines and columns are 1-based; cell lines count every line of the cell's source, directive
 * and magic lines included, as Jupyter shows them. The queries answer what the docs site and the
 * runner ask:
 * <pre>{@code
 * SourceMap map = file.sourceMap();
 * map.cellPosition(42);                       // Slugify.java:42 -> notebooks/00_slugify.ipynb, cell 3, line 5
 * map.fileRanges(cell);                       // the file lines holding cell 3's code, marker included
 * map.filePosition(cell, 5, 1);               // cell 3, line 5:1 -> Slugify.java, line 42:5
 * }</pre>
 *
 * <p>The map describes the file as export wrote it. A file edited by hand no longer matches it line for
 * line; {@code update} finds its blocks by their cell markers and uses the map of the exported file to
 * know what export put into each block (see {@link FileLayout#code}).
 */
public final class SourceMap {

    /** How the blocks sit in the file. */
    public enum Shape {
        /** A type's own file: one block, unindented, and nothing after it. */
        TYPE_FILE,
        /** A class export writes around its blocks (the target class, the test class): indented members. */
        CLASS
    }

    private final Shape shape;
    private final List<Block> blocks;

    public SourceMap(Shape shape, List<Block> blocks) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.blocks = List.copyOf(blocks);
    }

    /** How the blocks sit in the file. */
    public Shape shape() {
        return shape;
    }

    /** The blocks, in file order. */
    public List<Block> blocks() {
        return blocks;
    }

    /** The cells whose code is in the file, in file order, each once. */
    public List<CellRef> cells() {
        LinkedHashSet<CellRef> cells = new LinkedHashSet<>();
        blocks.forEach(b -> cells.add(b.cell()));
        return List.copyOf(cells);
    }

    /**
     * The cell and cell line a file line came from. Inside a block, a line export made up (a blank line
     * between declarations, the marker, the test method's lines) maps to the block's cell at line 0;
     * lines outside every block (header, package, imports, the class's own lines) map to nothing.
     */
    public Optional<CellPosition> cellPosition(int fileLine) {
        return cellPosition(fileLine, 0);
    }

    /**
     * As {@link #cellPosition(int)}, with the column: a column inside the indentation or inside text
     * export inserted (a modifier) maps to where that text was inserted; column 0 gives column 0.
     */
    public Optional<CellPosition> cellPosition(int fileLine, int fileColumn) {
        for (Block block : blocks) {
            if (fileLine < block.markerLine() || fileLine > block.endLine()) {
                continue;
            }
            int index = fileLine - block.firstLine();
            if (index < 0 || index >= block.lines().size() || block.lines().get(index).synthetic()) {
                return Optional.of(new CellPosition(block.cell(), 0, 0));
            }
            Line line = block.lines().get(index);
            if (fileColumn <= 0) {
                return Optional.of(new CellPosition(block.cell(), line.cellLine(), 0));
            }
            int textColumn = Math.max(1, fileColumn - block.codeIndent().length());
            Segment at = line.segments().get(0);
            for (Segment s : line.segments()) {
                if (s.textColumn() <= textColumn) {
                    at = s;
                }
            }
            int column = at.inserted() ? at.cellColumn() : at.cellColumn() + (textColumn - at.textColumn());
            return Optional.of(new CellPosition(block.cell(), at.cellLine(), column));
        }
        return Optional.empty();
    }

    /**
     * Where a cell line (and column; 0 for the start of the file line it begins) is in this file, or empty when
     * export did not write that line here (another file holds it, or export left it out: a directive,
     * an import, a blank line at the edge of a block).
     */
    public Optional<FilePosition> filePosition(CellRef cell, int cellLine, int cellColumn) {
        for (Block block : blocks) {
            if (!block.cell().equals(cell)) {
                continue;
            }
            for (int i = 0; i < block.lines().size(); i++) {
                Line line = block.lines().get(i);
                if (line.synthetic()) {
                    continue;
                }
                if (cellColumn <= 0 && line.cellLine() == cellLine) {
                    return Optional.of(new FilePosition(block.firstLine() + i, block.codeIndent().length() + 1));
                }
                Segment hit = null;
                for (Segment s : line.segments()) {
                    if (!s.inserted() && s.cellLine() == cellLine && (cellColumn <= 0 ? hit == null : s.cellColumn() <= cellColumn)) {
                        hit = s;
                    }
                }
                if (hit != null) {
                    int indent = block.codeIndent().length();
                    int column = cellColumn <= 0 ? indent + hit.textColumn() : indent + hit.textColumn() + (cellColumn - hit.cellColumn());
                    return Optional.of(new FilePosition(block.firstLine() + i, column));
                }
            }
        }
        return Optional.empty();
    }

    /** The file lines of each block of {@code cell}, from its marker to its last line; empty when none. */
    public List<LineRange> fileRanges(CellRef cell) {
        List<LineRange> ranges = new ArrayList<>();
        for (Block block : blocks) {
            if (block.cell().equals(cell)) {
                ranges.add(new LineRange(block.markerLine(), block.endLine()));
            }
        }
        return ranges;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceMap other && shape == other.shape && blocks.equals(other.blocks);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + blocks.hashCode();
    }

    @Override
    public String toString() {
        return "SourceMap[" + shape + ", " + blocks.size() + " blocks]";
    }

    /**
     * One cell's code in the file, under its marker.
     *
     * @param cell the cell
     * @param markerLine the file line of the cell marker
     * @param firstLine the file line of the first code line
     * @param lines each code line's origin, in file order: {@code lines.get(i)} is file line {@code firstLine + i}
     * @param memberIndent what export put before every non-empty line of the block (the marker, the test
     *     method's lines, the code): four spaces inside a class, nothing in a type's own file
     * @param testMethod the test method export put around the code, or {@code null}
     */
    public record Block(CellRef cell, int markerLine, int firstLine, List<Line> lines, String memberIndent,
                        TestMethod testMethod) {

        public Block {
            Objects.requireNonNull(cell, "cell");
            lines = List.copyOf(lines);
            Objects.requireNonNull(memberIndent, "memberIndent");
        }

        /** What export put before every non-empty code line: the member indent, and the test method's. */
        public String codeIndent() {
            return testMethod == null ? memberIndent : memberIndent + TestMethod.INDENT;
        }

        /** The file line of the last code line. */
        public int lastLine() {
            return firstLine + lines.size() - 1;
        }

        /** The file line of the block's last line: the test method's closing brace, or the last code line. */
        public int endLine() {
            return testMethod == null ? lastLine() : lastLine() + 1;
        }

        /** The marker line export wrote before the block, without indentation. */
        public CellMarker marker() {
            return CellMarker.of(cell);
        }
    }

    /**
     * Where one code line of a block came from.
     *
     * @param cellLine the cell line its first character was copied from (or where the text export
     *     inserted at its start goes); 0 for a line export made up
     * @param cellColumn the column of that character in the cell line
     * @param edits what export changed on the line, in order
     * @param importRemoved whether the cell line held an import that export moved to the file's imports
     *     (the line is blank here, or lacks the import)
     */
    public record Line(int cellLine, int cellColumn, List<Edit> edits, boolean importRemoved) {

        /** A line export made up, such as the blank line between two declarations. */
        public static final Line SYNTHETIC = new Line(0, 0, List.of(), false);

        public Line {
            edits = List.copyOf(edits);
        }

        public boolean synthetic() {
            return cellLine == 0;
        }

        /** The line cut into copied and inserted stretches, in order. */
        List<Segment> segments() {
            List<Segment> segments = new ArrayList<>(1 + 2 * edits.size());
            int textColumn = 1;
            int line = cellLine;
            int column = cellColumn;
            for (Edit e : edits) {
                if (e.cellLine() == line && e.cellColumn() > column) {
                    segments.add(new Segment(textColumn, line, column, false));
                    textColumn += e.cellColumn() - column;
                }
                if (!e.inserted().isEmpty()) {
                    segments.add(new Segment(textColumn, e.cellLine(), e.cellColumn(), true));
                    textColumn += e.inserted().length();
                }
                line = e.endLine();
                column = e.endColumn();
            }
            segments.add(new Segment(textColumn, line, column, false));
            return segments;
        }
    }

    /** A stretch of a line's text (after the indentation) from {@code textColumn} on, copied from the cell or inserted. */
    record Segment(int textColumn, int cellLine, int cellColumn, boolean inserted) {
    }

    /**
     * One edit export made to a cell's code: at a cell position, {@code removed} was taken out and
     * {@code inserted} put in (a modifier added, such as {@code public static }, or removed).
     *
     * @param cellLine where the edit starts in the cell
     * @param cellColumn the column where it starts
     * @param removed the cell's text export removed; empty for an insertion
     * @param inserted the text export put in; empty for a removal
     * @param endLine the cell line where the copied text goes on after the edit
     * @param endColumn the column there
     */
    public record Edit(int cellLine, int cellColumn, String removed, String inserted, int endLine, int endColumn) {

        public Edit {
            Objects.requireNonNull(removed, "removed");
            Objects.requireNonNull(inserted, "inserted");
        }
    }

    /**
     * The test method export wrote around the statements of a test cell: its opening lines and its
     * closing line as written after the block's member indent; the code inside is indented by
     * {@link #INDENT} more.
     */
    public record TestMethod(List<String> opening, String closing) {

        /** The indentation of the statements inside the method, beyond the member indent. */
        public static final String INDENT = "    ";

        public TestMethod {
            opening = List.copyOf(opening);
            Objects.requireNonNull(closing, "closing");
        }
    }

    /** A position in a cell: 1-based line and column of the cell's source (0: not known, or not asked). */
    public record CellPosition(CellRef cell, int line, int column) {

        /** {@code notebooks/00_slugify.ipynb, cell 3 (id e443df78), line 5:2}. */
        @Override
        public String toString() {
            return line > 0 ? cell.at(line, column) : cell.toString();
        }
    }

    /** A position in the generated file: 1-based line and column. */
    public record FilePosition(int line, int column) {
    }

    /** File lines {@code first} to {@code last}, both included, 1-based. */
    public record LineRange(int first, int last) {
    }
}
