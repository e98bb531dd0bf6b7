package dev.nbexport.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlignmentTest {

    @Test
    void matchesTheLongestCommonSubsequence() {
        List<String> a = List.of("a", "b", "c", "a", "b", "b", "a");
        List<String> b = List.of("c", "b", "a", "b", "a", "c");

        int[] match = Alignment.align(a.size(), b.size(), (i, j) -> a.get(i).equals(b.get(j)));

        assertThat(matchedCount(match)).isEqualTo(4);
        assertValid(match, a, b);
    }

    @Test
    void matchesNothingBetweenDisjointSequences() {
        int[] match = Alignment.align(3, 2, (i, j) -> false);

        assertThat(match).containsExactly(-1, -1, -1);
    }

    @Test
    void isOptimalAndValidForRandomSequences() {
        qt().withExamples(300)
                .forAll(lists().of(integers().between(0, 3)).ofSizeBetween(0, 25),
                        lists().of(integers().between(0, 3)).ofSizeBetween(0, 25))
                .checkAssert((a, b) -> {
                    int[] match = Alignment.align(a.size(), b.size(), (i, j) -> a.get(i).equals(b.get(j)));
                    assertValid(match, a, b);
                    assertThat(matchedCount(match)).isEqualTo(lcsLength(a, b));
                });
    }

    @Test
    void staysValidWhenThereAreMoreDifferencesThanItSearches() {
        qt().withExamples(100)
                .forAll(lists().of(integers().between(0, 5)).ofSizeBetween(0, 40),
                        lists().of(integers().between(0, 5)).ofSizeBetween(0, 40))
                .checkAssert((a, b) -> {
                    int[] match = Alignment.align(a.size(), b.size(), (i, j) -> a.get(i).equals(b.get(j)), 3);
                    assertValid(match, a, b);
                });
    }

    private static <T> void assertValid(int[] match, List<T> a, List<T> b) {
        assertThat(match).hasSize(a.size());
        int last = -1;
        for (int i = 0; i < match.length; i++) {
            if (match[i] >= 0) {
                assertThat(match[i]).isGreaterThan(last).isLessThan(b.size());
                assertThat(a.get(i)).isEqualTo(b.get(match[i]));
                last = match[i];
            }
        }
    }

    private static int matchedCount(int[] match) {
        int n = 0;
        for (int m : match) {
            n += m >= 0 ? 1 : 0;
        }
        return n;
    }

    private static <T> int lcsLength(List<T> a, List<T> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        return lcs[0][0];
    }
}
