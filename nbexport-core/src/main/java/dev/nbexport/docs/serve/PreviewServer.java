package dev.nbexport.docs.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nbexport.NbexportException;
import dev.nbexport.docs.DocsCommand;
import dev.nbexport.docs.DocsRequest;
import dev.nbexport.docs.DocsResult;
import dev.nbexport.workspace.NotebookFinder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The live preview ({@code -Dnbexport.docs.serve}): serves the site on {@code 127.0.0.1} only, rebuilds
 * it when a notebook or a file of {@code src/docs} changes, and reloads open pages after a rebuild.
 *
 * <p>Only files inside the site folder are served, read-only, to GET and HEAD. Pages get one extra
 * script, added as they are served (the files on disk stay as {@code file://} needs them), that asks
 * {@code /_nbexport/version} once a second and reloads when a rebuild happened. It runs for the
 * given time, or until its thread is interrupted (Ctrl-C ends Maven), then stops the server.
 */
public final class PreviewServer {

    private static final String RELOAD_PATH = "/_nbexport/reload.js";
    private static final String VERSION_PATH = "/_nbexport/version";
    private static final String RELOAD_JS = """
            (function () {
              var seen = null;
              setInterval(function () {
                fetch('/_nbexport/version', { cache: 'no-store' }).then(function (r) { return r.text(); }).then(function (v) {
                  if (seen === null) { seen = v; } else if (v !== seen) { location.reload(); }
                }).catch(function () {});
              }, 1000);
            })();
            """;
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "png", "image/png", "jpg", "image/jpeg", "gif", "image/gif",
            "svg", "image/svg+xml", "woff2", "font/woff2", "webp", "image/webp");

    private final DocsCommand command;
    private final Consumer<String> log;
    private final AtomicLong version = new AtomicLong(1);

    public PreviewServer(DocsCommand command, Consumer<String> log) {
        this.command = command;
        this.log = log;
    }

    /**
     * Serves and rebuilds until {@code runFor} has passed ({@link Duration#ZERO}: until interrupted).
     *
     * @param port the port on 127.0.0.1; 0 picks a free one
     * @param started told the address once the server listens (tests use it)
     */
    public void run(DocsRequest request, int port, Duration runFor, Consumer<URI> started) throws InterruptedException {
        Path site = request.output().toAbsolutePath().normalize();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (BindException e) {
            throw new NbexportException("cannot serve the docs on 127.0.0.1:" + port + ": the port is in use",
                    "Stop what uses it, or pick another port with -Dnbexport.docs.port=<port> (0 for any free port).", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "nbexport-docs-preview");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            try (exchange) {
                serve(site, exchange);
            }
        });
        server.start();
        URI address = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        log.accept("Serving the docs at " + address + " (127.0.0.1 only); rebuilding on change"
                + (runFor.isZero() ? ", until stopped (Ctrl-C)." : ", for " + runFor.toSeconds() + " s."));
        started.accept(address);
        long deadline = runFor.isZero() ? Long.MAX_VALUE : System.nanoTime() + runFor.toNanos();
        String stamp = stamp(request);
        try {
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.min(300, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                String now = stamp(request);
                if (!now.equals(stamp)) {
                    stamp = now;
                    try {
                        DocsResult result = command.run(request);
                        version.incrementAndGet();
                        log.accept("Rebuilt: " + result.rendered().size() + " page(s) rendered, " + result.unchanged() + " unchanged.");
                    } catch (NbexportException e) {
                        log.accept("Not rebuilt: " + e.describe());
                    }
                }
            }
        } finally {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    private void serve(Path site, HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            send(exchange, 405, "text/plain", "method not allowed".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals(VERSION_PATH)) {
            send(exchange, 200, "text/plain", Long.toString(version.get()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (path.equals(RELOAD_PATH)) {
            send(exchange, 200, TYPES.get("js"), RELOAD_JS.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Path file = site.resolve(path.substring(1)).normalize();
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!file.startsWith(site) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        byte[] body = Files.readAllBytes(file);
        if (extension.equals("html")) {
            String html = new String(body, StandardCharsets.UTF_8);
            int end = html.lastIndexOf("</body>");
            if (end >= 0) {
                body = (html.substring(0, end) + "<script src=\"" + RELOAD_PATH + "\"></script>\n" + html.substring(end))
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
        send(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), body);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Sizes and modification times of the notebooks and the docs folder's files: what a rebuild depends on. */
    private static String stamp(DocsRequest request) {
        StringBuilder stamp = new StringBuilder();
        try {
            for (Path nb : new NotebookFinder(request.includes(), request.excludes()).find(request.notebooks())) {
                stamp.append(nb).append(Files.size(nb)).append(Files.getLastModifiedTime(nb)).append('\n');
            }
            if (Files.isDirectory(request.docsSource())) {
                try (Stream<Path> files = Files.walk(request.docsSource())) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        stamp.append(f).append(Files.size(f)).append(Files.getLastModifiedTime(f)).append('\n');
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return "unreadable " + e.getMessage(); // being saved right now: the next look sees it whole
        }
        return stamp.toString();
    }
}
