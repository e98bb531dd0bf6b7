package dev.nbexport.report;

import dev.nbexport.run.session.ProjectArtifact;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code nbexport:run} needs, as one value.
 *
 * @param projectDir the project; paths in messages and in papermill's metadata are relative to it
 * @param runs what to run, at least one
 * @param classPath the project's test class path (its compiled classes and dependencies), as in {@code nbexport:test}
 * @param artifacts the project's dependencies, for {@code %maven}
 * @param workers how many runs at once, each in a worker JVM of its own
 * @param cellTimeout how long one cell may run before its run is stopped
 * @param outputDir where executed notebooks, reports and the index go by default ({@code target/nbexport-runs})
 * @param buildDir where the worker's configuration goes ({@code target})
 * @param toolVersion nbexport's version, named in the reports
 * @param javaExecutable the {@code java} for worker JVMs
 * @param jvmArgs options for worker JVMs
 */
public record RunRequest(Path projectDir, List<RunSpec> runs, List<Path> classPath, List<ProjectArtifact> artifacts,
                         int workers, Duration cellTimeout, Path outputDir, Path buildDir, String toolVersion,
                         Path javaExecutable, List<String> jvmArgs) {

    public RunRequest {
        Objects.requireNonNull(projectDir, "projectDir");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        classPath = List.copyOf(classPath);
        artifacts = List.copyOf(artifacts);
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
        jvmArgs = List.copyOf(jvmArgs);
    }
}
