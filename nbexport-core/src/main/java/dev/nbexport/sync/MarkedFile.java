package dev.nbexport.sync;

import dev.nbexport.layout.CellMarker;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated file split by its cell markers, the way {@code nbexport:update} reads it back.
 *
 * <p>Three kinds of lines: the {@link #outside() outside} lines that export writes around the cells'
 * code (header, package, imports, the target class's opening and closing), the marker lines, and each
 * marker's {@link Block block} of code. Blocks of a class (markers indented, as in the target class or
 * the test class) lose export's 4-space indentation here; blocks of a type's own file are taken as they
 * are. A block ends at the next marker or, in a class, at the class's closing {@code }} line; blank
 * lines at its end are export's separators and are dropped.
 *
 * @param lines the file's lines ({@code \n} breaks, no trailing empty line)
 * @param hashLine 0-based index of the {@code // nbexport-sha256:} line, or -1
 * @param nested whether the blocks are inside a class (indented markers)
 * @param blocks the blocks in file order
 * @param closing 0-based index of the class's closing line, or {@code lines.size()} for a type's file
 */
public record MarkedFile(List<String> lines, int hashLine, boolean nested, List<Block> blocks, int closing) {

    /** Export's indentation of a class's members. */
    static final String INDENT = "    ";
    private static final String HASH_PREFIX = "// nbexport-sha256: ";

    public MarkedFile {
        lines = List.copyOf(lines);
        blocks = List.copyOf(blocks);
    }

    /**
     * One cell's code in the file.
     *
     * @param marker the marker before it
     * @param markerLine 0-based line of the marker
     * @param firstLine 0-based line of the block's first line
     * @param text the block's lines, export's indentation removed, trailing blank lines dropped
     * @param misindented 0-based file lines inside a class that lack export's indentation
     */
    public record Block(CellMarker marker, int markerLine, int firstLine, List<String> text, List<Integer> misindented) {
        public Block {
            text = List.copyOf(text);
            misindented = List.copyOf(misindented);
        }
    }

    /** Splits {@code content} (a generated file; {@code \r\n} and a byte order mark are tolerated). */
    public static MarkedFile parse(String content) {
        List<String> lines = lines(content);
        int hash = -1;
        for (int i = 0; i < lines.size() && lines.get(i).startsWith("//"); i++) {
            if (lines.get(i).startsWith(HASH_PREFIX)) {
                hash = i;
                break;
            }
        }
        List<Integer> markerLines = new ArrayList<>();
        List<CellMarker> markers = new ArrayList<>();
        for (int i = hash + 1; i < lines.size(); i++) {
            var marker = CellMarker.parse(lines.get(i));
            if (marker.isPresent()) {
                markerLines.add(i);
                markers.add(marker.get());
            }
        }
        boolean nested = !markerLines.isEmpty() && lines.get(markerLines.get(0)).startsWith(" ");
        int closing = lines.size();
        if (nested) {
            for (int i = lines.size() - 1; i > markerLines.get(markerLines.size() - 1); i--) {
                if (lines.get(i).equals("}")) {
                    closing = i;
                    break;
                }
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (int k = 0; k < markerLines.size(); k++) {
            int from = markerLines.get(k) + 1;
            int to = k + 1 < markerLines.size() ? markerLines.get(k + 1) : closing;
            while (to > from && lines.get(to - 1).isBlank()) {
                to--;
            }
            List<String> text = new ArrayList<>(to - from);
            List<Integer> misindented = new ArrayList<>();
            for (int i = from; i < to; i++) {
                String line = lines.get(i);
                if (!nested || line.isEmpty()) {
                    text.add(line);
                } else if (line.startsWith(INDENT)) {
                    text.add(line.substring(INDENT.length()));
                } else {
                    misindented.add(i);
                    text.add(line.stripLeading());
                }
            }
            blocks.add(new Block(markers.get(k), markerLines.get(k), from, text, misindented));
        }
        return new MarkedFile(lines, hash, nested, blocks, closing);
    }

    /** The markers, in file order. */
    public List<CellMarker> markers() {
        return blocks.stream().map(Block::marker).toList();
    }

    /** 0-based indexes of the lines export writes around the blocks, except the hash line. */
    public List<Integer> outside() {
        List<Integer> outside = new ArrayList<>();
        int end = blocks.isEmpty() ? lines.size() : blocks.get(0).markerLine();
        for (int i = 0; i < end; i++) {
            if (i != hashLine) {
                outside.add(i);
            }
        }
        for (int i = closing; i < lines.size(); i++) {
            outside.add(i);
        }
        return outside;
    }

    /** The file's lines of {@code content}: {@code \n} breaks, without a byte order mark or final empty line. */
    public static List<String> lines(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n");
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The content without its hash line, to compare a file with another export of it. */
    public static String withoutHash(String content) {
        List<String> lines = lines(content);
        StringBuilder sb = new StringBuilder(content.length());
        boolean header = true;
        for (String line : lines) {
            if (header && line.startsWith(HASH_PREFIX)) {
                header = false;
                continue;
            }
            header &= line.startsWith("//");
            sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
