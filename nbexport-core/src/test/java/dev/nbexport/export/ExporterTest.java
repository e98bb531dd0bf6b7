package dev.nbexport.export;

import static dev.nbexport.export.Notebooks.body;
import static dev.nbexport.export.Notebooks.export;
import static dev.nbexport.export.Notebooks.exporti;
import static dev.nbexport.export.Notebooks.main;
import static dev.nbexport.export.Notebooks.notebook;
import static dev.nbexport.export.Notebooks.plain;
import static dev.nbexport.export.Notebooks.test;
import static dev.nbexport.export.Notebooks.testFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.layout.GeneratedHeader;
import dev.nbexport.notebook.CellRef;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExporterTest {

    private static final String NB = "notebooks/01_text.ipynb";

    @Nested
    class Types {

        @Test
        void eachTypeBecomesAPublicTopLevelFileInTheTargetPackage() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    export("record Word(String value) {}\ninterface Shape {}")));

            assertThat(result.files()).extracting(GeneratedFile::relativePath)
                    .containsExactly("com/acme/text/Shape.java", "com/acme/text/Word.java");
            assertThat(body(main(result, "com/acme/text/Word.java"))).isEqualTo("""
                    package com.acme.text;

                    // %% notebooks/01_text.ipynb #c1
                    public record Word(String value) {}
                    """);
        }

        @Test
        void aStaticModifierOnATopLevelTypeIsDropped() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    export("@Deprecated\nstatic final class Box {}")));

            assertThat(body(main(result, "com/acme/text/Box.java")))
                    .contains("@Deprecated\npublic final class Box {}");
        }

        @Test
        void exportiKeepsATypePackagePrivate() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    exporti("public class Hidden {}\nenum Kind { A, B }")));

            assertThat(body(main(result, "com/acme/text/Hidden.java"))).contains("\nclass Hidden {}");
            assertThat(body(main(result, "com/acme/text/Kind.java"))).contains("\nenum Kind { A, B }");
        }

        @Test
        void javadocAnnotationsGenericsAndNestedTypesPassThroughUnchanged() {
            String source = """
                    /**
                     * A tree.
                     *
                     * @param <T> the value type
                     */
                    @SuppressWarnings("unused") // why not
                    public sealed interface Tree<T extends Comparable<T>> permits Tree.Leaf, Tree.Node {
                        record Leaf<T extends Comparable<T>>(T value) implements Tree<T> {}
                        record Node<T extends Comparable<T>>(Tree<T> left, Tree<T> right) implements Tree<T> {}
                    }""";
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text", export(source)));

            assertThat(body(main(result, "com/acme/text/Tree.java"))).endsWith("#c1\n" + source + "\n");
        }
    }

    @Nested
    class LooseMembers {

        @Test
        void methodsAndFieldsBecomePublicStaticMembersOfAFinalClassWithAPrivateConstructor() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    export("int limit = 3;\n\nString shout(String s) {\n    return s.toUpperCase();\n}")));

            assertThat(body(main(result, "com/acme/text/Text.java"))).isEqualTo("""
                    package com.acme.text;

                    public final class Text {

                        private Text() {
                        }

                        // %% notebooks/01_text.ipynb #c1
                        public static int limit = 3;

                        public static String shout(String s) {
                            return s.toUpperCase();
                        }
                    }
                    """);
        }

        @Test
        void modifiersAreCompletedNotDuplicated() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    export("""
                            final int A = 1;
                            static int b = 2;
                            public int c = 3;
                            private int d = 4;
                            protected int e = 5;
                            @Deprecated <T> T f(T t) { return t; }
                            """)));

            assertThat(body(main(result, "com/acme/text/Text.java"))).contains("""
                        public static final int A = 1;
                        public static int b = 2;
                        public static int c = 3;
                        private static int d = 4;
                        public static int e = 5;
                        @Deprecated public static <T> T f(T t) { return t; }
                    """);
        }

        @Test
        void exportiMembersArePackagePrivate() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    exporti("public int a = 1;\nint b() { return a; }")));

            assertThat(body(main(result, "com/acme/text/Text.java")))
                    .contains("    static int a = 1;\n    static int b() { return a; }\n");
        }

        @Test
        void aCellCanExportToAnotherTargetInItsOwnPackage() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    export("int one() { return 1; }"),
                    export("int two() { return one() + 1; }").to("com.acme.math.Numbers")));

            String numbers = body(main(result, "com/acme/math/Numbers.java"));
            assertThat(numbers).startsWith("package com.acme.math;\n\nimport static com.acme.text.Text.one;\n");
            assertThat(numbers).contains("public static int two()");
            assertThat(body(main(result, "com/acme/text/Text.java"))).doesNotContain("two");
        }

        @Test
        void severalNotebooksContributeToOneTargetInNotebookPathOrder() {
            ExportResult result = Notebooks.export(
                    notebook("notebooks/02_b.ipynb", "com.acme.Util", export("int b() { return 2; }")),
                    notebook("notebooks/01_a.ipynb", "com.acme.Util", export("int a() { return 1; }")));

            String util = main(result, "com/acme/Util.java");
            assertThat(util).contains("// nbexport-source: notebooks/01_a.ipynb\n// nbexport-source: notebooks/02_b.ipynb\n");
            assertThat(util.indexOf("// %% notebooks/01_a.ipynb #c1")).isLessThan(util.indexOf("// %% notebooks/02_b.ipynb #c1"));
            assertThat(result.file(GeneratedFile.Kind.MAIN, "com/acme/Util.java").orElseThrow().sources())
                    .containsExactly(new CellRef("notebooks/01_a.ipynb", 1, "c1"), new CellRef("notebooks/02_b.ipynb", 1, "c1"));
        }

        @Test
        void aNotebookWithOnlyTypesGetsNoTargetClass() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text", export("class A {}")));

            assertThat(result.files()).extracting(GeneratedFile::relativePath).containsExactly("com/acme/text/A.java");
        }
    }

    @Nested
    class Imports {

        @Test
        void namesJShellImportsByDefaultGetSortedExplicitImports() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    export("""
                            Map<String, List<Path>> index(Stream<Path> files, Pattern p) throws IOException {
                                Function<Path, String> key = f -> f.getFileName().toString();
                                return files.collect(Collectors.groupingBy(key));
                            }
                            BigDecimal half = new BigDecimal("0.5");
                            """)));

            assertThat(body(main(result, "com/acme/text/Text.java"))).startsWith("""
                    package com.acme.text;

                    import java.io.IOException;
                    import java.math.BigDecimal;
                    import java.nio.file.Path;
                    import java.util.List;
                    import java.util.Map;
                    import java.util.function.Function;
                    import java.util.regex.Pattern;
                    import java.util.stream.Collectors;
                    import java.util.stream.Stream;

                    public final class Text {
                    """);
        }

        @Test
        void eachFileImportsOnlyWhatItUses() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    export("import java.time.LocalDate;\nimport java.time.Instant;\n"
                            + "record Day(LocalDate date) {}\nList<String> names() { return List.of(); }")));

            assertThat(body(main(result, "com/acme/text/Day.java"))).contains("import java.time.LocalDate;\n\n//")
                    .doesNotContain("Instant").doesNotContain("java.util.List");
            assertThat(body(main(result, "com/acme/text/Text.java"))).contains("import java.util.List;\n")
                    .doesNotContain("LocalDate").doesNotContain("Instant");
        }

        @Test
        void aCellsOwnImportsAreKeptAndDeduplicated() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    export("import java.time.*;\nimport java.util.List;\nList<String> a() { return List.of(); }"),
                    export("import java.util.List;\nList<String> b() { return List.of(); }")));

            String text = body(main(result, "com/acme/text/Text.java"));
            assertThat(text).contains("import java.time.*;\nimport java.util.List;\n\npublic final class");
            assertThat(text.indexOf("import java.util.List;")).isEqualTo(text.lastIndexOf("import java.util.List;"));
        }

        @Test
        void anImportFromANonExportedCellIsCarriedOverAndReported() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    plain("import java.time.LocalDate;"),
                    export("LocalDate today() { return LocalDate.now(); }")));

            assertThat(body(main(result, "com/acme/text/Text.java"))).contains("import java.time.LocalDate;\n");
            assertThat(result.warnings()).singleElement().asString()
                    .startsWith("notebooks/01_text.ipynb, cell 1 (id c1): `import java.time.LocalDate;` (line 1)")
                    .contains("carried into com/acme/text/Text.java, which uses `LocalDate`");
        }

        @Test
        void aTypeUsingLooseMembersImportsThemStatically() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    export("int MAX = 10;\nString clip(String s) { return s.substring(0, Math.min(MAX, s.length())); }"),
                    export("record Title(String text) { Title { text = clip(text); } int max() { return MAX; } }")));

            assertThat(body(main(result, "com/acme/text/Title.java"))).startsWith("""
                    package com.acme.text;

                    import static com.acme.text.Text.MAX;
                    import static com.acme.text.Text.clip;

                    """);
        }

        @Test
        void userTypesWinOverDefaultImports() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    export("record Timer(long ms) {}"),
                    export("Timer start() { return new Timer(0); }")));

            assertThat(body(main(result, "com/acme/text/Text.java"))).doesNotContain("import java.util.Timer");
        }
    }

    @Nested
    class Markers {

        @Test
        void everyBlockIsPrecededByAMarkerNamingNotebookAndCellId() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    export("int a() { return 1; }"), plain("a()"), export("int b() { return 2; }")));

            assertThat(body(main(result, "com/acme/text/Text.java")))
                    .contains("    // %% notebooks/01_text.ipynb #c1\n    public static int a()")
                    .contains("    // %% notebooks/01_text.ipynb #c3\n    public static int b()");
        }

        @Test
        void aCellWithoutIdIsMarkedByItsNumberAndTheUserIsToldToClean() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    plain("1 + 1"), export("int a() { return 1; }").withoutId()));

            assertThat(body(main(result, "com/acme/text/Text.java"))).contains("    // %% notebooks/01_text.ipynb #2\n");
            assertThat(result.warnings()).singleElement().asString().contains("nbexport:clean");
        }
    }

    @Nested
    class Tests {

        @Test
        void aCellOfStatementsBecomesOneTestMethodNamedAfterTheCell() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    export("int twice(int x) { return 2 * x; }"),
                    test("int four = twice(2);\nif (four != 4) throw new AssertionError();")));

            assertThat(body(testFile(result, "com/acme/text/TextNotebookTest.java"))).isEqualTo("""
                    package com.acme.text;

                    import static com.acme.text.Text.twice;

                    import org.junit.jupiter.api.DisplayName;
                    import org.junit.jupiter.api.Test;

                    class TextNotebookTest {

                        // %% notebooks/01_text.ipynb #c2
                        @Test
                        @DisplayName("notebooks/01_text.ipynb, cell 2 (id c2)")
                        void cell2() throws Exception {
                            int four = twice(2);
                            if (four != 4) throw new AssertionError();
                        }
                    }
                    """);
        }

        @Test
        void aTestNameNamesTheMethodAndTheDisplayName() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    test("assert true;").named("twice doubles \"numbers\"")));

            assertThat(body(testFile(result, "com/acme/text/TextNotebookTest.java")))
                    .contains("@DisplayName(\"twice doubles \\\"numbers\\\" - notebooks/01_text.ipynb, cell 1 (id c1)\")")
                    .contains("void twiceDoublesNumbers() throws Exception {");
        }

        @Test
        void aCellOfTestMethodsIsCopiedAsMethods() {
            String methods = "@Test\nvoid one() {\n    assert 1 == 1;\n}\n\n@Test\nvoid two() {}";
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text", test(methods)));

            assertThat(body(testFile(result, "com/acme/text/TextNotebookTest.java"))).isEqualTo("""
                    package com.acme.text;

                    import org.junit.jupiter.api.Test;

                    class TextNotebookTest {

                        // %% notebooks/01_text.ipynb #c1
                        @Test
                        void one() {
                            assert 1 == 1;
                        }

                        @Test
                        void two() {}
                    }
                    """);
        }
    }

    @Nested
    class Output {

        @Test
        void filesUseNewlinesAndEndWithOne() {
            ExportResult result = Notebooks.export(notebook(NB, "com.acme.text.Text",
                    export("int a() {\r\n    return 1;\r\n}\r\nrecord R() {}")));

            assertThat(result.files()).allSatisfy(f -> {
                assertThat(f.content()).doesNotContain("\r").endsWith("}\n").doesNotEndWith("\n\n");
                assertThat(GeneratedHeader.parse(f.content())).hasValueSatisfying(h -> assertThat(h.intact()).isTrue());
            });
        }

        @Test
        void theSameInputGivesTheSameBytesWhateverTheNotebookOrder() {
            NotebookSource a = notebook("notebooks/a.ipynb", "com.acme.X", export("int a() { return 1; }"));
            NotebookSource b = notebook("notebooks/b.ipynb", "com.acme.X", export("int b() { return 2; }"));

            assertThat(new Exporter().export(List.of(b, a))).isEqualTo(new Exporter().export(List.of(a, b)));
        }
    }
}
