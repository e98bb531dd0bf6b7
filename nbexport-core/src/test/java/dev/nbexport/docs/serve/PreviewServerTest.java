package dev.nbexport.docs.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.docs.DocsCommand;
import dev.nbexport.docs.DocsRequest;
import dev.nbexport.testing.TestNotebooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PreviewServerTest {

    @TempDir
    Path project;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void servesTheSiteOnLoopbackAndRebuildsWhenANotebookChanges() throws Exception {
        Path notebooks = Files.createDirectories(project.resolve("notebooks"));
        TestNotebooks.write(notebooks.resolve("00_a.ipynb"), "# First version");
        DocsRequest request = new DocsRequest(project, notebooks, List.of(), List.of(), project.resolve("target/site"),
                project.resolve("src/docs"), project.resolve("target/docs.index"), "t", "test", false, null);
        DocsCommand command = new DocsCommand();
        command.run(request);
        List<String> log = new CopyOnWriteArrayList<>();
        CompletableFuture<URI> address = new CompletableFuture<>();
        Thread server = new Thread(() -> {
            try {
                new PreviewServer(command, log::add).run(request, 0, Duration.ofSeconds(8), address::complete);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        URI base = address.get(5, TimeUnit.SECONDS);
        assertThat(base.getHost()).isEqualTo("127.0.0.1");

        HttpResponse<String> page = get(base, "00_a.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("First version", "<script src=\"/_nbexport/reload.js\"></script>\n</body>");
        assertThat(Files.readString(project.resolve("target/site/00_a.html"))).as("the file itself stays as file:// needs it")
                .doesNotContain("reload.js");
        assertThat(get(base, "../../etc/passwd").statusCode()).isEqualTo(404);
        assertThat(get(base, "%2e%2e/docs.index").statusCode()).isEqualTo(404);
        assertThat(get(base, "_assets/site.css").statusCode()).isEqualTo(200);
        String version = get(base, "_nbexport/version").body();

        TestNotebooks.write(notebooks.resolve("00_a.ipynb"), "# Second version");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (get(base, "_nbexport/version").body().equals(version) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(get(base, "00_a.html").body()).contains("Second version");
        assertThat(log).anyMatch(line -> line.startsWith("Rebuilt: 2 page(s) rendered") /* the page and the home page listing its new title */);

        server.join(15_000);
        assertThat(server.isAlive()).as("stops by itself").isFalse();
        assertThat(log).anyMatch(line -> line.contains("127.0.0.1 only"));
    }
}
