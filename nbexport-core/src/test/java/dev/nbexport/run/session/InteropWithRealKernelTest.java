package dev.nbexport.run.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.Json.JsonString;
import dev.nbexport.json.JsonWriter;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.run.worker.NotebookExecution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs one notebook with every kind of output in the real JJava 1.0-a6 kernel ({@code ../shared/jupyter},
 * through Debian's {@code jupyter nbconvert --execute}) and in nbexport, and compares them cell by cell:
 * output types, streams, mime bundles, execution counts, {@code ename}/{@code evalue}, and the traceback
 * once colours, the kernel's own frames and frame locations are masked. Hash codes, UUIDs and JShell's
 * generated names are masked everywhere.
 *
 * <p>Runs where {@code jupyter} and the kernel exist; on CI ({@code CI=true}) their absence is a failure,
 * because {@code .ci/run} installs them.
 */
class InteropWithRealKernelTest {

    private static final Path KERNELS = Path.of(System.getProperty("nbexport.jupyter", "../../shared/jupyter"));
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");
    private static final Pattern HASH = Pattern.compile("@[0-9a-f]{5,8}\\b");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern JSHELL_NAME = Pattern.compile("\\$JShell\\$\\d+[A-Z]?");
    private static final Pattern KERNEL_FRAME = Pattern.compile("\tat org\\.dflib\\.jjava\\.(kernel|jupyter\\.(channels|kernel\\.BaseKernel))\\..*");
    /** A notebook frame: JJava writes {@code at .h(#53:1)}, nbexport {@code at h(cell 3, line 2)} or {@code at cell 3, line 2}. */
    private static final Pattern NOTEBOOK_FRAME = Pattern.compile("\tat \\.?([\\w$.]*?)\\(?(#\\d+:\\d+|cell \\d+, line \\d+)\\)?");

    @TempDir
    Path dir;

    @Test
    void everyOutputKindIsWhatTheRealKernelGives() throws Exception {
        Path jupyter = Path.of("/usr/bin/jupyter");
        boolean available = Files.isExecutable(jupyter) && Files.isDirectory(KERNELS.resolve("kernels/java"));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(available).as("CI has jupyter-nbconvert and " + KERNELS.toAbsolutePath()).isTrue();
        }
        assumeThat(available).as("jupyter nbconvert and the JJava kernel in " + KERNELS).isTrue();

        Path source = dir.resolve("every-output-kind.ipynb");
        Files.copy(Path.of("src/test/resources/run/every-output-kind.ipynb"), source);
        Notebook kernelRun = NotebookReader.read(executeInKernel(jupyter, source));
        // javac's messages and the PNG encoder's bytes belong to a JDK: compare like with like
        String kernelJava = kernelRun.metadata().object("language_info").string("version");
        assumeThat(kernelJava).as("the kernel ran on the JDK running this test")
                .startsWith(Runtime.version().feature() + ".");
        Notebook notebook = NotebookReader.read(source);
        List<NotebookExecution.CellRun> ours = NotebookExecution.run(notebook, "every-output-kind.ipynb",
                SessionOptions.of(KernelDialect.of(notebook.metadata())), NotebookExecution.Listener.NONE, true);

        int compared = 0;
        var soft = new org.assertj.core.api.SoftAssertions();
        for (NotebookExecution.CellRun run : ours) {
            Cell theirs = kernelRun.cells().get(run.index());
            String where = "cell " + (run.index() + 1) + ": " + theirs.source();
            soft.assertThat(String.valueOf(run.result().executionCount())).as(where)
                    .isEqualTo(((Json.JsonNumber) theirs.executionCount()).text());
            soft.assertThat(masked(run.result().outputs())).as(where).isEqualTo(masked(theirs.outputs()));
            compared++;
        }
        soft.assertAll();
        assertThat(compared).isEqualTo(notebook.cells().size() - 1);
    }

    private Path executeInKernel(Path jupyter, Path notebook) throws IOException, InterruptedException {
        Path out = Files.createDirectories(dir.resolve("executed"));
        ProcessBuilder pb = new ProcessBuilder(jupyter.toString(), "nbconvert", "--to", "notebook", "--execute",
                "--allow-errors", "--ExecutePreprocessor.kernel_name=java", "--ExecutePreprocessor.timeout=300",
                "--output-dir", out.toString(), notebook.toString())
                .directory(notebook.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nbconvert.log").toFile());
        pb.environment().put("JUPYTER_PATH", KERNELS.toAbsolutePath().normalize().toString());
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("nbconvert finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("nbconvert.log"))).isZero();
        return out.resolve(notebook.getFileName());
    }

    /** The outputs as comparable text: volatile parts masked, tracebacks reduced to what both kernels share. */
    private static List<String> masked(List<JsonObject> outputs) {
        List<String> result = new ArrayList<>();
        for (JsonObject o : outputs) {
            JsonObject kept = o;
            if (o.has("traceback")) {
                List<Json> lines = new ArrayList<>();
                for (Json line : ((JsonArray) o.get("traceback")).elements()) {
                    String plain = ANSI.matcher(((JsonString) line).value()).replaceAll("").replaceFirst("^\\|   ", "");
                    if (KERNEL_FRAME.matcher(plain).matches()) {
                        continue;
                    }
                    var frame = NOTEBOOK_FRAME.matcher(plain);
                    lines.add(Json.string(frame.matches() ? "\tat " + frame.group(1) + "(notebook)" : plain));
                }
                kept = o.with("traceback", new JsonArray(lines));
            }
            String text = JsonWriter.write(kept);
            text = HASH.matcher(text).replaceAll("@HASH");
            text = UUID.matcher(text).replaceAll("UUID");
            text = JSHELL_NAME.matcher(text).replaceAll(Matcher.quoteReplacement("$JShell$N"));
            result.add(text);
        }
        return result;
    }

    private static final class Matcher {
        static String quoteReplacement(String s) {
            return java.util.regex.Matcher.quoteReplacement(s);
        }
    }
}
