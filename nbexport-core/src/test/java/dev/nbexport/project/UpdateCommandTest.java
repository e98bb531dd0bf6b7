package dev.nbexport.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.NbexportException;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.testing.KilledRun;
import dev.nbexport.testing.TestNotebooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateCommandTest {

    @TempDir
    Path project;

    private ExportRequest request() {
        return new ExportRequest(project, project.resolve("notebooks"), List.of(), List.of(),
                project.resolve("src/main/java"), project.resolve("src/test/java"), false, null, "test");
    }

    private Path notebook(String... sources) throws Exception {
        Files.createDirectories(project.resolve("notebooks"));
        Path nb = TestNotebooks.write(project.resolve("notebooks/00_core.ipynb"), sources);
        new ExportCommand().run(request());
        return nb;
    }

    private Path main(String path) {
        return project.resolve("src/main/java/" + path);
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String content = Files.readString(file);
        assertThat(content).contains(from);
        Files.writeString(file, content.replace(from, to));
    }

    private static List<String> sources(Path notebook) {
        return NotebookReader.read(notebook).cells().stream().map(Cell::source).toList();
    }

    /** After an update, export writes nothing and check passes. */
    private void assertInSync() {
        assertThat(new CheckCommand().run(request())).isEmpty();
        ExportSummary again = new ExportCommand().run(request());
        assertThat(again.written()).isEmpty();
    }

    @Test
    void anUpdateRemovesTheTemporaryFilesAKilledUpdateLeftAndNothingElse() throws Exception {
        notebook("//| default_exp com.acme.Core", "//| export\nint twice(int x) {\n    return 2 * x;\n}");
        Path notebookLeftover = Files.writeString(project.resolve("notebooks/" + KilledRun.leftoverOf("00_core.ipynb")), "{\"cells\": [");
        Path sourceLeftover = Files.writeString(main("com/acme/" + KilledRun.leftoverOf("Core.java")), "public class Co");
        Path lookalike = Files.writeString(project.resolve("notebooks/.00_core.ipynb.8345127710349.tmp"), "not ours");

        new UpdateCommand().run(request());

        assertThat(notebookLeftover).doesNotExist();
        assertThat(sourceLeftover).doesNotExist();
        assertThat(lookalike).hasContent("not ours");
    }

    @Test
    void anUpdateKilledAfterWritingTheNotebookButNotTheEditedFileIsFinishedByTheNextUpdate() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    return 2 * x;\n}");
        Path core = main("com/acme/Core.java");
        edit(core, "        return 2 * x;", "        return x + x;");
        String handEdited = Files.readString(core);
        new UpdateCommand().run(request());
        // notebooks are written before the edited files: a kill between the two leaves this
        Files.writeString(core, handEdited);

        UpdateSummary again = new UpdateCommand().run(request());

        assertThat(sources(nb)).containsExactly("//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    return x + x;\n}");
        assertThat(again.filesWritten()).containsExactly("src/main/java/com/acme/Core.java");
        assertInSync();
    }

    @Test
    void methodBodyEditGoesBackIntoItsCellAndExportModifiersAreUndone() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    return 2 * x;\n}",
                "twice(21)");
        Path core = main("com/acme/Core.java");
        assertThat(core).content().contains("    public static int twice(int x) {");
        edit(core, "        return 2 * x;", "        return x + x;");

        UpdateSummary summary = new UpdateCommand().run(request());

        assertThat(sources(nb)).containsExactly("//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    return x + x;\n}", "twice(21)");
        assertThat(summary.updatedCells()).containsExactly("notebooks/00_core.ipynb, cell 2 (id c2)");
        assertThat(summary.notebooksWritten()).containsExactly("notebooks/00_core.ipynb");
        assertThat(summary.filesWritten()).containsExactly("src/main/java/com/acme/Core.java");
        assertInSync();
    }

    @Test
    void addedMethodAndRenamedLocalStayInTheirCell() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    int y = 2 * x;\n    return y;\n}",
                "//| export\nString name = \"core\";");
        Path core = main("com/acme/Core.java");
        edit(core, "        int y = 2 * x;\n        return y;\n    }\n",
                "        int doubled = 2 * x;\n        return doubled;\n    }\n\n    public static int thrice(int x) {\n        return 3 * x;\n    }\n");

        new UpdateCommand().run(request());

        assertThat(sources(nb).get(1)).isEqualTo("//| export\nint twice(int x) {\n    int doubled = 2 * x;\n    return doubled;\n}"
                + "\n\npublic static int thrice(int x) {\n    return 3 * x;\n}");
        assertThat(sources(nb).get(2)).isEqualTo("//| export\nString name = \"core\";");
        assertInSync();
    }

    @Test
    void cellSpreadOverTwoFilesIsPutBackTogetherInItsOrder() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core",
                "//| export\nrecord Pair(int a, int b) {\n    int sum() {\n        return a + b;\n    }\n}\n\nstatic Pair pair(int a) {\n    return new Pair(a, a);\n}");
        edit(main("com/acme/Pair.java"), "return a + b;", "return b + a;");
        edit(main("com/acme/Core.java"), "return new Pair(a, a);", "return new Pair(a, 0);");

        new UpdateCommand().run(request());

        assertThat(sources(nb).get(1)).isEqualTo("//| export\nrecord Pair(int a, int b) {\n    int sum() {\n        return b + a;\n"
                + "    }\n}\n\nstatic Pair pair(int a) {\n    return new Pair(a, 0);\n}");
        assertInSync();
    }

    @Test
    void importAddedByHandGoesToTheCellThatUsesItAndIsReported() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    return 2 * x;\n}",
                "//| export\nimport java.text.Normalizer;\n\nString plain(String s) {\n    return Normalizer.normalize(s, Normalizer.Form.NFD);\n}");
        Path core = main("com/acme/Core.java");
        edit(core, "import java.text.Normalizer;\n", "import java.text.Normalizer;\nimport java.util.function.IntUnaryOperator;\n");
        edit(core, "        return 2 * x;", "        IntUnaryOperator f = v -> 2 * v;\n        return f.applyAsInt(x);");

        UpdateSummary summary = new UpdateCommand().run(request());

        assertThat(sources(nb).get(1)).isEqualTo("//| export\nimport java.util.function.IntUnaryOperator;\n\n"
                + "int twice(int x) {\n    IntUnaryOperator f = v -> 2 * v;\n    return f.applyAsInt(x);\n}");
        assertThat(summary.importsMoved()).singleElement().asString()
                .contains("import java.util.function.IntUnaryOperator;", "src/main/java/com/acme/Core.java, line 8",
                        "notebooks/00_core.ipynb, cell 2 (id c2)");
        assertInSync();
    }

    @Test
    void importAddedToACellWithImportsGoesAfterThem() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core",
                "//| export\nimport java.text.Normalizer;\n\nString plain(String s) {\n    return Normalizer.normalize(s, Normalizer.Form.NFD);\n}");
        Path core = main("com/acme/Core.java");
        edit(core, "import java.text.Normalizer;\n", "import java.text.Collator;\nimport java.text.Normalizer;\n");
        edit(core, "        return Normalizer", "        Collator.getInstance();\n        return Normalizer");

        new UpdateCommand().run(request());

        assertThat(sources(nb).get(1)).startsWith("//| export\nimport java.text.Normalizer;\nimport java.text.Collator;\n\nString plain");
        assertInSync();
    }

    @Test
    void directivesMagicsOutputsMetadataAndIdAreKept() throws Exception {
        Files.createDirectories(project.resolve("notebooks"));
        Path nb = project.resolve("notebooks/00_core.ipynb");
        Cell code = Cell.of(CellType.CODE, "twice-cell", "//| export\n%maven org.example:lib:1.0\nint twice(int x) {\n    %jars x.jar\n    return 2 * x;\n}")
                .withMetadata(JsonObject.EMPTY.with("tags", new Json.JsonArray(List.of(Json.string("keep")))))
                .with("execution_count", Json.JsonNumber.of(7))
                .with("outputs", new Json.JsonArray(List.of(JsonObject.EMPTY.with("name", Json.string("stdout"))
                        .with("output_type", Json.string("stream")).with("text", Json.string("hi\n")))));
        Notebook before = TestNotebooks.of("//| default_exp com.acme.Core").withCells(List.of(
                Cell.of(CellType.CODE, "c1", "//| default_exp com.acme.Core"), code));
        NotebookWriter.write(before, nb);
        new ExportCommand().run(request());
        edit(main("com/acme/Core.java"), "        return 2 * x;", "        return x * 2;");

        new UpdateCommand().run(request());

        Notebook after = NotebookReader.read(nb);
        assertThat(after.cells().get(1).source())
                .isEqualTo("//| export\n%maven org.example:lib:1.0\nint twice(int x) {\n    %jars x.jar\n    return x * 2;\n}");
        assertThat(after.cells().get(1).withSource(code.source())).isEqualTo(before.cells().get(1));
        assertThat(after.withCell(1, before.cells().get(1))).isEqualTo(before);
        assertInSync();
    }

    @Test
    void typeFileEditKeepsTheCellsOwnModifiers() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core",
                "//| export\nstatic enum Color {\n    RED, GREEN;\n\n    Color next() {\n        return values()[(ordinal() + 1) % 2];\n    }\n}");
        Path color = main("com/acme/Color.java");
        assertThat(color).content().contains("public enum Color {");
        edit(color, "    RED, GREEN;", "    RED,\n    GREEN;");

        new UpdateCommand().run(request());

        assertThat(sources(nb).get(1)).startsWith("//| export\nstatic enum Color {\n    RED,\n    GREEN;\n");
        assertInSync();
    }

    @Test
    void testCellStatementsComeOutOfTheirTestMethod() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    return 2 * x;\n}",
                "//| test doubles\nint y = twice(2);\nif (y != 4) throw new AssertionError();");
        Path test = project.resolve("src/test/java/com/acme/CoreNotebookTest.java");
        edit(test, "        int y = twice(2);", "        int y = twice(2) + 0;");

        new UpdateCommand().run(request());

        assertThat(sources(nb).get(2)).isEqualTo("//| test doubles\nint y = twice(2) + 0;\nif (y != 4) throw new AssertionError();");
        assertInSync();
    }

    @Test
    void markersWithCellNumbersWorkInNotebooksWithoutIds() throws Exception {
        Files.createDirectories(project.resolve("notebooks"));
        Path nb = project.resolve("notebooks/00_core.ipynb");
        NotebookWriter.write(TestNotebooks.of().withCells(List.of(
                Cell.of(CellType.CODE, null, "//| default_exp com.acme.Core"),
                Cell.of(CellType.CODE, null, "//| export\nint twice(int x) {\n    return 2 * x;\n}"))), nb);
        new ExportCommand().run(request());
        Path core = main("com/acme/Core.java");
        assertThat(core).content().contains("// %% notebooks/00_core.ipynb #2");
        edit(core, "return 2 * x;", "return x + x;");

        new UpdateCommand().run(request());

        assertThat(sources(nb).get(1)).isEqualTo("//| export\nint twice(int x) {\n    return x + x;\n}");
        assertInSync();
    }

    @Test
    void nothingEditedMeansNothingToDo() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core", "//| export\nint one() { return 1; }");
        byte[] before = Files.readAllBytes(nb);

        UpdateSummary summary = new UpdateCommand().run(request());

        assertThat(summary.editedFiles()).isEmpty();
        assertThat(summary.line()).startsWith("No generated file was edited by hand");
        assertThat(Files.readAllBytes(nb)).isEqualTo(before);
    }

    @Test
    void codeOutsideAnyMarkerIsAnErrorNamingTheLines() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core", "//| export\nint twice(int x) {\n    return 2 * x;\n}");
        Path core = main("com/acme/Core.java");
        edit(core, "    private Core() {\n    }\n", "    private Core() {\n    }\n\n    static int stray = 1;\n");
        edit(core, "        return 2 * x;", "        return x + x;");

        assertUnchangedAfterFailure(nb, core, "src/main/java/com/acme/Core.java, line 12: code outside any cell marker");
    }

    @Test
    void markerOfADeletedCellIsAnError() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core", "//| export\nint twice(int x) {\n    return 2 * x;\n}");
        Path core = main("com/acme/Core.java");
        edit(core, "// %% notebooks/00_core.ipynb #c2", "// %% notebooks/00_core.ipynb #gone");

        assertUnchangedAfterFailure(nb, core,
                "src/main/java/com/acme/Core.java, line 12: the cell marker names cell #gone of notebooks/00_core.ipynb,"
                        + " which is no longer in the notebook");
    }

    @Test
    void markerOfAMissingNotebookIsAnError() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core", "//| export\nint twice(int x) {\n    return 2 * x;\n}");
        Path core = main("com/acme/Core.java");
        edit(core, "// %% notebooks/00_core.ipynb #c2", "// %% notebooks/99_gone.ipynb #c2");

        assertUnchangedAfterFailure(nb, core, "line 12: the cell marker names notebooks/99_gone.ipynb, which is not a notebook");
    }

    @Test
    void editOnBothSidesIsAConflictShowingBoth() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core", "//| export\nint twice(int x) {\n    return 2 * x;\n}");
        Path core = main("com/acme/Core.java");
        edit(core, "        return 2 * x;", "        return x + x;");
        TestNotebooks.write(nb, "//| default_exp com.acme.Core", "//| export\nint twice(int x) {\n    return x << 1;\n}");

        String message = assertUnchangedAfterFailure(nb, core,
                "src/main/java/com/acme/Core.java: conflict in notebooks/00_core.ipynb #c2");
        assertThat(message).contains("-        return x + x;", "+        return x << 1;", "(edited by hand)",
                "(exported from the notebooks now)");
    }

    @Test
    void notebookEditInOneCellAndHandEditInAnotherCellOfTheSameFileAreBothKept() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    return 2 * x;\n}",
                "//| export\nint thrice(int x) {\n    return 3 * x;\n}");
        Path core = main("com/acme/Core.java");
        edit(core, "        return 2 * x;", "        return x + x;");
        // meanwhile, in the notebook, the other cell changes, and now needs an import export adds
        TestNotebooks.write(nb, "//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    return 2 * x;\n}",
                "//| export\nint thrice(int x) {\n    return List.of(x, x, x).stream().mapToInt(i -> i).sum();\n}");

        UpdateSummary summary = new UpdateCommand().run(request());

        assertThat(sources(nb)).containsExactly("//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    return x + x;\n}",
                "//| export\nint thrice(int x) {\n    return List.of(x, x, x).stream().mapToInt(i -> i).sum();\n}");
        assertThat(summary.updatedCells()).containsExactly("notebooks/00_core.ipynb, cell 2 (id c2)");
        assertThat(core).content().contains("import java.util.List;", "        return x + x;",
                "        return List.of(x, x, x)");
        assertInSync();
    }

    @Test
    void handEditedImportsAndANotebookEditInAnotherCellAreBothKept() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    return 2 * x;\n}",
                "//| export\nint thrice(int x) {\n    return 3 * x;\n}");
        Path core = main("com/acme/Core.java");
        edit(core, "package com.acme;\n\n", "package com.acme;\n\nimport java.util.Objects;\n\n");
        edit(core, "        return 2 * x;", "        return Objects.hash(x) * 0 + 2 * x;");
        TestNotebooks.write(nb, "//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    return 2 * x;\n}",
                "//| export\nint thrice(int x) {\n    return x + x + x;\n}");

        new UpdateCommand().run(request());

        assertThat(sources(nb)).containsExactly("//| default_exp com.acme.Core",
                "//| export\nimport java.util.Objects;\n\nint twice(int x) {\n    return Objects.hash(x) * 0 + 2 * x;\n}",
                "//| export\nint thrice(int x) {\n    return x + x + x;\n}");
        assertInSync();
    }

    @Test
    void editThatExportWouldNotReproduceIsRefusedWithItsLines() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core",
                "//| export\nList<String> names() {\n    return List.of(\"a\");\n}");
        Path core = main("com/acme/Core.java");
        // export imports java.util.List because the code uses it: removing the import cannot be mapped back
        edit(core, "import java.util.List;\n", "");
        edit(core, "return List.of(\"a\");", "return List.of(\"b\");");

        assertUnchangedAfterFailure(nb, core, "src/main/java/com/acme/Core.java, line 6 (outside any cell marker)"
                + ": cannot be mapped back");
    }

    @Test
    void editThatWouldChangeAnotherFileIsRefused() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    return 2 * x;\n}\n\nrecord Pair(int a) {}");
        Path core = main("com/acme/Core.java");
        // the import goes to the cell, whose record file would then import it too
        edit(core, "package com.acme;\n\n", "package com.acme;\n\nimport java.util.*;\n\n");

        assertUnchangedAfterFailure(nb, core, "src/main/java/com/acme/Pair.java: the updated cells would also change this file");
    }

    private String assertUnchangedAfterFailure(Path nb, Path javaFile, String expected) throws Exception {
        byte[] notebookBefore = Files.readAllBytes(nb);
        byte[] javaBefore = Files.readAllBytes(javaFile);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> new UpdateCommand().run(request()));
        assertThat(thrown).isInstanceOf(NbexportException.class);
        String message = ((NbexportException) thrown).describe();
        assertThat(message).contains(expected).contains("Nothing was written");
        assertThat(Files.readAllBytes(nb)).isEqualTo(notebookBefore);
        assertThat(Files.readAllBytes(javaFile)).isEqualTo(javaBefore);
        return message;
    }

    @Test
    void updatedNotebookValidatesWithPythonNbformat() throws Exception {
        Path nb = notebook("//| default_exp com.acme.Core", "//| export\nint twice(int x) {\n    return 2 * x;\n}");
        edit(main("com/acme/Core.java"), "return 2 * x;", "return x + x; // ünïcode");
        new UpdateCommand().run(request());

        Process validate = new ProcessBuilder("/usr/bin/python3", "-c",
                "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", nb.toString())
                .redirectErrorStream(true).start();
        String out = new String(validate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(validate.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(validate.exitValue()).withFailMessage(out).isZero();
    }
}
