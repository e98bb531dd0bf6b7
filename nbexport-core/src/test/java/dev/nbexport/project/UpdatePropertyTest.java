package dev.nbexport.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.nbexport.layout.FileLayout;
import dev.nbexport.layout.GeneratedHeader;
import dev.nbexport.layout.MarkedFile;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.testing.TestNotebooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * For generated notebooks (methods, fields, records and enums with bodies, a record and a method in
 * one cell, with and without the modifiers export adds), export; edit the exported files as a person
 * would (change a method body line, rename a local, add a method to a block, add an import); update;
 * then exporting again gives exactly the edited files (apart from their hash lines), and the notebook
 * differs from before only in the sources of the edited cells. With notebook edits to other cells in
 * between, both the notebook's and the hand edits survive.
 */
class UpdatePropertyTest {

    private static final String[] METHOD_MODIFIERS = {"", "static ", "public static ", "private static "};
    private static final String[] FIELD_MODIFIERS = {"", "static final ", "public static "};

    @Test
    void updateThenExportReproducesTheEditedFilesAndChangesOnlyTheEditedCells() {
        qt().withExamples(40)
                .forAll(lists().of(integers().between(0, 99)).ofSizeBetween(1, 5),
                        lists().of(integers().between(0, 399)).ofSizeBetween(1, 4))
                .checkAssert((cells, edits) -> roundTrip(cells, edits, List.of()));
    }

    /**
     * As above, and meanwhile other cells (not edited by hand) change in the notebook: update keeps
     * those notebook changes and moves the hand edits back, and export and check agree afterwards.
     */
    @Test
    void notebookEditsToOtherCellsSurviveAnUpdate() {
        qt().withExamples(30)
                .forAll(lists().of(integers().between(0, 99)).ofSizeBetween(2, 5),
                        lists().of(integers().between(0, 399)).ofSizeBetween(1, 3),
                        lists().of(integers().between(0, 99)).ofSizeBetween(1, 3))
                .checkAssert(this::roundTrip);
    }

    /** A notebook-side edit that keeps the cell's blocks where they are. */
    private static String notebookEdit(String source) {
        return source.contains("return ") ? source.replaceFirst("return ", "return 0 + ") : source.replace("\"v", "\"w");
    }

    private static String cell(int i, int spec) {
        int kind = spec % 5;
        int variant = spec / 5;
        String method = METHOD_MODIFIERS[variant % METHOD_MODIFIERS.length] + "int f" + i + "(int x) {\n    int y" + i
                + " = x + " + i + ";\n    return y" + i + ";\n}";
        return "//| export\n" + switch (kind) {
            case 0 -> (variant % 2 == 0 ? "" : "import java.text.Normalizer;\n\n") + "/** Adds " + i + ". */\n" + method;
            case 1 -> FIELD_MODIFIERS[variant % FIELD_MODIFIERS.length] + "String name" + i + " = \"v" + i + "\";";
            case 2 -> (variant % 2 == 0 ? "" : "static ") + "record R" + i + "(int a) {\n    int twice() {\n        int t" + i
                    + " = a * 2;\n        return t" + i + ";\n    }\n}";
            case 3 -> "enum E" + i + " {\n    A, B;\n\n    int code() {\n        int c" + i + " = ordinal();\n        return c" + i
                    + ";\n    }\n}";
            default -> "record P" + i + "(int a) {\n    int half() {\n        int h" + i + " = a / 2;\n        return h" + i
                    + ";\n    }\n}\n\n" + method;
        };
    }

