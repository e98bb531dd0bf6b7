package dev.nbexport.diff;

import dev.nbexport.merge.Alignment;
import dev.nbexport.merge.CellMerge;
import dev.nbexport.notebook.Cell;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cell of one notebook is which cell of another, for a diff.
 *
 * <ol>
 *   <li>Cells are aligned in order as the merge aligns them ({@link CellMerge#sameCell}: the same id,
 *       or without ids the same type and source), with the same longest-common-subsequence
 *       {@link Alignment}.
 *   <li>Between two aligned cells, the cells left over are aligned again by similarity: the same type
 *       and a similar source (see {@link #similar}), when at least one of the two has no id (cells with
 *       different ids are different cells). So an edited cell of a notebook without ids is "changed",
 *       not "removed" and "added".
 *   <li>Of the cells still left over, the same cell on both sides (by id, else type and source) has
 *       moved.
 * </ol>
 *
 * <p>The result maps each cell of the first notebook to its cell in the second, or -1.
 */
final class CellMatching {

    /** Sources at least this similar (Dice coefficient of their character pairs) are the same cell edited. */
    static final double SIMILAR = 0.5;

    private final int[] toSecond;
    private final boolean[] moved;

    private CellMatching(int[] toSecond, boolean[] moved) {
        this.toSecond = toSecond;
        this.moved = moved;
    }

    /** Matches the cells {@code first} and {@code second}. */
    static CellMatching of(List<Cell> first, List<Cell> second) {
        int n = first.size();
        int m = second.size();
        int[] match = Alignment.align(n, m, (i, j) -> CellMerge.sameCell(first.get(i), second.get(j)));
        BigramCache bigrams = new BigramCache();
        int i = 0;
        int j = 0;
        for (int k = 0; k <= n; k++) {
            if (k < n && match[k] < 0) {
                continue;
            }
            int nextJ = k < n ? match[k] : m;
            if (k > i && nextJ > j) {
                alignBySimilarity(first.subList(i, k), second.subList(j, nextJ), i, j, match, bigrams);
            }
            i = k + 1;
            j = nextJ + 1;
        }
        boolean[] moved = new boolean[n];
        boolean[] taken = new boolean[m];
        for (int k : match) {
            if (k >= 0) {
                taken[k] = true;
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < m && match[a] < 0; b++) {
                if (!taken[b] && CellMerge.sameCell(first.get(a), second.get(b))) {
                    match[a] = b;
                    moved[a] = true;
                    taken[b] = true;
                }
            }
        }
        return new CellMatching(match, moved);
    }

    private static void alignBySimilarity(List<Cell> first, List<Cell> second, int firstOffset, int secondOffset,
            int[] match, BigramCache bigrams) {
        int[] local = Alignment.align(first.size(), second.size(),
                (a, b) -> similar(first.get(a), second.get(b), bigrams));
        for (int a = 0; a < local.length; a++) {
            if (local[a] >= 0) {
                match[firstOffset + a] = secondOffset + local[a];
            }
        }
    }

    /** The cell of the second notebook that cell {@code index} of the first is, or -1 when it was removed. */
    int matchOf(int index) {
        return toSecond[index];
    }

    /** Whether cell {@code index} of the first notebook is out of order in the second (it moved). */
    boolean moved(int index) {
        return moved[index];
    }

    /**
     * Whether two cells are one cell edited: the same type, not both with an id (two ids that differ
     * are two cells), and sources at least {@link #SIMILAR} alike.
     */
    static boolean similar(Cell a, Cell b) {
        return similar(a, b, new BigramCache());
    }

    private static boolean similar(Cell a, Cell b, BigramCache bigrams) {
        if (!a.typeName().equals(b.typeName()) || a.id() != null && b.id() != null) {
            return false;
        }
        return similarity(bigrams.of(a.source()), bigrams.of(b.source())) >= SIMILAR;
    }

    /**
     * The Dice coefficient of two multisets of character pairs: 1 for the same text, 0 for texts with
     * no pair in common. Linear in the length of the texts and insensitive to where an edit is, so a
     * one-line cell with one word changed is still similar.
     */
    static double similarity(Map<Integer, Integer> a, Map<Integer, Integer> b) {
        int sizeA = a.values().stream().mapToInt(Integer::intValue).sum();
        int sizeB = b.values().stream().mapToInt(Integer::intValue).sum();
        if (sizeA + sizeB == 0) {
            return 1; // two empty cells of the same type
        }
        int common = 0;
        for (Map.Entry<Integer, Integer> entry : a.entrySet()) {
            common += Math.min(entry.getValue(), b.getOrDefault(entry.getKey(), 0));
        }
        return 2.0 * common / (sizeA + sizeB);
    }

    /** The character pairs of a text as counts; a one-character text is its one character. */
    static Map<Integer, Integer> bigrams(String text) {
        String s = text.strip();
        Map<Integer, Integer> counts = new HashMap<>();
        if (s.length() == 1) {
            counts.put((int) s.charAt(0), 1);
        }
        for (int k = 0; k + 1 < s.length(); k++) {
            counts.merge(s.charAt(k) << 16 | s.charAt(k + 1), 1, Integer::sum);
        }
        return counts;
    }

    /** Each source's pairs once, as the alignment compares a cell with many others. */
    private static final class BigramCache {
        private final Map<String, Map<Integer, Integer>> cache = new HashMap<>();

        Map<Integer, Integer> of(String source) {
            return cache.computeIfAbsent(source, CellMatching::bigrams);
        }
    }
}
