package dev.nbexport.run;

import dev.nbexport.NbexportException;
import dev.nbexport.directive.OutputMode;
import dev.nbexport.io.AtomicFiles;
import dev.nbexport.io.ProjectPaths;
import dev.nbexport.io.Sha256;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.run.check.Normalisers;
import dev.nbexport.run.check.OutputComparison;
import dev.nbexport.run.session.CellError;
import dev.nbexport.run.worker.NotebookExecution;
import dev.nbexport.run.worker.WorkerConfig;
import dev.nbexport.run.worker.WorkerLaunch;
import dev.nbexport.run.worker.WorkerPool;
import dev.nbexport.run.worker.WorkerRun;
import dev.nbexport.workspace.NotebookFinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@code nbexport:test}: runs a project's notebooks top to bottom as tests, each in a worker JVM of its own
 * ({@link WorkerPool}, several at once), checks outputs, and reports: a progress line per notebook as it
 * finishes, JUnit XML, a summary. Notebooks unchanged since their last passing run (same bytes, same class
 * path contents, same settings) are not run again.
 *
 * <p>A cell that fails ends its notebook's run (as "Run all" does), unless it has the Jupyter tag
 * {@code raises-exception}, which says the error is expected (as nbclient and nbval read it).
 */
public final class TestCommand {

    private final TestRequest request;
    private final Consumer<String> progress;
    private final OutputComparison comparison;
    private boolean configWritten;

    private TestCommand(TestRequest request, Consumer<String> progress) {
        this.request = request;
        this.progress = progress;
        this.comparison = new OutputComparison(Normalisers.standard(request.projectDir(), request.replacements()),
                request.checkImages());
    }

    /**
     * Runs the notebooks of {@code request}.
     *
     * @param progress gets one line per notebook as it finishes, and the warnings
     */
    public static TestSummary run(TestRequest request, Consumer<String> progress) throws InterruptedException {
        return new TestCommand(request, progress).run();
    }

    private record Planned(Path file, String shown, Notebook notebook, String key) {}

    private record Found(Path file, String shown) {}

    private TestSummary run() throws InterruptedException {
        removeLeftovers();
        TestIndex index = TestIndex.read(request.buildDir().resolve(INDEX));
        List<Found> found = new ArrayList<>();
        for (Path file : new NotebookFinder(request.includes(), request.excludes()).find(request.notebooksDir())) {
            String shown = ProjectPaths.shown(request.projectDir(), file);
            if (request.shard().isEmpty() || request.shard().get().contains(shown)) {
                found.add(new Found(file, shown));
            }
        }
        Path config = request.buildDir().resolve(WORKER_CONFIG);
        WorkerLaunch launch = new WorkerLaunch(request.javaExecutable(), request.jvmArgs(), config);
        try (WorkerPool.Spares spares = startWorkers(found, index, launch)) {
            return run(found, index, launch, spares);
        }
    }

    /**
     * Starts the worker JVMs the run will almost surely need, before the class path is fingerprinted and the
     * notebooks are read, so that their start-up overlaps that work: with {@code rerun} or {@code save}, one per
     * notebook up to the worker count; otherwise one per notebook without a passing run on record (up to the
     * count). Whether a notebook that passed before is unchanged is only known after the fingerprint, so none
     * is started ahead for those: a run with nothing to do starts no worker.
     */
    private WorkerPool.Spares startWorkers(List<Found> found, TestIndex index, WorkerLaunch launch) {
        List<WorkerPool.Job> sure = found.stream().filter(f -> request.rerun() || request.save() || !index.passed(f.shown()))
                .map(f -> new WorkerPool.Job(f.file(), f.shown(), null)).toList();
        if (sure.isEmpty()) {
            return WorkerPool.Spares.NONE;
        }
        writeConfig(launch.config());
        return WorkerPool.Spares.start(launch, WorkerPool.Spares.firstFolders(sure, Math.min(request.workers(), sure.size())));
    }

