package dev.nbexport.maven;

import dev.nbexport.NbexportException;
import dev.nbexport.clean.CleanCommand;
import dev.nbexport.clean.CleanResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Strips what makes notebook diffs noisy: execution counts, volatile cell, notebook and output
 * metadata, and (on request) outputs; adds missing cell ids. Writes only notebooks that change, with
 * nbformat's exact formatting. With {@code -Dnbexport.clean.check} it changes nothing and fails when a
 * notebook is not clean, for CI and pre-commit hooks.
 */
@Mojo(name = "clean", threadSafe = true, requiresProject = true)
public final class CleanMojo extends AbstractNbexportMojo {

    /** Skip this goal. */
    @Parameter(property = "nbexport.clean.skip", defaultValue = "false")
    boolean skipClean;

    /** Only report notebooks that are not clean, and fail if there are any; write nothing. */
    @Parameter(property = "nbexport.clean.check", defaultValue = "false")
    boolean check;

    public CleanMojo() {
        super("clean");
    }

    @Override
    protected boolean skipGoal() {
        return skipClean;
    }

    @Override
    protected void runGoal() {
        CleanResult result = CleanCommand.run(cleanRequest(check));
        if (check) {
            if (!result.unclean().isEmpty()) {
                throw new NbexportException(result.unclean().size() + " of " + result.notebooks() + " notebooks are not clean",
                        result.problems(), "Run `mvn nbexport:clean` to clean them.");
            }
            getLog().info("All " + result.notebooks() + " notebooks are clean.");
            return;
        }
        result.unclean().forEach(notebook -> getLog().info("Cleaned " + notebook));
        getLog().info("Cleaned " + result.unclean().size() + " of " + result.notebooks() + " notebooks; "
                + (result.notebooks() - result.unclean().size()) + " were clean already.");
    }
}
