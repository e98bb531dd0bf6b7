package dev.nbexport.run.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to start a {@link NotebookSession}.
 *
 * @param dialect the kernel whose semantics to follow
 * @param classPath what notebook code sees besides the JDK and the kernel's notebook API: for a
 *     project, its compiled classes and its dependencies (the test class path)
 * @param artifacts the project's dependencies by coordinates, for {@code %maven} and
 *     {@code %%loadFromPOM}; empty when unknown (then those magics fail, naming what to add)
 */
public record SessionOptions(KernelDialect dialect, List<Path> classPath, List<ProjectArtifact> artifacts) {

    public SessionOptions {
        Objects.requireNonNull(dialect, "dialect");
        classPath = List.copyOf(classPath);
        artifacts = List.copyOf(artifacts);
    }

    /** A session of {@code dialect} with nothing on the class path but the JDK. */
    public static SessionOptions of(KernelDialect dialect) {
        return new SessionOptions(dialect, List.of(), List.of());
    }
}
