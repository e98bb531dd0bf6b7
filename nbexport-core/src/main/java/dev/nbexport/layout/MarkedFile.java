package dev.nbexport.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A generated file split at its cell markers, as {@link FileLayout#read} reads it back; the file may
 * have been edited by hand, so only the markers are trusted.
 *
 * <p>Three kinds of lines: the {@link #outside() outside} lines export writes around the cells' code
 * (header, package, imports, the class's opening and closing), the marker lines, and each marker's
 * {@link Block block}. A block ends at the next marker or, in a class, at the class's closing {@code }}
 * (its last such line); blank lines at its end are export's separators and are left out. Indexes are
 * 0-based positions in {@link #lines()}; file lines, as shown to users, are one more.
 *
 * @param lines the file's lines ({@code \n} breaks, no trailing empty line)
 * @param hashLine index of the {@code // nbexport-sha256:} line, or -1
 * @param nested whether the blocks are members of a class export wrote around them
 * @param blocks the blocks in file order
 * @param closing index of the class's closing line, or {@code lines.size()} for a type's file
 */
public record MarkedFile(List<String> lines, int hashLine, boolean nested, List<Block> blocks, int closing) {

    public MarkedFile {
        lines = List.copyOf(lines);
        blocks = List.copyOf(blocks);
    }

    /**
     * One cell's lines in the file, as they are (indentation included).
     *
     * @param marker the marker before it
     * @param markerIndex index of the marker line
     * @param firstIndex index of the block's first line
     * @param text the block's lines, trailing blank lines left out
     */
    public record Block(CellMarker marker, int markerIndex, int firstIndex, List<String> text) {
        public Block {
            text = List.copyOf(text);
        }
    }

    /**
     * Splits {@code content} ({@code \r\n} and a byte order mark are tolerated).
     *
     * @param nested whether the blocks are a class's members; {@code null}: as export writes them, when
     *     the first marker is indented
     */
    static MarkedFile parse(String content, Boolean nested) {
        List<String> lines = lines(content);
        int hash = -1;
        for (int i = 0; i < lines.size() && lines.get(i).startsWith("//"); i++) {
            if (lines.get(i).startsWith(GeneratedHeader.HASH_PREFIX)) {
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
        boolean inClass = nested != null ? nested : !markerLines.isEmpty() && lines.get(markerLines.get(0)).startsWith(" ");
        int closing = lines.size();
        if (inClass && !markerLines.isEmpty()) {
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
            blocks.add(new Block(markers.get(k), markerLines.get(k), from, lines.subList(from, Math.max(from, to))));
        }
        return new MarkedFile(lines, hash, inClass, blocks, closing);
    }

    /** The markers, in file order. */
    public List<CellMarker> markers() {
        return blocks.stream().map(Block::marker).toList();
    }

    /** Indexes of the lines export writes around the blocks, except the hash line. */
    public List<Integer> outside() {
        List<Integer> outside = new ArrayList<>();
        int end = blocks.isEmpty() ? lines.size() : blocks.get(0).markerIndex();
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

    /** The import lines of the file's import section (among the outside lines), stripped. */
    public List<String> imports() {
        return outside().stream().map(lines::get).map(String::strip).filter(MarkedFile::isImport).toList();
    }

    /** Whether an outside line is one of the file's imports. */
    public static boolean isImport(String line) {
        return line.startsWith("import ");
    }

    /** The marker of the block a line (index) is in: the nearest marker at or above it. */
    public Optional<CellMarker> markerAbove(int index) {
        CellMarker found = null;
        for (Block block : blocks) {
            if (block.markerIndex() <= index) {
                found = block.marker();
            }
        }
        return Optional.ofNullable(found);
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
}
