package dev.nbexport.kernel;

import dev.nbexport.io.Sha256;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonParser;
import dev.nbexport.json.JsonWriter;
import dev.nbexport.project.ExportRequest;
import dev.nbexport.run.worker.WorkerConfig;
import dev.nbexport.run.worker.WorkerMessages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code nbexport:kernel} recorded about the project when it installed the kernel, kept in the kernelspec's
 * folder ({@code nbexport-kernel.json}, so the kernel works after {@code mvn clean}): the class path notebook code
 * sees, the dependencies {@code %maven} is checked against, and what the {@code %nbexport} magics need to run the
 * project's goals as Maven would.
 *
 * @param name the kernel's name, e.g. {@code textkit}
 * @param toolVersion nbexport's version
 * @param export the export the project's {@code nbexport:export} does (roots, globs, index)
 * @param buildDir the project's {@code target/}
 * @param pom the project's POM, and {@code pomSha256} its hash at install time: the kernel says when it changed
 * @param pomSha256 the POM's SHA-256 when installed
 * @param session the project's test class path (compiled classes, test classes, dependencies) and its dependencies
 *     by coordinates: what notebook code sees, as in {@code nbexport:test}
 * @param testOutputs which cells' outputs {@code %nbexport test} compares: {@code marked} or {@code check}
 */
public record KernelProject(String name, String toolVersion, ExportRequest export, Path buildDir, Path pom,
                            String pomSha256, WorkerConfig session, String testOutputs) {

    /** The file's name in the kernelspec folder; its presence also marks the folder as nbexport's. */
    public static final String FILE_NAME = "nbexport-kernel.json";

    public KernelProject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(session, "session");
    }

    /**
     * The record of a project now: {@code pom}'s hash is taken, so that the kernel can tell when it changed.
     *
     * @throws java.io.UncheckedIOException when the POM cannot be read
     */
    public static KernelProject of(String name, String toolVersion, ExportRequest export, Path buildDir, Path pom,
                                   WorkerConfig session, String testOutputs) {
        String hash;
        try {
            hash = Files.isRegularFile(pom) ? Sha256.hex(Files.readAllBytes(pom)) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + pom, e);
        }
        return new KernelProject(name, toolVersion, export, buildDir, pom, hash, session, testOutputs);
    }

    /** The JSON written to {@link #FILE_NAME}: sorted keys, no timestamps, so that the same project gives the same bytes. */
    public byte[] json() {
        JsonObject json = JsonObject.EMPTY
                .with("name", Json.string(name))
                .with("nbexport", Json.string(toolVersion))
                .with("project", Json.string(export.projectDir().toString()))
                .with("notebooks", Json.string(export.notebooksDir().toString()))
                .with("includes", WorkerMessages.strings(export.includes()))
                .with("excludes", WorkerMessages.strings(export.excludes()))
                .with("mainRoot", Json.string(export.mainRoot().toString()))
                .with("testRoot", Json.string(export.testRoot().toString()))
                .with("exportIndex", Json.string(export.indexFile() == null ? "" : export.indexFile().toString()))
                .with("buildDir", Json.string(buildDir.toString()))
                .with("pom", Json.string(pom.toString()))
                .with("pomSha256", Json.string(pomSha256))
                .with("session", session.json())
                .with("testOutputs", Json.string(testOutputs));
        return (JsonWriter.write(json) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static KernelProject read(Path file) throws IOException {
        JsonObject json;
        try {
            json = (JsonObject) JsonParser.parse(Files.readAllBytes(file));
        } catch (JsonParser.SyntaxError | ClassCastException e) {
            throw new IOException("broken kernel record " + file + ": " + e.getMessage(), e);
        }
        String index = json.string("exportIndex");
        ExportRequest export = new ExportRequest(Path.of(json.string("project")), Path.of(json.string("notebooks")),
                WorkerMessages.texts(json.array("includes")), WorkerMessages.texts(json.array("excludes")), Path.of(json.string("mainRoot")),
                Path.of(json.string("testRoot")), false, index.isEmpty() ? null : Path.of(index), json.string("nbexport"));
        return new KernelProject(json.string("name"), json.string("nbexport"), export, Path.of(json.string("buildDir")),
                Path.of(json.string("pom")), json.string("pomSha256"), WorkerConfig.of(json.object("session")),
                json.string("testOutputs"));
    }
}
