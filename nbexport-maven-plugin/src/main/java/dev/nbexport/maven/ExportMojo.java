package dev.nbexport.maven;

import dev.nbexport.project.ExportCommand;
import dev.nbexport.project.ExportRequest;
import dev.nbexport.project.ExportSummary;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

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
public final class ExportMojo extends AbstractNbexportMojo {

    /** Skip this goal. */
    @Parameter(property = "nbexport.export.skip", defaultValue = "false")
    boolean skipExport;

    /**
     * Overwrite generated files edited by hand (losing the edits), and files nbexport did not generate
     * where an exported class must go.
     */
    @Parameter(property = "nbexport.force", defaultValue = "false")
    boolean force;

    /**
     * Write to {@code target/generated-sources/nbexport} and {@code target/generated-test-sources/nbexport}
     * and add them as source roots, instead of {@code src/main/java} and {@code src/test/java}.
     */
    @Parameter(property = "nbexport.generatedSources", defaultValue = "false")
    boolean generatedSources;

    /** Where exported main sources go; overrides the default of {@code generatedSources}. */
    @Parameter(property = "nbexport.mainOutput")
    File mainOutput;

    /** Where exported tests go; overrides the default of {@code generatedSources}. */
    @Parameter(property = "nbexport.testOutput")
    File testOutput;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    public ExportMojo() {
        super("export");
    }

    @Override
    protected boolean skipGoal() {
        return skipExport;
    }

    @Override
    protected void runGoal() {
        Path base = basedir.toPath();
        Path target = Path.of(project.getBuild().getDirectory());
        Path main = mainOutput != null ? mainOutput.toPath()
                : generatedSources ? target.resolve("generated-sources/nbexport") : base.resolve("src/main/java");
        Path test = testOutput != null ? testOutput.toPath()
                : generatedSources ? target.resolve("generated-test-sources/nbexport") : base.resolve("src/test/java");

        ExportSummary summary = new ExportCommand().run(new ExportRequest(base, notebooks.toPath(), includes, excludes,
                main, test, force, target.resolve("nbexport/export.index"), plugin.getVersion()));

        addSourceRoot(main, false);
        addSourceRoot(test, true);
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
