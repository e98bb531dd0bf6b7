package dev.nbexport.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CellMatchingTest {

    private static Cell code(String id, String source) {
        return Cell.of(CellType.CODE, id, source);
    }

    private static Cell markdown(String id, String source) {
        return Cell.of(CellType.MARKDOWN, id, source);
    }

    /** For each cell of {@code a}: its index in {@code b}, -1 when removed; a moved cell as {@code ~index}. */
    private static List<String> match(List<Cell> a, List<Cell> b) {
        CellMatching matching = CellMatching.of(a, b);
        return IntStream.range(0, a.size())
                .mapToObj(i -> (matching.moved(i) ? "~" : "") + matching.matchOf(i)).toList();
    }

    @Test
    void matchesCellsByIdWhateverTheirSource() {
        List<Cell> before = List.of(code("a", "int a = 1;"), code("b", "int b = 2;"), code("c", "int c = 3;"));
        List<Cell> after = List.of(code("a", "int a = 1;"), code("b", "String b = \"completely different\";"),
                code("c", "int c = 3;"));

        assertThat(match(before, after)).containsExactly("0", "1", "2");
    }

    @Test
    void cellsWithDifferentIdsAreDifferentCellsHoweverAlike() {
        List<Cell> before = List.of(code("a", "int a = 1;"), code("old", "int b = 2;"));
        List<Cell> after = List.of(code("a", "int a = 1;"), code("new", "int b = 2;"));

        assertThat(match(before, after)).containsExactly("0", "-1");
    }

    @Test
    void matchesEditedCellsWithoutIdsBySimilarSourceOfTheSameType() {
        List<Cell> before = List.of(markdown(null, "# Title"), code(null, "int total = price * count;"),
                code(null, "System.out.println(total);"));
        List<Cell> after = List.of(markdown(null, "# Title"), code(null, "int total = price * count + tax;"),
                markdown(null, "A new explanation"), code(null, "System.out.println(total);"));

        assertThat(match(before, after)).containsExactly("0", "1", "3");
    }

    @Test
    void aSimilarSourceInACellOfAnotherTypeIsNotTheSameCell() {
        List<Cell> before = List.of(code(null, "int total = price * count;"));
        List<Cell> after = List.of(markdown(null, "int total = price * count;"));

        assertThat(match(before, after)).containsExactly("-1");
    }

    @Test
    void aCellWithoutIdIsMatchedToTheEditedCellThatGotOne() {
        List<Cell> before = List.of(code(null, "int total = price * count;"));
        List<Cell> after = List.of(code("c1", "int total = price * count * 2;"));

        assertThat(match(before, after)).containsExactly("0");
    }

    @Test
    void dissimilarSourcesAreARemovedAndAnAddedCell() {
        List<Cell> before = List.of(code(null, "int total = price * count;"));
        List<Cell> after = List.of(code(null, "record Point(double x, double y) {}"));

        assertThat(match(before, after)).containsExactly("-1");
    }

    @Test
    void findsMovedCellsByIdAndByIdenticalSource() {
        List<Cell> before = List.of(code("a", "a"), code("b", "b"), code("c", "c"), markdown(null, "## Notes"), code("d", "d"));
        List<Cell> after = List.of(code("c", "c changed"), code("a", "a"), code("b", "b"), code("d", "d"), markdown(null, "## Notes"));

        assertThat(match(before, after)).containsExactly("1", "2", "~0", "~4", "3");
    }

    @Test
    void insertionsAndRemovalsLeaveTheOtherCellsMatched() {
        List<Cell> before = List.of(code("a", "a"), code("gone", "g"), code("b", "b"));
        List<Cell> after = List.of(code("new", "n"), code("a", "a"), code("b", "b"), code("end", "e"));

        assertThat(match(before, after)).containsExactly("1", "-1", "2");
    }

    @Test
    void similarityIsOneForEqualTextsAndZeroForTextsWithNoPairInCommon() {
        assertThat(CellMatching.similarity(CellMatching.bigrams("slugify(title)"), CellMatching.bigrams("slugify(title)"))).isEqualTo(1.0);
        assertThat(CellMatching.similarity(CellMatching.bigrams("abc"), CellMatching.bigrams("xyz"))).isZero();
        assertThat(CellMatching.similarity(CellMatching.bigrams(""), CellMatching.bigrams(""))).isEqualTo(1.0);
        assertThat(CellMatching.similarity(CellMatching.bigrams("int x = 1;"), CellMatching.bigrams("int x = 2;")))
                .isGreaterThanOrEqualTo(CellMatching.SIMILAR);
    }
}
