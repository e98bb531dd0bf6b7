package dev.nbexport.update;

import dev.nbexport.layout.FileLayout;
import dev.nbexport.layout.GeneratedHeader;
import dev.nbexport.layout.MarkedFile;
import dev.nbexport.layout.SourceMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which side changed what, when both the notebook and the hand-edited file changed since the export.
 *
 * <p>The hash a generated file records is the hash of what export wrote. For each way of attributing
 * every differing block (and the lines around the blocks) to one side, the original it implies is put
 * together and hashed; the one whose hash is the recorded hash <em>is</em> the original (SHA-256), so
 * each block changed on one side only. No extra state is stored.
 */
public final class HandEditAttribution {

    /** At most 2^12 = 4,096 candidates. */
    private static final int MAX_DIFFERING_BLOCKS = 12;

    private HandEditAttribution() {}

    /**
     * The hand-edited file with the notebook's changes taken from {@code exported} and the hand edits
     * kept: what update maps back. Empty when no attribution matches (a cell changed on both sides, or
     * the cells themselves changed): a conflict.
     *
     * @param current the file as edited by hand
     * @param exported the file as exporting the notebooks now writes it
     * @param shape how export lays out the file, from its source map
     */
    public static Optional<String> onNewExport(String current, String exported, SourceMap.Shape shape) {
        MarkedFile mine = FileLayout.read(current, shape);
        MarkedFile theirs = FileLayout.read(exported, shape);
        String recorded = GeneratedHeader.parse(current).map(GeneratedHeader::recordedHash).orElse(null);
        if (recorded == null || mine.blocks().isEmpty() || !mine.markers().equals(theirs.markers())) {
            return Optional.empty();
        }
        List<List<String>> myRegions = regions(mine);
        List<List<String>> theirRegions = regions(theirs);
        List<Integer> differing = new ArrayList<>();
        for (int i = 1; i + 1 < myRegions.size(); i++) {
            if (!myRegions.get(i).equals(theirRegions.get(i))) {
                differing.add(i);
            }
        }
        int last = myRegions.size() - 1;
        if (differing.size() > MAX_DIFFERING_BLOCKS) {
            return Optional.empty();
        }
        // the lines around the blocks were changed by one side at most: the hand edits (kept) or the notebook (taken)
        for (boolean handEditedOutside : new boolean[] {false, true}) {
            for (int mask = 0; mask < 1 << differing.size(); mask++) {
                // bit set: the notebook changed that block (the original is my version); clear: the hand edit did
                List<List<String>> original = new ArrayList<>(theirRegions);
                List<List<String>> result = new ArrayList<>(theirRegions);
                if (handEditedOutside) {
                    result.set(0, myRegions.get(0));
                    result.set(last, myRegions.get(last));
                } else {
                    original.set(0, myRegions.get(0));
                    original.set(last, myRegions.get(last));
                }
                for (int b = 0; b < differing.size(); b++) {
                    int region = differing.get(b);
                    if ((mask & 1 << b) != 0) {
                        original.set(region, myRegions.get(region));
                    } else {
                        result.set(region, myRegions.get(region));
                    }
                }
                String candidate = join(original);
                if (recorded.equals(GeneratedHeader.parse(candidate).map(GeneratedHeader::actualHash).orElse(null))) {
                    return Optional.of(join(result));
                }
            }
        }
        return Optional.empty();
    }

    /** The lines before the first marker, each marker's lines up to the next one, and the closing lines. */
    private static List<List<String>> regions(MarkedFile file) {
        List<List<String>> regions = new ArrayList<>();
        List<String> lines = file.lines();
        regions.add(lines.subList(0, file.blocks().get(0).markerIndex()));
        for (int k = 0; k < file.blocks().size(); k++) {
            int to = k + 1 < file.blocks().size() ? file.blocks().get(k + 1).markerIndex() : file.closing();
            regions.add(lines.subList(file.blocks().get(k).markerIndex(), to));
        }
        regions.add(lines.subList(file.closing(), lines.size()));
        return regions;
    }

    private static String join(List<List<String>> regions) {
        StringBuilder sb = new StringBuilder();
        regions.forEach(region -> region.forEach(line -> sb.append(line).append('\n')));
        return sb.toString();
    }
}
