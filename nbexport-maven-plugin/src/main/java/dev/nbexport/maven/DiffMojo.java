package dev.nbexport.maven;

import dev.nbexport.diff.DiffCommand;
import dev.nbexport.diff.DiffRequest;
import dev.nbexport.diff.DiffResult;
import dev.nbexport.diff.FileDiff;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows how the project's notebooks differ between two versions, cell by cell: cells added, removed,
 * moved and changed, with changed sources as unified diffs and outputs and metadata summarised one line
 * each. Compares a git revision with the working tree ({@code -Dnbexport.diff.from=HEAD~1}), two
 * revisions ({@code -Dnbexport.diff.to=main}), or two notebook files. Changes nothing.
 *
 * <p>Differences are printed and the build succeeds, as {@code git diff} does; with
 * {@code -Dnbexport.diff.failOnDifference} the build fails when any notebook differs, so a script or a
 * CI step can tell.
 */
@Mojo(name = "diff", threadSafe = true, requiresProject = true)
public final class DiffMojo extends AbstractNbexportMojo {

    /** Skip this goal. */
    @Parameter(property = "nbexport.diff.skip", defaultValue = "false")
    boolean skipDiff;

    /**
     * The version to compare from: a git revision ({@code HEAD}, {@code HEAD~1}, a branch, a tag, a
     * commit id), or a notebook file (relative to the project), which is then compared with the file
     * {@code nbexport.diff.to} names.
     */
    @Parameter(property = "nbexport.diff.from", defaultValue = "HEAD")
    String from;

    /** The version to compare with: a git revision, or a notebook file; empty for the working tree. */
    @Parameter(property = "nbexport.diff.to")
    String to;

    /** Compare only which cells there are and their sources: ignore outputs and metadata. */
    @Parameter(property = "nbexport.diff.sourcesOnly", defaultValue = "false")
    boolean sourcesOnly;

    /** Fail the build when a notebook differs (the differences are printed first). */
    @Parameter(property = "nbexport.diff.failOnDifference", defaultValue = "false")
    boolean failOnDifference;

    public DiffMojo() {
        super("diff");
    }

    @Override
    protected boolean skipGoal() {
        return skipDiff;
    }

    @Override
    protected void runGoal() throws MojoFailureException {
        DiffResult result = DiffCommand.run(new DiffRequest(basedir.toPath(), notebooks.toPath(), includes, excludes,
                from.strip(), to == null || to.isBlank() ? null : to.strip(), sourcesOnly));
        for (FileDiff file : result.differing()) {
            getLog().info(file.name() + ": " + file.summary());
            file.lines().forEach(getLog()::info);
        }
        if (result.differs() && failOnDifference) {
            throw new MojoFailureException(result.summary() + System.lineSeparator()
                    + "  The differences are shown above; nbexport.diff.failOnDifference makes them fail the build.");
        }
        getLog().info(result.summary());
    }
}
