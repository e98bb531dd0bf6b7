package dev.nbexport.run.worker;

import dev.nbexport.NbexportException;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.run.session.KernelDialect;
import dev.nbexport.run.session.SessionOptions;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The worker JVM of {@code nbexport:test}: runs the notebooks it is sent, one at a time, each in a fresh
 * {@link dev.nbexport.run.session.NotebookSession}, and reports each cell as it ends (see {@link WorkerMessages}).
 * A notebook that leaves non-daemon threads running is reported with them, and the worker then exits, so that
 * the next notebook starts in a clean JVM.
 *
 * <p>Usage: {@code java -cp <nbexport> dev.nbexport.run.worker.WorkerMain <config.json>}, in the directory the
 * notebooks should run in (Jupyter runs a notebook in its own folder).
 */
public final class WorkerMain {

    /** How long threads a notebook started get to end on their own after its last cell. */
    private static final long THREAD_GRACE_MILLIS = 500;

    private WorkerMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // anything else printed must not reach the protocol
        // what javac in each session starts from; set once, so that no session sees it change
        System.setProperty("java.class.path", dev.nbexport.run.session.NotebookSession.notebookApiPath());
        WorkerConfig config = WorkerConfig.read(Path.of(args[0]));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        protocol.println(WorkerMessages.line(WorkerMessages.event("ready")));
        String line;
        while ((line = in.readLine()) != null) {
            JsonObject request = (JsonObject) dev.nbexport.json.JsonParser.parse(line.getBytes(StandardCharsets.UTF_8));
            List<String> stray = run(request.string("run"), request.string("shown"), request.string("notebook"), config, protocol);
            if (!stray.isEmpty()) {
                System.exit(0); // threads of the last notebook would leak into the next
            }
        }
        System.exit(0);
    }

    private static List<String> run(String path, String shown, String content, WorkerConfig config, PrintStream protocol) {
        Notebook notebook;
        try {
            notebook = content == null ? NotebookReader.read(Path.of(path), shown)
                    : NotebookReader.parse(content.getBytes(StandardCharsets.UTF_8), shown);
        } catch (NbexportException e) {
            protocol.println(WorkerMessages.line(WorkerMessages.event("unreadable").with("message", Json.string(e.describe()))));
            return List.of();
        }
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        SessionOptions options = new SessionOptions(KernelDialect.of(notebook.metadata()), config.classPath(), config.artifacts());
        NotebookExecution.run(notebook, shown, options, new NotebookExecution.Listener() {
            @Override
            public void started(int index) {
                protocol.println(WorkerMessages.line(WorkerMessages.event("started").with("index", Json.JsonNumber.of(index))));
            }

            @Override
            public void finished(NotebookExecution.CellRun run) {
                protocol.println(WorkerMessages.line(WorkerMessages.finished(run)));
            }
        });
        List<String> stray = strayThreads(before);
        protocol.println(WorkerMessages.line(WorkerMessages.event("done").with("threads", WorkerMessages.strings(stray))));
        return stray;
    }

    /** Non-daemon threads started since {@code before} that are still alive after a short grace period. */
    private static List<String> strayThreads(Set<Thread> before) {
        long deadline = System.currentTimeMillis() + THREAD_GRACE_MILLIS;
        List<Thread> stray;
        do {
            stray = new ArrayList<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (!before.contains(t) && t.isAlive() && !t.isDaemon()) {
                    stray.add(t);
                }
            }
            if (stray.isEmpty()) {
                return List.of();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.currentTimeMillis() < deadline);
        return stray.stream().map(Thread::getName).sorted().collect(Collectors.toList());
    }
}
