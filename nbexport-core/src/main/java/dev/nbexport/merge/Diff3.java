package dev.nbexport.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a three-way comparison into chunks, as the classic {@code diff3} does: a base element matched
 * in both sides is <em>stable</em>; between stable elements lie <em>unstable</em> chunks, where one side,
 * the other or both changed something.
 *
 * <p>Callers decide what a chunk becomes: for lines, an unstable chunk where only one side differs from
 * the base takes that side and one where both differ (differently) is a conflict; for cells, a stable
 * triple is the same cell (by id) on all three sides, whose content is merged field by field.
 */
final class Diff3 {

    private Diff3() {}

    /**
     * One chunk: half-open ranges into base, ours and theirs. A stable chunk is one element long on
     * every side, the three aligned with each other.
     */
    record Chunk(boolean stable, int baseStart, int baseEnd, int oursStart, int oursEnd, int theirsStart, int theirsEnd) {}

    /**
     * Chunks a three-way comparison.
     *
     * @param baseToOurs for each base index, the aligned index in ours or -1 (from {@link Alignment})
     * @param baseToTheirs for each base index, the aligned index in theirs or -1
     */
    static List<Chunk> chunks(int[] baseToOurs, int[] baseToTheirs, int oursSize, int theirsSize) {
        int baseSize = baseToOurs.length;
        List<Chunk> chunks = new ArrayList<>();
        int b = 0;
        int o = 0;
        int t = 0;
        while (b < baseSize || o < oursSize || t < theirsSize) {
            int next = b;
            while (next < baseSize && (baseToOurs[next] < 0 || baseToTheirs[next] < 0)) {
                next++;
            }
            int oursEnd = next < baseSize ? baseToOurs[next] : oursSize;
            int theirsEnd = next < baseSize ? baseToTheirs[next] : theirsSize;
            if (next > b || oursEnd > o || theirsEnd > t) {
                chunks.add(new Chunk(false, b, next, o, oursEnd, t, theirsEnd));
            }
            if (next < baseSize) {
                chunks.add(new Chunk(true, next, next + 1, oursEnd, oursEnd + 1, theirsEnd, theirsEnd + 1));
            }
            b = next + 1;
            o = oursEnd + 1;
            t = theirsEnd + 1;
        }
        return chunks;
    }
}
