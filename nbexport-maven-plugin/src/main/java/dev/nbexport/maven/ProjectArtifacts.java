package dev.nbexport.maven;

import dev.nbexport.run.session.ProjectArtifact;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/** The project's resolved dependencies, as core knows them (for {@code %maven} checks). */
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
}
