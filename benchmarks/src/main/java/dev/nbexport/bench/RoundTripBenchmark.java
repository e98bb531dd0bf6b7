package dev.nbexport.bench;

import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading and writing back the notebooks of {@code ../shared/corpus} (24 real notebooks, 412 KB),
 * one thread. The score is notebooks per second (each operation is one notebook).
 *
 * <pre>
 * ./mvnw -q -B package -pl benchmarks -am -DskipTests
 * java -Dnbexport.corpus=../shared/corpus -jar benchmarks/target/benchmarks.jar RoundTripBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoundTripBenchmark {

    /** How many corpus notebooks one operation reads; must match {@link OperationsPerInvocation}. */
    private static final int CORPUS_SIZE = 24;

    private final List<byte[]> files = new ArrayList<>();

    @Setup
    public void load() throws IOException {
        Path corpus = Path.of(System.getProperty("nbexport.corpus", "../shared/corpus"));
        try (Stream<Path> paths = Files.walk(corpus)) {
            for (Path p : paths.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList()) {
                files.add(Files.readAllBytes(p));
            }
        }
        if (files.size() != CORPUS_SIZE) {
            throw new IllegalStateException("expected " + CORPUS_SIZE + " corpus notebooks in " + corpus + ", found " + files.size());
        }
    }

    @Benchmark
    @OperationsPerInvocation(CORPUS_SIZE)
    public void readAndWrite(Blackhole sink) {
        for (byte[] file : files) {
            Notebook notebook = NotebookReader.parse(file, "corpus.ipynb");
            sink.consume(NotebookWriter.toBytes(notebook));
        }
    }

    @Benchmark
    @OperationsPerInvocation(CORPUS_SIZE)
    public void readOnly(Blackhole sink) {
        for (byte[] file : files) {
            sink.consume(NotebookReader.parse(file, "corpus.ipynb"));
        }
    }
}
