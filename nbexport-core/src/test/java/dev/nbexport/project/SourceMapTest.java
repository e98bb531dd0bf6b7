package dev.nbexport.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.export.Exporter;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.layout.MarkedFile;
import dev.nbexport.layout.SourceMap.CellPosition;
import dev.nbexport.layout.SourceMap.FilePosition;
import dev.nbexport.layout.SourceMap.LineRange;
import dev.nbexport.layout.SourceMap;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.testing.TestNotebooks;
import dev.nbexport.workspace.ProjectNotebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source map of each generated file, as the runner and the docs site will ask it. */
class SourceMapTest {

    private static final String NB = "notebooks/00_core.ipynb";

    @TempDir
    Path project;

    private ProjectExport export(Path notebooks) {
        return export(project, notebooks);
    }

    private static ProjectExport export(Path project, Path notebooks) {
        return ProjectExport.plan(new ExportRequest(project, notebooks, List.of(), List.of(), project.resolve("src/main/java"),
                project.resolve("src/test/java"), false, null, "test"), new Exporter());
    }

    private ProjectExport export(String... sources) throws IOException {
        TestNotebooks.write(Files.createDirectories(project.resolve("notebooks")).resolve("00_core.ipynb"), sources);
        return export(project.resolve("notebooks"));
    }

    private static GeneratedFile file(ProjectExport export, String path) {
        return export.result().files().stream().filter(f -> f.relativePath().equals(path)).findFirst().orElseThrow();
    }

    /** The 1-based line of {@code file} that contains {@code text}, and the column where it starts. */
    private static FilePosition find(GeneratedFile file, String text) {
        List<String> lines = MarkedFile.lines(file.content());
        for (int i = 0; i < lines.size(); i++) {
            int at = lines.get(i).indexOf(text);
            if (at >= 0) {
                return new FilePosition(i + 1, at + 1);
            }
        }
        throw new AssertionError(text + " not in " + file.relativePath());
    }

    @Test
    void aStackTraceLineInAGeneratedMethodMapsToItsCellLine() throws IOException {
        ProjectExport export = export("//| default_exp com.acme.Core",
                "//| export\n%maven org.example:lib:1.0\nint twice(int x) {\n    return 2 * x;\n}");
        GeneratedFile core = file(export, "com/acme/Core.java");
        FilePosition ret = find(core, "return 2 * x;");

        Optional<CellPosition> at = core.sourceMap().cellPosition(ret.line());

        CellRef cell = new CellRef(NB, 2, "c2");
        assertThat(at).contains(new CellPosition(cell, 4, 0)); // directive and magic lines count: line 4 of the cell
        assertThat(at.orElseThrow()).hasToString("notebooks/00_core.ipynb, cell 2 (id c2), line 4");
        assertThat(core.sourceMap().cellPosition(ret.line(), ret.column())).contains(new CellPosition(cell, 4, 5));
    }

    @Test
    void aDeclarationMapsBothWaysPastTheModifiersExportAdded() throws IOException {
        ProjectExport export = export("//| default_exp com.acme.Core", "//| export\nint twice(int x) {\n    return 2 * x;\n}");
        GeneratedFile core = file(export, "com/acme/Core.java");
        SourceMap map = core.sourceMap();
        CellRef cell = new CellRef(NB, 2, "c2");
        FilePosition name = find(core, "twice(int x)"); // "    public static int twice(int x) {"

        assertThat(map.cellPosition(name.line(), name.column())).contains(new CellPosition(cell, 2, 5));
        assertThat(map.filePosition(cell, 2, 5)).contains(name);
        assertThat(map.filePosition(cell, 2, 0)).contains(new FilePosition(name.line(), 5));
        // a column inside `public static ` maps to where export inserted it
        assertThat(map.cellPosition(name.line(), 6)).contains(new CellPosition(cell, 2, 1));
        assertThat(map.blocks().get(0).lines().get(0).edits()).singleElement()
                .satisfies(e -> assertThat(e.inserted()).isEqualTo("public static "));
    }

    @Test
    void aCellSpreadOverTwoFilesHasARangeInEach() throws IOException {
        ProjectExport export = export("//| default_exp com.acme.Core",
                "//| export\nrecord Pair(int a, int b) {}\n\nstatic Pair pair(int a) {\n    return new Pair(a, a);\n}");
        CellRef cell = new CellRef(NB, 2, "c2");
        GeneratedFile pair = file(export, "com/acme/Pair.java");
        GeneratedFile core = file(export, "com/acme/Core.java");

        assertThat(pair.sourceMap().fileRanges(cell)).containsExactly(
                new LineRange(find(pair, "// %% ").line(), find(pair, "public record Pair").line()));
        assertThat(core.sourceMap().fileRanges(cell)).containsExactly(
                new LineRange(find(core, "// %% ").line(), find(core, "return new Pair").line() + 1));
        assertThat(pair.sourceMap().filePosition(cell, 5, 0)).isEmpty(); // that line went to Core.java
        assertThat(core.sourceMap().filePosition(cell, 5, 0)).contains(new FilePosition(find(core, "return new Pair").line(), 5));
    }

