package dev.nbexport.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.testing.ForkedGoal;
import dev.nbexport.testing.KilledRun;
import dev.nbexport.testing.TestNotebooks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real {@code nbexport:test -Dnbexport.test.save} in a JVM of its own, at random moments
 * while it saves the outputs of many notebooks ({@link KilledRun#notebookTrials}): every notebook is the one
 * without outputs or the saved one, never a broken one; the worker JVMs the killed run started end by
 * themselves; and the next saving run (which runs every notebook, whatever passed before) leaves every notebook
 * saved and no temporary file anywhere in the project (the JUnit reports' folder included).
 */
class KilledTestSaveTest {

    private static final int NOTEBOOKS = 16;
    /** How long the killed run's workers get to notice that their parent is gone and end. */
    private static final long WORKERS_END_SECONDS = 30;

    @TempDir
    Path project;

    @Test
    void aSavingRunKilledWhileWritingLeavesEachNotebookOldOrSavedAndTheNextRunSavesTheRest() throws Exception {
        Map<String, byte[]> unrun = new TreeMap<>();
        for (int i = 0; i < NOTEBOOKS; i++) {
            unrun.put(String.format("%02d_report.ipynb", i), NotebookWriter.toBytes(TestNotebooks.of(
                    "# Report " + i, "int n = " + i + ";", "System.out.println(\"rows: \" + n * 10);", "n * n")));
        }

        Map<String, byte[]> saved = KilledRun.notebookTrials("test-save", project, unrun, Map.of(), this::workersEnd,
                () -> {
                    try {
                        assertThat(TestCommand.run(ForkedGoal.testSaveRequest(project), line -> { }).failed()).isEmpty();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });

        assertThat(saved).hasSize(NOTEBOOKS).allSatisfy((name, bytes) -> {
            List<Cell> cells = NotebookReader.parse(bytes, name).cells();
            int n = Integer.parseInt(name.substring(0, 2));
            assertThat(cells.get(2).outputs().toString()).as(name).contains("rows: " + n * 10);
            assertThat(cells.get(3).outputs().toString()).as(name).contains(String.valueOf(n * n));
        });
    }

    /** No worker of this project's runs is left once the run that started it is killed. */
    private void workersEnd(String at) {
        String config = project.resolve("target").toString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WORKERS_END_SECONDS);
        List<String> left;
        do {
            left = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("WorkerMain") && c.contains(config)).orElse(false))
                    .map(p -> p.pid() + ": " + p.info().commandLine().orElse(""))
                    .toList();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertThat(left).as(at + ": worker JVMs of the killed run still running " + WORKERS_END_SECONDS + " s after the kill").isEmpty();
    }
}