    private void roundTrip(List<Integer> cellSpecs, List<Integer> edits, List<Integer> notebookEdits) {
        Path project = tempProject();
        try {
            List<String> sources = new ArrayList<>();
            sources.add("# A notebook");
            sources.add("//| default_exp com.acme.Core");
            for (int i = 0; i < cellSpecs.size(); i++) {
                sources.add(cell(i, cellSpecs.get(i)));
                if (i == 1) {
                    sources.add("f0(1)");
                }
            }
            Path nb = TestNotebooks.write(Files.createDirectories(project.resolve("notebooks")).resolve("00_gen.ipynb"),
                    sources.toArray(String[]::new));
            ExportRequest request = new ExportRequest(project, project.resolve("notebooks"), List.of(), List.of(),
                    project.resolve("src/main/java"), project.resolve("src/test/java"), false, null, "test");
            new ExportCommand().run(request);
            Map<Path, String> exported = files(project);
            Notebook before = NotebookReader.read(nb);

            Map<Path, String> edited = new TreeMap<>(exported);
            Set<String> editedCells = new HashSet<>();
            int counter = 0;
            for (int e : edits) {
                edit(edited, e % 4, e / 4, counter++, editedCells);
            }
            for (Map.Entry<Path, String> f : edited.entrySet()) {
                Files.writeString(f.getKey(), f.getValue());
            }
            editedCells.addAll(changedBlocks(exported, edited));

            // meanwhile, in the notebook: cells nobody edited by hand change
            Map<String, String> notebookEdited = new TreeMap<>();
            List<Cell> exportedCells = before.cells().stream()
                    .filter(c -> c.source().startsWith("//| export") && !editedCells.contains(c.id())).toList();
            for (int e : notebookEdits) {
                if (!exportedCells.isEmpty()) {
                    Cell c = exportedCells.get(e % exportedCells.size());
                    notebookEdited.putIfAbsent(c.id(), notebookEdit(c.source()));
                }
            }
            if (!notebookEdited.isEmpty()) {
                List<Cell> changed = new ArrayList<>();
                for (Cell c : before.cells()) {
                    changed.add(notebookEdited.containsKey(c.id()) ? c.withSource(notebookEdited.get(c.id())) : c);
                }
                dev.nbexport.notebook.NotebookWriter.write(before.withCells(changed), nb);
                before = NotebookReader.read(nb);
            }

            UpdateSummary summary = new UpdateCommand().run(request);
            if (!edited.equals(exported)) {
                assertThat(summary.updatedCells()).isNotEmpty();
            }
            new ExportCommand().run(request);

            Map<Path, String> after = files(project);
            assertThat(after.keySet()).isEqualTo(edited.keySet());
            for (Path file : edited.keySet()) {
                if (notebookEdited.isEmpty()) {
                    assertThat(GeneratedHeader.withoutHash(after.get(file))).as(file.toString())
                            .isEqualTo(GeneratedHeader.withoutHash(edited.get(file)));
                } else {
                    // every block edited by hand is in the result as edited
                    MarkedFile was = FileLayout.read(edited.get(file));
                    MarkedFile is = FileLayout.read(after.get(file));
                    assertThat(is.markers()).as(file.toString()).isEqualTo(was.markers());
                    for (int b = 0; b < was.blocks().size(); b++) {
                        if (editedCells.contains(was.blocks().get(b).marker().key())) {
                            assertThat(is.blocks().get(b).text()).as("%s, block %d", file, b)
                                    .isEqualTo(was.blocks().get(b).text());
                        }
                    }
                }
            }
            assertThat(new CheckCommand().run(request)).isEmpty();
            Notebook now = NotebookReader.read(nb);
            assertThat(now.cells()).hasSameSizeAs(before.cells());
            for (int i = 0; i < now.cells().size(); i++) {
                Cell was = before.cells().get(i);
                Cell is = now.cells().get(i);
                if (!editedCells.contains(was.id())) {
                    assertThat(is).as("cell %s was not edited", was.id()).isEqualTo(was);
                } else {
                    assertThat(is.withSource(was.source())).as("only the source of %s changes", was.id()).isEqualTo(was);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(project);
        }
    }

    private static final Pattern RETURN = Pattern.compile("return ([a-z]\\d+);");
    private static final Pattern LOCAL = Pattern.compile("int ([a-z]\\d+) = ");

    /** Applies one edit to the n-th place it fits, across the files in path order; records the cell it touched. */
    private static void edit(Map<Path, String> files, int kind, int n, int counter, Set<String> editedCells) {
        Path core = files.keySet().stream().filter(p -> p.endsWith("Core.java")).findFirst().orElse(null);
        switch (kind) {
            case 0 -> replaceNth(files, RETURN, n, m -> "return " + m.group(1) + " + 1;");
            case 1 -> {
                List<Map.Entry<Path, Matcher>> found = find(files, LOCAL);
                if (!found.isEmpty()) {
                    var hit = found.get(n % found.size());
                    String local = hit.getValue().group(1);
                    files.put(hit.getKey(), files.get(hit.getKey()).replaceAll("\\b" + local + "\\b", "renamed" + local));
                }
            }
            case 2 -> {
                if (core == null) {
                    return;
                }
                List<String> lines = new ArrayList<>(MarkedFile.lines(files.get(core)));
                MarkedFile marked = FileLayout.read(files.get(core));
                var block = marked.blocks().get(n % marked.blocks().size());
                int last = block.firstIndex() + block.text().size() - 1;
                lines.addAll(last + 1, List.of("", "    public static int added" + counter + "() {",
                        "        return " + counter + ";", "    }"));
                files.put(core, String.join("\n", lines) + "\n");
            }
            default -> {
                if (core == null || !RETURN.matcher(files.get(core)).find()) {
                    return;
                }
                Map<Path, String> only = new TreeMap<>(Map.of(core, files.get(core)));
                replaceNth(only, RETURN, n, m -> "IntSupplier s" + counter + " = () -> " + m.group(1) + ";\n        return s"
                        + counter + ".getAsInt();");
                files.put(core, withImport(only.get(core), "java.util.function.IntSupplier"));
            }
        }
    }

    private static List<Map.Entry<Path, Matcher>> find(Map<Path, String> files, Pattern pattern) {
        List<Map.Entry<Path, Matcher>> found = new ArrayList<>();
        for (Map.Entry<Path, String> f : files.entrySet()) {
            Matcher m = pattern.matcher(f.getValue());
            while (m.find()) {
                Matcher copy = pattern.matcher(f.getValue());
                copy.find(m.start());
                found.add(Map.entry(f.getKey(), copy));
            }
        }
        return found;
    }

    private static void replaceNth(Map<Path, String> files, Pattern pattern, int n,
            java.util.function.Function<Matcher, String> replacement) {
        List<Map.Entry<Path, Matcher>> found = find(files, pattern);
        if (found.isEmpty()) {
            return;
        }
        var hit = found.get(n % found.size());
        Matcher m = hit.getValue();
        String text = files.get(hit.getKey());
        files.put(hit.getKey(), text.substring(0, m.start()) + replacement.apply(m) + text.substring(m.end()));
    }

    /** The file with one more import, where an IDE (and export) puts it: sorted, statics first. */
    private static String withImport(String content, String name) {
        List<String> lines = MarkedFile.lines(content);
        int pkg = 0;
        while (!lines.get(pkg).startsWith("package ")) {
            pkg++;
        }
        int body = pkg + 1;
        TreeSet<String> imports = new TreeSet<>();
        while (body < lines.size() && (lines.get(body).isEmpty() || lines.get(body).startsWith("import "))) {
            if (!lines.get(body).isEmpty()) {
                imports.add(lines.get(body).substring("import ".length(), lines.get(body).length() - 1));
            }
            body++;
        }
        imports.add(name);
        List<String> out = new ArrayList<>(lines.subList(0, pkg + 1));
        out.add("");
        List<String> statics = imports.stream().filter(i -> i.startsWith("static ")).toList();
        statics.forEach(i -> out.add("import " + i + ";"));
        List<String> plain = imports.stream().filter(i -> !i.startsWith("static ")).toList();
        if (!statics.isEmpty() && !plain.isEmpty()) {
            out.add("");
        }
        plain.forEach(i -> out.add("import " + i + ";"));
        out.add("");
        out.addAll(lines.subList(body, lines.size()));
        return String.join("\n", out) + "\n";
    }

    /** Cell ids of the blocks whose text the edits changed. */
    private static Set<String> changedBlocks(Map<Path, String> before, Map<Path, String> after) {
        Set<String> ids = new HashSet<>();
        for (Path file : before.keySet()) {
            MarkedFile was = FileLayout.read(before.get(file));
            MarkedFile is = FileLayout.read(after.get(file));
            boolean importsChanged = !imports(was).equals(imports(is));
            for (int k = 0; k < was.blocks().size(); k++) {
                if (importsChanged || !was.blocks().get(k).text().equals(is.blocks().get(k).text())) {
                    ids.add(was.blocks().get(k).marker().key());
                }
            }
        }
        return ids;
    }

    private static List<String> imports(MarkedFile file) {
        return file.lines().stream().filter(l -> l.startsWith("import ")).toList();
    }

    private static Map<Path, String> files(Path project) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        Path root = project.resolve("src");
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(p, Files.readString(p));
            }
        }
        return files;
    }

    private static Path tempProject() {
        try {
            return Files.createTempDirectory("nbexport-update");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
