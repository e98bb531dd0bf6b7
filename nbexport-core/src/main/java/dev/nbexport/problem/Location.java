package dev.nbexport.problem;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a {@link Problem} is, as the user finds it: in a notebook cell (at a line and column of the
 * cell), in a file (at some of its lines), or nowhere in particular. Lines and columns are 1-based;
 * 0 means "not known" (or "the whole cell"). {@link #toString()} is the one way messages show it.
 */
public sealed interface Location permits Location.InCell, Location.InFile, Location.Nowhere {

    /** No particular place: the problem is about the whole run, or its text says where. */
    static Location none() {
        return Nowhere.INSTANCE;
    }

    /** A cell, at a line and column of the cell (0 when not known). */
    static Location in(CellAddress cell, int line, int column) {
        return new InCell(cell, line, column, "");
    }

    /** A cell as a whole. */
    static Location in(CellAddress cell) {
        return new InCell(cell, 0, 0, "");
    }

    /** A part of a cell that has no line, such as a tag: {@code part} is e.g. {@code tag `eval:maybe`}. */
    static Location inPart(CellAddress cell, String part) {
        return new InCell(cell, 0, 0, part);
    }

    /** A file as a whole. */
    static Location file(String file) {
        return new InFile(file, List.of(), List.of());
    }

    /** A line of a file. */
    static Location file(String file, int line) {
        return new InFile(file, List.of(line), List.of());
    }

    /**
     * Lines of a file, and what they belong to.
     *
     * @param lines 1-based lines, shown as ranges ({@code lines 3, 5-7})
     * @param regions what the lines belong to, e.g. the cells whose blocks they are in
     *     ({@code notebooks/a.ipynb #c2}); shown in parentheses
     */
    static Location file(String file, Set<Integer> lines, List<String> regions) {
        return new InFile(file, List.copyOf(new TreeSet<>(lines)), regions);
    }

    /** Whether this is {@link #none()}. */
    default boolean isNone() {
        return this instanceof Nowhere;
    }

    /**
     * In a cell: {@code notebooks/01_core.ipynb, cell 3 (id e443df78), line 2:5}.
     *
     * @param line 1-based cell line, 0 when not known
     * @param column 1-based column, 0 when not known
     * @param part a part of the cell without lines (a tag), or empty
     */
    record InCell(CellAddress cell, int line, int column, String part) implements Location {

        public InCell {
            Objects.requireNonNull(cell, "cell");
            Objects.requireNonNull(part, "part");
        }

        @Override
        public String toString() {
            String name = CellAddress.name(cell);
            if (line > 0) {
                return name + ", line " + line + (column > 0 ? ":" + column : "");
            }
            return part.isEmpty() ? name : name + ", " + part;
        }
    }

    /**
     * In a file: {@code src/main/java/com/acme/Core.java, lines 3, 5-7 (notebooks/a.ipynb #c2)}.
     *
     * @param file the file as shown to the user
     * @param lines 1-based lines, sorted; empty for the whole file
     * @param regions what the lines belong to, e.g. cells; may be empty
     */
    record InFile(String file, List<Integer> lines, List<String> regions) implements Location {

        public InFile {
            Objects.requireNonNull(file, "file");
            lines = List.copyOf(lines);
            regions = List.copyOf(regions);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(file);
            if (!lines.isEmpty()) {
                sb.append(lines.size() == 1 ? ", line " : ", lines ").append(ranges(lines));
            }
            if (!regions.isEmpty()) {
                sb.append(" (").append(String.join(", ", regions)).append(')');
            }
            return sb.toString();
        }

        /** {@code 3, 5-7}. */
        private static String ranges(List<Integer> lines) {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            while (i < lines.size()) {
                int start = lines.get(i);
                int end = start;
                while (i + 1 < lines.size() && lines.get(i + 1) == end + 1) {
                    end = lines.get(++i);
                }
                sb.append(sb.length() > 0 ? ", " : "").append(start == end ? Integer.toString(start) : start + "-" + end);
                i++;
            }
            return sb.toString();
        }
    }

    /** No particular place. */
    enum Nowhere implements Location {
        INSTANCE;

        @Override
        public String toString() {
            return "";
        }
    }
}
