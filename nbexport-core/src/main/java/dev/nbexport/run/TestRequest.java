package dev.nbexport.run;

import dev.nbexport.run.check.Normalisers;
import dev.nbexport.run.session.ProjectArtifact;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code nbexport:test} needs, as one value.
 *
 * @param projectDir the project; paths in messages are relative to it
 * @param notebooksDir where the notebooks are
 * @param includes notebook globs (empty: every notebook)
 * @param excludes notebook globs to leave out
 * @param classPath the project's test class path (compiled classes and dependencies)
 * @param artifacts the project's dependencies, for {@code %maven} checks
 * @param workers how many notebooks run at once, each in its own JVM
 * @param cellTimeout how long one cell may run before its notebook is stopped
 * @param checkAllOutputs compare every cell with stored outputs, not only {@code output: check} cells
 * @param checkImages compare {@code image/*} outputs too
 * @param replacements the project's own normalisers, applied after the standard ones
 * @param rerun run notebooks that are unchanged since their last passing run
 * @param shard run only this part of the notebooks
 * @param save rewrite stored outputs and execution counts from the fresh run
 * @param buildDir where reports ({@code nbexport-reports/}) and the index ({@code nbexport/}) go
 * @param fingerprint what else decides whether an old pass still counts (e.g. nbexport's version)
 * @param javaExecutable the {@code java} for worker JVMs
 * @param jvmArgs options for worker JVMs
 */
public record TestRequest(Path projectDir, Path notebooksDir, List<String> includes, List<String> excludes,
                          List<Path> classPath, List<ProjectArtifact> artifacts, int workers, Duration cellTimeout,
                          boolean checkAllOutputs, boolean checkImages, List<Normalisers.Replacement> replacements,
                          boolean rerun, Optional<Shard> shard, boolean save, Path buildDir, String fingerprint,
                          Path javaExecutable, List<String> jvmArgs) {

    public TestRequest {
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(notebooksDir, "notebooksDir");
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        classPath = List.copyOf(classPath);
        artifacts = List.copyOf(artifacts);
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
        replacements = List.copyOf(replacements);
        shard = shard == null ? Optional.empty() : shard;
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** The reports folder, {@code target/nbexport-reports}. */
    public Path reportsDir() {
        return buildDir.resolve("nbexport-reports");
    }
}
