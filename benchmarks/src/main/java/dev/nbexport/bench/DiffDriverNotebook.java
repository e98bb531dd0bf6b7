package dev.nbexport.bench;

import dev.nbexport.git.DriverCommands;
import dev.nbexport.git.GitSetup;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The repository the diff driver benchmark ({@code benchmarks/diff-driver.sh}) works in: one notebook,
 * {@code plots.ipynb}, committed, with the diff driver installed as {@code nbexport:setup-git} installs
 * it (class data archive included), and one cell edited in the working tree.
 *
 * <p>The notebook is notebook 0 of {@link NotebookCorpusGenerator} (30 code cells, 15 markdown cells,
 * text outputs) with a plot on every third code cell: 10 {@code display_data} outputs, each a 48 KB
 * PNG payload (64 KB as base64) with its {@code text/plain} alternative, as a plotting notebook saves
 * them. About 0.7 MB; the same seed gives the same bytes.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.nbexport.bench.DiffDriverNotebook /tmp/repo 42 CORE_JAR JACKSON_JAR
 * </pre>
 */
public final class DiffDriverNotebook {

    static final int IMAGE_BYTES = 48 * 1024;

    private DiffDriverNotebook() {}

    /** {@code main(folder, seed, classpath...)}; prints the installed textconv command. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: DiffDriverNotebook <new repository folder> <seed> <driver class path entry>...");
            System.exit(2);
        }
        Path repo = Files.createDirectories(Path.of(args[0]));
        Notebook notebook = notebook(Long.parseLong(args[1]));
        NotebookWriter.write(notebook, repo.resolve("plots.ipynb"));
        git(repo, "init", "-q", "-b", "main");
        git(repo, "add", "plots.ipynb");
        git(repo, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "plots");
        DriverCommands drivers = new DriverCommands("java", List.of(args).subList(2, args.length));
        GitSetup.install(new GitSetup.Request(repo, drivers, null)).forEach(System.err::println);
        Cell code = notebook.cells().get(3);
        NotebookWriter.write(notebook.withCell(3, code.withSource(code.source() + "\n// edited")), repo.resolve("plots.ipynb"));
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

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (git.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
