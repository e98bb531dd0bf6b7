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

    /** Runs {@code jobs}; returns each one's run, in the order given. */
    public static List<WorkerRun> runAll(List<Job> jobs, WorkerLaunch launch, int workers, Duration cellTimeout,
                                         Listener listener) throws InterruptedException {
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>(IntStream.range(0, jobs.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> folder(jobs.get(i)).toString())).toList());
        AtomicReferenceArray<WorkerRun> runs = new AtomicReferenceArray<>(jobs.size());
        int threads = Math.max(1, Math.min(workers, jobs.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nbexport-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    drive(jobs, queue, launch, cellTimeout, runs, listener);
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
                              AtomicReferenceArray<WorkerRun> runs, Listener listener) throws IOException, InterruptedException {
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
                    worker = WorkerProcess.start(launch.command(), dir);
                    workerDir = dir;
                }
                long start = System.nanoTime();
                WorkerRun run = worker.run(job.notebook(), job.shown(), job.content(), cellTimeout);
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
