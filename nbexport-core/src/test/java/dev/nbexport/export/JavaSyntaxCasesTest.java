package dev.nbexport.export;

import static dev.nbexport.export.Notebooks.body;
import static dev.nbexport.export.Notebooks.export;
import static dev.nbexport.export.Notebooks.main;
import static dev.nbexport.export.Notebooks.notebook;
import static dev.nbexport.export.Notebooks.plain;
import static dev.nbexport.export.Notebooks.test;
import static dev.nbexport.export.Notebooks.testFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.nbexport.problem.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java constructs whose shape in javac's syntax tree differs from the source: several variables in
 * one declaration, annotation elements, {@code non-sealed}, compact constructors, and cells parsed
 * in one batch. Each export must still compile.
 */
class JavaSyntaxCasesTest {

    private static final String NB = "notebooks/01_text.ipynb";

    @TempDir
    Path dir;

    @Test
    void severalVariablesInOneDeclarationStayOneDeclaration() {
        ExportResult result = Notebooks.export(notebook(NB, "com.acme.Text",
                export("int lo = 1, hi = 9; // bounds\nint[] table = {lo, hi}, empty;")));

        assertThat(body(main(result, "com/acme/Text.java")))
                .contains("    public static int lo = 1, hi = 9; // bounds\n    public static int[] table = {lo, hi}, empty;\n");
        assertThat(Javac.compile(result, dir)).isEmpty();
    }

