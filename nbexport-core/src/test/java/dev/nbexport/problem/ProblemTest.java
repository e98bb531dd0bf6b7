package dev.nbexport.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.NbexportException;
import dev.nbexport.notebook.CellRef;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private static final String NL = System.lineSeparator();
    private static final CellRef CELL = new CellRef("notebooks/01_text.ipynb", 3, "e443df78");

    @Test
    void aProblemInACellNamesNotebookCellLineAndColumn() {
        Problem p = Problem.error(CELL.location(2, 5), "unknown directive `exprot`", "Write `//| export`.");

        assertThat(p.toString()).isEqualTo("notebooks/01_text.ipynb, cell 3 (id e443df78), line 2:5: unknown directive `exprot`");
        assertThat(p.describe()).isEqualTo(p + NL + "  Write `//| export`.");
        assertThat(p.cell()).isEqualTo(CELL);
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(5);
    }

    @Test
    void aProblemInAFileNamesItsLinesAsRangesAndWhatTheyBelongTo() {
        Location where = Location.file("src/main/java/com/acme/Core.java", Set.of(7, 3, 5, 6), List.of("notebooks/a.ipynb #c2"));

        assertThat(where).hasToString("src/main/java/com/acme/Core.java, lines 3, 5-7 (notebooks/a.ipynb #c2)");
        assertThat(Location.file("Core.java", 12)).hasToString("Core.java, line 12");
        assertThat(Location.inPart(CELL, "tag `eval:maybe`")).hasToString("notebooks/01_text.ipynb, cell 3 (id e443df78), tag `eval:maybe`");
        assertThat(Problem.error(Location.none(), "no notebooks", "")).hasToString("no notebooks");
    }

    @Test
    void theDetailComesBeforeTheHint() {
        Problem p = Problem.error(Location.file("Core.java"), "conflict", "Bring the two together.").withDetail("-a" + NL + "+b");

        assertThat(p.describe()).isEqualTo("Core.java: conflict" + NL + "-a" + NL + "+b" + NL + "  Bring the two together.");
    }

    @Test
    void aListHasOneBulletPerProblemAndIndentsTheirOtherLines() {
        List<Problem> problems = List.of(Problem.error(CELL.location(1, 1), "first", "Do this."),
                Problem.error(Location.file("notebooks/x.ipynb"), "line 3:4: not valid JSON", ""));

        assertThat(Problem.list("2 problems in notebooks", problems)).isEqualTo("2 problems in notebooks:"
                + NL + "- notebooks/01_text.ipynb, cell 3 (id e443df78), line 1:1: first" + NL + "    Do this."
                + NL + "- notebooks/x.ipynb: line 3:4: not valid JSON");
    }

    @Test
    void problemsOfSeveralNotebooksAreThrownOnceInNotebookCellAndLineOrder() {
        Problem late = Problem.error(new CellRef("notebooks/b.ipynb", 1, null).location(1, 1), "b", "");
        Problem tenth = Problem.error(new CellRef("notebooks/a.ipynb", 10, null).location(1, 1), "a10", "");
        Problem ninth = Problem.error(new CellRef("notebooks/a.ipynb", 9, null).location(4, 1), "a9", "");

        NbexportException e = NbexportException.of("in notebooks", List.of(late, tenth, ninth));

        assertThat(e.problems()).containsExactly(ninth, tenth, late);
        assertThat(e.getMessage()).startsWith("3 problems in notebooks:" + NL + "- notebooks/a.ipynb, cell 9, line 4:1: a9");
        assertThat(NbexportException.of("in notebooks", List.of(late)).getMessage()).isEqualTo("notebooks/b.ipynb, cell 1, line 1:1: b");
    }

    @Test
    void exceptionsWithAPlainMessageKeepItInALaterList() {
        NbexportException plain = new NbexportException("something is wrong", "Fix it.");

        NbexportException all = NbexportException.all("in notebooks", List.of(plain, new NbexportException("more", "")));

        assertThat(plain.describe()).isEqualTo("something is wrong" + NL + "  Fix it.");
        assertThat(all.getMessage()).contains(NL + "- something is wrong" + NL + "    Fix it.", NL + "- more");
    }
}
