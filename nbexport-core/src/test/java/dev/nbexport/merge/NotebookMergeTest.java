package dev.nbexport.merge;

import static dev.nbexport.merge.Notebooks.bytes;
import static dev.nbexport.merge.Notebooks.code;
import static dev.nbexport.merge.Notebooks.inserted;
import static dev.nbexport.merge.Notebooks.markdown;
import static dev.nbexport.merge.Notebooks.notebook;
import static dev.nbexport.merge.Notebooks.numbered;
import static dev.nbexport.merge.Notebooks.sources;
import static dev.nbexport.merge.Notebooks.tagged;
import static dev.nbexport.merge.Notebooks.withSource;
import static dev.nbexport.merge.Notebooks.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonNumber;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookFormatException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotebookMergeTest {

    private static final MergeOptions OPTIONS = MergeOptions.defaults().withLabels("HEAD", "feature");

    private final Notebook base = numbered(4);

    @Test
    void mergesEditsToDifferentCellsCleanly() {
        Notebook ours = withSource(base, 0, "int a0 = 100;");
        Notebook theirs = withSource(base, 3, "int a3 = 300;");

        MergeResult result = NotebookMerge.merge(base, ours, theirs, OPTIONS);

        assertThat(result.isClean()).isTrue();
        assertThat(sources(result.notebook())).containsExactly("int a0 = 100;", base.cells().get(1).source(),
                base.cells().get(2).source(), "int a3 = 300;");
    }

    @Test
    void mergesEditsToDifferentLinesOfOneCellLineByLine() {
        Notebook ours = withSource(base, 1, "int a1 = 10;\nint b1 = a1 + 1;\nSystem.out.println(b1);");
        Notebook theirs = withSource(base, 1, "int a1 = 1;\nint b1 = a1 + 1;\nSystem.err.println(b1);");

        MergeResult result = NotebookMerge.merge(base, ours, theirs, OPTIONS);

        assertThat(result.isClean()).isTrue();
        assertThat(result.notebook().cells().get(1).source())
                .isEqualTo("int a1 = 10;\nint b1 = a1 + 1;\nSystem.err.println(b1);");
    }

    @Test
    void keepsBothVersionsOfACellChangedDifferentlyBetweenLabelledMarkerCells() {
        Notebook ours = withSource(base, 2, "int a2 = 20;");
        Notebook theirs = withSource(base, 2, "int a2 = 21;");

        MergeResult result = NotebookMerge.merge(base, ours, theirs, OPTIONS);

        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(sources(result.notebook())).containsExactly(base.cells().get(0).source(),
                base.cells().get(1).source(), "<<<<<<< HEAD", "int a2 = 20;", "=======", "int a2 = 21;",
                ">>>>>>> feature", base.cells().get(3).source());
        List<Cell> cells = result.notebook().cells();
        assertThat(cells.get(2).type()).isEqualTo(CellType.MARKDOWN);
        assertThat(cells.get(3).id()).isEqualTo("c2");
        assertThat(cells.get(5).id()).isNotEqualTo("c2").startsWith("c2");
        assertUniqueIds(result.notebook());
    }

    @Test
    void takesAChangeMadeIdenticallyOnBothSidesOnce() {
        Notebook both = withSource(base, 1, "same");

        MergeResult result = NotebookMerge.merge(base, both, both, OPTIONS);

        assertThat(result.isClean()).isTrue();
        assertThat(result.notebook()).isEqualTo(both);
    }

    @Test
    void appliesADeletionOnOneSideAndAnEditOfAnotherCellOnTheOther() {
        Notebook ours = without(base, 1);
        Notebook theirs = withSource(base, 2, "edited");

        MergeResult result = NotebookMerge.merge(base, ours, theirs, OPTIONS);

        assertThat(result.isClean()).isTrue();
        assertThat(result.notebook().cells()).extracting(Cell::id).containsExactly("c0", "c2", "c3");
        assertThat(result.notebook().cells().get(1).source()).isEqualTo("edited");
    }

    @Test
    void reportsACellDeletedOnOneSideAndEditedOnTheOtherAsAConflict() {
        Notebook ours = without(base, 1);
        Notebook theirs = withSource(base, 1, "edited");

        MergeResult result = NotebookMerge.merge(base, ours, theirs, OPTIONS);

        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(sources(result.notebook())).containsSubsequence("<<<<<<< HEAD", "=======", "edited", ">>>>>>> feature");
    }

    @Test
    void keepsCellsInsertedAtDifferentPlacesOnBothSides() {
        Notebook ours = inserted(base, 1, markdown("new-ours", "# ours"));
        Notebook theirs = inserted(base, 4, markdown("new-theirs", "# theirs"));

        MergeResult result = NotebookMerge.merge(base, ours, theirs, OPTIONS);

        assertThat(result.isClean()).isTrue();
        assertThat(result.notebook().cells()).extracting(Cell::id)
                .containsExactly("c0", "new-ours", "c1", "c2", "c3", "new-theirs");
    }

    @Test
    void reportsCellsInsertedAtTheSamePlaceOnBothSidesAsAConflict() {
        Notebook ours = inserted(base, 4, markdown("x", "# ours"));
        Notebook theirs = inserted(base, 4, markdown("y", "# theirs"));

        MergeResult result = NotebookMerge.merge(base, ours, theirs, OPTIONS);

        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(sources(result.notebook()).subList(4, 9))
                .containsExactly("<<<<<<< HEAD", "# ours", "=======", "# theirs", ">>>>>>> feature");
    }

    @Test
    void coalescesNeighbouringConflictsIntoOneStretch() {
        Notebook ours = withSource(withSource(base, 1, "o1"), 2, "o2");
        Notebook theirs = withSource(withSource(base, 1, "t1"), 2, "t2");

        MergeResult result = NotebookMerge.merge(base, ours, theirs, OPTIONS);

        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(sources(result.notebook()).subList(1, 8))
                .containsExactly("<<<<<<< HEAD", "o1", "o2", "=======", "t1", "t2", ">>>>>>> feature");
    }

    @Test
    void usesTheMarkerSizeOfTheOptions() {
        MergeResult result = NotebookMerge.merge(base, withSource(base, 0, "o"), withSource(base, 0, "t"),
                OPTIONS.withMarkerSize(9));

        assertThat(sources(result.notebook())).contains("<<<<<<<<< HEAD", "=========", ">>>>>>>>> feature");
    }

    @Test
    void mergesOutputsAndSourceOfOneCellChangedOnDifferentSides() {
        Cell ran = base.cells().get(0)
                .with("execution_count", JsonNumber.of(1))
                .with("outputs", new Json.JsonArray(List.of(Json.JsonObject.EMPTY
                        .with("name", Json.string("stdout")).with("output_type", Json.string("stream"))
                        .with("text", Json.string("1\n")))));
        Notebook ours = base.withCell(0, ran);
        Notebook theirs = withSource(base, 0, "int a0 = 7;");

        MergeResult result = NotebookMerge.merge(base, ours, theirs, OPTIONS);

        assertThat(result.isClean()).isTrue();
        Cell merged = result.notebook().cells().get(0);
        assertThat(merged.source()).isEqualTo("int a0 = 7;");
        assertThat(merged.outputs()).isEqualTo(ran.outputs());
    }

    @Test
    void keepsOursExecutionCountWhenBothSidesRanACell() {
        Notebook ours = base.withCell(0, base.cells().get(0).with("execution_count", JsonNumber.of(3)).withSource("x"));
        Notebook theirs = base.withCell(0, base.cells().get(0).with("execution_count", JsonNumber.of(5)));

        MergeResult result = NotebookMerge.merge(base, ours, theirs, OPTIONS);

        assertThat(result.isClean()).isTrue();
        assertThat(result.notebook().cells().get(0).executionCount()).isEqualTo(JsonNumber.of(3));
        assertThat(result.notebook().cells().get(0).source()).isEqualTo("x");
    }

    @Test
    void mergesTagsAddedAndRemovedOnBothSidesAsASet() {
        Notebook tagged = base.withCell(0, tagged(base.cells().get(0), "export", "hide"));
        Notebook ours = tagged.withCell(0, Notebooks.tagged(base.cells().get(0), "export", "test"));
        Notebook theirs = tagged.withCell(0, Notebooks.tagged(base.cells().get(0), "hide", "eval: false"));

        MergeResult result = NotebookMerge.merge(tagged, ours, theirs, OPTIONS);

        assertThat(result.isClean()).isTrue();
        assertThat(result.notebook().cells().get(0).tags()).containsExactly("test", "eval: false");
    }

    @Test
    void mergesNotebookMetadataKeyByKeyAndKeepsOursOnAConflictWithANote() {
        Notebook b = base.withMetadata(base.metadata().with("toc", Json.string("base")));
        Notebook ours = b.withMetadata(b.metadata().with("toc", Json.string("ours")).with("a", Json.string("1")));
        Notebook theirs = b.withMetadata(b.metadata().with("toc", Json.string("theirs")).with("b", Json.string("2")));

        MergeResult result = NotebookMerge.merge(b, ours, theirs, OPTIONS);

        assertThat(result.isClean()).isTrue();
        assertThat(result.notebook().metadata().string("toc")).isEqualTo("ours");
        assertThat(result.notebook().metadata().members()).containsKeys("a", "b", "kernelspec", "language_info");
        assertThat(result.notes()).containsExactly("notebook metadata.toc was changed on both sides: kept ours");
    }

    @Test
    void mergesNestedMetadataObjectsKeyByKey() {
        Notebook ours = base.withMetadata(base.metadata().with("language_info",
                base.metadata().object("language_info").with("version", Json.string("17"))));
        Notebook theirs = base.withMetadata(base.metadata().with("language_info",
                base.metadata().object("language_info").with("file_extension", Json.string(".jshell"))));

        MergeResult result = NotebookMerge.merge(base, ours, theirs, OPTIONS);

        assertThat(result.notebook().metadata().object("language_info").members())
                .containsOnlyKeys("name", "version", "file_extension");
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void resolvesEveryConflictForThePreferredSide() {
        Notebook b = base.withMetadata(base.metadata().with("toc", Json.string("base")));
        Notebook ours = withSource(b.withMetadata(b.metadata().with("toc", Json.string("ours"))), 2, "o");
        Notebook theirs = withSource(withSource(b.withMetadata(b.metadata().with("toc", Json.string("theirs"))),
                2, "t"), 0, "theirs only");

        MergeResult forTheirs = NotebookMerge.merge(b, ours, theirs, OPTIONS.preferring(Side.THEIRS));
        MergeResult forOurs = NotebookMerge.merge(b, ours, theirs, OPTIONS.preferring(Side.OURS));

        assertThat(forTheirs.isClean()).isTrue();
        assertThat(forTheirs.notebook().cells().get(2).source()).isEqualTo("t");
        assertThat(forTheirs.notebook().metadata().string("toc")).isEqualTo("theirs");
        assertThat(forOurs.isClean()).isTrue();
        assertThat(forOurs.notebook().cells().get(2).source()).isEqualTo("o");
        assertThat(forOurs.notebook().cells().get(0).source()).isEqualTo("theirs only");
        assertThat(forOurs.notebook().metadata().string("toc")).isEqualTo("ours");
    }

    @Test
    void keepsACellWhoseTypeChangedInTheShapeNbformatRequires() {
        Notebook ours = base.withCell(0, markdown("c0", "now markdown"));
        Notebook theirs = base.withCell(0, base.cells().get(0).with("outputs", new Json.JsonArray(List.of(
                Json.JsonObject.EMPTY.with("name", Json.string("stdout")).with("output_type", Json.string("stream"))
                        .with("text", Json.string("x\n"))))));

        MergeResult result = NotebookMerge.merge(base, ours, theirs, OPTIONS.preferring(Side.THEIRS));

        Cell merged = result.notebook().cells().get(0);
        assertThat(merged.type()).isEqualTo(CellType.MARKDOWN);
        assertThat(merged.json().members()).doesNotContainKeys("outputs", "execution_count");
    }

    @Test
    void alignsCellsWithoutIdsByTypeAndSource() {
        Notebook old = notebook(code(null, "a"), markdown(null, "b"), code(null, "c")).with("nbformat_minor", JsonNumber.of(4));
        Notebook ours = inserted(old, 0, code(null, "first"));
        Notebook theirs = without(old, 1);

        MergeResult result = NotebookMerge.merge(old, ours, theirs, OPTIONS);

        assertThat(result.isClean()).isTrue();
        assertThat(sources(result.notebook())).containsExactly("first", "a", "c");
        assertThat(result.notebook().cells()).allMatch(c -> c.id() == null);
        assertThat(result.notebook().nbformatMinor()).isEqualTo(4);
    }

    @Test
    void givesIdsToCellsWithoutOneWhenASideMovedToNbformat45() {
        Notebook old = notebook(code(null, "a"), code(null, "b")).with("nbformat_minor", JsonNumber.of(4));
        Notebook ours = notebook(code("id-a", "a"), code("id-b", "b"));
        Notebook theirs = inserted(old, 2, code(null, "c"));

        MergeResult result = NotebookMerge.merge(old, ours, theirs, OPTIONS);

        assertThat(result.isClean()).isTrue();
        assertThat(sources(result.notebook())).containsExactly("a", "b", "c");
        assertThat(result.notebook().cells()).allMatch(c -> c.id() != null);
        assertThat(result.notebook().nbformatMinor()).isEqualTo(5);
    }

    @Test
    void twoWayMergeKeepsCommonCellsOnceAndEveryDifferenceAsAConflict() {
        Notebook ours = withSource(inserted(base, 0, markdown("intro", "# Intro")), 3, "ours");
        Notebook theirs = withSource(base, 2, "theirs");

        MergeResult result = NotebookMerge.merge(ours, theirs, OPTIONS);

        assertThat(result.conflicts()).isEqualTo(2);
        assertThat(sources(result.notebook())).containsExactly("<<<<<<< HEAD", "# Intro", "=======", ">>>>>>> feature",
                base.cells().get(0).source(), base.cells().get(1).source(),
                "<<<<<<< HEAD", "ours", "=======", "theirs", ">>>>>>> feature", base.cells().get(3).source());
    }

    @Test
    void mergingANotebookWithItselfGivesItBack() {
        assertThat(NotebookMerge.merge(base, base, base, OPTIONS).notebook()).isEqualTo(base);
        assertThat(NotebookMerge.merge(base, base, OPTIONS).notebook()).isEqualTo(base);
    }

    @Test
    void mergeFilesKeepsTheTextOfACleanLineMergeByteForByte() {
        // not nbformat's layout: a cell merge would rewrite it, the line merge keeps it
        String baseText = "{\"cells\": [\n{\"cell_type\": \"code\", \"execution_count\": null, \"id\": \"a\", \"metadata\": {}, \"outputs\": [],\n"
                + "\"source\": \"x\"},\n{\"cell_type\": \"markdown\", \"id\": \"b\", \"metadata\": {},\n\"source\": \"y\"}\n],\n"
                + "\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n";
        String ours = baseText.replace("\"source\": \"x\"", "\"source\": \"x2\"");
        String theirs = baseText.replace("\"source\": \"y\"", "\"source\": \"y2\"");

        MergeResult result = NotebookMerge.mergeFiles(utf8(baseText), utf8(ours), utf8(theirs), "nb.ipynb", OPTIONS);

        assertThat(result.isClean()).isTrue();
        assertThat(new String(result.toBytes(), StandardCharsets.UTF_8))
                .isEqualTo(baseText.replace("\"x\"", "\"x2\"").replace("\"y\"", "\"y2\""));
    }

    @Test
    void mergeFilesFallsBackToCellsWhenTheLineMergeConflicts() {
        // both sides ran every cell: every execution count differs, so lines conflict everywhere
        Notebook ours = ranAll(withSource(base, 0, "ours edit"), 10);
        Notebook theirs = ranAll(withSource(base, 3, "theirs edit"), 20);

        MergeResult result = NotebookMerge.mergeFiles(bytes(base), bytes(ours), bytes(theirs), "nb.ipynb", OPTIONS);

        assertThat(result.isClean()).isTrue();
        assertThat(result.notebook().cells().get(0).source()).isEqualTo("ours edit");
        assertThat(result.notebook().cells().get(3).source()).isEqualTo("theirs edit");
        assertThat(new String(result.toBytes(), StandardCharsets.UTF_8)).isEqualTo(Notebooks.text(result.notebook()));
    }

    @Test
    void mergeFilesMergesTwoWayWhenTheFileWasAddedOnBothBranches() {
        MergeResult result = NotebookMerge.mergeFiles(new byte[0], bytes(withSource(base, 1, "o")),
                bytes(withSource(base, 1, "t")), "nb.ipynb", OPTIONS);

        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(sources(result.notebook())).contains("o", "t");
    }

    @Test
    void mergeFilesRejectsASideThatIsNotANotebook() {
        assertThatThrownBy(() -> NotebookMerge.mergeFiles(bytes(base), utf8("{\"cells\": ["), bytes(base), "nb.ipynb", OPTIONS))
                .isInstanceOf(NotebookFormatException.class)
                .hasMessageContaining("nb.ipynb (ours)");
    }

    static Notebook ranAll(Notebook notebook, int firstCount) {
        Notebook result = notebook;
        for (int i = 0; i < notebook.cells().size(); i++) {
            result = result.withCell(i, result.cells().get(i).with("execution_count", JsonNumber.of(firstCount + i)));
        }
        return result;
    }

    static void assertUniqueIds(Notebook notebook) {
        Set<String> ids = new HashSet<>();
        for (Cell cell : notebook.cells()) {
            if (cell.id() != null) {
                assertThat(ids.add(cell.id())).as("unique id %s", cell.id()).isTrue();
                assertThat(cell.id()).matches("[a-zA-Z0-9-_]{1,64}");
            }
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
