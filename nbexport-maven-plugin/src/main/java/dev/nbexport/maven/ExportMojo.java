package dev.nbexport.maven;

import dev.nbexport.project.ExportCommand;
import dev.nbexport.project.ExportSummary;
import org.codehaus.plexus.build.BuildContext;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Exports the notebooks' tagged cells into Java sources and JUnit 5 tests.
 *
 * <p>By default the files go to {@code src/main/java} and {@code src/test/java}, to be committed and
 * reviewed like any code; with {@code generatedSources} they go under {@code target/} and are added
 * to the build as source roots. Only files whose content changes are written, a hand-edited generated
 * file is never overwritten (run {@code nbexport:update}, or force), and nothing but nbexport's own
 * stale files is removed.
 */
@Mojo(name = "export", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class ExportMojo extends AbstractExportingMojo {

    /** Skip this goal. */
    @Parameter(property = "nbexport.export.skip", defaultValue = "false")
    boolean skipExport;

    /**
     * Overwrite generated files edited by hand (losing the edits), and files nbexport did not generate
     * where an exported class must go.
     */
    @Parameter(property = "nbexport.force", defaultValue = "false")
    boolean force;

    /** The IDE's view of the build (m2e); a no-op on the command line. */
    @Component
    BuildContext buildContext;

    public ExportMojo() {
        super("export");
    }

    @Override
    protected boolean skipGoal() {
        return skipExport;
    }

    @Override
    protected void runGoal() {
        ExportSummary summary = new ExportCommand().run(exportRequest(force));

        addSourceRoot(mainRoot(), false);
        addSourceRoot(testRoot(), true);
        summary.written().forEach(file -> buildContext.refresh(basedir.toPath().resolve(file).toFile()));
        summary.removed().forEach(file -> buildContext.refresh(basedir.toPath().resolve(file).toFile()));
        summary.warnings().forEach(getLog()::warn);
        summary.written().forEach(file -> getLog().debug("Wrote " + file));
        summary.removed().forEach(file -> getLog().info("Removed stale " + file));
        getLog().info(summary.line());
    }

    private void addSourceRoot(Path root, boolean test) {
        String path = root.toAbsolutePath().normalize().toString();
        if (test) {
            if (!project.getTestCompileSourceRoots().contains(path)) {
                project.addTestCompileSourceRoot(path);
            }
        } else if (!project.getCompileSourceRoots().contains(path)) {
            project.addCompileSourceRoot(path);
        }
    }
}
