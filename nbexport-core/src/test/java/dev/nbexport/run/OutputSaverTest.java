package dev.nbexport.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.clean.CleanOptions;
import dev.nbexport.clean.NotebookCleaner;
import dev.nbexport.json.Json;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.run.worker.WorkerRun;
import dev.nbexport.testing.TestNotebooks;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputSaverTest {

    @TempDir
    Path dir;

    @Test
    void theRecordedSourceHashSurvivesCleaning() {
        Path file = TestNotebooks.write(dir.resolve("a.ipynb"), "1 + 1");
        var output = Json.JsonObject.EMPTY.with("data", Json.JsonObject.EMPTY.with("text/plain", Json.string("2")))
                .with("execution_count", Json.JsonNumber.of(1)).with("metadata", Json.JsonObject.EMPTY)
                .with("output_type", Json.string("execute_result"));
        WorkerRun run = new WorkerRun(List.of(new WorkerRun.Cell(0, true, 1, List.of(output), Optional.empty(), null, 1)),
                new WorkerRun.Completed());
        assertThat(OutputSaver.save(file, NotebookReader.read(file), run)).isTrue();
        assertThat(OutputSaver.save(file, NotebookReader.read(file), run)).as("a second save changes nothing").isFalse();

        Notebook cleaned = new NotebookCleaner(CleanOptions.defaults()).clean(NotebookReader.read(file));
        assertThat(cleaned.cells().get(0).metadata().object("nbexport").string(OutputSaver.SOURCE_HASH))
                .isEqualTo(OutputSaver.sourceHash("1 + 1"));
        assertThat(cleaned.cells().get(0).outputs()).singleElement() // cleaning drops execution counts only
                .satisfies(o -> assertThat(o.object("data")).isEqualTo(output.object("data")));
    }
}
