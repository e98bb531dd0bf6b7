package dev.nbexport.maven;

import dev.nbexport.kernel.KernelInstallRequest;
import dev.nbexport.kernel.KernelInstallResult;
import dev.nbexport.kernel.KernelLocation;
import dev.nbexport.kernel.KernelProject;
import dev.nbexport.kernel.KernelSpecInstaller;
import dev.nbexport.run.worker.WorkerConfig;
import dev.nbexport.run.worker.WorkerLaunch;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Installs a Jupyter kernel for this project: {@code Java (<artifactId>)} in Jupyter's kernel menu, running cells
 * with {@code nbexport:test}'s engine (JJava 1.0-a6 semantics) on the project's test class path, with hidden-state
 * warnings and the {@code %nbexport export|check|test|status} magics.
 *
 * <p>Where: the user's Jupyter data folder ({@code ~/.local/share/jupyter/kernels/<name>} on Linux), or
 * {@code <prefix>/share/jupyter/kernels/<name>} with {@code -Dnbexport.kernel.prefix}, or
 * {@code <folder>/kernels/<name>} with {@code -Dnbexport.kernel.jupyterPath} (a folder of {@code JUPYTER_PATH}).
 * Running the goal again updates only what changed; {@code -Dnbexport.kernel.uninstall} removes the kernel.
 *
 * <p>The class path is resolved now and recorded in the kernel: the project's {@code target/classes} and
 * {@code target/test-classes} folders are read when the kernel starts (so {@code mvn test-compile} and a kernel
 * restart bring newly exported code), the dependencies are fixed until the goal runs again (the kernel says on its
 * first cell when the POM changed since).
 */
@Mojo(name = "kernel", threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public final class KernelMojo extends AbstractExportingMojo {

    /** Skip this goal. */
    @Parameter(property = "nbexport.kernel.skip", defaultValue = "false")
    boolean skipKernel;

    /** The kernel's name (lowercase letters, digits, {@code . _ -}), what notebooks' {@code kernelspec.name} says. */
    @Parameter(property = "nbexport.kernel.name", defaultValue = "${project.artifactId}")
    String name;

    /** What Jupyter's launcher and kernel menu show. */
    @Parameter(property = "nbexport.kernel.displayName", defaultValue = "Java (${project.artifactId})")
    String displayName;

    /** Install under {@code <prefix>/share/jupyter/kernels}, as {@code jupyter kernelspec install --prefix}. */
    @Parameter(property = "nbexport.kernel.prefix")
    File prefix;

    /** Install under {@code <folder>/kernels}: a folder Jupyter finds through {@code JUPYTER_PATH}. */
    @Parameter(property = "nbexport.kernel.jupyterPath")
    File jupyterPath;

    /** Remove the kernel instead of installing it. */
    @Parameter(property = "nbexport.kernel.uninstall", defaultValue = "false")
    boolean uninstall;

    /** Which cells' outputs {@code %nbexport test} compares: {@code marked} or {@code check}, as nbexport:test. */
    @Parameter(property = "nbexport.test.outputs", defaultValue = "marked")
    String outputs;

    /** Options for the kernel's JVM (replacing nbexport's start-up tuning). */
    @Parameter(property = "nbexport.kernel.argLine")
    String argLine;

    public KernelMojo() {
        super("kernel");
    }

    @Override
    protected boolean skipGoal() {
        return skipKernel;
    }

    @Override
    protected void runGoal() throws Exception {
        String testOutputs = TestMojo.checksAllOutputs(outputs) ? "check" : "marked";
        KernelProject kernel = KernelProject.of(name.toLowerCase(Locale.ROOT), plugin.getVersion(), exportRequest(false),
                Path.of(project.getBuild().getDirectory()), project.getFile().toPath(),
                new WorkerConfig(ProjectArtifacts.testClassPath(project), ProjectArtifacts.of(project)), testOutputs);
        Path kernels = KernelLocation.kernelsDir(Optional.ofNullable(jupyterPath).map(File::toPath),
                Optional.ofNullable(prefix).map(File::toPath), System.getenv(), System.getProperty("os.name"),
                Path.of(System.getProperty("user.home")));
        KernelInstallResult result = KernelSpecInstaller.run(new KernelInstallRequest(kernels, displayName,
                WorkerLaunch.currentJava(), WorkerSettings.jvmArgs(argLine), nbexportLibraries(), kernel, uninstall));
        getLog().info(result.line());
    }

    /** nbexport-core and the libraries it runs on: the plugin's own artifacts, without the plugin. */
    private List<Path> nbexportLibraries() {
        List<Path> libraries = new ArrayList<>();
        for (Artifact a : plugin.getArtifacts()) {
            if (!a.getArtifactId().equals(plugin.getArtifactId()) && a.getFile() != null) {
                libraries.add(a.getFile().toPath());
            }
        }
        return libraries;
    }
}
