package dev.nbexport.merge;

import static dev.nbexport.merge.Notebooks.inserted;
import static dev.nbexport.merge.Notebooks.markdown;
import static dev.nbexport.merge.Notebooks.numbered;
import static dev.nbexport.merge.Notebooks.sources;
import static dev.nbexport.merge.Notebooks.text;
import static dev.nbexport.merge.Notebooks.withSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.NbexportException;
import dev.nbexport.json.Json;
import dev.nbexport.notebook.Notebook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookConflictRepairTest {

    private static final MergeOptions DEFAULTS = MergeOptions.defaults();

    @TempDir
    Path dir;

    private final Notebook base = numbered(4);

    private MergeResult repair(String conflicted, MergeOptions options) {
        return NotebookConflictRepair.repair(conflicted.getBytes(StandardCharsets.UTF_8), "nb.ipynb", options);
    }

    private String conflicted(Notebook ours, Notebook theirs, boolean diff3) {
        String text = Git.mergeFile(dir, text(base), text(ours), text(theirs), diff3);
        assertThat(text).contains("<<<<<<< HEAD\n", ">>>>>>> feature\n");
        return text;
    }

    @Test
    void rebuildsBothSidesAndShowsTheConflictingCellBetweenMarkerCellsWithGitsLabels() {
        String text = conflicted(withSource(base, 1, "ours"), withSource(base, 1, "theirs"), false);

        MergeResult result = repair(text, DEFAULTS);

        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(sources(result.notebook())).containsExactly(base.cells().get(0).source(),
                "<<<<<<< HEAD", "ours", "=======", "theirs", ">>>>>>> feature",
                base.cells().get(2).source(), base.cells().get(3).source());
        NotebookMergeTest.assertUniqueIds(result.notebook());
    }

    @Test
    void resolvesChangesMadeOnOneSideOnlyWhenTheMarkersCarryTheBase() {
        // both sides ran every cell (execution counts conflict on every cell), then each edited something else
        Notebook ours = NotebookMergeTest.ranAll(withSource(base, 1, "int a1 = 10;"), 1);
        Notebook theirs = inserted(NotebookMergeTest.ranAll(base, 5), 3, markdown("note", "theirs"));

        String text = conflicted(ours, theirs, true);
        MergeResult result = repair(text, DEFAULTS);

        assertThat(text).contains("||||||| base\n");
        assertThat(result.isClean()).isTrue();
        assertThat(result.notebook()).isEqualTo(inserted(ours, 3, markdown("note", "theirs")));
    }

    @Test
    void withoutTheBaseTreatsEveryDifferenceInAConflictAsAConflict() {
        Notebook ours = NotebookMergeTest.ranAll(withSource(base, 1, "int a1 = 10;"), 1);
        Notebook theirs = NotebookMergeTest.ranAll(base, 5);

        MergeResult result = repair(conflicted(ours, theirs, false), DEFAULTS);

        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(result.notebook().cells()).hasSize(2 + 4 + 1 + 4);
        // git took the source edit on both sides already; the execution counts differ in every cell
        assertThat(sources(result.notebook())).containsSubsequence("<<<<<<< HEAD", "int a1 = 10;",
                "=======", "int a1 = 10;", ">>>>>>> feature");
    }

    @Test
    void resolvesConflictsForThePreferredSide() {
        String text = conflicted(withSource(base, 1, "ours"), withSource(base, 1, "theirs"), false);

        assertThat(repair(text, DEFAULTS.preferring(Side.OURS)).notebook()).isEqualTo(withSource(base, 1, "ours"));
        assertThat(repair(text, DEFAULTS.preferring(Side.THEIRS)).notebook()).isEqualTo(withSource(base, 1, "theirs"));
    }

    @Test
    void mergesNotebookMetadataFromBothSides() {
        Notebook ours = withSource(base, 0, "o").withMetadata(base.metadata().with("a", Json.string("ours")));
        Notebook theirs = withSource(base, 0, "t").withMetadata(base.metadata().with("a", Json.string("theirs")));

        MergeResult result = repair(conflicted(ours, theirs, true), DEFAULTS);

        assertThat(result.notebook().metadata().string("a")).isEqualTo("ours");
        assertThat(result.notes()).containsExactly("notebook metadata.a was changed on both sides: kept ours");
    }

    @Test
    void readsLabelsOfRebaseAndStashConflictsAndLongerMarkers() {
        String text = conflicted(withSource(base, 1, "ours"), withSource(base, 1, "theirs"), false)
                .replace("<<<<<<< HEAD", "<<<<<<<<< Updated upstream")
                .replace("=======\n", "=========\n")
                .replace(">>>>>>> feature", ">>>>>>>>> Stashed changes");

        MergeResult result = repair(text, DEFAULTS);

        assertThat(sources(result.notebook())).contains("<<<<<<<<< Updated upstream", "=========", ">>>>>>>>> Stashed changes");
    }

    @Test
    void readsConflictsInAFileWithWindowsLineEnds() {
        String text = conflicted(withSource(base, 1, "ours"), withSource(base, 1, "theirs"), false).replace("\n", "\r\n");

        MergeResult result = repair(text, DEFAULTS);

        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(sources(result.notebook())).contains("ours", "theirs");
    }

    @Test
    void namesTheSideAndTheLineOfTheConflictedFileWhenASideIsNotValidJson() {
        String text = conflicted(withSource(base, 1, "ours"), withSource(base, 1, "theirs"), false);
        int lineOfOurs = lineOf(text, "\"ours\"");
        String broken = text.replace("\"ours\"", "\"ours");

        assertThatThrownBy(() -> repair(broken, DEFAULTS))
                .isInstanceOf(NbexportException.class)
                .hasMessageStartingWith("nb.ipynb: line " + lineOfOurs + ":")
                .hasMessageContaining("the ours side of the conflicts (HEAD) is not a valid notebook");
    }

    @Test
    void rejectsAConflictWithoutItsClosingMarker() {
        String text = conflicted(withSource(base, 1, "ours"), withSource(base, 1, "theirs"), false);
        String cut = text.substring(0, text.indexOf(">>>>>>>"));

        assertThatThrownBy(() -> repair(cut, DEFAULTS))
                .isInstanceOf(NbexportException.class)
                .hasMessageContaining("has no end (>>>>>>> line)");
    }

    @Test
    void leavesANotebookWithoutMarkersByteForByteAndCountsItsMarkerCells() {
        String merged = text(NotebookMerge.merge(base, withSource(base, 1, "o"), withSource(base, 1, "t"), DEFAULTS).notebook());
        String odd = merged.replace("\n \"metadata\"", "\n  \"metadata\""); // not nbformat's layout, still JSON

        MergeResult result = repair(odd, DEFAULTS);

        assertThat(result.conflicts()).isEqualTo(1);
        assertThat(new String(result.toBytes(), StandardCharsets.UTF_8)).isEqualTo(odd);
    }

    @Test
    void resolvesMarkerCellsLeftByAnEarlierMergeForThePreferredSide() {
        String merged = text(NotebookMerge.merge(base, withSource(base, 1, "o"), withSource(base, 1, "t"), DEFAULTS).notebook());

        MergeResult result = repair(merged, DEFAULTS.preferring(Side.THEIRS));

        assertThat(result.isClean()).isTrue();
        assertThat(sources(result.notebook())).containsExactly(base.cells().get(0).source(), "t",
                base.cells().get(2).source(), base.cells().get(3).source());
    }

    private static int lineOf(String text, String needle) {
        int index = text.indexOf(needle);
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
