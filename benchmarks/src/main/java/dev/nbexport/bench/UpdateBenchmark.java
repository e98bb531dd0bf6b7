package dev.nbexport.bench;

import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.project.ExportCommand;
import dev.nbexport.project.ExportRequest;
import dev.nbexport.project.UpdateCommand;
import dev.nbexport.project.UpdateSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code nbexport:update} in-process over 200 generated files edited by hand: 100 notebooks, each
 * exporting a class of methods and a record to its own file, both edited. Each operation is one
 * edited file: the score is milliseconds per file (target: at most 1). Before every invocation the
 * edited files and the original notebooks are put back.
 *
 * <pre>
 * ./mvnw -q -B package -pl benchmarks -am -DskipTests
 * java -jar benchmarks/target/benchmarks.jar UpdateBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class UpdateBenchmark {

    private static final int NOTEBOOKS = 100;
    private static final int EDITED_FILES = 2 * NOTEBOOKS;

    private Path project;
    private ExportRequest request;
    private final Map<Path, byte[]> start = new LinkedHashMap<>();

    @Setup(Level.Trial)
    public void project() throws IOException {
        project = Files.createTempDirectory("nbexport-update-bench");
        Path notebooks = Files.createDirectories(project.resolve("notebooks"));
        for (int n = 0; n < NOTEBOOKS; n++) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.of(CellType.MARKDOWN, "intro", "# Module " + n));
            cells.add(Cell.of(CellType.CODE, "exp", "//| default_exp com.acme.m" + n + ".Module" + n));
            cells.add(Cell.of(CellType.CODE, "methods", "//| export\nimport java.text.Normalizer;\n\n"
                    + "/** Plain text. */\nString plain(String s) {\n    String t = Normalizer.normalize(s, Normalizer.Form.NFD);\n"
                    + "    return t.replaceAll(\"\\\\p{M}+\", \"\");\n}\n\nint twice(int x) {\n    int y = 2 * x;\n    return y;\n}"));
            cells.add(Cell.of(CellType.CODE, "pair", "//| export\nrecord Pair(int a, int b) {\n    int sum() {\n"
                    + "        int s = a + b;\n        return s;\n    }\n\n    List<Integer> both() {\n        return List.of(a, b);\n    }\n}"));
            cells.add(Cell.of(CellType.CODE, "demo", "twice(21)"));
            NotebookWriter.write(Notebook.empty(JsonObject.EMPTY).withCells(cells), notebooks.resolve(String.format("%03d_module.ipynb", n)));
        }
        request = new ExportRequest(project, notebooks, List.of(), List.of(), project.resolve("src/main/java"),
                project.resolve("src/test/java"), false, null, "bench");
        new ExportCommand().run(request);
        try (Stream<Path> files = Files.walk(project.resolve("src/main/java"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file)
                        .replace("int y = 2 * x;\n        return y;", "int doubled = x + x;\n        return doubled;")
                        .replace("int s = a + b;", "int s = b + a;");
                start.put(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        try (Stream<Path> files = Files.list(notebooks)) {
            for (Path file : files.toList()) {
                start.put(file, Files.readAllBytes(file));
            }
        }
        if (start.size() != EDITED_FILES + NOTEBOOKS) {
            throw new IllegalStateException("expected " + EDITED_FILES + " generated files, found " + (start.size() - NOTEBOOKS));
        }
    }

    @Setup(Level.Invocation)
    public void edited() throws IOException {
        for (Map.Entry<Path, byte[]> e : start.entrySet()) {
            Files.write(e.getKey(), e.getValue());
        }
    }

    @Benchmark
    @OperationsPerInvocation(EDITED_FILES)
    public UpdateSummary update() {
        UpdateSummary summary = new UpdateCommand().run(request);
        if (summary.editedFiles().size() != EDITED_FILES) {
            throw new IllegalStateException(summary.line());
        }
        return summary;
    }
}