    @Test
    void theTestMethodExportWroteMapsToItsCellButToNoLine() throws IOException {
        ProjectExport export = export("//| default_exp com.acme.Core", "//| export\nint twice(int x) {\n    return 2 * x;\n}",
                "//| test doubles\nint y = twice(2);\nif (y != 4) throw new AssertionError();");
        GeneratedFile test = file(export, "com/acme/CoreNotebookTest.java");
        SourceMap map = test.sourceMap();
        CellRef cell = new CellRef(NB, 3, "c3");

        assertThat(map.cellPosition(find(test, "void doubles()").line())).contains(new CellPosition(cell, 0, 0));
        assertThat(map.cellPosition(find(test, "if (y != 4)").line(), 9)).contains(new CellPosition(cell, 3, 1));
        assertThat(map.blocks().get(0).testMethod().opening()).contains("void doubles() throws Exception {");
        assertThat(map.blocks().get(0).codeIndent()).isEqualTo("        ");
    }

    @Test
    void headerPackageImportsAndTheClassOwnLinesMapToNoCell() throws IOException {
        ProjectExport export = export("//| default_exp com.acme.Core",
                "//| export\nimport java.text.Normalizer;\n\nString plain(String s) {\n    return Normalizer.normalize(s, Normalizer.Form.NFD);\n}");
        GeneratedFile core = file(export, "com/acme/Core.java");

        for (String text : List.of("// Generated by nbexport", "package com.acme;", "import java.text.Normalizer;",
                "public final class Core {", "private Core() {")) {
            assertThat(core.sourceMap().cellPosition(find(core, text).line())).as(text).isEmpty();
        }
    }

    /**
     * For every generated file of real notebooks, every line the map takes from a cell reads as that cell
     * line with the recorded edits applied, and maps back to where the map says it came from.
     */
    @Test
    void everyMappedLineIsItsCellLineWithTheRecordedEdits() throws IOException {
        Path example = Path.of("..", "example-project");
        check(export(example, example.resolve("notebooks")));
        check(export("//| default_exp com.acme.Core",
                "//| export\nimport java.util.List;\n\n/** Doc. */\n@Deprecated\nprotected static int f(int x) { return x; }"
                        + "\n\nprivate record R(int a) {\n    R {\n    }\n}\n\nstatic String s = \"x\";\n// trailing",
                "//| exporti\npublic int g() {\n    return 1;\n}\n\nstatic class Box {}",
                "//| test\n@org.junit.jupiter.api.Test\nvoid works() {\n    f(1);\n}",
                "//| test named\nint y = f(2);\n\nassert y == 2;"));
    }

    private static void check(ProjectExport export) {
        Map<String, Cell> cells = new TreeMap<>();
        for (ProjectNotebook nb : export.notebooks()) {
            for (int i = 0; i < nb.notebook().cells().size(); i++) {
                cells.put(nb.notebook().cellRef(nb.path(), i).toString(), nb.notebook().cells().get(i));
            }
        }
        int checked = 0;
        for (GeneratedFile file : export.result().files()) {
            List<String> lines = MarkedFile.lines(file.content());
            for (SourceMap.Block block : file.sourceMap().blocks()) {
                assertThat(lines.get(block.markerLine() - 1).strip()).isEqualTo(block.marker().render());
                List<String> source = List.of(cells.get(block.cell().toString()).source().split("\n", -1));
                for (int i = 0; i < block.lines().size(); i++) {
                    SourceMap.Line line = block.lines().get(i);
                    String text = lines.get(block.firstLine() + i - 1);
                    if (line.synthetic() || text.isEmpty() || line.importRemoved()) {
                        continue;
                    }
                    assertThat(text).startsWith(block.codeIndent());
                    String expected = applied(source, line);
                    assertThat(expected).as("%s, line %d", file.relativePath(), block.firstLine() + i)
                            .startsWith(text.substring(block.codeIndent().length()));
                    int column = block.codeIndent().length() + 1;
                    assertThat(file.sourceMap().cellPosition(block.firstLine() + i, 0))
                            .contains(new CellPosition(block.cell(), line.cellLine(), 0));
                    if (line.edits().isEmpty() || line.edits().get(0).cellColumn() > line.cellColumn()) {
                        assertThat(file.sourceMap().cellPosition(block.firstLine() + i, column))
                                .contains(new CellPosition(block.cell(), line.cellLine(), line.cellColumn()));
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    /** The cell line from the line's column on, with its edits applied. */
    private static String applied(List<String> source, SourceMap.Line line) {
        StringBuilder sb = new StringBuilder();
        int row = line.cellLine();
        int column = line.cellColumn();
        for (SourceMap.Edit e : line.edits()) {
            sb.append(source.get(row - 1), column - 1, e.cellColumn() - 1).append(e.inserted());
            row = e.endLine();
            column = e.endColumn();
        }
        return sb.append(source.get(row - 1).substring(column - 1)).toString();
    }

    @Test
    void exampleProjectSourcesAreWhatExportWritesNow() throws IOException {
        Path example = Path.of("..", "example-project");
        ProjectExport export = export(example, example.resolve("notebooks"));
        Map<String, String> committed = new TreeMap<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            Path dir = example.resolve(root);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    committed.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f));
                }
            }
        }
        for (GeneratedFile file : export.result().files()) {
            assertThat(file.content()).as(file.relativePath()).isEqualTo(committed.get(file.relativePath()));
        }
    }
}
