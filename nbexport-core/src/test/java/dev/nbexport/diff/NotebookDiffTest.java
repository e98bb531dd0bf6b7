package dev.nbexport.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.testing.TestNotebooks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookDiffTest {

    private static final JsonObject STDOUT_HELLO = JsonObject.EMPTY.with("output_type", Json.string("stream"))
            .with("name", Json.string("stdout")).with("text", Json.string("hello\n"));

    private final Notebook before = TestNotebooks.of(
            "# Slugs",
            "//| export\nstatic String slug(String s) {\n    return s.toLowerCase();\n}",
            "System.out.println(slug(\"Hello\"));",
            "int unused = 0;");

    private static Notebook edit(Notebook notebook, int index, Cell cell) {
        return notebook.withCell(index, cell);
    }

    private static Cell withOutput(Cell cell, JsonObject output) {
        return cell.with("outputs", new JsonArray(List.of(output)));
    }

    private static List<String> diff(Notebook a, Notebook b) {
        return DiffText.lines(NotebookDiff.of(a, b, false));
    }

    @Test
    void showsAnEditedSourceAsAUnifiedDiffWithLineNumbersInsideTheCell() {
        Cell slug = before.cells().get(1);
        Notebook after = edit(before, 1, slug.withSource(slug.source().replace("toLowerCase()", "strip().toLowerCase()")));

        NotebookDiff diff = NotebookDiff.of(before, after, false);

        assertThat(diff.summary()).isEqualTo("1 cell changed");
        assertThat(DiffText.lines(diff)).containsExactly(
                "## cell 2 #c2 [code]: changed source",
                "@@ -1,4 +1,4 @@",
                " //| export",
                " static String slug(String s) {",
                "-    return s.toLowerCase();",
                "+    return s.strip().toLowerCase();",
                " }");
    }

    @Test
    void showsAddedRemovedAndMovedCells() {
        List<Cell> cells = new ArrayList<>(before.cells());
        Cell moved = cells.remove(2);
        cells.remove(2); // "int unused"
        cells.add(0, moved);
        cells.add(Cell.of(CellType.MARKDOWN, "new", "## Next steps\nMore to come."));
        Notebook after = before.withCells(cells);

        NotebookDiff diff = NotebookDiff.of(before, after, false);

        assertThat(diff.summary()).isEqualTo("1 cell added, 1 removed, 1 moved");
        assertThat(DiffText.lines(diff)).containsExactly(
                "## cell 3 -> 1 #c3 [code]: moved",
                "## cell 4 #c4 [code]: removed",
                "-int unused = 0;",
                "## cell 4 #new [markdown]: added",
                "+## Next steps",
                "+More to come.");
    }

    @Test
    void summarisesChangedOutputsAndMetadataOneLineEach() {
        Cell print = before.cells().get(2);
        Notebook ran = edit(before, 2, withOutput(print, STDOUT_HELLO));
        Notebook after = edit(before, 2, withOutput(print, STDOUT_HELLO.with("text", Json.string("hello, world\n")))
                .withMetadata(JsonObject.EMPTY.with("collapsed", Json.JsonBoolean.TRUE)));

        assertThat(diff(ran, after)).containsExactly(
                "## cell 3 #c3 [code]: changed outputs, metadata",
                "-[out] stdout: hello",
                "+[out] stdout: hello, world",
                "+[meta] collapsed: true");
    }

    @Test
    void showsChangedTagsInTheCellHeader() {
        Cell cell = before.cells().get(3);
        Notebook after = edit(before, 3, cell.withMetadata(JsonObject.EMPTY.with("tags", new JsonArray(List.of(Json.string("hide"))))));

        assertThat(diff(before, after)).containsExactly(
                "## cell 4 #c4 [code]: changed tags",
                "-// %% [code] #c4",
                "+// %% [code] #c4 | hide | tags: hide");
    }

    @Test
    void sourcesOnlyIgnoresOutputsAndMetadata() {
        Cell print = before.cells().get(2);
        Notebook after = edit(before, 2, withOutput(print, STDOUT_HELLO).withMetadata(JsonObject.EMPTY.with("collapsed", Json.JsonBoolean.TRUE)))
                .withMetadata(before.metadata().with("language_info", JsonObject.EMPTY.with("name", Json.string("java"))));

        assertThat(NotebookDiff.of(before, after, false).differs()).isTrue();
        NotebookDiff sources = NotebookDiff.of(before, after, true);
        assertThat(sources.differs()).isFalse();
        assertThat(sources.summary()).isEqualTo("no differences");
    }

    @Test
    void sourcesOnlyShowsAddedCellsWithoutTheirOutputs() {
        List<Cell> cells = new ArrayList<>(before.cells());
        cells.add(withOutput(Cell.of(CellType.CODE, "c5", "System.out.println(1);"), STDOUT_HELLO));

        assertThat(DiffText.lines(NotebookDiff.of(before, before.withCells(cells), true)))
                .containsExactly("## cell 5 #c5 [code]: added", "+System.out.println(1);");
    }

    @Test
    void executionCountsAloneAreNoDifference() {
        Cell print = before.cells().get(2);
        Notebook ran = edit(before, 2, print.with("execution_count", Json.JsonNumber.of(12)));

        NotebookDiff diff = NotebookDiff.of(before, ran, false);

        assertThat(diff.differs()).isFalse();
        assertThat(DiffText.lines(diff)).isEmpty();
    }

    @Test
    void showsNotebookMetadataChangesOneLinePerKey() {
        Notebook after = before.withMetadata(before.metadata()
                .with("kernelspec", JsonObject.EMPTY.with("display_name", Json.string("Java 21")).with("language", Json.string("java"))
                        .with("name", Json.string("java"))));

        NotebookDiff diff = NotebookDiff.of(before, after, false);

        assertThat(diff.summary()).isEqualTo("notebook metadata changed");
        assertThat(DiffText.lines(diff)).containsExactly(
                "## notebook: metadata changed",
                "-[meta] kernelspec.display_name: Java (jjava)",
                "+[meta] kernelspec.display_name: Java 21");
    }

    @Test
    void aCellThatChangedTypeSaysSo() {
        Notebook after = edit(before, 3, Cell.of(CellType.MARKDOWN, "c4", "int unused = 0;"));

        assertThat(diff(before, after)).containsExactly(
                "## cell 4 #c4 [code -> markdown]: changed type",
                "-// %% [code] #c4",
                "+// %% [markdown] #c4");
    }

    @Test
    void aMovedCellThatAlsoChangedShowsItsChanges() {
        List<Cell> cells = new ArrayList<>(before.cells());
        Cell last = cells.remove(3);
        cells.add(0, last.withSource("int unused = 1;"));

        NotebookDiff diff = NotebookDiff.of(before, before.withCells(cells), false);

        assertThat(diff.summary()).isEqualTo("1 cell moved and changed");
        assertThat(DiffText.lines(diff)).containsExactly(
                "## cell 4 -> 1 #c4 [code]: moved, changed source",
                "@@ -1,1 +1,1 @@",
                "-int unused = 0;",
                "+int unused = 1;");
    }

    @Test
    void anAddedNotebookIsEveryCellAdded() {
        NotebookDiff diff = NotebookDiff.of(null, before, false);

        List<String> lines = DiffText.lines(diff);
        assertThat(lines.get(0)).isEqualTo("## notebook: added");
        assertThat(lines).contains("+// %% [notebook] nbformat 4.5", "## cell 1 #c1 [markdown]: added", "+# Slugs",
                "## cell 4 #c4 [code]: added", "+int unused = 0;");
        assertThat(diff.summary()).isEqualTo("4 cells added; notebook metadata changed");
    }
}
