package dev.nbexport.maven;

import dev.nbexport.NbexportException;
import dev.nbexport.clean.CleanOptions;
import dev.nbexport.clean.CleanRequest;
import dev.nbexport.io.ProjectPaths;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every nbexport goal shares: where the notebooks are, how it is skipped, and how its errors
 * reach the user.
 *
 * <p>A goal passes its name to the constructor, declares its own skip parameter with the property
 * {@code nbexport.<goal>.skip} (returned by {@link #skipGoal()}), and implements {@link #runGoal()}:
 * parameters into one request, one call into core, the result into a log line or an exception.
 *
 * <p>{@link #execute()} is final so that every goal skips and fails the same way:
 * <ul>
 *   <li>skipped (by {@code nbexport.skip}, by its own skip property, or because the project has no
 *       notebooks): one info line saying why;
 *   <li>a {@link NbexportException}, a problem the user can fix: a {@link MojoFailureException}
 *       carrying the core's own text (what, where, what to do) and no stack trace;
 *   <li>anything else is a bug or a broken environment: a {@link MojoExecutionException} with the
 *       cause attached, so that {@code mvn -e} shows where it came from.
 * </ul>
 *
 * <pre>{@code
 * @Mojo(name = "export", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
 * public final class ExportMojo extends AbstractNbexportMojo {
 *     @Parameter(property = "nbexport.export.skip", defaultValue = "false")
 *     boolean skipExport;
 *
 *     public ExportMojo() { super("export"); }
 *
 *     protected boolean skipGoal() { return skipExport; }
 *
 *     protected void runGoal() { ... }
 * }
 * }</pre>
 */
public abstract class AbstractNbexportMojo extends AbstractMojo {

    /** Where {@link #notebooks} points when the user does not say, relative to the project. */
    static final String DEFAULT_NOTEBOOKS = "notebooks";

    /** The directory holding the project's notebooks ({@code .ipynb} files). */
    @Parameter(property = "nbexport.notebooks", defaultValue = "${project.basedir}/notebooks", required = true)
    protected File notebooks;

    /**
     * Which notebooks, as globs relative to {@link #notebooks} ({@code **}{@code /} also matches the top
     * folder). Default: every {@code .ipynb}; {@code .ipynb_checkpoints} and hidden folders are never read.
     */
    @Parameter
    protected List<String> includes = new ArrayList<>();

    /** Notebooks to leave out, as globs relative to {@link #notebooks}. */
    @Parameter
    protected List<String> excludes = new ArrayList<>();

    /**
     * Cell metadata keys that {@code nbexport:clean} (and {@code nbexport:check} with
     * {@code checkClean}) keep besides {@code tags} and {@code nbexport}.
     */
    @Parameter
    protected List<String> keepCellMetadata = new ArrayList<>();

    /**
     * Notebook metadata keys that cleaning keeps besides {@code kernelspec}, {@code language_info}
     * (trimmed to its name) and {@code nbexport}.
     */
    @Parameter
    protected List<String> keepNotebookMetadata = new ArrayList<>();

    /** Whether a clean notebook has no outputs (cleaning removes them). */
    @Parameter(property = "nbexport.clean.outputs", defaultValue = "false")
    protected boolean clearOutputs;

    /** Skip every nbexport goal. Each goal also has its own {@code nbexport.<goal>.skip}. */
    @Parameter(property = "nbexport.skip", defaultValue = "false")
    protected boolean skip;

    /** The project's directory: paths in messages are shown relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    private final String goal;

    /** @param goal the goal's name as in {@code @Mojo(name = ...)}, e.g. {@code export} */
    protected AbstractNbexportMojo(String goal) {
        this.goal = Objects.requireNonNull(goal, "goal");
    }

    /** The goal's own skip parameter, the one with property {@code nbexport.<goal>.skip}. */
    protected abstract boolean skipGoal();

    /**
     * The goal's work. Throw {@link NbexportException} (from core) for what the user can fix; throw
     * {@link MojoFailureException} only for a failure the goal itself decides on (say, a check that
     * found differences). Anything else counts as unexpected.
     */
    protected abstract void runGoal() throws Exception;

    /**
     * Cleaning this project's notebooks as configured: what a clean notebook keeps comes from
     * {@link #keepCellMetadata}, {@link #keepNotebookMetadata} and {@link #clearOutputs}.
     *
     * @param checkOnly only report notebooks that are not clean; write nothing
     */
    protected final CleanRequest cleanRequest(boolean checkOnly) {
        CleanOptions options = CleanOptions.defaults()
                .keeping(new HashSet<>(keepCellMetadata), new HashSet<>(keepNotebookMetadata))
                .withClearOutputs(clearOutputs);
        return new CleanRequest(basedir.toPath(), notebooks.toPath(), includes, excludes, options, checkOnly);
    }

    /** The goal's name, e.g. {@code export}. */
    protected final String goal() {
        return goal;
    }

    /** {@code nbexport:export}, as users type it. */
    protected final String qualifiedGoal() {
        return "nbexport:" + goal;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        Optional<String> reason = skipReason();
        if (reason.isPresent()) {
            getLog().info("Skipping " + qualifiedGoal() + ": " + reason.get());
            return;
        }
        try {
            runGoal();
        } catch (NbexportException e) {
            // the user's mistake: the core's text is the whole story; the trace only with -X
            getLog().debug(e);
            throw new MojoFailureException(e.describe());
        } catch (MojoFailureException | MojoExecutionException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException(qualifiedGoal() + " was interrupted", e);
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException(
                    qualifiedGoal() + " could not read or write a file: " + describe(e)
                            + System.lineSeparator() + "  Check that the path exists and is writable.",
                    e);
        } catch (Exception e) {
            throw new MojoExecutionException(
                    qualifiedGoal() + " failed unexpectedly: " + describe(e) + System.lineSeparator()
                            + "  This is a bug in nbexport. Run with -e to see where it happened and"
                            + " please report it with that output.",
                    e);
        }
    }

    /**
     * Why this execution should not run, or empty to run it. A goal with more reasons overrides this
     * and asks {@code super.skipReason()} first.
     *
     * @throws MojoFailureException when {@code nbexport.notebooks} was set to something that is not a
     *     directory: a typo there must not pass as "nothing to do"
     */
    protected Optional<String> skipReason() throws MojoFailureException {
        if (skip) {
            return Optional.of("nbexport.skip is true");
        }
        if (skipGoal()) {
            return Optional.of("nbexport." + goal + ".skip is true");
        }
        if (!notebooks.isDirectory()) {
            if (isDefaultNotebooks()) {
                // a module without notebooks, e.g. when the plugin is configured in a parent POM
                return Optional.of("no notebooks directory " + shown(notebooks));
            }
            throw new MojoFailureException("nbexport.notebooks is " + shown(notebooks)
                    + ", which is not a directory" + System.lineSeparator()
                    + "  Point <notebooks> (or -Dnbexport.notebooks) at the directory holding the .ipynb files.");
        }
        return Optional.empty();
    }

    /** A path as the user should see it: relative to the project when it is inside it. */
    protected final String shown(File file) {
        var path = file.toPath().toAbsolutePath().normalize();
        return path.equals(basedir.toPath().toAbsolutePath().normalize())
                ? path.toString() : ProjectPaths.shown(basedir.toPath(), path);
    }

    private boolean isDefaultNotebooks() {
        return notebooks.toPath().toAbsolutePath().normalize()
                        .equals(basedir.toPath().toAbsolutePath().normalize().resolve(DEFAULT_NOTEBOOKS));
    }

    private static String describe(Exception e) {
        var cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        var message = cause.getMessage();
        return cause.getClass().getName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
