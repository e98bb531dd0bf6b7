package dev.nbexport.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.testing.ForkedGoal;
import dev.nbexport.testing.KilledRun;
import dev.nbexport.testing.TestNotebooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real {@code update} in a JVM of its own, at random moments while it moves hand edits of
 * many generated files back into their notebooks: every notebook is the old one or the updated one, never a
 * broken one; no hand edit is lost (a generated file's edit is not marked as exported while its notebook
 * lacks it); and the next update leaves exactly what an update run to its end leaves, with no temporary file
 * anywhere in the project. {@code -Dnbexport.killTrials.seed} repeats a failing run's moments.
 */
class KilledUpdateTest {

    private static final long SEED = KilledRun.SEED;
    private static final int TRIALS = KilledRun.TRIALS;
    /** Notebooks, each with one hand-edited generated file; each notebook is flushed to disk before its rename. */
    private static final int NOTEBOOKS = 100;

    @TempDir
    Path project;

    @Test
    void anUpdateKilledWhileWritingLosesNoEditAndTheNextUpdateConvergesWithoutDebris() throws Exception {
        Path notebooks = project.resolve("notebooks");
        writeNotebooks();
        new ExportCommand().run(ForkedGoal.exportRequest(project));
        for (int i = 0; i < NOTEBOOKS; i++) {
            Path module = project.resolve(String.format("src/main/java/com/acme/n%03d/Module%03d.java", i, i));
            String exported = Files.readString(module);
            assertThat(exported).contains("return 2 * x;");
            Files.writeString(module, exported.replace("return 2 * x;", "return x + x; // edited by hand"));
        }
        Map<String, byte[]> before = KilledRun.files(project);
        Map<String, byte[]> oldNotebooks = KilledRun.files(notebooks);
        Path log = Files.createDirectories(project.resolve("logs")).resolve("update.log");
        before.keySet().removeIf(path -> path.startsWith("logs/"));

        // an update run to its end, in a JVM of its own like the trials: what every trial must end with, and how long it writes
        FileTime[] started = {restore(before)};
        KilledRun.Outcome whole = KilledRun.measure("update", project, () -> KilledRun.changedSince(notebooks, started[0]), KilledRun.goalDone(log), log);
        assertThat(whole.exit()).as("the forked update's exit status; its log:\n" + whole.log()).isZero();
        Map<String, byte[]> updatedNotebooks = KilledRun.files(notebooks);
        Map<String, byte[]> updatedSources = KilledRun.files(project.resolve("src"));
        assertThat(updatedNotebooks).as("notebooks after the whole update").hasSize(NOTEBOOKS)
                .allSatisfy((name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name).contains("edited by hand"));
        long window = whole.writingNanos();

        Random random = new Random(SEED);
        int midWrite = 0;
        List<String> trials = new ArrayList<>();
        for (int trial = 1; trial <= TRIALS; trial++) {
            started[0] = restore(before);
            long delay = (long) (random.nextDouble() * window);
            KilledRun.Outcome killed = KilledRun.kill("update", project, () -> KilledRun.changedSince(notebooks, started[0]), delay, log);
            String at = "trial " + trial + " of " + TRIALS + " (seed " + SEED + "), killed " + TimeUnit.NANOSECONDS.toMillis(delay)
                    + " ms after the first write (a whole update writes for " + TimeUnit.NANOSECONDS.toMillis(window) + " ms)";
            assertThat(killed.killed() || killed.exit() == 0).as(at + ": the forked update failed; its log:\n" + killed.log()).isTrue();

            int old = 0;
            int fresh = 0;
            int temporary = KilledRun.temporaryFiles(project).size();
            for (var file : KilledRun.files(notebooks).entrySet()) {
                String name = file.getKey();
                if (name.endsWith(".nbexport.tmp")) {
                    continue;
                }
                if (Arrays.equals(file.getValue(), updatedNotebooks.get(name))) {
                    fresh++;
                } else {
                    assertThat(new String(file.getValue(), StandardCharsets.UTF_8))
                            .as(at + ": " + name + " after the kill is neither the old notebook nor the updated one")
                            .isEqualTo(new String(oldNotebooks.get(name), StandardCharsets.UTF_8));
                    old++;
                }
            }
            assertThat(old + fresh).as(at + ": notebooks after the kill").isEqualTo(NOTEBOOKS);
            if (temporary > 0 || (old > 0 && fresh > 0)) {
                midWrite++;
            }
            trials.add(at + ": " + fresh + " updated, " + old + " old, " + temporary + " temporary files left");

            UpdateSummary again = new UpdateCommand().run(ForkedGoal.exportRequest(project));
            assertThat(KilledRun.differences(updatedNotebooks, KilledRun.files(notebooks), true))
                    .as(at + ": the notebooks after the next update (" + again.notebooksWritten().size()
                            + " written) against a whole update's: a notebook still old has lost its hand edit").isEmpty();
            assertThat(KilledRun.differences(updatedSources, KilledRun.files(project.resolve("src")), true))
                    .as(at + ": the source roots after the next update against a whole update's").isEmpty();
            assertThat(KilledRun.temporaryFiles(project))
                    .as(at + ": temporary files anywhere in the project after the next update").isEmpty();
        }
        assertThat(midWrite).as("no kill landed while update was writing, so these trials prove nothing:\n"
                + String.join("\n", trials) + "\nMake the project bigger (NOTEBOOKS) or the machine is far busier than when the whole"
                + " update measured the writing time").isPositive();
    }

    /** {@link #NOTEBOOKS} notebooks, each exporting one method to a module of its own. */
    private void writeNotebooks() {
        for (int i = 0; i < NOTEBOOKS; i++) {
            TestNotebooks.write(project.resolve(String.format("notebooks/%03d_module.ipynb", i)),
                    String.format("//| default_exp com.acme.n%03d.Module%03d", i, i),
                    "//| export\n/** Twice {@code x}. */\npublic static int twice(int x) {\n    return 2 * x;\n}");
        }
    }

    /** Puts the project back as {@code files} (paths relative to it) and nothing else; returns the notebooks folder's time of change. */
    private FileTime restore(Map<String, byte[]> files) {
        try {
            for (String folder : List.of("notebooks", "src", "target")) {
                KilledRun.delete(project.resolve(folder));
            }
            for (var file : files.entrySet()) {
                Path path = project.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            return Files.getLastModifiedTime(project.resolve("notebooks"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
