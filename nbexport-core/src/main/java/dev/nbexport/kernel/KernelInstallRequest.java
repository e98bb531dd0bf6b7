package dev.nbexport.kernel;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One {@code nbexport:kernel}: install (or update, or remove) a project's kernelspec.
 *
 * @param kernelsDir the {@code kernels} folder ({@link KernelLocation#kernelsDir})
 * @param displayName what Jupyter's launcher and kernel menu show, e.g. {@code Java (textkit)}
 * @param java the {@code java} the kernel runs on (a JDK: cells need {@code jdk.jshell})
 * @param jvmArgs options for the kernel's JVM
 * @param libraries nbexport's own class path (nbexport-core and its libraries), copied into the kernelspec
 * @param project what the kernel needs to know about the project; its {@code name} is the kernel's name
 * @param uninstall remove the kernelspec instead
 */
public record KernelInstallRequest(Path kernelsDir, String displayName, Path java, List<String> jvmArgs,
                                   List<Path> libraries, KernelProject project, boolean uninstall) {

    public KernelInstallRequest {
        Objects.requireNonNull(kernelsDir, "kernelsDir");
        Objects.requireNonNull(displayName, "displayName");
        jvmArgs = List.copyOf(jvmArgs);
        libraries = List.copyOf(libraries);
        Objects.requireNonNull(project, "project");
    }

    /** The kernelspec's folder: {@code <kernels>/<name>}. */
    public Path kernelDir() {
        return kernelsDir.resolve(project.name());
    }
}
