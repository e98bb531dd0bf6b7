package dev.nbexport.report;

import dev.nbexport.NbexportException;
import dev.nbexport.io.AtomicFiles;
import dev.nbexport.io.ProjectPaths;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonWriter;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import dev.nbexport.report.parameters.DeclaredParameter;
import dev.nbexport.report.parameters.NotebookParameters;
import dev.nbexport.report.parameters.ParameterInjection;
import dev.nbexport.run.session.CellError;
import dev.nbexport.run.worker.WorkerConfig;
import dev.nbexport.run.worker.WorkerLaunch;
import dev.nbexport.run.worker.WorkerPool;
import dev.nbexport.run.worker.WorkerRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * {@code nbexport:run}: papermill for Java. Each run reads its notebook, fits the given values to the
 * parameters cell's declarations, injects them ({@link ParameterInjection}), executes the result in a
 * worker JVM exactly as {@code nbexport:test} does ({@link WorkerPool}, one JVM per run, several at once,
 * per-cell timeout), and writes the executed notebook with papermill's metadata ({@link ExecutedNotebook})
 * and its HTML report ({@link ReportPage}) beside it; an index page lists the runs.
 *
 * <p>Nothing runs when any run's parameters are refused. The input notebooks are never written. A failed
 * cell still gets its notebook and report written; {@link RunSummary#throwIfFailed()} then names the cell.
 */
public final class RunCommand {

    private final RunRequest request;
    private final Consumer<String> progress;
    private final ReportPage pages = new ReportPage();

    private RunCommand(RunRequest request, Consumer<String> progress) {
        this.request = request;
        this.progress = progress;
    }

    /**
     * Runs every run of {@code request}.
     *
     * @param progress gets a line per run as it ends, and warnings (prefixed {@code WARNING })
     * @throws NbexportException when a notebook cannot be read or a value is refused (then nothing ran)
     */
    public static RunSummary run(RunRequest request, Consumer<String> progress) throws InterruptedException {
        return new RunCommand(request, progress).run();
    }

    /** What {@code -Dnbexport.describe} prints for each notebook: its parameters, types, defaults and comments. */
    public static String describe(Path projectDir, List<Path> notebooks, List<Path> classPath) {
        List<String> out = new ArrayList<>();
        try (ClassPathEnums enums = new ClassPathEnums(classPath)) {
            for (Path nb : notebooks) {
                String shown = ProjectPaths.shown(projectDir, nb);
                out.add(NotebookParameters.read(NotebookReader.read(nb, shown), shown, enums).describe());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join("\n", out);
    }

    /** One run, ready to execute. */
    private record Planned(RunSpec spec, String shown, Notebook input, NotebookParameters parameters,
                           NotebookParameters.Fitted fitted, ParameterInjection.Injected injected, Path output, Path html) {}

    private RunSummary run() throws InterruptedException {
        List<Planned> planned = plan();
        Path config = request.buildDir().resolve("nbexport/run-worker.json");
        // what a killed run of ours left half-written: executed notebooks, their pages, the worker settings
        AtomicFiles.removeLeftovers(request.outputDir());
        AtomicFiles.removeLeftoversOf(config);
        try {
            new WorkerConfig(request.classPath(), request.artifacts()).write(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
        WorkerLaunch launch = new WorkerLaunch(request.javaExecutable(), request.jvmArgs(), config);
        List<WorkerPool.Job> jobs = planned.stream().map(p -> new WorkerPool.Job(p.spec().notebook(), p.shown(),
                NotebookWriter.toText(p.injected().notebook()))).toList();
        RunOutcome[] outcomes = new RunOutcome[planned.size()];
        WorkerPool.runAll(jobs, launch, request.workers(), request.cellTimeout(), (i, run, seconds) -> {
            Instant end = Instant.now();
            Instant start = end.minusNanos((long) (seconds * 1e9));
            outcomes[i] = write(planned.get(i), run, start, end);
            synchronized (progress) {
                if (run.ending() instanceof WorkerRun.StrayThreads s) {
                    progress.accept("WARNING " + planned.get(i).shown() + ": left non-daemon threads running after its last cell: "
                            + String.join(", ", s.names()));
                }
                progress.accept(outcomes[i].progressLine());
            }
        });
        List<RunOutcome> all = List.of(outcomes);
        Path index = request.outputDir().resolve("index.html");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            RunOutcome o = all.get(i);
            Map<String, Object> row = new HashMap<>();
            row.put("notebook", o.notebook());
            row.put("status", o.failed() ? "failed" : "completed");
            row.put("parameters", o.parameters().members().isEmpty() ? "(defaults)" : compact(o.parameters()));
            row.put("duration", String.format(Locale.ROOT, "%.2f s", o.seconds()));
            row.put("executed", o.executed());
            row.put("reportLink", link(request.outputDir(), planned.get(i).html()));
            row.put("executedLink", link(request.outputDir(), planned.get(i).output()));
            rows.add(row);
        }
        AtomicFiles.writeIfChanged(index, pages.index("Runs", rows).getBytes(StandardCharsets.UTF_8));
        return new RunSummary(all, ProjectPaths.shown(request.projectDir(), index));
    }

    /** Reads every notebook and fits every run's values; throws every problem at once, before anything runs. */
    private List<Planned> plan() {
        List<Problem> problems = new ArrayList<>();
        List<NbexportException> unreadable = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        Map<Path, Integer> perNotebook = new HashMap<>();
        request.runs().forEach(r -> perNotebook.merge(r.notebook().toAbsolutePath().normalize(), 1, Integer::sum));
        Map<Path, Integer> seen = new HashMap<>();
        Set<Path> outputs = new HashSet<>();
        try (ClassPathEnums enums = new ClassPathEnums(request.classPath())) {
            for (RunSpec spec : request.runs()) {
                Path file = spec.notebook().toAbsolutePath().normalize();
                String shown = ProjectPaths.shown(request.projectDir(), file);
                Notebook input;
                try {
                    input = NotebookReader.read(file, shown);
                } catch (NbexportException e) {
                    unreadable.add(e);
                    continue;
                }
                NotebookParameters parameters = NotebookParameters.read(input, shown, enums);
                NotebookParameters.Fitted fitted = parameters.fit(spec.parameters());
                problems.addAll(fitted.problems());
                fitted.warnings().forEach(w -> progress.accept("WARNING " + w));
                int k = seen.merge(file, 1, Integer::sum);
                Path output = output(spec, file, perNotebook.get(file) > 1 ? k : 0);
                if (output.equals(file)) {
                    problems.add(Problem.error(Location.file(shown), "would be overwritten by its own run's output",
                            "Give the run an <output> of its own, e.g. target/nbexport-runs/" + file.getFileName() + "."));
                    continue;
                }
                if (!outputs.add(output)) {
                    problems.add(Problem.error(Location.file(shown), "has two runs writing "
                            + ProjectPaths.shown(request.projectDir(), output), "Give each run its own <output>."));
                    continue;
                }
                String stem = stem(output.getFileName().toString());
                Path html = output.resolveSibling(stem + ".html");
                planned.add(new Planned(spec, shown, input, parameters, fitted,
                        ParameterInjection.inject(input, parameters, fitted.values()), output, html));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!unreadable.isEmpty()) {
            unreadable.forEach(e -> problems.addAll(e.problems()));
        }
        if (!problems.isEmpty()) {
            throw NbexportException.of("in the parameters (nothing was run)", problems);
        }
        return planned;
    }

    private Path output(RunSpec spec, Path notebook, int k) {
        if (spec.output() != null) {
            Path out = request.projectDir().resolve(spec.output()).toAbsolutePath().normalize();
            return out.getFileName().toString().endsWith(".ipynb") ? out : out.resolveSibling(out.getFileName() + ".ipynb");
        }
        String stem = stem(notebook.getFileName().toString());
        return request.outputDir().resolve(k == 0 ? stem + ".ipynb" : stem + "-" + k + ".ipynb").toAbsolutePath().normalize();
    }

    private static String stem(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".ipynb") ? name.substring(0, name.length() - ".ipynb".length()) : name;
    }

    /** The executed notebook and the report of one finished run. */
    private RunOutcome write(Planned p, WorkerRun run, Instant start, Instant end) {
        String outputShown = ProjectPaths.shown(request.projectDir(), p.output());
        String htmlShown = ProjectPaths.shown(request.projectDir(), p.html());
        JsonObject papermill = JsonObject.EMPTY
                .with("default_parameters", p.parameters().defaults())
                .with("environment_variables", JsonObject.EMPTY)
                .with("input_path", Json.string(p.shown()))
                .with("output_path", Json.string(outputShown))
                .with("parameters", p.fitted().json());
        ExecutedNotebook.Result r = ExecutedNotebook.of(p.injected(), run, papermill, start, end);
        Problem failure = null;
        String failureText = "";
        String failureAnchor = "";
        if (r.failure().isPresent()) {
            ExecutedNotebook.Failure f = r.failure().get();
            CellRef ref = ExecutedNotebook.where(f, p.input(), p.shown(), r.notebook(), outputShown);
            CellError e = f.error();
            failure = new Problem(dev.nbexport.problem.Severity.ERROR, Location.in(ref, e.line(), 0),
                    (f.injected() ? "the injected parameters cell failed: " : "") + e.summary(),
                    (e.hint().isEmpty() ? "" : e.hint() + " ") + "The executed notebook shows the error: " + outputShown + " (report: "
                            + htmlShown + ").", String.join("\n", e.stack().stream().map(l -> "    " + inputCells(l, p.injected())).toList()));
            failureText = ref.toString() + (e.line() > 0 ? ", line " + e.line() : "") + ": " + e.summary();
            failureAnchor = "cell-" + (f.index() + 1);
        }
        NotebookWriter.write(r.notebook(), p.output());
        Map<String, Object> model = reportModel(p, r, start, end, outputShown, failureText, failureAnchor);
        AtomicFiles.writeIfChanged(p.html(), pages.report(r.notebook(), p.output().getFileName().toString(), outputShown, model)
                .getBytes(StandardCharsets.UTF_8));
        int cells = (int) run.cells().stream().filter(WorkerRun.Cell::evaluated).count();
        return new RunOutcome(p.shown(), outputShown, htmlShown, p.fitted().json(), cells,
                java.time.Duration.between(start, end).toNanos() / 1e9, java.util.Optional.ofNullable(failure));
    }

    private Map<String, Object> reportModel(Planned p, ExecutedNotebook.Result r, Instant start, Instant end, String outputShown,
                                            String failureText, String failureAnchor) {
        Map<String, Object> run = new HashMap<>();
        run.put("notebook", p.shown());
        run.put("executed", outputShown);
        run.put("executedLink", p.output().getFileName().toString());
        run.put("indexLink", link(p.html().getParent(), request.outputDir().resolve("index.html")));
        run.put("status", failureText.isEmpty() ? "completed" : "failed");
        run.put("failure", failureText);
        run.put("failureAnchor", failureAnchor);
        run.put("start", ExecutedNotebook.iso(start));
        run.put("end", ExecutedNotebook.iso(end));
        run.put("duration", String.format(Locale.ROOT, "%.2f s", java.time.Duration.between(start, end).toNanos() / 1e9));
        run.put("version", request.toolVersion());
        Map<String, NotebookParameters.Given> given = new LinkedHashMap<>();
        p.fitted().values().forEach(g -> given.put(g.name(), g));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DeclaredParameter d : p.parameters().declared()) {
            NotebookParameters.Given g = given.remove(d.name());
            rows.add(Map.of("name", d.name(), "type", d.type().written(), "value", g == null ? d.defaultSource() : g.value().java(),
                    "defaultValue", d.defaultSource(), "description", d.description(), "given", g != null));
        }
        given.values().forEach(g -> rows.add(Map.of("name", g.name(), "type", g.type(), "value", g.value().java(),
                "defaultValue", "", "description", "(no parameters cell: typed by its value)", "given", true)));
        run.put("parameters", rows);
        Map<String, Object> timings = new HashMap<>();
        List<Map<String, Object>> slowest = new ArrayList<>();
        r.timings().forEach((index, t) -> {
            Map<String, Object> m = Map.of("status", t.status(), "count", t.executionCount() > 0 ? String.valueOf(t.executionCount()) : " ",
                    "duration", String.format(Locale.ROOT, "%.3f s", t.seconds()), "seconds", t.seconds(), "anchor", "cell-" + (index + 1));
            timings.put("cell-" + (index + 1), m);
            slowest.add(m);
        });
        slowest.sort(Comparator.comparing((Map<String, Object> m) -> -(double) m.get("seconds")));
        run.put("timings", timings);
        run.put("slowest", slowest.subList(0, Math.min(5, slowest.size())));
        return run;
    }

    private static final java.util.regex.Pattern CELL_FRAME = java.util.regex.Pattern.compile("\\bcell (\\d+), line ");

    /**
     * A stack frame with the input notebook's cell numbers: the worker names frames by the cells of the notebook
     * it ran ({@code cell 3, line 2}), which has the injected cell in it.
     */
    static String inputCells(String frame, ParameterInjection.Injected injected) {
        Matcher m = CELL_FRAME.matcher(frame);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int ran = Integer.parseInt(m.group(1)) - 1;
            int input = ran < injected.origins().size() ? injected.origins().get(ran) : ran;
            m.appendReplacement(out, input < 0 ? "the injected parameters cell, line " : "cell " + (input + 1) + ", line ");
        }
        return m.appendTail(out).toString();
    }

    private static String link(Path fromDir, Path to) {
        return ProjectPaths.slashes(fromDir.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize()));
    }

    private static String compact(JsonObject o) {
        List<String> parts = new ArrayList<>();
        o.members().forEach((k, v) -> parts.add(k + "=" + (v instanceof Json.JsonString s ? s.value() : JsonWriter.write(v))));
        return String.join(", ", parts);
    }
}
