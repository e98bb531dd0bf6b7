package dev.nbexport.merge;

import static dev.nbexport.merge.Notebooks.bytes;
import static dev.nbexport.merge.Notebooks.numbered;
import static dev.nbexport.merge.Notebooks.sources;
import static dev.nbexport.merge.Notebooks.withSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.testing.KilledRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeDriverMainTest {

    @TempDir
    Path dir;

    private final Notebook base = numbered(3);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return MergeDriverMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, Notebook notebook) throws IOException {
        return Files.write(dir.resolve(name), bytes(notebook));
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void mergeDriverWritesACleanMergeIntoOursAndExitsZero() throws IOException {
        Path o = file("o", base);
        Path ours = file("a", withSource(base, 0, "ours"));
        Path theirs = file("b", withSource(base, 2, "theirs"));

        int status = run("merge-driver", o.toString(), ours.toString(), theirs.toString(), "7", "nb.ipynb");

        assertThat(status).isZero();
        assertThat(NotebookReader.read(ours)).isEqualTo(withSource(withSource(base, 0, "ours"), 2, "theirs"));
    }

    @Test
    void mergeDriverLeavesAValidNotebookWithMarkerCellsAndExitsOneOnAConflict() throws IOException {
        Path o = file("o", base);
        Path ours = file("a", withSource(base, 1, "ours"));
        Path theirs = file("b", withSource(base, 1, "theirs"));

        int status = run("merge-driver", o.toString(), ours.toString(), theirs.toString(), "7", "nb.ipynb",
                "--ours-label=main", "--theirs-label=feature");

        assertThat(status).isEqualTo(1);
        assertThat(sources(NotebookReader.read(ours))).contains("<<<<<<< main", "ours", "=======", "theirs", ">>>>>>> feature");
        assertThat(err()).contains("nb.ipynb: 1 conflict kept as marker cells");
    }

    @Test
    void mergeDriverUsesGitsMarkerSize() throws IOException {
        Path o = file("o", base);
        Path ours = file("a", withSource(base, 1, "ours"));
        Path theirs = file("b", withSource(base, 1, "theirs"));

        run("merge-driver", o.toString(), ours.toString(), theirs.toString(), "9");

        assertThat(sources(NotebookReader.read(ours))).contains("<<<<<<<<< ours", "=========", ">>>>>>>>> theirs");
    }

    @Test
    void mergeDriverRejectsASideThatIsNotANotebookAndLeavesOursAsItWas() throws IOException {
        Path o = file("o", base);
        Path ours = file("a", withSource(base, 1, "ours"));
        Path theirs = file("b", "{\"cells\": [");
        byte[] before = Files.readAllBytes(ours);

        int status = run("merge-driver", o.toString(), ours.toString(), theirs.toString(), "7", "notebooks/nb.ipynb");

        assertThat(status).isEqualTo(2);
        assertThat(Files.readAllBytes(ours)).isEqualTo(before);
        assertThat(err()).contains("notebooks/nb.ipynb (theirs)", "not valid JSON");
    }

    @Test
    void rejectsBadUsageWithExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("merge-driver", "only-one")).isEqualTo(2);
        assertThat(run("merge-driver", "a", "b", "c", "seven")).isEqualTo(2);
        assertThat(run("fix")).isEqualTo(2);
        assertThat(run("fix", "--both", "x.ipynb")).isEqualTo(2);
        assertThat(run("unmerge")).isEqualTo(2);
        assertThat(err()).contains("usage:", "MARKER_SIZE must be a number", "unknown option --both", "unknown command unmerge");
    }

    @Test
    void fixRepairsConflictMarkersInPlaceAndExitsOneWhileConflictsRemain() throws IOException {
        String conflicted = Git.mergeFile(dir, Notebooks.text(base), Notebooks.text(withSource(base, 1, "ours")),
                Notebooks.text(withSource(base, 1, "theirs")), false);
        Path nb = file("nb.ipynb", conflicted);

        assertThat(run("fix", nb.toString())).isEqualTo(1);
        assertThat(sources(NotebookReader.read(nb))).contains("<<<<<<< HEAD", "ours", "theirs", ">>>>>>> feature");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("nb.ipynb: repaired, 1 conflict left as marker cells");

        assertThat(run("fix", nb.toString())).isEqualTo(1); // still there, nothing rewritten

        assertThat(run("fix", nb.toString(), "--theirs")).isZero();
        assertThat(NotebookReader.read(nb)).isEqualTo(withSource(base, 1, "theirs"));
    }

    @Test
    void fixWithAPreferredSideResolvesTheMarkersAtOnce() throws IOException {
        String conflicted = Git.mergeFile(dir, Notebooks.text(base), Notebooks.text(withSource(base, 1, "ours")),
                Notebooks.text(withSource(base, 1, "theirs")), true);
        Path nb = file("nb.ipynb", conflicted);

        assertThat(run("fix", "--ours", nb.toString())).isZero();
        assertThat(NotebookReader.read(nb)).isEqualTo(withSource(base, 1, "ours"));
    }

    @Test
    void fixWritesNothingAndExitsTwoWhenASideIsBroken() throws IOException {
        String conflicted = Git.mergeFile(dir, Notebooks.text(base), Notebooks.text(withSource(base, 1, "ours")),
                Notebooks.text(withSource(base, 1, "theirs")), false).replace("\"ours\"", "\"ours");
        Path nb = file("nb.ipynb", conflicted);
        Path good = file("good.ipynb", base);

        int status = run("fix", nb.toString(), good.toString());

        assertThat(status).isEqualTo(2);
        assertThat(Files.readString(nb)).isEqualTo(conflicted);
        assertThat(err()).contains("the ours side of the conflicts (HEAD) is not a valid notebook", "Nothing was written");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("good.ipynb: nothing to repair");
    }

    @Test
    void fixRemovesTheTemporaryFilesAKilledFixLeftForTheNotebooksItIsGivenAndNoOthers() throws Exception {
        String conflicted = Git.mergeFile(dir, Notebooks.text(base), Notebooks.text(withSource(base, 1, "ours")),
                Notebooks.text(withSource(base, 1, "theirs")), false);
        Path nb = file("nb.ipynb", conflicted);
        Path clean = file("clean.ipynb", base);
        Path leftover = Files.writeString(dir.resolve(KilledRun.leftoverOf("nb.ipynb")), "{\"cells\": [");
        Path cleanLeftover = Files.writeString(dir.resolve(KilledRun.leftoverOf("clean.ipynb")), "{");
        Path notGiven = Files.writeString(dir.resolve(KilledRun.leftoverOf("other.ipynb")), "{");
        Path lookalike = Files.writeString(dir.resolve(".nb.ipynb.8345127710349.tmp"), "{");

        assertThat(run("fix", "--theirs", nb.toString(), clean.toString())).isZero();

        assertThat(leftover).doesNotExist();
        assertThat(cleanLeftover).as("also of a notebook without markers").doesNotExist();
        assertThat(notGiven).as("a notebook fix was not given").exists();
        assertThat(lookalike).as("not our name").exists();
    }

    @Test
    void fixReportsAMissingFile() {
        assertThat(run("fix", dir.resolve("missing.ipynb").toString())).isEqualTo(2);
        assertThat(err()).contains("missing.ipynb: no such file");
    }
}
