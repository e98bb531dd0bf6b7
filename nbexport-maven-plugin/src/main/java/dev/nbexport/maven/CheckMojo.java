package dev.nbexport.maven;

import dev.nbexport.clean.CleanCommand;
import dev.nbexport.clean.CleanResult;
import dev.nbexport.docs.ReadmeWriter;
import dev.nbexport.problem.Problem;
import dev.nbexport.project.CheckCommand;
import dev.nbexport.project.SyncProblem;
import dev.nbexport.run.MagicDependencies;
import java.io.File;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when the notebooks and the exported sources are out of sync: a generated file
 * that exporting now would change, one edited by hand, a stale one, a missing one; and, with
 * {@code checkClean}, a notebook that is not clean. Writes nothing. Each problem is shown with its
 * file, cells, a unified diff and the command that fixes it.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public final class CheckMojo extends AbstractExportingMojo {

    /** Skip this goal. */
    @Parameter(property = "nbexport.check.skip", defaultValue = "false")
    boolean skipCheck;

    /** Also fail when a notebook is not clean (as {@code nbexport:clean} would leave it). */
    @Parameter(property = "nbexport.check.clean", defaultValue = "false")
    boolean checkClean;

    /**
     * The README that {@code nbexport:docs} writes from {@code index.ipynb} ({@code <readme>} of the docs
     * goal): when set, check also fails when it is out of date.
     */
    @Parameter(property = "nbexport.docs.readme")
    File readme;

    public CheckMojo() {
        super("check");
    }

    @Override
    protected boolean skipGoal() {
        return skipCheck;
    }

    @Override
    protected void runGoal() throws MojoFailureException {
        List<SyncProblem> problems = new CheckCommand().run(exportRequest(false));
        List<Problem> unclean = List.of();
        if (checkClean) {
            CleanResult clean = CleanCommand.run(cleanRequest(true));
            unclean = clean.problems();
        }
        // a library the kernel downloads but the project lacks: a warning here (nbexport:test fails the cell)
        for (Problem magic : MagicDependencies.problems(basedir.toPath(), notebooks.toPath(), includes,
                excludes, ProjectArtifacts.of(project))) {
            getLog().warn(magic.describe());
        }
        // the docs' README: its own small check, kept apart from the export check's
        Optional<String> staleReadme = readme == null ? Optional.empty()
                : ReadmeWriter.problem(basedir.toPath(), notebooks.toPath(), readme.toPath());
        staleReadme.ifPresent(getLog()::error);
        if (problems.isEmpty() && unclean.isEmpty()) {
            if (staleReadme.isPresent()) {
                throw new MojoFailureException(staleReadme.get());
            }
            getLog().info("Notebooks and exported sources are in sync" + (checkClean ? ", and the notebooks are clean." : "."));
            return;
        }
        for (SyncProblem problem : problems) {
            getLog().error(problem.describe());
        }
        for (Problem notebook : unclean) {
            getLog().error(notebook.describe());
        }
        StringBuilder summary = new StringBuilder();
        if (!problems.isEmpty()) {
            summary.append(problems.size()).append(problems.size() == 1 ? " file is" : " files are")
                    .append(" out of sync with the notebooks");
        }
        if (!unclean.isEmpty()) {
            summary.append(summary.length() > 0 ? "; " : "").append(unclean.size())
                    .append(unclean.size() == 1 ? " notebook is" : " notebooks are").append(" not clean");
        }
        throw new MojoFailureException(summary + " (details above)." + System.lineSeparator() + "  " + fixes(problems, unclean));
    }

    private static String fixes(List<SyncProblem> problems, List<Problem> unclean) {
        StringBuilder fix = new StringBuilder();
        problems.stream().map(SyncProblem::fix).distinct().forEach(f -> fix.append(fix.length() > 0 ? " " : "")
                .append(Character.toUpperCase(f.charAt(0))).append(f.substring(1)));
        if (!unclean.isEmpty()) {
            fix.append(fix.length() > 0 ? " " : "").append("Run `mvn nbexport:clean` to clean the notebooks.");
        }
        return fix.toString();
    }
}
