package dev.nbexport.kernel;

import dev.nbexport.NbexportException;
import dev.nbexport.project.CheckCommand;
import dev.nbexport.project.ExportCommand;
import dev.nbexport.project.ExportSummary;
import dev.nbexport.project.SyncProblem;
import dev.nbexport.run.TestCommand;
import dev.nbexport.run.TestRequest;
import dev.nbexport.run.TestSummary;
import dev.nbexport.run.worker.WorkerLaunch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The kernel's {@code %nbexport} line magic: the project's goals from the notebook, nbdev's "export from the last
 * cell" habit. It runs the same core commands as the Maven goals, with the settings {@code nbexport:kernel}
 * recorded, and prints the same summary lines:
 *
 * <pre>
 * %nbexport export    nbexport:export
 * %nbexport check     nbexport:check (the export check: generated files against the notebooks as saved)
 * %nbexport test      nbexport:test (each notebook in a JVM of its own, as saved)
 * %nbexport status    what this session ran, and what of it out of order
 * </pre>
 *
 * The goals read the notebooks from disk: save the notebook first. A goal that fails fails the cell, after its
 * problems are printed on stderr. Only the kernel has this magic: JJava and {@code nbexport:test} report it as an
 * undefined magic, so a notebook keeps such a cell out of test runs with {@code //| eval: false}.
 */
final class NbexportMagic {

    static final String USAGE = "Usage: %nbexport export | check | test | status";

    private final KernelProject project;
    private final Supplier<String> status;

    NbexportMagic(KernelProject project, Supplier<String> status) {
        this.project = project;
        this.status = status;
    }

    Object run(List<String> args) throws Exception {
        String goal = args.isEmpty() ? "" : args.get(0);
        switch (goal) {
            case "export" -> export();
            case "check" -> check();
            case "test" -> test();
            case "status" -> System.out.print(status.get());
            default -> throw new IllegalArgumentException((goal.isEmpty() ? "" : "unknown %nbexport goal `" + goal + "`. ") + USAGE);
        }
        return null;
    }

    private void export() {
        try {
            ExportSummary summary = new ExportCommand().run(project.export());
            summary.warnings().forEach(w -> System.err.println("WARNING " + w));
            summary.removed().forEach(f -> System.out.println("Removed stale " + f));
            System.out.println(summary.line());
        } catch (NbexportException e) {
            throw failed("export", e);
        }
    }

    private void check() {
        List<SyncProblem> problems;
        try {
            problems = new CheckCommand().run(project.export());
        } catch (NbexportException e) {
            throw failed("check", e);
        }
        if (problems.isEmpty()) {
            System.out.println("Notebooks and exported sources are in sync.");
            return;
        }
        problems.forEach(p -> System.err.println(p.describe()));
        String summary = problems.size() + (problems.size() == 1 ? " file is" : " files are")
                + " out of sync with the notebooks (details above).";
        throw new IllegalStateException("nbexport:check: " + summary + " " + problems.get(0).fix());
    }

    private void test() throws InterruptedException {
        TestRequest request = new TestRequest(project.export().projectDir(), project.export().notebooksDir(),
                project.export().includes(), project.export().excludes(), project.session().classPath(),
                project.session().artifacts(), Math.max(1, Runtime.getRuntime().availableProcessors()),
                Duration.ofSeconds(120), "check".equals(project.testOutputs()), false, List.of(), false,
                Optional.empty(), false, project.buildDir(), project.toolVersion(), WorkerLaunch.currentJava(),
                WorkerLaunch.DEFAULT_JVM_ARGS);
        TestSummary summary;
        try {
            summary = TestCommand.run(request, line -> {
                if (line.startsWith("WARNING ")) {
                    System.err.println(line);
                } else {
                    System.out.println(line);
                }
            });
        } catch (NbexportException e) {
            throw failed("test", e);
        }
        if (summary.failed().isEmpty()) {
            System.out.println(summary.line());
            return;
        }
        summary.failed().forEach(n -> n.failures().forEach(System.err::println));
        throw new IllegalStateException("nbexport:test: " + summary.line());
    }

    private static IllegalStateException failed(String goal, NbexportException e) {
        System.err.println(e.describe());
        return new IllegalStateException("nbexport:" + goal + " failed (see above)");
    }
}
