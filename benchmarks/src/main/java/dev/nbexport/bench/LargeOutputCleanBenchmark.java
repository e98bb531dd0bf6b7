package dev.nbexport.bench;

import dev.nbexport.clean.CleanOptions;
import dev.nbexport.clean.NotebookCleaner;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cleaning a notebook that carries 50 MB of image outputs (50 cells, each with a 1 MB base64 PNG
 * payload, as a plotting notebook saves them): read, clean, write back to bytes. The score is the
 * time for the whole notebook; divide by 50 for time per MB.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar LargeOutputCleanBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx4g")
public class LargeOutputCleanBenchmark {

    private static final int CELLS = 50;
    private static final int IMAGE_BYTES = 768 * 1024; // 1 MB once base64-encoded

    private byte[] file;
    private final NotebookCleaner cleaner = new NotebookCleaner(CleanOptions.defaults());

    @Setup
    public void makeNotebook() {
        Random random = new Random(42);
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < CELLS; i++) {
            byte[] image = new byte[IMAGE_BYTES];
            random.nextBytes(image);
            JsonObject output = JsonObject.EMPTY
                    .with("output_type", Json.string("display_data"))
                    .with("metadata", JsonObject.EMPTY.with("needs_background", Json.string("light")))
                    .with("data", JsonObject.EMPTY
                            .with("image/png", Json.string(Base64.getEncoder().encodeToString(image) + "\n"))
                            .with("text/plain", Json.string("<Figure size 640x480 with 1 Axes>")));
            cells.add(Cell.of(CellType.CODE, "cell" + i, "plot(data[" + i + "]);")
                    .with("execution_count", Json.JsonNumber.of(i + 1))
                    .with("outputs", new JsonArray(List.of(output))));
        }
        file = NotebookWriter.toBytes(Notebook.empty(JsonObject.EMPTY).withCells(cells));
    }

    @Benchmark
    public byte[] readCleanWrite() {
        Notebook notebook = NotebookReader.parse(file, "plots.ipynb");
        return NotebookWriter.toBytes(cleaner.clean(notebook));
    }
}
