package dev.nbexport.merge;

import static dev.nbexport.merge.Notebooks.numbered;
import static dev.nbexport.merge.Notebooks.text;
import static dev.nbexport.merge.Notebooks.withSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.testing.ForkedGoal;
import dev.nbexport.testing.KilledRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real {@code fix} in a JVM of its own, at random moments while it repairs many notebooks
 * that git left with conflict markers ({@link KilledRun#notebookTrials}): every notebook is the conflicted one
 * or the repaired one, never a broken one, and the next fix repairs the rest and leaves no temporary file.
 */
class KilledFixTest {

    /** Notebooks to repair: each is flushed to disk before its rename, so writing them takes a while. */
    private static final int NOTEBOOKS = 200;

    @TempDir
    Path project;

    @TempDir
    Path merging;

    @Test
    void aFixKilledWhileWritingLeavesEachNotebookConflictedOrRepairedAndTheNextFixLeavesNoDebris() throws Exception {
        Map<String, byte[]> conflicted = conflictedNotebooks();

        Map<String, byte[]> written = KilledRun.notebookTrials("fix", project, conflicted, Map.of(), at -> { }, () -> {
            try {
                ForkedGoal.fixAll(project);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(written).hasSize(NOTEBOOKS).allSatisfy((name, bytes) -> {
            Notebook repaired = NotebookReader.parse(bytes, name);
            assertThat(repaired.cells()).as(name + ": the conflict shown as marker cells around both sides")
                    .anySatisfy(cell -> assertThat(cell.source()).startsWith("<<<<<<< HEAD"))
                    .anySatisfy(cell -> assertThat(cell.source()).isEqualTo("theirs " + name));
        });
    }

    /** {@link #NOTEBOOKS} notebooks as {@code git merge} leaves them when both branches edited the same cell. */
    private Map<String, byte[]> conflictedNotebooks() {
        Notebook base = numbered(8);
        Map<String, byte[]> notebooks = new TreeMap<>();
        for (int i = 0; i < NOTEBOOKS; i++) {
            String name = String.format("%03d_merged.ipynb", i);
            String text = Git.mergeFile(merging, text(base), text(withSource(base, 3, "ours " + name)),
                    text(withSource(base, 3, "theirs " + name)), false);
            assertThat(text).contains("<<<<<<< HEAD\n");
            notebooks.put(name, text.getBytes(StandardCharsets.UTF_8));
        }
        return notebooks;
    }
}
