package dev.nbexport.maven;

import dev.nbexport.report.RunCommand;
import dev.nbexport.report.RunRequest;
import dev.nbexport.report.RunSpec;
import dev.nbexport.report.RunSummary;
import dev.nbexport.report.parameters.ParameterInput;
import dev.nbexport.report.parameters.RawValue;
import dev.nbexport.run.worker.WorkerLaunch;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Papermill for Java: runs a notebook with parameters and keeps the executed notebook (with papermill's
 * metadata) and an HTML report of it, in {@code target/nbexport-runs/} by default.
 *
 * <pre>
 * mvn nbexport:run -Dnbexport.notebook=notebooks/report.ipynb -Dnbexport.parameters="n=10,who=Ada Lovelace"
 * mvn nbexport:run -Dnbexport.notebook=notebooks/report.ipynb -Dnbexport.parametersFile=runs.yaml
 * mvn nbexport:run -Dnbexport.notebook=notebooks/report.ipynb -Dnbexport.describe
 * </pre>
 * or from the POM, several runs at once:
 * <pre>{@code
 * <runs>
 *   <run><notebook>notebooks/report.ipynb</notebook><parameters><width>40</width></parameters></run>
 *   <run><notebook>notebooks/report.ipynb</notebook><parameters><width>80</width></parameters>
 *        <output>target/reports/wide.ipynb</output></run>
 * </runs>
 * }</pre>
 * Runs execute against the project's test class path, each in a worker JVM of its own, as {@code nbexport:test}
 * does. A refused value stops the build before anything runs; a failing cell fails it after the executed
 * notebook and report are written, naming the cell and line.
 *
 * <p>Default phase: {@code package} (the project's classes are compiled and tested by then).
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public final class RunMojo extends AbstractNbexportMojo {

    /** Skip this goal. */
    @Parameter(property = "nbexport.run.skip", defaultValue = "false")
    boolean skipRun;

    /** The notebook to run (relative to the project); when set, {@link #runs} are not run. */
    @Parameter(property = "nbexport.notebook")
    String notebook;

    /**
     * Its parameters: {@code name=value} pairs separated by commas; quote a value holding a comma
     * ({@code who="Lovelace, Ada"}), or escape it ({@code \,}); lists in brackets ({@code names=[a, b]}).
     * With {@link #runs}, these values override each run's.
     */
    @Parameter(property = "nbexport.parameters")
    String parameters;

    /**
     * A file of parameter values: JSON or YAML (an object, or a list of objects: one run each), or any other
     * file with one run per line in the {@link #parameters} form.
     */
    @Parameter(property = "nbexport.parametersFile")
    File parametersFile;

    /** Where the executed notebook of {@link #notebook} goes (its report beside it, {@code .html}). */
    @Parameter(property = "nbexport.run.output")
    String output;

    /** Runs from the POM: each a {@code notebook}, its {@code parameters}, and optionally an {@code output}. */
    @Parameter
    List<Run> runs = new ArrayList<>();

    /** List the parameters of the notebook(s), with types, defaults and comments, and run nothing. */
    @Parameter(property = "nbexport.describe", defaultValue = "false")
    boolean describe;

    /** Where executed notebooks, reports and the index go by default. */
    @Parameter(property = "nbexport.run.outputDir", defaultValue = "${project.build.directory}/nbexport-runs")
    File outputDir;

    /** How many runs at once, each in its own JVM: a number, or per core ({@code 1C}). */
    @Parameter(property = "nbexport.run.workers", defaultValue = "1C")
    String workers;

    /** Seconds one cell may run before its run is stopped and failed. */
    @Parameter(property = "nbexport.run.timeout", defaultValue = "600")
    int timeout;

    /** Options for the worker JVMs (replacing nbexport's start-up tuning). */
    @Parameter(property = "nbexport.run.argLine")
    String argLine;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    /** One run configured in the POM. */
    public static final class Run {
        /** The notebook, relative to the project. */
        String notebook;
        /** Parameter values by name, each in the {@code -Dnbexport.parameters} value form. */
        Map<String, String> parameters = new LinkedHashMap<>();
        /** A parameters file for this run (one run per entry). */
        File parametersFile;
        /** The executed notebook to write. */
        String output;
    }

    public RunMojo() {
        super("run");
    }

    @Override
    protected boolean skipGoal() {
        return skipRun;
    }

    @Override
    protected void runGoal() throws MojoFailureException, InterruptedException, DependencyResolutionRequiredException {
        List<RunSpec> specs = specs();
        List<Path> classPath = ProjectArtifacts.testClassPath(project);
        if (describe) {
            List<Path> notebooks = specs.stream().map(RunSpec::notebook).distinct().toList();
            RunCommand.describe(basedir.toPath(), notebooks, classPath).lines().forEach(getLog()::info);
            return;
        }
        RunRequest request = new RunRequest(basedir.toPath(), specs, classPath, ProjectArtifacts.of(project),
                WorkerSettings.count(workers, "nbexport.run.workers"),
                Duration.ofSeconds(WorkerSettings.timeout(timeout, "nbexport.run.timeout")), outputDir.toPath(),
                Path.of(project.getBuild().getDirectory()), plugin.getVersion(), WorkerLaunch.currentJava(),
                WorkerSettings.jvmArgs(argLine));
        RunSummary summary = RunCommand.run(request, line -> {
            if (line.startsWith("WARNING ")) {
                getLog().warn(line.substring("WARNING ".length()));
            } else {
                getLog().info(line);
            }
        });
        getLog().info(summary.line());
        summary.throwIfFailed();
    }

    private List<RunSpec> specs() throws MojoFailureException {
        Map<String, RawValue> overrides = parameters == null ? Map.of() : ParameterInput.parse(parameters, "-Dnbexport.parameters");
        List<RunSpec> specs = new ArrayList<>();
        if (notebook != null && !notebook.isBlank()) {
            for (Map<String, RawValue> values : fromFile(parametersFile, overrides)) {
                specs.add(new RunSpec(basedir.toPath().resolve(notebook), values,
                        output == null || output.isBlank() ? null : Path.of(output)));
            }
            return specs;
        }
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            if (run.notebook == null || run.notebook.isBlank()) {
                throw new MojoFailureException("<runs> run " + (i + 1) + " has no <notebook>" + System.lineSeparator()
                        + "  Give each <run> the notebook to run, e.g. <notebook>notebooks/report.ipynb</notebook>.");
            }
            Map<String, RawValue> values = new LinkedHashMap<>();
            if (run.parameters != null) {
                for (Map.Entry<String, String> e : run.parameters.entrySet()) {
                    values.put(e.getKey(), ParameterInput.value(e.getValue() == null ? "" : e.getValue(),
                            "<runs> run " + (i + 1) + " <" + e.getKey() + ">"));
                }
            }
            values.putAll(overrides);
            for (Map<String, RawValue> set : fromFile(run.parametersFile, values)) {
                specs.add(new RunSpec(basedir.toPath().resolve(run.notebook), set,
                        run.output == null || run.output.isBlank() ? null : Path.of(run.output)));
            }
        }
        if (specs.isEmpty()) {
            throw new MojoFailureException("nbexport:run has nothing to run" + System.lineSeparator()
                    + "  Give the notebook: -Dnbexport.notebook=notebooks/report.ipynb, or configure <runs> in the plugin.");
        }
        return specs;
    }

    /** The runs of a parameters file, each with {@code values} laid over it; without a file, one run of {@code values}. */
    private List<Map<String, RawValue>> fromFile(File file, Map<String, RawValue> values) {
        if (file == null) {
            return List.of(values);
        }
        List<Map<String, RawValue>> out = new ArrayList<>();
        for (Map<String, RawValue> set : ParameterInput.readFile(file.toPath(), shown(file))) {
            Map<String, RawValue> merged = new LinkedHashMap<>(set);
            merged.putAll(values);
            out.add(merged);
        }
        return out;
    }
}
