package dev.nbexport.maven;

import dev.nbexport.project.UpdateCommand;
import dev.nbexport.project.UpdateSummary;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Moves hand edits of generated sources back into their notebook cells, by cell marker: what export
 * added (header, imports, class wrapper, indentation, modifiers) is undone, and each cell keeps its
 * directives, magics, outputs, metadata and id. The update is exported again in memory first and goes
 * ahead only when that reproduces the edited files exactly; otherwise, or when the notebook changed
 * too (a conflict), nothing is written and the error names the file, lines and cells. Afterwards
 * {@code nbexport:export} writes nothing and {@code nbexport:check} passes.
 */
@Mojo(name = "update", threadSafe = true, requiresProject = true)
public final class UpdateMojo extends AbstractExportingMojo {

    /** Skip this goal. */
    @Parameter(property = "nbexport.update.skip", defaultValue = "false")
    boolean skipUpdate;

    public UpdateMojo() {
        super("update");
    }

    @Override
    protected boolean skipGoal() {
        return skipUpdate;
    }

    @Override
    protected void runGoal() {
        UpdateSummary summary = new UpdateCommand().run(exportRequest(false));
        summary.updatedCells().forEach(cell -> getLog().info("Updated " + cell));
        summary.importsMoved().forEach(move -> getLog().info("Moved " + move));
        summary.filesWritten().forEach(file -> getLog().debug("Marked " + file + " as generated again"));
        getLog().info(summary.line());
    }
}
