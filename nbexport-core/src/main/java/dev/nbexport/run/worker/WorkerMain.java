package dev.nbexport.run.worker;

import dev.nbexport.NbexportException;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.run.session.KernelDialect;
import dev.nbexport.run.session.NotebookSession;
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
 * {@link NotebookSession}, and reports each cell as it ends (see {@link WorkerMessages}).
 * A notebook that leaves non-daemon threads running is reported with them, and the worker then exits, so that
 * the next notebook starts in a clean JVM.
 *
 * <p>While it waits for a notebook, the worker starts the session for it ahead, on a thread of its own (JShell
 * and the kernel's start-up, in the kernel dialect of the notebook before, JJava for the first), unless the
 * build said with the last request ({@code "last": true}) that none follows: most of a first notebook's time is
 * that start-up, which so overlaps what the build does meanwhile. A notebook of another
 * dialect gets a session of its own, and the prepared one is closed unused; either way each notebook runs in a
 * session nothing else ran in.
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
        System.setProperty("java.class.path", NotebookSession.notebookApiPath());
        WorkerConfig config = WorkerConfig.read(Path.of(args[0]));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        protocol.println(WorkerMessages.line(WorkerMessages.event("ready")));
        String line;
        Prepared prepared = new Prepared(new SessionOptions(KernelDialect.JJAVA, config.classPath(), config.artifacts()));
        while ((line = in.readLine()) != null) {
            JsonObject request = (JsonObject) dev.nbexport.json.JsonParser.parse(line.getBytes(StandardCharsets.UTF_8));
            Ran ran = run(request.string("run"), request.string("shown"), request.string("notebook"), config, protocol, prepared);
            if (!ran.stray().isEmpty()) {
                System.exit(0); // threads of the last notebook would leak into the next
            }
            if (request.get("last") == Json.JsonBoolean.TRUE) {
                prepared = Prepared.NONE; // no notebook follows: a session started ahead would be wasted
            } else if (ran.tookPrepared()) {
                prepared = new Prepared(new SessionOptions(ran.dialect(), config.classPath(), config.artifacts()));
            }
        }
        System.exit(0);
    }

    /**
     * The session for the next notebook, started on a thread of its own while the worker waits for that notebook
     * (so that the end of input, when no notebook follows, ends the worker at once).
     */
    private static final class Prepared {

        /** No session ahead: a notebook that comes anyway starts its own. */
        static final Prepared NONE = new Prepared();

        private final KernelDialect dialect;
        private final Thread thread;
        private volatile NotebookSession session;

        private Prepared() {
            this.dialect = KernelDialect.JJAVA;
            this.thread = null;
        }

        Prepared(SessionOptions options) {
            this.dialect = options.dialect();
            this.thread = new Thread(() -> {
                try {
                    session = NotebookSession.start(options);
                } catch (RuntimeException | LinkageError e) {
                    // the notebook starts a session of its own, and reports what goes wrong then
                }
            }, "nbexport-session-ahead");
            thread.setDaemon(true);
            thread.start();
        }

        /** The session once started, or {@code null} when it could not start. */
        NotebookSession take() throws InterruptedException {
            if (thread == null) {
                return null;
            }
            thread.join();
            return session;
        }
    }

    /**
     * How a notebook's run ended for the worker.
     *
     * @param stray the notebook's non-daemon threads still running
     * @param tookPrepared whether the prepared session was taken (run in, or closed for another dialect's)
     * @param dialect the notebook's kernel dialect
     */
    private record Ran(List<String> stray, boolean tookPrepared, KernelDialect dialect) {}

    private static Ran run(String path, String shown, String content, WorkerConfig config, PrintStream protocol,
                           Prepared prepared) throws InterruptedException {
        Notebook notebook;
        try {
            notebook = content == null ? NotebookReader.read(Path.of(path), shown)
                    : NotebookReader.parse(content.getBytes(StandardCharsets.UTF_8), shown);
        } catch (NbexportException e) {
            protocol.println(WorkerMessages.line(WorkerMessages.event("unreadable").with("message", Json.string(e.describe()))));
            return new Ran(List.of(), false, prepared.dialect);
        }
        KernelDialect dialect = KernelDialect.of(notebook.metadata());
        NotebookSession session = prepared.take();
        if (session != null && session.dialect() != dialect) {
            session.close();
            session = null;
        }
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        if (session == null) {
            session = NotebookSession.start(new SessionOptions(dialect, config.classPath(), config.artifacts()));
        }
        NotebookExecution.run(notebook, shown, session, new NotebookExecution.Listener() {
            @Override
            public void started(int index) {
                protocol.println(WorkerMessages.line(WorkerMessages.event("started").with("index", Json.JsonNumber.of(index))));
            }

            @Override
            public void finished(NotebookExecution.CellRun run) {
                protocol.println(WorkerMessages.line(WorkerMessages.finished(run)));
            }
        }, false);
        List<String> stray = strayThreads(before);
        protocol.println(WorkerMessages.line(WorkerMessages.event("done").with("threads", WorkerMessages.strings(stray))));
        return new Ran(stray, true, dialect);
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