    @Test
    void aVariableDeclaredTwiceInOneDeclarationIsNamedOnce() {
        ExportException e = catchThrowableOfType(ExportException.class, () -> Notebooks.export(notebook(NB, "com.acme.Text",
                export("int lo = 1, hi = 9;"), export("int hi = 3;"))));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("field hi is declared again").contains("cell 1");
            assertThat(p.cell().number()).isEqualTo(2);
        });
    }

    @Test
    void anAnnotationElementNameIsNotAVariableToImport() {
        // `value` and `since` are annotation elements; a notebook field named `value` must not be imported
        ExportResult result = Notebooks.export(
                notebook("notebooks/a.ipynb", "com.acme.a.Values", export("int value = 1;\nString since = \"1\";")),
                notebook("notebooks/b.ipynb", "com.acme.b.Old",
                        export("@Deprecated(since = \"2\", forRemoval = true)\nint old() { return 0; }\n"
                                + "@SuppressWarnings(value = \"unchecked\")\nint older() { return 1; }")));

        assertThat(main(result, "com/acme/b/Old.java")).doesNotContain("import static");
        assertThat(Javac.compile(result, dir)).isEmpty();
    }

    @Test
    void sealedHierarchiesKeepNonSealedAndGetPublic() {
        ExportResult result = Notebooks.export(notebook(NB, "com.acme.Shapes",
                export("sealed interface Shape permits Circle, Square {}\n"
                        + "record Circle(double r) implements Shape {}\n"
                        + "non-sealed class Square implements Shape {}")));

        assertThat(body(main(result, "com/acme/Square.java"))).contains("public non-sealed class Square implements Shape {}");
        assertThat(body(main(result, "com/acme/Shape.java"))).contains("public sealed interface Shape permits Circle, Square {}");
        assertThat(Javac.compile(result, dir)).isEmpty();
    }

    @Test
    void aRecordsCompactAndCanonicalConstructorsBecomePublicButOthersDoNot() {
        ExportResult result = Notebooks.export(notebook(NB, "com.acme.Text",
                export("record Range(int lo, int hi) {\n    Range {\n        if (lo > hi) throw new IllegalArgumentException();\n    }\n"
                        + "    Range(int hi) {\n        this(0, hi);\n    }\n}"),
                export("record Pair(String a, java.util.List<String> b) {\n    private Pair(String a, java.util.List<String> b) {\n"
                        + "        this.a = a;\n        this.b = b;\n    }\n}")));

        assertThat(body(main(result, "com/acme/Range.java")))
                .contains("    public Range {\n")
                .contains("    Range(int hi) {\n");
        assertThat(body(main(result, "com/acme/Pair.java"))).contains("    public Pair(String a, java.util.List<String> b) {\n");
        assertThat(Javac.compile(result, dir)).isEmpty();
    }

    @Test
    void typesUsedOnlyInCastsPatternsArraysAndThrowsAreImported() {
        ExportResult result = Notebooks.export(notebook(NB, "com.acme.Text",
                export("""
                        Object[] shapes(Object o) throws IOException {
                            if (o instanceof List<?> list && !list.isEmpty()) {
                                return new Map.Entry<?, ?>[0];
                            }
                            Runnable r = () -> { try { Files.size(null); } catch (UncheckedIOException | NoSuchFileException e) { } catch (IOException e) { } };
                            return new Object[] {(Deque<?>) o, (Supplier<String> & java.io.Serializable) () -> "x", BigDecimal.ONE};
                        }
                        """)));

        String text = main(result, "com/acme/Text.java");
        assertThat(text).contains("import java.io.IOException;", "import java.io.UncheckedIOException;",
                "import java.math.BigDecimal;", "import java.nio.file.Files;", "import java.nio.file.NoSuchFileException;",
                "import java.util.Deque;", "import java.util.List;", "import java.util.Map;",
                "import java.util.function.Supplier;");
        assertThat(Javac.compile(result, dir)).isEmpty();
    }

    @Test
    void manyCellsParsedInBatchesGiveTheSameFilesAsOneByOne() {
        List<Notebooks.Draft> cells = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            cells.add(export("/** Number " + i + ". */\nstatic int n" + i + "() { return " + i + "; }"));
            cells.add(plain("n" + i + "()"));
        }
        cells.add(test("assertEquals(7, n7());"));
        NotebookSource big = notebook(NB, "com.acme.Numbers", cells.toArray(Notebooks.Draft[]::new));

        ExportResult together = Notebooks.export(big);
        StringBuilder oneByOne = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            oneByOne.append(i == 0 ? "" : "\n").append("    // %% notebooks/01_text.ipynb #c").append(2 * i + 1).append('\n')
                    .append("    /** Number ").append(i).append(". */\n")
                    .append("    public static int n").append(i).append("() { return ").append(i).append("; }\n");
        }
        assertThat(body(main(together, "com/acme/Numbers.java"))).contains(oneByOne);
        assertThat(testFile(together, "com/acme/NumbersNotebookTest.java")).contains("import static com.acme.Numbers.n7;");
    }

    @Test
    void aConstructorOutsideAClassIsNamedAsSuch() {
        ExportException e = catchThrowableOfType(ExportException.class,
                () -> Notebooks.export(notebook(NB, "com.acme.Text", export("int a = 1;\n  Box(int a) {}"))));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("notebooks/01_text.ipynb, cell 1 (id c1), line 2:3");
            assertThat(p.message()).isEqualTo("a constructor outside a class");
        });
    }

    @Test
    void aVarFieldNextToASyntaxErrorReportsTheSyntaxError() {
        ExportException e = catchThrowableOfType(ExportException.class,
                () -> Notebooks.export(notebook(NB, "com.acme.Text", export("var a = 1;\nint f() { return 1 }"))));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("notebooks/01_text.ipynb, cell 1 (id c1), line 2:19");
            assertThat(p.message()).isEqualTo("Java syntax error: ';' expected");
        });
    }

    @Test
    void aVarReturnTypeIsASyntaxErrorNotAField() {
        ExportException e = catchThrowableOfType(ExportException.class,
                () -> Notebooks.export(notebook(NB, "com.acme.Text", export("var f() { return 1; }"))));

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("Java syntax error: 'var'"));
    }

    @Test
    void aTestCellMixingStatementsAndDeclarationsIsASyntaxErrorAtTheFurthestPoint() {
        ExportException e = catchThrowableOfType(ExportException.class, () -> Notebooks.export(notebook(NB, "com.acme.Text",
                export("int a() { return 1; }"), test("@Test\nvoid t() {}\nassertEquals(1, a());"))));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.cell().number()).isEqualTo(2);
            assertThat(p.message()).startsWith("Java syntax error: ");
            assertThat(p.hint()).contains("either statements or declarations");
        });
    }

    @Test
    void aSyntaxErrorFromANotebookOfANewerJavaSaysWhichJdkToRunMavenWith() {
        NotebookSource fromTheFuture = new NotebookSource(NB, "com.acme.Text", null, 0,
                List.of(ExportCell.of(new dev.nbexport.notebook.CellRef(NB, 1, "c1"), dev.nbexport.directive.ExportKind.EXPORT,
                        "int f(Object o) { return o instanceof Point(int x, int y) ? x : 0 }")), 999);

        ExportException e = catchThrowableOfType(ExportException.class, () -> Notebooks.export(fromTheFuture));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("Java syntax error: ");
            assertThat(p.hint()).startsWith("The notebook's kernel ran Java 999, but the JDK running this build is Java "
                    + Runtime.version().feature()).contains("run Maven with JDK 999 or newer");
        });
    }

    /**
     * A real notebook's cell, tagged export as a user would: imports, a variable, then an expression
     * without a final {@code ;}, which JShell runs (the last expression is the cell's value). Its kernel
     * ran Java 22; the JDK running the build parses it fine as statements, so the problem is the
     * statement, not syntax a newer JDK would know.
     */
    @Test
    void statementsWithoutTheLastSemicolonJShellAllowsAreAStatementInAnExportedCellNotASyntaxError() {
        NotebookSource kernel22 = new NotebookSource(NB, "com.acme.Text", null, 0,
                List.of(ExportCell.of(new dev.nbexport.notebook.CellRef(NB, 5, "a9f3"), dev.nbexport.directive.ExportKind.EXPORT,
                        "import ai.djl.training.Trainer;\nimport java.nio.file.Path;\n\n"
                                + "var stateSerializer = new StateSerializer(Path.of(\"build/state\"));\n"
                                + "stateSerializer.save(trainer)")), 22);

        ExportException e = catchThrowableOfType(ExportException.class, () -> Notebooks.export(kernel22));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("notebooks/01_text.ipynb, cell 5 (id a9f3), line 5:1");
            assertThat(p.message()).startsWith("a statement in an exported cell");
            assertThat(p.hint()).startsWith("Move the statement to a cell without `//| export`").doesNotContain("JDK");
        });
    }

    @Test
    void aKernelsJavaVersionIsReadFromItsLanguageInfo() {
        assertThat(NotebookSource.javaFeatureVersion("21.0.2")).isEqualTo(21);
        assertThat(NotebookSource.javaFeatureVersion("14.0.2+12")).isEqualTo(14);
        assertThat(NotebookSource.javaFeatureVersion("17.0.11+9-LTS")).isEqualTo(17);
        assertThat(NotebookSource.javaFeatureVersion("1.8.0_392")).isEqualTo(8);
        assertThat(NotebookSource.javaFeatureVersion("11")).isEqualTo(11);
        assertThat(NotebookSource.javaFeatureVersion("unknown")).isZero();
        assertThat(NotebookSource.javaFeatureVersion(null)).isZero();
    }

    @Test
    void anExtraClosingBraceIsAnErrorNotCodeOutsideTheClass() {
        ExportException e = catchThrowableOfType(ExportException.class, () -> Notebooks.export(notebook(NB, "com.acme.Text",
                export("int a() { return 1; }\n  }\nclass Escaped {"),
                test("assertEquals(1, a());\n}\nint leaked;"),
                test("@Test\nvoid t() {}\n}\nclass AlsoEscaped {"))));

        assertThat(e.problems()).extracting(Problem::location, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("notebooks/01_text.ipynb, cell 1 (id c1), line 2:3",
                        "Java syntax error: this `}` closes more than the cell opened"),
                org.assertj.core.groups.Tuple.tuple("notebooks/01_text.ipynb, cell 2 (id c2), line 2:1",
                        "Java syntax error: this `}` closes more than the cell opened"),
                org.assertj.core.groups.Tuple.tuple("notebooks/01_text.ipynb, cell 3 (id c3), line 3:1",
                        "Java syntax error: this `}` closes more than the cell opened"));
    }
}
