package dev.nbexport.run.worker;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonParser;
import dev.nbexport.json.JsonWriter;
import dev.nbexport.run.session.ProjectArtifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a worker JVM needs to know, written to a file it gets as its argument: the class path notebook code
 * sees (the project's test class path) and the project's artifacts for {@code %maven}.
 *
 * @param classPath the project's test class path
 * @param artifacts its resolved dependencies
 */
public record WorkerConfig(List<Path> classPath, List<ProjectArtifact> artifacts) {

    public WorkerConfig {
        classPath = List.copyOf(classPath);
        artifacts = List.copyOf(artifacts);
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        dev.nbexport.io.AtomicFiles.write(file, JsonWriter.write(json()).getBytes(StandardCharsets.UTF_8));
    }

    /** This configuration as JSON: {@code classPath} and {@code artifacts} (also part of the kernel's record). */
    public JsonObject json() {
        List<Json> cp = new ArrayList<>();
        classPath.forEach(p -> cp.add(Json.string(p.toString())));
        List<Json> as = new ArrayList<>();
        for (ProjectArtifact a : artifacts) {
            as.add(JsonObject.EMPTY.with("groupId", Json.string(a.groupId())).with("artifactId", Json.string(a.artifactId()))
                    .with("version", Json.string(a.version())).with("file", Json.string(a.file() == null ? "" : a.file().toString())));
        }
        return JsonObject.EMPTY.with("classPath", new JsonArray(cp)).with("artifacts", new JsonArray(as));
    }

    public static WorkerConfig read(Path file) throws IOException {
        JsonObject json;
        try {
            json = (JsonObject) JsonParser.parse(Files.readAllBytes(file));
        } catch (JsonParser.SyntaxError e) {
            throw new IOException("broken worker configuration " + file + ": " + e.getMessage(), e);
        }
        return of(json);
    }

    /** The configuration {@link #json} wrote. */
    public static WorkerConfig of(JsonObject json) {
        List<Path> cp = new ArrayList<>();
        WorkerMessages.texts(json.array("classPath")).forEach(p -> cp.add(Path.of(p)));
        List<ProjectArtifact> as = new ArrayList<>();
        for (Json j : json.array("artifacts").elements()) {
            JsonObject a = (JsonObject) j;
            String f = a.string("file");
            as.add(new ProjectArtifact(a.string("groupId"), a.string("artifactId"), a.string("version"),
                    f.isEmpty() ? null : Path.of(f)));
        }
        return new WorkerConfig(cp, as);
    }
}
