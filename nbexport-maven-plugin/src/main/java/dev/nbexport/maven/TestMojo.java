package dev.nbexport.maven;

import dev.nbexport.run.NotebookOutcome;
import dev.nbexport.run.Shard;
import dev.nbexport.run.TestCommand;
import dev.nbexport.run.TestRequest;
import dev.nbexport.run.TestSummary;
import dev.nbexport.run.check.Normalisers;
import dev.nbexport.run.worker.WorkerLaunch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Runs every notebook top to bottom as a test, with its kernel's semantics (JJava 1.0-a6 by default),
 * against the project's test class path, each notebook in a worker JVM of its own, several at once. A cell
 * that fails, an output that differs from the stored one where checking is on, a notebook that calls
 * {@code System.exit}, runs too long or leaves threads running fails the build; each failure names the
 * notebook, the cell and the line. Prints a line per notebook and a summary, and writes JUnit XML to
 * {@code target/nbexport-reports}.
 *
 * <p>Default phase: {@code test}, beside Surefire (after {@code test-compile}, so exported code and its tests
 * are compiled and on the class path). {@code -DskipTests} skips it too.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public final class TestMojo extends AbstractNbexportMojo {

    /** Skip this goal. */
    @Parameter(property = "nbexport.test.skip", defaultValue = "false")
    boolean skipTest;

    /** Skip with the rest of the tests. */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** How many notebooks run at once, each in its own JVM: a number, or per core as in Surefire ({@code 1C}). */
    @Parameter(property = "nbexport.test.workers", defaultValue = "1C")
    String workers;

    /** Seconds one cell may run before its notebook is stopped and failed. */
    @Parameter(property = "nbexport.test.timeout", defaultValue = "120")
    int timeout;

    /**
     * Which cells' outputs are compared with the stored ones: {@code marked} ({@code //| output: check} cells)
     * or {@code check} (every cell with stored outputs); {@code //| output: ignore} always wins.
     */
    @Parameter(property = "nbexport.test.outputs", defaultValue = "marked")
    String outputs;

    /** Also compare {@code image/*} outputs. */
    @Parameter(property = "nbexport.test.images", defaultValue = "false")
    boolean checkImages;

    /** Extra normalisers for output checking, applied after the standard ones: {@code pattern} and {@code replacement}. */
    @Parameter
    List<Normaliser> normalisers = new ArrayList<>();

    /** Run notebooks that are unchanged since their last passing run, too. */
    @Parameter(property = "nbexport.test.rerun", defaultValue = "false")
    boolean rerun;

    /** Run one part of the notebooks, e.g. {@code 2/4}, chosen by a hash of each notebook's path. */
    @Parameter(property = "nbexport.test.shard")
    String shard;

    /** Store the fresh outputs and execution counts in the notebooks (of those that pass). */
    @Parameter(property = "nbexport.test.save", defaultValue = "false")
    boolean save;

    /** Options for the worker JVMs (replacing nbexport's start-up tuning). */
    @Parameter(property = "nbexport.test.argLine")
    String argLine;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    /** A regular expression and what to put in its place. */
    public static final class Normaliser {
        String pattern;
        String replacement = "";
    }

    public TestMojo() {
        super("test");
    }

    @Override
    protected boolean skipGoal() {
        return skipTest;
    }

    @Override
    protected Optional<String> skipReason() throws MojoFailureException {
        Optional<String> reason = super.skipReason();
        return reason.isPresent() || !skipTests ? reason : Optional.of("skipTests is true");
    }

    @Override
    protected void runGoal() throws MojoFailureException, InterruptedException, DependencyResolutionRequiredException {
        TestSummary summary = TestCommand.run(request(), line -> {
            if (line.startsWith("WARNING ")) {
                getLog().warn(line.substring("WARNING ".length()));
            } else {
                getLog().info(line);
            }
        });
        summary.saved().forEach(n -> getLog().info("Saved the fresh outputs of " + n));
        List<NotebookOutcome> failed = summary.failed();
        if (failed.isEmpty()) {
            getLog().info(summary.line());
            return;
        }
        StringBuilder message = new StringBuilder();
        for (NotebookOutcome n : failed) {
            for (String f : n.failures()) {
                message.append(f).append(System.lineSeparator());
            }
        }
        message.append(summary.line());
        throw new MojoFailureException(message.toString());
    }

    private TestRequest request() throws MojoFailureException, DependencyResolutionRequiredException {
        List<Path> classPath = ProjectArtifacts.testClassPath(project);
        boolean checkAll = checksAllOutputs(outputs);
        return new TestRequest(basedir.toPath(), notebooks.toPath(), includes, excludes, classPath, ProjectArtifacts.of(project),
                WorkerSettings.count(workers, "nbexport.test.workers"),
                Duration.ofSeconds(WorkerSettings.timeout(timeout, "nbexport.test.timeout")), checkAll, checkImages, replacements(), rerun,
                shard == null || shard.isBlank() ? Optional.empty() : Optional.of(Shard.parse(shard)), save,
                Path.of(project.getBuild().getDirectory()), plugin.getVersion(), WorkerLaunch.currentJava(),
                WorkerSettings.jvmArgs(argLine));
    }

    /** Whether {@code nbexport.test.outputs} says to compare every cell with stored outputs ({@code check}). */
    static boolean checksAllOutputs(String outputs) throws MojoFailureException {
        return switch (outputs) {
            case "check", "all" -> true;
            case "marked" -> false;
            default -> throw new MojoFailureException("nbexport.test.outputs is `" + outputs + "`" + System.lineSeparator()
                    + "  Use `check` (every cell with stored outputs) or `marked` (only `//| output: check` cells).");
        };
    }

    private List<Normalisers.Replacement> replacements() throws MojoFailureException {
        List<Normalisers.Replacement> result = new ArrayList<>();
        for (Normaliser n : normalisers) {
            try {
                result.add(new Normalisers.Replacement(Pattern.compile(n.pattern), n.replacement == null ? "" : n.replacement));
            } catch (PatternSyntaxException | NullPointerException e) {
                throw new MojoFailureException("<normaliser> pattern `" + n.pattern + "` is not a regular expression: "
                        + (e.getMessage() == null ? "missing" : e.getMessage().lines().findFirst().orElse(""))
                        + System.lineSeparator() + "  Fix the <pattern> in the plugin's <normalisers>.");
            }
        }
        return result;
    }
}
