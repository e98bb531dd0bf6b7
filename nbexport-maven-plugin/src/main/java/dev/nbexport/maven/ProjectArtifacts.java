package dev.nbexport.maven;

import dev.nbexport.run.session.ProjectArtifact;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.project.MavenProject;

/** The project's resolved dependencies and class path, as core knows them (for {@code %maven} checks). */
final class ProjectArtifacts {

    private ProjectArtifacts() {}

    static List<ProjectArtifact> of(MavenProject project) {
        List<ProjectArtifact> artifacts = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            artifacts.add(new ProjectArtifact(a.getGroupId(), a.getArtifactId(), a.getBaseVersion(),
                    a.getFile() == null ? null : a.getFile().toPath()));
        }
        return artifacts;
    }

    /** The project's test class path: its classes, test classes and dependencies, in Maven's order. */
    static List<Path> testClassPath(MavenProject project) throws DependencyResolutionRequiredException {
        List<Path> classPath = new ArrayList<>();
        for (String element : project.getTestClasspathElements()) {
            classPath.add(Path.of(element));
        }
        return classPath;
    }
}
