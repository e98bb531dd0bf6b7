package dev.nbexport.clean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.testing.ForkedGoal;
import dev.nbexport.testing.KilledRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real {@code clean} in a JVM of its own, at random moments while it rewrites many
 * notebooks: every notebook is the old one or the cleaned one, never a broken one, and the next clean
 * leaves every notebook cleaned and no temporary file anywhere in the project.
 * {@code -Dnbexport.killTrials.seed} repeats a failing run's moments.
 */
class KilledCleanTest {

    private static final long SEED = Long.getLong("nbexport.killTrials.seed", 13);
    private static final int TRIALS = Integer.getInteger("nbexport.killTrials", 4);
    /** Notebooks to clean: each is flushed to disk before its rename, so writing them takes a while. */
    private static final int NOTEBOOKS = 200;

    @TempDir
    Path project;

    @Test
    void aCleanKilledWhileWritingLeavesEachNotebookOldOrNewAndTheNextCleanLeavesNoDebris() throws Exception {
        Path notebooks = project.resolve("notebooks");
        Map<String, byte[]> dirty = dirtyNotebooks();
        Map<String, byte[]> cleaned = new TreeMap<>();
        NotebookCleaner cleaner = new NotebookCleaner(CleanOptions.defaults());
        dirty.forEach((name, bytes) -> cleaned.put(name, NotebookWriter.toBytes(cleaner.clean(NotebookReader.parse(bytes, name)))));
        Path log = Files.createDirectories(project.resolve("logs")).resolve("clean.log");

        // a clean run to its end, in a JVM of its own like the trials: how long it writes
        FileTime[] before = {restore(notebooks, dirty)};
        KilledRun.Outcome whole = KilledRun.measure("clean", project, () -> modified(notebooks, before[0]), KilledRun.goalDone(log), log);
        assertThat(whole.exit()).as("the forked clean's exit status; its log:\n" + whole.log()).isZero();
        assertThat(KilledRun.differences(cleaned, KilledRun.files(notebooks), true)).as("notebooks after the forked clean").isEmpty();
        long window = whole.writingNanos();

        Random random = new Random(SEED);
        int midWrite = 0;
        List<String> trials = new ArrayList<>();
        for (int trial = 1; trial <= TRIALS; trial++) {
            before[0] = restore(notebooks, dirty);
            long delay = (long) (random.nextDouble() * window);
            KilledRun.Outcome killed = KilledRun.kill("clean", project, () -> modified(notebooks, before[0]), delay, log);
            String at = "trial " + trial + " of " + TRIALS + " (seed " + SEED + "), killed " + TimeUnit.NANOSECONDS.toMillis(delay)
                    + " ms after the first write (a whole clean writes for " + TimeUnit.NANOSECONDS.toMillis(window) + " ms)";
            assertThat(killed.killed() || killed.exit() == 0).as(at + ": the forked clean failed; its log:\n" + killed.log()).isTrue();

            Map<String, byte[]> left = KilledRun.files(notebooks);
            List<String> temporary = new ArrayList<>();
            int old = 0;
            int fresh = 0;
            for (var file : left.entrySet()) {
                String name = file.getKey();
                if (name.endsWith(".nbexport.tmp")) {
                    temporary.add(name);
                } else if (Arrays.equals(file.getValue(), cleaned.get(name))) {
                    fresh++;
                } else {
                    assertThat(dirty).as(at + ": a file after the kill that was not there").containsKey(name);
                    assertThat(new String(file.getValue(), StandardCharsets.UTF_8))
                            .as(at + ": " + name + " after the kill is neither the old notebook nor the cleaned one")
                            .isEqualTo(new String(dirty.get(name), StandardCharsets.UTF_8));
                    old++;
                }
            }
            assertThat(old + fresh).as(at + ": notebooks after the kill").isEqualTo(dirty.size());
            if (!temporary.isEmpty() || (old > 0 && fresh > 0)) {
                midWrite++;
            }
            trials.add(at + ": " + fresh + " cleaned, " + old + " old, " + temporary.size() + " temporary files left");

            CleanResult again = CleanCommand.run(ForkedGoal.cleanRequest(project));
            assertThat(KilledRun.differences(cleaned, KilledRun.files(notebooks), true))
                    .as(at + ": the notebooks after the next clean (" + again.unclean().size() + " cleaned) against cleaned ones").isEmpty();
            assertThat(KilledRun.temporaryFiles(project))
                    .as(at + ": temporary files anywhere in the project after the next clean").isEmpty();
        }
        assertThat(midWrite).as("no kill landed while clean was writing, so these trials prove nothing:\n"
                + String.join("\n", trials) + "\nMake the project bigger (NOTEBOOKS) or the machine is far busier than when the whole"
                + " clean measured the writing time").isPositive();
    }

    /** {@link #NOTEBOOKS} notebooks as Jupyter saves them after a run: execution counts, outputs, UI metadata. */
    private static Map<String, byte[]> dirtyNotebooks() {
        Map<String, byte[]> notebooks = new TreeMap<>();
        String output = "line of output\\n".repeat(60);
        for (int i = 0; i < NOTEBOOKS; i++) {
            List<String> cells = new ArrayList<>();
            for (int c = 1; c <= 6; c++) {
                cells.add("""
                          {"cell_type": "code", "execution_count": %d, "id": "c%d", "metadata": {"scrolled": true, "tags": ["t"]},
                           "outputs": [{"name": "stdout", "output_type": "stream", "text": "%s"}],
                           "source": "System.out.println(%d);"}""".formatted(c, c, output, c));
            }
            String text = "{\"cells\": [\n" + String.join(",\n", cells) + "],\n"
                    + " \"metadata\": {\"kernelspec\": {\"display_name\": \"Java\", \"language\": \"java\", \"name\": \"java\"},"
                    + " \"widgets\": {\"state\": {}}},\n \"nbformat\": 4, \"nbformat_minor\": 5}\n";
            notebooks.put(String.format("%03d_run.ipynb", i), text.getBytes(StandardCharsets.UTF_8));
        }
        return notebooks;
    }

    /** Writes the dirty notebooks back; returns the folder's time of change once they are there. */
    private static FileTime restore(Path notebooks, Map<String, byte[]> dirty) throws IOException {
        Files.createDirectories(notebooks);
        for (var file : dirty.entrySet()) {
            Files.write(notebooks.resolve(file.getKey()), file.getValue());
        }
        return Files.getLastModifiedTime(notebooks);
    }

    /** Whether an entry of {@code folder} was created or renamed since {@code before}: a write has begun. */
    private static boolean modified(Path folder, FileTime before) {
        try {
            return !Files.getLastModifiedTime(folder).equals(before);
        } catch (IOException e) {
            return false;
        }
    }
}
