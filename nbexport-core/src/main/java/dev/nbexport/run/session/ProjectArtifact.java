package dev.nbexport.run.session;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A resolved dependency of the project, as the build tool put it on the test class path: how
 * {@code %maven} and {@code %%loadFromPOM} find out whether the artifact a notebook asks for is there.
 *
 * @param groupId Maven group id
 * @param artifactId Maven artifact id
 * @param version the resolved version
 * @param file the artifact's file on the class path
 */
public record ProjectArtifact(String groupId, String artifactId, String version, Path file) {

    public ProjectArtifact {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
    }

    /** {@code groupId:artifactId:version}. */
    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version;
    }
}
