package dev.nbexport.run.worker;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.run.session.CellError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A worker JVM ({@link WorkerMain}) seen from the build: starts it, sends it notebooks, reads its reports, and
 * stops it when a cell runs too long. Everything that can go wrong in the worker (an endless loop,
 * {@code System.exit}, a crash) ends in a {@link WorkerRun.Ending}, never in an exception here.
 */
public final class WorkerProcess implements AutoCloseable {

    private static final int STDERR_LINES = 30;
    private static final JsonObject EOF = JsonObject.EMPTY.with("event", Json.string("eof"));

    private final Process process;
    private final Path directory;
    private final Writer stdin;
    private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private boolean ready;

    private WorkerProcess(Process process, Path directory) {
        this.process = process;
        this.directory = directory;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread out = new Thread(this::readEvents, "nbexport-worker-out-" + process.pid());
        out.setDaemon(true);
        out.start();
        Thread err = new Thread(this::readStderr, "nbexport-worker-err-" + process.pid());
        err.setDaemon(true);
        err.start();
    }

    /**
     * Starts a worker.
     *
     * @param command the JVM command up to the main class's arguments ({@link WorkerLaunch#command})
     * @param directory where its notebooks run
     */
    public static WorkerProcess start(List<String> command, Path directory) throws IOException {
        Process p = new ProcessBuilder(command).directory(directory.toFile()).start();
        return new WorkerProcess(p, directory);
    }

    /** Where its notebooks run. */
    public Path directory() {
        return directory;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Runs one notebook; a cell still running after {@code cellTimeout} stops the worker. */
    public WorkerRun run(Path notebook, String shown, Duration cellTimeout) throws InterruptedException {
        return run(notebook, shown, null, cellTimeout);
    }

    /**
     * Runs a notebook given as its JSON text ({@code content}), as if it were the file {@code notebook}; with
     * {@code content} {@code null}, the file itself.
     */
    public WorkerRun run(Path notebook, String shown, String content, Duration cellTimeout) throws InterruptedException {
        return run(notebook, shown, content, cellTimeout, true);
    }

    /**
     * Runs a notebook as {@link #run(Path, String, String, Duration)} does.
     *
     * @param more whether another notebook may follow on this worker; when not, the worker does not start a
     *     session ahead for one
     */
    public WorkerRun run(Path notebook, String shown, String content, Duration cellTimeout, boolean more)
            throws InterruptedException {
        List<WorkerRun.Cell> cells = new ArrayList<>();
        try {
            if (!ready && !awaitReady(Duration.ofMinutes(2))) {
                return new WorkerRun(cells, exited(-1));
            }
            JsonObject request = JsonObject.EMPTY.with("run", Json.string(notebook.toAbsolutePath().toString()))
                    .with("shown", Json.string(shown));
            if (content != null) {
                request = request.with("notebook", Json.string(content));
            }
            if (!more) {
                request = request.with("last", Json.JsonBoolean.TRUE);
            }
            stdin.write(WorkerMessages.line(request).substring(WorkerMessages.MARK.length()) + "\n");
            stdin.flush();
        } catch (IOException e) {
            return new WorkerRun(cells, exited(-1));
        }
        int runningCell = -1;
        while (true) {
            JsonObject event = runningCell < 0 ? events.poll(10, TimeUnit.MINUTES)
                    : events.poll(cellTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                return new WorkerRun(cells, runningCell < 0 ? exited(-1)
                        : new WorkerRun.TimedOut(runningCell, cellTimeout.toSeconds()));
            }
            switch (event.string("event")) {
                case "started" -> runningCell = integer(event, "index");
                case "finished" -> {
                    cells.add(cell(event));
                    runningCell = -1;
                }
                case "done" -> {
                    List<String> threads = WorkerMessages.texts(event.array("threads"));
                    return new WorkerRun(cells, threads.isEmpty() ? new WorkerRun.Completed() : new WorkerRun.StrayThreads(threads));
                }
                case "unreadable" -> {
                    return new WorkerRun(cells, new WorkerRun.Unreadable(event.string("message")));
                }
                case "eof" -> {
                    process.waitFor(10, TimeUnit.SECONDS);
                    return new WorkerRun(cells, exited(runningCell));
                }
                default -> { } // a newer worker's message: not ours to read
            }
        }
    }

    private boolean awaitReady(Duration timeout) throws InterruptedException {
        JsonObject event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        ready = event != null && "ready".equals(event.string("event"));
        return ready;
    }

    private WorkerRun.Exited exited(int index) throws InterruptedException {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        List<String> tail;
        synchronized (stderrTail) {
            tail = List.copyOf(stderrTail);
        }
        return new WorkerRun.Exited(index, process.isAlive() ? -1 : process.exitValue(), tail);
    }

    private static WorkerRun.Cell cell(JsonObject event) {
        boolean evaluated = event.get("evaluated") == Json.JsonBoolean.TRUE;
        List<JsonObject> outputs = new ArrayList<>();
        JsonArray array = event.array("outputs");
        if (array != null) {
            array.elements().forEach(o -> outputs.add((JsonObject) o));
        }
        Optional<CellError> error = Optional.empty();
        JsonObject e = event.object("error");
        if (e != null) {
            List<String> traceback = outputs.isEmpty() ? List.of()
                    : WorkerMessages.texts(outputs.get(outputs.size() - 1).array("traceback"));
            error = Optional.of(WorkerMessages.error(e, traceback));
        }
        String started = event.string("started");
        return new WorkerRun.Cell(integer(event, "index"), evaluated, evaluated ? integer(event, "count") : 0, outputs,
                error, started == null ? null : Instant.parse(started), Long.parseLong(((Json.JsonNumber) event.get("nanos")).text()));
    }

    private static int integer(JsonObject o, String key) {
        return Integer.parseInt(((Json.JsonNumber) o.get(key)).text());
    }

    private void readEvents() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                WorkerMessages.parse(line).ifPresent(events::add);
            }
        } catch (IOException e) {
            // the worker is gone; EOF below says so
        }
        events.add(EOF);
    }

    private void readStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (stderrTail) {
                    if (line.startsWith("SLF4J")) {
                        continue; // the notebook API's logging library saying it logs nowhere
                    }
                    stderrTail.addLast(line);
                    if (stderrTail.size() > STDERR_LINES) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the worker is gone
        }
    }

    /** Ends a worker that has run no notebook, at once: nothing of it is worth waiting for. */
    void discard() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        process.destroyForcibly();
    }

    /** Ends the worker: end of input, then force after a moment. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
