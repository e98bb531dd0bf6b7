package dev.nbexport.export;

import static dev.nbexport.export.Notebooks.export;
import static dev.nbexport.export.Notebooks.exporti;
import static dev.nbexport.export.Notebooks.notebook;
import static dev.nbexport.export.Notebooks.plain;
import static dev.nbexport.export.Notebooks.test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.nbexport.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code that ran in the kernel session but cannot compile on its own: names from cells that are not
 * exported, the kernel's own functions, package-private exports used from another package. Each is
 * a located error instead of a javac failure in a generated file; code that does compile is not
 * flagged.
 */
class KernelSessionNamesTest {

    private static final String NB = "notebooks/01_text.ipynb";

    @TempDir
    Path dir;

    private static List<Problem> problems(NotebookSource... notebooks) {
        return catchThrowableOfType(ExportException.class, () -> Notebooks.export(notebooks)).problems();
    }

    @Test
    void aTestCellUsingAVariableOfAPlainCellNamesBothCells() {
        // the notebook imports JUnit's assertions on demand, as test notebooks do: that supplies assert*, not `limit`
        List<Problem> problems = problems(notebook(NB, "com.acme.Text",
                plain("import static org.junit.jupiter.api.Assertions.*;"),
                export("int twice(int x) { return 2 * x; }"),
                plain("var limit = 21;\ntwice(limit)"),
                test("assertEquals(42,\n    twice(limit));")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("notebooks/01_text.ipynb, cell 4 (id c4), line 2:11");
            assertThat(p.message()).isEqualTo("`limit` is declared in notebooks/01_text.ipynb, cell 3 (id c3),"
                    + " which is not exported: the generated test cannot see it");
            assertThat(p.hint()).contains("Export that cell too");
        });
    }

    @Test
    void anExportedMethodCallingAMethodOfAPlainCellIsAnError() {
        // the plain cell mixes a declaration and a statement, as kernel cells do
        List<Problem> problems = problems(notebook(NB, "com.acme.Text",
                plain("String clean(String s) { return s.strip(); }\nclean(\" a \")"),
                export("String title(String s) {\n    return clean(s).toUpperCase();\n}")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("notebooks/01_text.ipynb, cell 2 (id c2), line 2:12");
            assertThat(p.message()).startsWith("`clean(…)` is declared in notebooks/01_text.ipynb, cell 1 (id c1)");
        });
    }

    @Test
    void kernelFunctionsInExportedCodeAreErrors() {
        List<Problem> problems = problems(notebook(NB, "com.acme.Text",
                plain("import static org.junit.jupiter.api.Assertions.*;\nimport static java.lang.Math.*;"),
                export("void show(Object o) {\n    display(o);\n    display(o, \"text/html\" + max(1, 2) + PI);\n}")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("notebooks/01_text.ipynb, cell 2 (id c2), line 2:5");
            assertThat(p.message()).isEqualTo("`display(…)` is a function of the notebook's kernel (IJava/JJava);"
                    + " the exported code runs without a kernel, where it does not exist");
        });
    }

    @Test
    void namesThatResolveInTheGeneratedFilesAreNotFlagged() {
        ExportResult result = Notebooks.export(notebook(NB, "com.acme.Text",
                plain("import static org.junit.jupiter.api.Assertions.*;\nvar scale = 2;\nenum Color { RED, GREEN }\nString name = \"x\";"),
                export("enum Color { RED, GREEN }"),
                export("int scale = 3;"),
                export("""
                        String label(Color c, List<String> names) {
                            Function<String, String> up = name -> name.toUpperCase();
                            String s = switch (c) { case RED -> "r"; case GREEN -> "g"; };
                            for (String name : names) { s += up.apply(name); }
                            return s + scale + render();
                        }
                        String render() { return "!"; }
                        record Box(int width) { int area() { return width * width; } }
                        class Names extends java.util.ArrayList<String> { int count() { return size() + modCount; } }
                        """),
                test("assertEquals(\"r!\".length() + 1, label(Color.RED, List.of()).length());")));

        assertThat(Javac.compile(result, dir)).isEmpty();
    }

    @Test
    void aPackagePrivateMemberOrTypeUsedFromAnotherPackageIsAnError() {
        List<Problem> problems = problems(notebook(NB, "com.acme.a.Util",
                exporti("int helper() { return 1; }\nclass Hidden {}"),
                export("int api() { return helper(); }").to("com.acme.b.Api"),
                export("Object make() { return new Hidden(); }").to("com.acme.b.Api")));

        assertThat(problems).extracting(Problem::location, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("notebooks/01_text.ipynb, cell 2 (id c2), line 1:1",
                        "method com.acme.a.Util.helper is exported package-private (`//| exporti`, or `private`),"
                                + " but this code in package com.acme.b uses it"),
                org.assertj.core.groups.Tuple.tuple("notebooks/01_text.ipynb, cell 3 (id c3), line 1:1",
                        "class com.acme.a.Hidden is exported package-private (`//| exporti`, or `private`),"
                                + " but this code in package com.acme.b uses it"));
    }

    @Test
    void aPackagePrivateMemberUsedFromItsOwnPackageCompiles() {
        ExportResult result = Notebooks.export(notebook(NB, "com.acme.a.Util",
                exporti("int helper() { return 1; }\nclass Hidden {}"),
                export("int api() { return helper(); }\nObject make() { return new Hidden(); }").to("com.acme.a.Api")));

        assertThat(Javac.compile(result, dir)).isEmpty();
    }

    @Test
    void aVariableOfAnotherTestCellIsNamedAsSuch() {
        List<Problem> problems = problems(notebook(NB, "com.acme.Text",
                plain("import static org.junit.jupiter.api.Assertions.*;"),
                export("int twice(int x) { return 2 * x; }"),
                test("int four = twice(2);\nassertEquals(4, four);"),
                test("assertEquals(8, twice(four));")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("notebooks/01_text.ipynb, cell 4 (id c4), line 1:23");
            assertThat(p.message()).isEqualTo("`four` is declared in notebooks/01_text.ipynb, cell 3 (id c3), another test"
                    + " cell: each test cell becomes a test method of its own, so the generated test cannot see it");
        });
    }

    @Test
    void aNameUsedInSeveralDeclarationsOfACellIsReportedOnceAtItsFirstUse() {
        List<Problem> problems = problems(notebook(NB, "com.acme.Text",
                plain("int limit = 3;"),
                export("int a() { return limit; }\nint b() { return limit + 1; }\nint c() { return limit + 2; }")));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.location()).endsWith("line 1:18"));
    }
}
