package dev.nbexport.export;

import static dev.nbexport.export.Notebooks.export;
import static dev.nbexport.export.Notebooks.notebook;
import static dev.nbexport.export.Notebooks.plain;
import static dev.nbexport.export.Notebooks.test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.nbexport.directive.ExportKind;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportErrorsTest {

    private static final String NB = "notebooks/01_text.ipynb";

    private static ExportException failure(NotebookSource... notebooks) {
        return catchThrowableOfType(ExportException.class, () -> Notebooks.export(notebooks));
    }

    private static Problem onlyProblem(NotebookSource... notebooks) {
        List<Problem> problems = failure(notebooks).problems();
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void aStatementInAnExportCellIsReportedWithCellLineAndColumn() {
        Problem p = onlyProblem(notebook(NB, "com.acme.Text",
                export("int a() { return 1; }\nint x = 2;\n  System.out.println(x);")));

        assertThat(p.cell()).isEqualTo(new CellRef(NB, 1, "c1"));
        assertThat(p.location()).isEqualTo("notebooks/01_text.ipynb, cell 1 (id c1), line 3:3");
        assertThat(p.message()).contains("statement");
        assertThat(p.hint()).contains("Move the statement to a cell without `//| export`");
    }

    @Test
    void positionsAreMappedBackToCellLinesPastRemovedDirectiveLines() {
        ExportCell cell = new ExportCell(new CellRef(NB, 4, "abc"), ExportKind.EXPORT, null, 1, null,
                "int a() { return 1; }\nfoo();", new int[] {3, 4});

        Problem p = onlyProblem(NotebookSource.of(NB, "com.acme.Text", List.of(cell)));

        assertThat(p.location()).isEqualTo("notebooks/01_text.ipynb, cell 4 (id abc), line 4:1");
    }

    @Test
    void aSyntaxErrorIsLocatedInsideTheCell() {
        Problem p = onlyProblem(notebook(NB, "com.acme.Text",
                export("int a() {\n    return 1\n}")));

        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(13);
        assertThat(p.message()).isEqualTo("Java syntax error: ';' expected");
    }

    @Test
    void aVarFieldIsAnErrorNamingTheCellAndLine() {
        Problem p = onlyProblem(notebook(NB, "com.acme.Text", export("int a = 1;\nvar names = List.of(\"a\");")));

        assertThat(p.location()).isEqualTo("notebooks/01_text.ipynb, cell 1 (id c1), line 2:1");
        assertThat(p.message()).contains("`var names`").contains("needs its type");
    }

    @Test
    void aMethodRedefinedInALaterCellIsAnErrorNamingBothCells() {
        Problem p = onlyProblem(notebook(NB, "com.acme.Text",
                export("int a(String s) { return 1; }"),
                plain("a(\"x\")"),
                export("\nint a(String t) { return 2; }")));

        assertThat(p.location()).isEqualTo("notebooks/01_text.ipynb, cell 3 (id c3), line 2:1");
        assertThat(p.message()).contains("method a(String)").contains("notebooks/01_text.ipynb, cell 1 (id c1), line 1:1");
        assertThat(p.hint()).contains("JShell keeps the last definition");
    }

    @Test
    void overloadsAreNotDuplicates() {
        ExportResult result = Notebooks.export(notebook(NB, "com.acme.Text",
                export("int a(String s) { return 1; }"), export("int a(int i) { return 2; }"),
                export("<T> int a(List<T> l) { return 3; }")));

        assertThat(result.files()).hasSize(1);
    }

    @Test
    void twoNotebooksExportingTheSameClassIsAnError() {
        Problem p = onlyProblem(
                notebook("notebooks/a.ipynb", "com.acme.A", export("record Point(int x) {}")),
                notebook("notebooks/b.ipynb", "com.acme.B", export("record Point(int x, int y) {}")));

        assertThat(p.cell().notebook()).isEqualTo("notebooks/b.ipynb");
        assertThat(p.message()).contains("com.acme.Point").contains("notebooks/a.ipynb, cell 1");
    }

    @Test
    void twoNotebooksExportingTheSameMemberToOneTargetIsAnError() {
        Problem p = onlyProblem(
                notebook("notebooks/a.ipynb", "com.acme.Util", export("int max = 1;")),
                notebook("notebooks/b.ipynb", "com.acme.Util", export("int max = 2;")));

        assertThat(p.message()).contains("field max").contains("notebooks/a.ipynb, cell 1");
    }

    @Test
    void anInvalidDefaultExpIsAnError() {
        Problem p = onlyProblem(new NotebookSource(NB, "com.acme/../Evil", new CellRef(NB, 1, "c1"), 2,
                List.of(ExportCell.of(new CellRef(NB, 2, "c2"), ExportKind.EXPORT, "int a() { return 1; }"))));

        assertThat(p.location()).isEqualTo("notebooks/01_text.ipynb, cell 1 (id c1), line 2");
        assertThat(p.message()).contains("invalid `default_exp`").contains("is not a fully qualified Java class name (`/` cannot be part of a name)");
    }

    @Test
    void anInvalidExportTargetIsAnError() {
        Problem p = onlyProblem(notebook(NB, "com.acme.Text", export("int a() { return 1; }").to("Text")));

        assertThat(p.message()).contains("invalid export target").contains("no package");
    }

    @Test
    void anExportedCellWithoutAnyTargetIsAnError() {
        Problem p = onlyProblem(notebook(NB, null, export("int a() { return 1; }")));

        assertThat(p.message()).contains("no `default_exp`");
    }

    @Test
    void aTypeNamedLikeTheTargetClassIsAnError() {
        Problem p = onlyProblem(notebook(NB, "com.acme.Text", export("int a() { return 1; }"), export("class Text {}")));

        assertThat(p.location()).startsWith("notebooks/01_text.ipynb, cell 2");
    }

    @Test
    void twoTestMethodsWithOneNameAreAnError() {
        Problem p = onlyProblem(notebook(NB, "com.acme.Text",
                test("assert true;").named("works"), test("assert true;").named("works")));

        assertThat(p.cell().number()).isEqualTo(2);
        assertThat(p.message()).contains("works()");
    }

    @Test
    void allProblemsOfARunAreReportedTogetherInOrder() {
        ExportException e = failure(
                notebook("notebooks/b.ipynb", "com.acme.B", export("foo();")),
                notebook("notebooks/a.ipynb", "com.acme.A", export("var x = 1;"), export("int a( {")));

        assertThat(e.problems()).extracting(p -> p.cell().notebook() + "#" + p.cell().number())
                .containsExactly("notebooks/a.ipynb#1", "notebooks/a.ipynb#2", "notebooks/b.ipynb#1");
        assertThat(e.getMessage()).startsWith("3 problems stop the export:\n- notebooks/a.ipynb, cell 1 (id c1), line 1:1: ");
    }
}
