package dev.nbexport.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.run.session.ProjectArtifact;
import dev.nbexport.testing.HeadlessChromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The project kernel as a user meets it: {@code example-project}'s kernel installed into a {@code JUPYTER_PATH}
 * of the test's, Debian's {@code jupyter-notebook} (the classic Notebook 6) serving a copy of its
 * {@code 02_text_report} notebook on localhost, Debian's chromium ({@link HeadlessChromium}) opening it, "Run All",
 * and the outputs of the cells that call the exported {@code Slugify.slugify} and {@code WordWrap.fill} in the page.
 * The screenshot goes to {@code target/kernel-screenshots/} for review. Skipped without {@code jupyter-notebook} or
 * chromium on a developer's machine, failed on CI ({@code .ci/run} installs them).
 */
class KernelInBrowserTest {

    private static final Path EXAMPLE = Path.of("..", "example-project");
    private static final Path SHOTS = Path.of("target/kernel-screenshots");
    private static final String KERNEL = "example-project";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void theNotebookServerRunsExampleProjectCellsInTheProjectKernel() throws Exception {
        InstalledKernel.assumeJupyter("notebook");
        WebDriver browser = HeadlessChromium.start();
        Process server = null;
        List<ProcessHandle> left = List.of();
        try {
            Path project = dir.resolve(KERNEL);
            copyNotebook(project.resolve("notebooks"));
            InstalledKernel kernel = InstalledKernel.install(KERNEL, project, List.of(EXAMPLE.resolve("src/main/java")),
                    List.of(), List.<ProjectArtifact>of(), dir.resolve("jupyter"));
            int port = freePort();
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String token = HexFormat.of().formatHex(secret);
            Path log = dir.resolve("notebook.log");
            // --allow-root: CI runs as root, where the server refuses to start without it
            server = kernel.process(log, "/usr/bin/jupyter-notebook", "--no-browser", "--allow-root", "--ip=127.0.0.1",
                    "--port=" + port, "--port-retries=0", "--NotebookApp.token=" + token,
                    "--notebook-dir=" + project.resolve("notebooks")).start();
            Process started = server;
            // the server is up when it logs its address; stop waiting at once if it died instead
            new FluentWait<>(log).withTimeout(TIMEOUT).pollingEvery(Duration.ofMillis(100))
                    .withMessage(() -> "the notebook server to start:\n" + read(log))
                    .until(l -> !started.isAlive() || read(l).contains("127.0.0.1:" + port + "/"));
            assertThat(server.isAlive()).as(read(log)).isTrue();

            browser.get("http://127.0.0.1:" + port + "/notebooks/02_text_report.ipynb?token=" + token);
            WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
            wait.withMessage(() -> "the project kernel to be idle:\n" + read(log))
                    .until(d -> !d.findElements(By.cssSelector("#kernel_indicator_icon.kernel_idle_icon")).isEmpty());
            assertThat(browser.findElement(By.cssSelector(".kernel_indicator_name")).getText()).isEqualTo("Java (example-project)");

            browser.findElement(By.linkText("Cell")).click();
            browser.findElement(By.cssSelector("#run_all_cells > a")).click();
            List<WebElement> code = browser.findElements(By.cssSelector(".cell.code_cell"));
            assertThat(code).hasSize(7);
            WebElement last = code.get(code.size() - 1);
            // the last cell's output comes after every other cell's, or an error stops "Run All" early
            wait.withMessage(() -> "the last cell's output:\n" + read(log))
                    .until(d -> !d.findElements(By.cssSelector(".output_error")).isEmpty()
                            || last.findElement(By.cssSelector(".input_prompt")).getText().contains("[7]")
                            && !last.findElements(By.cssSelector(".output_area")).isEmpty());
            HeadlessChromium.js(browser, "arguments[0].scrollIntoView({block: 'end'})", last);
            Files.createDirectories(SHOTS);
            Files.write(SHOTS.resolve("02_text_report.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

            // no error, and nothing on stderr: no hidden-state or class-path warning either
            assertThat(browser.findElements(By.cssSelector(".output_error, .output_stderr"))).extracting(WebElement::getText)
                    .isEmpty();
            for (int i = 0; i < code.size(); i++) {
                assertThat(code.get(i).findElement(By.cssSelector(".input_prompt")).getText()).contains("[" + (i + 1) + "]");
            }
            assertThat(code.get(2).findElement(By.cssSelector(".output_subarea")).getText())
                    .isEqualTo("data/a-tale-of-two-cities.txt: 947 characters, 186 words, 86 different");
            assertThat(code.get(4).findElement(By.cssSelector(".output_subarea")).getText())
                    .startsWith("It was the best of times, it was the worst of\ntimes, it was the age of wisdom, it was the age");
            assertThat(last.findElement(By.cssSelector(".output_subarea")).getText()).isEqualTo("it-was-the-best-of-times");
            assertThat(server.descendants()).as("the kernel's JVM, a child of the server").isNotEmpty();
        } finally {
            browser.quit();
            if (server != null) {
                left = stop(server);
            }
        }
        assertThat(left).as("processes left by the notebook server").isEmpty();
    }

    /** {@code 02_text_report} and its data, its kernelspec naming the project kernel, as a notebook saved with it would. */
    private static void copyNotebook(Path notebooks) throws IOException {
        Path data = Files.createDirectories(notebooks.resolve("data"));
        try (Stream<Path> files = Files.list(EXAMPLE.resolve("notebooks/data"))) {
            for (Path f : files.toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        Notebook notebook = NotebookReader.read(EXAMPLE.resolve("notebooks/02_text_report.ipynb"));
        JsonObject spec = notebook.metadata().object("kernelspec").with("name", Json.string(KERNEL))
                .with("display_name", Json.string("Java (" + KERNEL + ")"));
        NotebookWriter.write(notebook.withMetadata(notebook.metadata().with("kernelspec", spec)),
                notebooks.resolve("02_text_report.ipynb"));
    }

    /**
     * Stops the server as Ctrl-C would (SIGTERM: it shuts its kernels down before it exits), and returns the
     * processes it left behind (killed now): the kernel's JVM is a child of the server.
     */
    private static List<ProcessHandle> stop(Process server) throws InterruptedException {
        List<ProcessHandle> children = server.descendants().toList();
        server.destroy();
        boolean ended = server.waitFor(30, TimeUnit.SECONDS);
        List<ProcessHandle> left = new ArrayList<>();
        if (!ended) {
            left.add(server.toHandle());
            server.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                left.add(child);
                child.destroyForcibly();
            }
        }
        return left;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path log) {
        try {
            return Files.isRegularFile(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
