package dev.nbexport.clean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.testing.ForkedGoal;
import dev.nbexport.testing.KilledRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real {@code clean} in a JVM of its own, at random moments while it rewrites many
 * notebooks ({@link KilledRun#notebookTrials}): every notebook is the old one or the cleaned one, never a
 * broken one, and the next clean leaves every notebook cleaned and no temporary file anywhere in the project.
 */
class KilledCleanTest {

    /** Notebooks to clean: each is flushed to disk before its rename, so writing them takes a while. */
    private static final int NOTEBOOKS = 200;

    @TempDir
    Path project;

    @Test
    void aCleanKilledWhileWritingLeavesEachNotebookOldOrNewAndTheNextCleanLeavesNoDebris() throws Exception {
        Map<String, byte[]> dirty = dirtyNotebooks();
        Map<String, byte[]> cleaned = new TreeMap<>();
        NotebookCleaner cleaner = new NotebookCleaner(CleanOptions.defaults());
        dirty.forEach((name, bytes) -> cleaned.put(name, NotebookWriter.toBytes(cleaner.clean(NotebookReader.parse(bytes, name)))));

        Map<String, byte[]> written = KilledRun.notebookTrials("clean", project, dirty, Map.of(), at -> { },
                () -> CleanCommand.run(ForkedGoal.cleanRequest(project)));

        assertThat(KilledRun.differences(cleaned, written, true)).as("notebooks after a whole forked clean against cleaned ones").isEmpty();
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
}
