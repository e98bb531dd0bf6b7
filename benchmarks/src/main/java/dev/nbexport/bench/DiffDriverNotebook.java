package dev.nbexport.bench;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Writes the notebook the diff driver benchmark ({@code benchmarks/diff-driver.sh}) shows: notebook 0
 * of {@link NotebookCorpusGenerator} (30 code cells, 15 markdown cells, text outputs) with a plot on
 * every third code cell: 10 {@code display_data} outputs, each a 48 KB PNG payload (64 KB as base64)
 * with its {@code text/plain} alternative, as a plotting notebook saves them. About 0.7 MB; the same
 * seed gives the same bytes.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.nbexport.bench.DiffDriverNotebook /tmp/plots.ipynb 42
 * </pre>
 */
public final class DiffDriverNotebook {

    static final int IMAGE_BYTES = 48 * 1024;

    private DiffDriverNotebook() {}

    /** {@code main(file, seed)}. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: DiffDriverNotebook <file.ipynb> <seed>");
            System.exit(2);
        }
        long seed = Long.parseLong(args[1]);
        NotebookWriter.write(notebook(seed), Path.of(args[0]));
    }

    static Notebook notebook(long seed) {
        Notebook notebook = NotebookCorpusGenerator.notebook(0, seed);
        Random random = new Random(seed);
        List<Cell> cells = new ArrayList<>(notebook.cells());
        int code = 0;
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell.isCode() && code++ % 3 == 0) {
                byte[] image = new byte[IMAGE_BYTES];
                random.nextBytes(image);
                JsonObject plot = JsonObject.EMPTY
                        .with("output_type", Json.string("display_data"))
                        .with("metadata", JsonObject.EMPTY)
                        .with("data", JsonObject.EMPTY
                                .with("image/png", Json.string(Base64.getEncoder().encodeToString(image) + "\n"))
                                .with("text/plain", Json.string("<Figure size 640x480 with 1 Axes>")));
                List<Json> outputs = new ArrayList<>(cell.outputs());
                outputs.add(plot);
                cells.set(i, cell.with("outputs", new JsonArray(outputs)));
            }
        }
        return notebook.withCells(cells);
    }
}
