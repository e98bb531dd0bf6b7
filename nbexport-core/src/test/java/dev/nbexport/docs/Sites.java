package dev.nbexport.docs;

import dev.nbexport.project.ExportRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds real sites for tests: this repository's docs and example project, and test projects. */
final class Sites {

    private Sites() {}

    /** The reactor root (the folder above nbexport-core). */
    static Path repository() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("nbexport-core")) ? here : here.getParent();
    }

    /** Builds the site of {@code notebooks} into {@code target/sites/<name>} from scratch. */
    static DocsResult build(String name, Path projectDir, Path notebooks) {
        Path target = repository().resolve("nbexport-core/target/sites");
        Path out = target.resolve(name);
        deleteRecursively(out);
        deleteRecursively(target.resolve(name + ".index"));
        return new DocsCommand().run(request(name, projectDir, notebooks, out, target.resolve(name + ".index"), false));
    }

    /** A request for the site of {@code notebooks}, with the API of their export (in memory, as the goal reads it). */
    static DocsRequest request(String title, Path projectDir, Path notebooks, Path out, Path index, boolean strict) {
        return new DocsRequest(projectDir, notebooks, List.of(), List.of(), out, projectDir.resolve("src/docs"), index,
                title, "test", strict, null, export(projectDir, notebooks));
    }

    /** The export of {@code notebooks} as the plugin's goals describe it by default. */
    static ExportRequest export(Path projectDir, Path notebooks) {
        return new ExportRequest(projectDir, notebooks, List.of(), List.of(), projectDir.resolve("src/main/java"),
                projectDir.resolve("src/test/java"), false, null, "test");
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