    private void writeConfig(Path config) {
        if (configWritten) {
            return;
        }
        configWritten = true;
        try {
            new WorkerConfig(request.classPath(), request.artifacts()).write(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
    }

    private TestSummary run(List<Found> found, TestIndex index, WorkerLaunch launch, WorkerPool.Spares spares)
            throws InterruptedException {
        List<NotebookOutcome> outcomes = new ArrayList<>();
        List<Planned> toRun = new ArrayList<>();
        String classPathKey = ClassPathFingerprint.of(request.classPath());
        List<NbexportException> unreadable = new ArrayList<>();
        for (Found f : found) {
            Path file = f.file();
            String shown = f.shown();
            byte[] bytes;
            Notebook notebook;
            try {
                bytes = Files.readAllBytes(file);
                notebook = NotebookReader.parse(bytes, shown);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + shown, e);
            } catch (NbexportException e) {
                unreadable.add(e);
                outcomes.add(new NotebookOutcome(shown, NotebookOutcome.Status.FAILED, List.of(), List.of(e.describe()), List.of(), 0, 0));
                continue;
            }
            int codeCells = (int) notebook.cells().stream().filter(Cell::isCode).count();
            if (skipsNotebook(notebook, shown)) {
                outcomes.add(new NotebookOutcome(shown, NotebookOutcome.Status.SKIPPED, List.of(), List.of(), List.of(), 0, codeCells));
                continue;
            }
            if (codeCells == 0) {
                outcomes.add(new NotebookOutcome(shown, NotebookOutcome.Status.PASSED, List.of(), List.of(), List.of(), 0, 0));
                progress.accept(outcomes.get(outcomes.size() - 1).progressLine());
                continue;
            }
            String key = Sha256.hex(bytes, classPathKey.getBytes(StandardCharsets.UTF_8), settings().getBytes(StandardCharsets.UTF_8));
            if (!request.rerun() && !request.save() && index.passedWith(shown, key)) {
                outcomes.add(new NotebookOutcome(shown, NotebookOutcome.Status.UNCHANGED, List.of(), List.of(), List.of(), 0, codeCells));
                progress.accept(outcomes.get(outcomes.size() - 1).progressLine());
                continue;
            }
            toRun.add(new Planned(file, shown, notebook, key));
        }
        List<String> saved = new ArrayList<>();
        if (!toRun.isEmpty()) {
            writeConfig(launch.config());
            Map<Planned, Judged> runs = runAll(toRun, launch, spares);
            for (Planned p : toRun) {
                NotebookOutcome outcome = runs.get(p).outcome();
                outcomes.add(outcome);
                JUnitReport.write(request.reportsDir(), outcome);
                index.record(p.shown(), p.key(), outcome.status() == NotebookOutcome.Status.PASSED);
                if (request.save() && outcome.status() == NotebookOutcome.Status.PASSED
                        && OutputSaver.save(p.file(), p.notebook(), runs.get(p).run())) {
                    saved.add(p.shown());
                }
            }
            index.write();
        }
        outcomes.sort(Comparator.comparing(NotebookOutcome::notebook));
        return new TestSummary(outcomes, saved);
    }

    private static final String INDEX = "nbexport/test.index";
    private static final String WORKER_CONFIG = "nbexport/test-worker.json";

    /**
     * Removes the temporary files that killed runs of ours left among the notebooks (a saving run's), in the
     * JUnit reports folder and beside the index and the worker settings ({@link AtomicFiles#isLeftover}), and
     * nothing else.
     */
    private void removeLeftovers() {
        AtomicFiles.removeLeftovers(request.notebooksDir());
        AtomicFiles.removeLeftoversOf(request.buildDir().resolve(INDEX));
        AtomicFiles.removeLeftoversOf(request.buildDir().resolve(WORKER_CONFIG));
        AtomicFiles.removeLeftovers(request.reportsDir());
    }

    /** Settings that change what counts as passing; part of each notebook's key. */
    private String settings() {
        return String.join("\n", request.fingerprint(), String.valueOf(request.checkAllOutputs()),
                String.valueOf(request.checkImages()), request.replacements().toString());
    }

    private static boolean skipsNotebook(Notebook notebook, String shown) {
        for (int i = 0; i < notebook.cells().size(); i++) {
            Cell cell = notebook.cells().get(i);
            if (cell.isCode() && NotebookExecution.directives(notebook, shown, i).skipsNotebook()) {
                return true;
            }
        }
        return false;
    }


    /** Runs the notebooks on {@code request.workers()} worker JVMs at once, judging each as it ends. */
    private record Judged(WorkerRun run, NotebookOutcome outcome) {}

    private Map<Planned, Judged> runAll(List<Planned> planned, WorkerLaunch launch, WorkerPool.Spares spares)
            throws InterruptedException {
        Map<Planned, Judged> runs = new ConcurrentHashMap<>();
        List<WorkerPool.Job> jobs = planned.stream().map(p -> new WorkerPool.Job(p.file(), p.shown(), null)).toList();
        WorkerPool.runAll(jobs, launch, request.workers(), request.cellTimeout(), (i, run, seconds) -> {
            Planned p = planned.get(i);
            NotebookOutcome outcome = outcome(p, run, seconds);
            runs.put(p, new Judged(run, outcome));
            synchronized (progress) {
                outcome.warnings().forEach(w -> progress.accept("WARNING " + w));
                progress.accept(outcome.progressLine());
            }
        }, spares);
        return runs;
    }

    /** Judges a run: failing cells, output mismatches, how the run ended, hidden state. */
    private NotebookOutcome outcome(Planned p, WorkerRun run, double wallSeconds) {
        Notebook notebook = p.notebook();
        List<CellOutcome> cells = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<Integer, WorkerRun.Cell> byIndex = new java.util.HashMap<>();
        run.cells().forEach(c -> byIndex.put(c.index(), c));
        for (int i = 0; i < notebook.cells().size(); i++) {
            Cell cell = notebook.cells().get(i);
            if (!cell.isCode()) {
                continue;
            }
            CellRef ref = notebook.cellRef(p.shown(), i);
            WorkerRun.Cell fresh = byIndex.get(i);
            double seconds = fresh == null ? 0 : fresh.nanos() / 1e9;
            String failure = null;
            String type = null;
            if (fresh == null) {
                failure = stoppedHere(run.ending(), i, ref);
                type = failure == null ? null : run.ending().getClass().getSimpleName();
                if (failure == null) {
                    cells.add(new CellOutcome(ref, CellOutcome.Status.NOT_RUN, 0, "", ""));
                    continue;
                }
            } else if (!fresh.evaluated()) {
                cells.add(new CellOutcome(ref, CellOutcome.Status.SKIPPED, 0, "", ""));
                continue;
            } else if (fresh.error().isPresent() && !cell.tags().contains(NotebookExecution.RAISES_EXCEPTION)) {
                failure = describe(ref, fresh.error().get());
                type = fresh.error().get().ename();
            } else if (fresh.error().isEmpty() && cell.tags().contains(NotebookExecution.RAISES_EXCEPTION)) {
                failure = ref + ": ran without an error, but its tag `" + NotebookExecution.RAISES_EXCEPTION + "` says it should fail"
                        + "\n  Remove the tag, or make the cell fail again.";
                type = "NoExpectedError";
            } else if (!request.save() && checksOutput(notebook, p.shown(), i)) {
                Optional<String> diff = comparison.diff(cell.outputs(), fresh.outputs());
                if (diff.isPresent()) {
                    failure = ref + ": the output differs from the stored one\n" + diff.get().indent(2).stripTrailing()
                            + "\n  Fix the code, or run `mvn nbexport:test -Dnbexport.test.save` to store the fresh outputs.";
                    type = "OutputMismatch";
                }
            }
            if (failure == null) {
                cells.add(new CellOutcome(ref, CellOutcome.Status.PASSED, seconds, "", ""));
            } else {
                cells.add(new CellOutcome(ref, CellOutcome.Status.FAILED, seconds, failure, type));
                failures.add(failure);
            }
        }
        String notebookProblem = notebookProblem(p.shown(), run.ending());
        if (notebookProblem != null) {
            failures.add(notebookProblem);
        }
        List<String> warnings = HiddenState.warnings(p.shown(), notebook, run);
        int codeCells = (int) notebook.cells().stream().filter(Cell::isCode).count();
        return new NotebookOutcome(p.shown(), failures.isEmpty() ? NotebookOutcome.Status.PASSED : NotebookOutcome.Status.FAILED,
                cells, failures, warnings, wallSeconds, codeCells);
    }

    private boolean checksOutput(Notebook notebook, String shown, int index) {
        Optional<OutputMode> mode = NotebookExecution.directives(notebook, shown, index).outputMode();
        if (mode.isPresent()) {
            return mode.get() == OutputMode.CHECK;
        }
        return request.checkAllOutputs() && !notebook.cells().get(index).outputs().isEmpty();
    }

    /** The message for the cell at {@code index} when the run ended there, or {@code null}. */
    private String stoppedHere(WorkerRun.Ending ending, int index, CellRef ref) {
        if (ending instanceof WorkerRun.TimedOut t && t.index() == index) {
            return ref + ": still running after " + t.seconds() + " s, so the notebook was stopped (an endless loop?)"
                    + "\n  If the cell needs longer, raise the per-cell timeout: -Dnbexport.test.timeout=<seconds>.";
        }
        if (ending instanceof WorkerRun.Exited e && e.index() == index) {
            StringBuilder m = new StringBuilder(ref + ": the notebook's JVM exited with status " + e.exitCode()
                    + " while this cell ran (System.exit, or a crash); the cells after it did not run");
            if (!e.stderrTail().isEmpty()) {
                m.append("\n  Its last lines on standard error:");
                e.stderrTail().forEach(l -> m.append("\n    ").append(l));
            }
            m.append("\n  Notebook code must not call System.exit: throw an exception to fail, or just end.");
            return m.toString();
        }
        return null;
    }

    /** A failure of the notebook as a whole (not of one cell), or {@code null}. */
    private static String notebookProblem(String shown, WorkerRun.Ending ending) {
        if (ending instanceof WorkerRun.StrayThreads s) {
            return shown + ": left non-daemon threads running after its last cell: " + String.join(", ", s.names())
                    + "\n  Shut down the executors and join the threads the notebook starts (or make them daemon threads).";
        }
        if (ending instanceof WorkerRun.Unreadable u) {
            return u.message();
        }
        if (ending instanceof WorkerRun.Exited e && e.index() < 0) {
            return shown + ": the worker JVM ended with status " + e.exitCode() + " between cells"
                    + (e.stderrTail().isEmpty() ? "" : ":\n    " + String.join("\n    ", e.stderrTail()));
        }
        return null;
    }

    /** A failing cell as the user reads it: where, what, the mapped stack, what to do. */
    static String describe(CellRef ref, CellError e) {
        StringBuilder m = new StringBuilder(e.line() > 0 ? ref.at(e.line(), 0) : ref.toString()).append(": ").append(e.summary());
        for (String frame : e.stack()) {
            m.append("\n    ").append(frame);
        }
        if (!e.hint().isEmpty()) {
            m.append("\n  ").append(e.hint());
        }
        return m.toString();
    }
}
