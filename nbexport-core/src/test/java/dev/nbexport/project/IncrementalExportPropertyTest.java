package dev.nbexport.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.nbexport.NbexportException;
import dev.nbexport.testing.TestNotebooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * For a generated project (several notebooks feeding a few classes in two packages: methods, records,
 * tests, explicit imports, cells exporting to another class than their notebook's), a random sequence of
 * edits: a method changed, a cell added or removed, a notebook's default target changed, a cell switched
 * to another target, an import added or removed, a record named like a JDK class (so that its package
 * needs no import of that class), notebooks added, removed and renamed, a generated file deleted. After
 * every edit the re-export with the index of the previous run leaves the source roots byte for byte as a
 * full export of the same notebooks into empty roots does, or fails where the full export fails; and
 * {@code check} then finds nothing.
 */
class IncrementalExportPropertyTest {

    private static final String[] CLASSES = {"com.acme.a.Text", "com.acme.a.Util", "com.acme.b.Text", "com.acme.b.Tools"};

    /** A project held in memory: notebook name → its cells' sources. */
    private static final class Project {
        final Map<String, List<String>> notebooks = new TreeMap<>();
        int counter;

        String name() {
            return String.valueOf(++counter);
        }

        String cell(int spec) {
            String n = name();
            return switch (Math.floorMod(spec, 7)) {
                case 0, 1 -> "//| export\npublic static int f" + n + "() {\n    return " + n + ";\n}";
                case 2 -> "//| export " + CLASSES[Math.floorMod(spec / 7, CLASSES.length)] + "\npublic static int g" + n
                        + "() {\n    return " + n + ";\n}";
                case 3 -> "import java.util.List;\n\n//| export\npublic static List<String> l" + n + "() {\n    return List.of(\"" + n
                        + "\");\n}";
                case 4 -> "//| export\nrecord R" + n + "(int a) {}";
                case 5 -> "//| export\npublic static Optional<String> o" + n + "() {\n    return Optional.empty();\n}";
                default -> "//| test\nif (" + n + " < 0) throw new AssertionError();";
            };
        }

        void notebook(String name, int spec) {
            List<String> cells = new ArrayList<>();
            cells.add("//| default_exp " + CLASSES[Math.floorMod(spec, CLASSES.length)]);
            for (int i = 0; i < 1 + Math.floorMod(spec / 4, 4); i++) {
                cells.add(cell(spec / 16 + i * 3));
            }
            notebooks.put(name, cells);
        }

        /** One edit chosen by {@code spec}; returns what it did, for the failure message. */
        String edit(int spec, Path root) throws IOException {
            List<String> names = new ArrayList<>(notebooks.keySet());
            int kind = Math.floorMod(spec, 11);
            int arg = Math.floorMod(spec / 11, 1 << 16);
            if (names.isEmpty() || kind == 6) {
                String name = String.format("%02d_added%s.ipynb", arg % 90, name());
                notebook(name, arg);
                return "add " + name;
            }
            String notebook = names.get(arg % names.size());
            List<String> cells = notebooks.get(notebook);
            int at = 1 + (arg / 7) % Math.max(1, cells.size() - 1);
            boolean hasCell = cells.size() > 1;
            switch (kind) {
                case 0 -> {
                    if (hasCell) {
                        cells.set(at, cells.get(at).replaceFirst("return ", "return 1 + "));
                        return "edit a method in " + notebook + " #" + at;
                    }
                }
                case 1 -> {
                    cells.add(Math.min(at + 1, cells.size()), cell(arg / 3));
                    return "add a cell to " + notebook;
                }
                case 2 -> {
                    if (hasCell) {
                        cells.remove(at);
                        return "remove cell " + at + " of " + notebook;
                    }
                }
                case 3 -> {
                    cells.set(0, "//| default_exp " + CLASSES[(arg / 3) % CLASSES.length]);
                    return "move " + notebook + " to " + cells.get(0);
                }
                case 4 -> {
                    if (hasCell && cells.get(at).startsWith("//| export")) {
                        String target = CLASSES[(arg / 5) % CLASSES.length];
                        cells.set(at, cells.get(at).replaceFirst("^//\\| export[^\\n]*", "//| export " + target));
                        return "switch cell " + at + " of " + notebook + " to " + target;
                    }
                }
                case 5 -> {
                    if (hasCell) {
                        String cell = cells.get(at);
                        cells.set(at, cell.startsWith("import ") ? cell.substring(cell.indexOf("\n\n") + 2)
                                : "import java.util.Optional;\n\n" + cell);
                        return "add or remove an import in " + notebook + " #" + at;
                    }
                }
                case 7 -> {
                    notebooks.remove(notebook);
                    return "remove " + notebook;
                }
                case 8 -> {
                    notebooks.remove(notebook);
                    String renamed = "renamed" + name() + "_" + notebook;
                    notebooks.put(renamed, cells);
                    return "rename " + notebook + " to " + renamed;
                }
                case 9 -> {
                    cells.add("//| export\nrecord Optional(int v) {}");
                    return "add record Optional to " + notebook;
                }
                default -> {
                    List<Path> generated = files(root.resolve("src")).keySet().stream().map(root.resolve("src")::resolve).toList();
                    if (!generated.isEmpty()) {
                        Path gone = generated.get(arg % generated.size());
                        Files.delete(gone);
                        return "delete " + gone.getFileName();
                    }
                }
            }
            cells.add(cell(arg));
            return "add a cell to " + notebook;
        }

        /** Writes the notebooks into {@code root}/notebooks, removing those no longer in the project. */
        void write(Path root) throws IOException {
            Path dir = root.resolve("notebooks");
            Files.createDirectories(dir);
            try (Stream<Path> existing = Files.list(dir)) {
                for (Path file : existing.toList()) {
                    if (!notebooks.containsKey(file.getFileName().toString())) {
                        Files.delete(file);
                    }
                }
            }
            clock = clock.plusSeconds(10);
            for (var notebook : notebooks.entrySet()) {
                Path file = dir.resolve(notebook.getKey());
                byte[] before = Files.exists(file) ? Files.readAllBytes(file) : null;
                FileTime savedBefore = before == null ? null : Files.getLastModifiedTime(file);
                TestNotebooks.write(file, notebook.getValue().toArray(String[]::new));
                // as an editor saves: only changed notebooks, each at the time of this step; the others keep
                // their old time, so the index knows them by their stamps and the re-export does not read them
                Files.setLastModifiedTime(file, Arrays.equals(before, Files.readAllBytes(file)) ? savedBefore : FileTime.from(clock));
            }
        }

        /** The time the notebooks of a step are saved at: long ago, ten seconds a step. */
        private Instant clock = Instant.parse("2001-01-01T00:00:00Z");
    }

    @Test
    void reExportAfterRandomEditsEqualsAFullExport() {
        qt().withExamples(25).withShrinkCycles(30) // each cycle exports a project several times
                .forAll(lists().of(integers().all()).ofSizeBetween(1, 4), lists().of(integers().all()).ofSizeBetween(1, 6))
                .checkAssert(this::editAndCompare);
        assertThat(partial).as("re-exports that read only some of the notebooks, of %d", steps).isGreaterThan(steps / 5);
        assertThat(stamped).as("re-exports that knew some notebooks by their stamps, of %d", steps).isGreaterThan(steps / 5);
    }

    /** Successful re-exports, and those of them that read fewer notebooks than the project has. */
    private int steps;
    private int partial;
    private int stamped;

    private void editAndCompare(List<Integer> notebookSpecs, List<Integer> edits) {
        try {
            Path incremental = Files.createTempDirectory("nbexport-incremental");
            try {
                Project project = new Project();
                for (int spec : notebookSpecs) {
                    project.notebook(String.format("%02d_nb%s.ipynb", Math.floorMod(spec, 90), project.name()), spec / 90);
                }
                List<String> done = new ArrayList<>(List.of("initial " + project.notebooks));
                project.write(incremental);
                compareWithFullExport(project, incremental, done);
                for (int edit : edits) {
                    done.add(project.edit(edit, incremental));
                    project.write(incremental);
                    compareWithFullExport(project, incremental, done);
                }
            } finally {
                delete(incremental);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void compareWithFullExport(Project project, Path incremental, List<String> done) throws IOException {
        Path full = Files.createTempDirectory("nbexport-full");
        try {
            project.write(full);
            String fullFailure = failure(() -> new ExportCommand().run(request(full, null)));
            ExportSummary[] summary = new ExportSummary[1];
            String incrementalFailure = failure(() -> summary[0] = new ExportCommand().run(request(incremental, incremental.resolve("target/nbexport/export.index"))));
            assertThat(incrementalFailure != null).as("fails as the full export does (%s) after %s", fullFailure, done)
                    .isEqualTo(fullFailure != null);
            if (fullFailure == null) {
                steps++;
                if (summary[0].upToDate() || summary[0].read() < summary[0].notebooks()) {
                    partial++;
                }
                if (!StalenessIndex.load(incremental.resolve("target/nbexport/export.index")).inputStamps().isEmpty()) {
                    stamped++;
                }
                assertThat(files(incremental.resolve("src"))).as("after %s", done).isEqualTo(files(full.resolve("src")));
                assertThat(new CheckCommand().run(request(incremental, incremental.resolve("target/nbexport/export.index"))))
                        .as("check after %s", done).isEmpty();
            }
        } finally {
            delete(full);
        }
    }

    private static String failure(Runnable export) {
        try {
            export.run();
            return null;
        } catch (NbexportException e) {
            return e.getMessage();
        }
    }

    private static ExportRequest request(Path project, Path index) {
        return new ExportRequest(project, project.resolve("notebooks"), List.of(), List.of(),
                project.resolve("src/main/java"), project.resolve("src/test/java"), false, index, "1.0-test");
    }

    /** Every file below {@code dir}: relative path → content. */
    private static Map<String, String> files(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
