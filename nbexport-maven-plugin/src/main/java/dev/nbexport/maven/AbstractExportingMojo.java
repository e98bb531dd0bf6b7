package dev.nbexport.maven;

import dev.nbexport.project.ExportRequest;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Goals that work on the exported sources ({@code export}, {@code check}, {@code update}, and
 * {@code docs}, which reads the API from the export in memory): where
 * the exported files live, and the one request that describes an export.
 */
abstract class AbstractExportingMojo extends AbstractNbexportMojo {

    /**
     * Write to {@code target/generated-sources/nbexport} and {@code target/generated-test-sources/nbexport}
     * and add them as source roots, instead of {@code src/main/java} and {@code src/test/java}.
     */
    @Parameter(property = "nbexport.generatedSources", defaultValue = "false")
    protected boolean generatedSources;

    /** Where exported main sources go; overrides the default of {@code generatedSources}. */
    @Parameter(property = "nbexport.mainOutput")
    protected File mainOutput;

    /** Where exported tests go; overrides the default of {@code generatedSources}. */
    @Parameter(property = "nbexport.testOutput")
    protected File testOutput;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    protected AbstractExportingMojo(String goal) {
        super(goal);
    }

    protected final Path mainRoot() {
        return mainOutput != null ? mainOutput.toPath()
                : generatedSources ? buildDirectory().resolve("generated-sources/nbexport") : basedir.toPath().resolve("src/main/java");
    }

    protected final Path testRoot() {
        return testOutput != null ? testOutput.toPath()
                : generatedSources ? buildDirectory().resolve("generated-test-sources/nbexport") : basedir.toPath().resolve("src/test/java");
    }

    /** The export these parameters describe; {@code force} only matters to goals that write. */
    protected final ExportRequest exportRequest(boolean force) {
        return new ExportRequest(basedir.toPath(), notebooks.toPath(), includes, excludes, mainRoot(), testRoot(),
                force, buildDirectory().resolve("nbexport/export.index"), plugin.getVersion());
    }

    private Path buildDirectory() {
        return Path.of(project.getBuild().getDirectory());
    }
}
