package dev.nbexport.bench;

import dev.nbexport.export.Exporter;
import dev.nbexport.project.ExportCommand;
import dev.nbexport.project.ExportRequest;
import dev.nbexport.project.ExportSummary;
import dev.nbexport.project.ProjectExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exporting a project of 1,000 generated 30-cell notebooks ({@link NotebookCorpusGenerator}, about
 * 120 exported lines each) in process, with every core the JVM sees. The score is milliseconds per
 * notebook (each operation is one notebook).
 *
 * <ul>
 *   <li>{@code plan}: {@link ProjectExport#plan}: read every notebook, parse directives, export,
 *       and compare with the (empty) source roots; nothing is written.
 *   <li>{@code exportAndWrite}: {@link ExportCommand#run} into empty source roots, without an
 *       index: {@code plan} plus writing every file (about 12,000) and the index.
 *   <li>{@code noOp}: {@link ExportCommand#run} when the staleness index shows nothing changed:
 *       hash every notebook, stat every output.
 * </ul>
 *
 * <pre>
 * ./mvnw -q -B package -pl benchmarks -am -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ProjectExportBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class ProjectExportBenchmark {

    /** Notebooks in the project; must match {@link OperationsPerInvocation}. */
    static final int NOTEBOOKS = 1000;

    private Path project;
    private final Exporter exporter = new Exporter();

    @Setup(Level.Trial)
    public void generate() throws IOException {
        project = Files.createTempDirectory("nbexport-bench");
        NotebookCorpusGenerator.write(project.resolve("notebooks"), NOTEBOOKS, 42);
    }

    @TearDown(Level.Trial)
    public void delete() {
        deleteTree(project);
    }

    ExportRequest request(String outputs, boolean withIndex) {
        Path out = project.resolve(outputs);
        return new ExportRequest(project, project.resolve("notebooks"), List.of(), List.of(),
                out.resolve("src/main/java"), out.resolve("src/test/java"), false,
                withIndex ? out.resolve("target/nbexport/export.index") : null, "bench");
    }

    @Benchmark
    @OperationsPerInvocation(NOTEBOOKS)
    public ProjectExport plan() {
        return ProjectExport.plan(request("plan", false), exporter);
    }

    @Benchmark
    @OperationsPerInvocation(NOTEBOOKS)
    public ExportSummary exportAndWrite(Fresh fresh) {
        ExportSummary summary = new ExportCommand(exporter).run(request(fresh.outputs, true));
        if (summary.upToDate() || summary.written().isEmpty()) {
            throw new IllegalStateException("expected a full export, got " + summary);
        }
        return summary;
    }

    @Benchmark
    @OperationsPerInvocation(NOTEBOOKS)
    public ExportSummary noOp(Exported exported) {
        ExportSummary summary = new ExportCommand(exporter).run(request("noop", true));
        if (!summary.upToDate()) {
            throw new IllegalStateException("expected a no-op, got " + summary);
        }
        return summary;
    }

    /**
     * Empty source roots and no index before each call. The previous call's 10,000 files are moved
     * aside, not deleted, until the trial ends: deleting them just before the next call (ext4 with
     * {@code discard} here) slowed that call's file creation several-fold, which a fresh clone does
     * not see.
     */
    @State(Scope.Thread)
    public static class Fresh {
        String outputs;
        private int run;

        @Setup(Level.Invocation)
        public void clear(ProjectExportBenchmark bench) throws IOException {
            if (outputs != null) {
                Path trash = bench.project.resolve("trash");
                Files.createDirectories(trash);
                Files.move(bench.project.resolve(outputs), trash.resolve(outputs));
            }
            outputs = "fresh" + run++;
        }
    }

    /** The project exported once, index saved. */
    @State(Scope.Thread)
    public static class Exported {
        @Setup(Level.Trial)
        public void exportOnce(ProjectExportBenchmark bench) {
            new ExportCommand(bench.exporter).run(bench.request("noop", true));
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
