package dev.nbexport.run.worker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

/**
 * Runs notebooks in worker JVMs, several at once: {@code workers} threads, each driving one
 * {@link WorkerProcess} at a time. A worker runs in its notebook's folder (as Jupyter runs a notebook), so
 * notebooks of one folder share workers and a worker is started anew for another folder, or when the last
 * one ended (a stray thread, {@code System.exit}, a timeout). What {@code nbexport:test} and
 * {@code nbexport:run} both execute with.
 */
public final class WorkerPool {

    /**
     * One notebook to run.
     *
     * @param notebook its file; the worker runs in its folder
     * @param shown its path as messages show it
     * @param content the notebook's JSON text to run instead of the file's (a parameterised copy), or {@code null}
     */
    public record Job(Path notebook, String shown, String content) {}

    /** Told about each notebook as it ends, on the thread that ran it. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param job the index of the job in the list given
         * @param wallSeconds how long the run took, start-up of its worker excluded
         */
        void finished(int job, WorkerRun run, double wallSeconds);
    }

    private WorkerPool() {}

    /**
     * Worker JVMs started ahead of their notebooks, so that their start-up (the JVM, and the first notebook
     * session, which each worker prepares while it waits) overlaps what the build still does before it knows
     * what to run. {@link #runAll} takes one for a notebook of its folder instead of starting a worker; those
     * left over are ended by {@link #close}: they ran no notebook, so nothing is lost.
     */
    public static final class Spares implements AutoCloseable {

        /** None: every worker is started when its first notebook is due. */
        public static final Spares NONE = new Spares(List.of());

        private final List<WorkerProcess> idle;
        private final List<Path> folders;

        private Spares(List<WorkerProcess> idle) {
            this.idle = new ArrayList<>(idle);
            this.folders = new ArrayList<>(idle.stream().map(WorkerProcess::directory).toList());
        }

        /**
         * Starts a worker in each of {@code folders} (a folder named twice gets two); a worker that cannot be
         * started is left out here, and started again, or reported, when a notebook needs it.
         */
        public static Spares start(WorkerLaunch launch, List<Path> folders) {
            List<WorkerProcess> started = new ArrayList<>();
            for (Path folder : folders) {
                try {
                    started.add(WorkerProcess.start(launch.command(), folder.toAbsolutePath()));
                } catch (IOException e) {
                    // runAll starts it again and reports what goes wrong then
                }
            }
            return new Spares(started);
        }

        /** The folders the first {@code count} of {@code jobs} run in, in the order {@link #runAll} takes them. */
        public static List<Path> firstFolders(List<Job> jobs, int count) {
            return jobs.stream().map(WorkerPool::folder).sorted(Comparator.comparing(Path::toString)).limit(count).toList();
        }

        /** Ends the workers beyond those {@code folders} need (a folder named twice keeps two). */
        synchronized void keepOnly(List<Path> folders) {
            List<Path> wanted = new ArrayList<>(folders);
            for (int i = idle.size() - 1; i >= 0; i--) {
                if (!wanted.remove(this.folders.get(i))) {
                    idle.remove(i).discard();
                    this.folders.remove(i);
                }
            }
        }

        synchronized WorkerProcess take(Path folder) {
            for (int i = 0; i < idle.size(); i++) {
                if (folders.get(i).equals(folder)) {
                    folders.remove(i);
                    return idle.remove(i);
                }
            }
            return null;
        }

        /** Ends the workers no notebook took. */
        @Override
        public synchronized void close() {
            idle.forEach(WorkerProcess::discard);
            idle.clear();
            folders.clear();
        }
    }

    /** Runs {@code jobs}; returns each one's run, in the order given. */
    public static List<WorkerRun> runAll(List<Job> jobs, WorkerLaunch launch, int workers, Duration cellTimeout,
                                         Listener listener) throws InterruptedException {
        return runAll(jobs, launch, workers, cellTimeout, listener, Spares.NONE);
    }

    /** Runs {@code jobs}, on the workers of {@code spares} first; returns each one's run, in the order given. */
    public static List<WorkerRun> runAll(List<Job> jobs, WorkerLaunch launch, int workers, Duration cellTimeout,
                                         Listener listener, Spares spares) throws InterruptedException {
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>(IntStream.range(0, jobs.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> folder(jobs.get(i)).toString())).toList());
        AtomicReferenceArray<WorkerRun> runs = new AtomicReferenceArray<>(jobs.size());
        int threads = Math.max(1, Math.min(workers, jobs.size()));
        spares.keepOnly(Spares.firstFolders(jobs, threads));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nbexport-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    drive(jobs, queue, launch, cellTimeout, runs, listener, spares);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<WorkerRun> out = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            out.add(runs.get(i));
        }
        return out;
    }

    private static Path folder(Job job) {
        return job.notebook().toAbsolutePath().getParent();
    }

    private static void drive(List<Job> jobs, ConcurrentLinkedQueue<Integer> queue, WorkerLaunch launch, Duration cellTimeout,
                              AtomicReferenceArray<WorkerRun> runs, Listener listener, Spares spares)
            throws IOException, InterruptedException {
        WorkerProcess worker = null;
        Path workerDir = null;
        try {
            Integer next;
            while ((next = queue.poll()) != null) {
                Job job = jobs.get(next);
                Path dir = folder(job);
                if (worker == null || !worker.alive() || !dir.equals(workerDir)) {
                    if (worker != null) {
                        worker.close();
                    }
                    worker = spares.take(dir);
                    if (worker == null || !worker.alive()) {
                        if (worker != null) {
                            worker.close();
                        }
                        worker = WorkerProcess.start(launch.command(), dir);
                    }
                    workerDir = dir;
                }
                long start = System.nanoTime();
                WorkerRun run = worker.run(job.notebook(), job.shown(), job.content(), cellTimeout, !queue.isEmpty());
                runs.set(next, run);
                listener.finished(next, run, (System.nanoTime() - start) / 1e9);
            }
        } finally {
            if (worker != null) {
                worker.close();
            }
        }
    }
}
