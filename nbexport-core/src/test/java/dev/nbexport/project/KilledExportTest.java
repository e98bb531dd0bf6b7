package dev.nbexport.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.testing.ForkedGoal;
import dev.nbexport.testing.KilledRun;
import dev.nbexport.testing.TestNotebooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real export in a JVM of its own, at random moments while it writes: no file is
 * torn, the next export succeeds and leaves exactly what a clean export writes, and no temporary file
 * is left anywhere in the project. {@code -Dnbexport.killTrials.seed} repeats a failing run's moments.
 */
class KilledExportTest {

    private static final long SEED = KilledRun.SEED;
    private static final int TRIALS = KilledRun.TRIALS;
    /** Notebooks of the project, enough that writing their files takes a good part of a second here. */
    private static final int NOTEBOOKS = 100;
    /** Records each notebook exports, each to a file of its own (with its module and its test: {@code RECORDS + 2} files). */
    private static final int RECORDS = 5;

    @TempDir
    Path project;

    @Test
    void anExportKilledWhileWritingLeavesNoTornFileAndTheNextExportConvergesWithoutDebris() throws Exception {
        writeNotebooks();
        Path mainRoot = project.resolve("src/main/java");
        Path log = Files.createDirectories(project.resolve("logs")).resolve("export.log");

        // a clean export, in a JVM of its own like the trials: what every trial must end with, and how long writing takes;
        // files are written in the order of their paths, several at a time: this one comes last, or nearly
        Path last = project.resolve(String.format("src/test/java/com/acme/n%03d/Module%03dNotebookTest.java", NOTEBOOKS - 1, NOTEBOOKS - 1));
        KilledRun.Outcome clean = KilledRun.measure("export", project, () -> Files.isDirectory(mainRoot), () -> Files.exists(last), log);
        assertThat(clean.exit()).as("the clean forked export's exit status; its log:\n" + clean.log()).isZero();
        Map<String, byte[]> expected = KilledRun.files(project.resolve("src"));
        assertThat(expected).as("files of the clean export").hasSize((RECORDS + 2) * NOTEBOOKS);
        long window = clean.writingNanos();

        Random random = new Random(SEED);
        int midWrite = 0;
        List<String> trials = new ArrayList<>();
        for (int trial = 1; trial <= TRIALS; trial++) {
            KilledRun.delete(project.resolve("src"));
            KilledRun.delete(project.resolve("target"));
            long delay = (long) (random.nextDouble() * window);
            KilledRun.Outcome killed = KilledRun.kill("export", project, () -> Files.isDirectory(mainRoot), delay, log);
            String at = "trial " + trial + " of " + TRIALS + " (seed " + SEED + "), killed " + TimeUnit.NANOSECONDS.toMillis(delay)
                    + " ms after the first write (a clean export writes for " + TimeUnit.NANOSECONDS.toMillis(window) + " ms)";
            assertThat(killed.killed() || killed.exit() == 0).as(at + ": the forked export failed; its log:\n" + killed.log()).isTrue();

            Map<String, byte[]> left = KilledRun.files(project.resolve("src"));
            List<String> temporary = KilledRun.temporaryFiles(project);
            left.keySet().removeIf(path -> path.endsWith(".nbexport.tmp"));
            assertThat(KilledRun.differences(expected, left, false))
                    .as(at + ": files after the kill that are not as a clean export writes them (torn or stray)").isEmpty();
            boolean partial = left.size() < expected.size() || !temporary.isEmpty();
            if (partial) {
                midWrite++;
            }
            trials.add(at + ": " + left.size() + "/" + expected.size() + " files, " + temporary.size() + " temporary files left");

            ExportSummary again = new ExportCommand().run(ForkedGoal.exportRequest(project));
            assertThat(KilledRun.differences(expected, KilledRun.files(project.resolve("src")), true))
                    .as(at + ": the roots after the next export (" + again.line() + ") against a clean export's").isEmpty();
            assertThat(KilledRun.temporaryFiles(project))
                    .as(at + ": temporary files anywhere in the project after the next export").isEmpty();
        }
        assertThat(midWrite).as("no kill landed while the export was writing, so these trials prove nothing:\n"
                + String.join("\n", trials) + "\nMake the project bigger (NOTEBOOKS) or the machine is far busier than when the clean"
                + " export measured the writing time").isPositive();
    }

    /** {@link #NOTEBOOKS} notebooks, each exporting a module, {@link #RECORDS} records and a test class. */
    private void writeNotebooks() throws IOException {
        for (int i = 0; i < NOTEBOOKS; i++) {
            String pkg = String.format("com.acme.n%03d", i);
            String module = String.format("Module%03d", i);
            List<String> sources = new ArrayList<>();
            sources.add("//| default_exp " + pkg + "." + module);
            StringBuilder body = new StringBuilder("//| export\n/** Adds one the long way. */\npublic static int plusOne(int x) {\n"
                    + "    int total = x;\n");
            for (int line = 0; line < 8; line++) {
                body.append("    total += ").append(line == 0 ? 1 : 0).append("; // step ").append(line).append('\n');
            }
            sources.add(body.append("    return total;\n}").toString());
            for (int r = 0; r < RECORDS; r++) {
                sources.add("//| export\n/** Item " + r + " of notebook " + i + ". */\npublic record Item" + r
                        + "(String name, int size) {}");
            }
            sources.add("//| test\nif (plusOne(1) != 2) throw new AssertionError(\"plusOne\");");
            Path file = project.resolve(String.format("notebooks/%03d_module.ipynb", i));
            Files.createDirectories(file.getParent());
            Files.write(file, NotebookWriter.toBytes(TestNotebooks.of(sources.toArray(String[]::new))));
        }
    }
}
