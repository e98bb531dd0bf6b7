package dev.nbexport.run.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.json.Json.JsonObject;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each output kind as JJava 1.0-a6 produces it (see InteropWithRealKernelTest for the kernel itself). */
class NotebookSessionTest {

    private NotebookSession session;

    @BeforeEach
    void start() {
        session = NotebookSession.start(SessionOptions.of(KernelDialect.JJAVA));
    }

    @AfterEach
    void stop() {
        session.close();
    }

    static String plain(JsonObject output) {
        return output.object("data").string("text/plain");
    }

    @Test
    void lastValueIsAnExecuteResultOfItsStringValueCountedFromOne() {
        CellResult r = session.evaluate("List.of(1, 2, 3)");
        assertThat(r.executionCount()).isEqualTo(1);
        assertThat(r.outputs()).singleElement().satisfies(o -> {
            assertThat(o.string("output_type")).isEqualTo("execute_result");
            assertThat(plain(o)).isEqualTo("[1, 2, 3]");
            assertThat(o.get("execution_count").toString()).contains("1");
        });
        assertThat(session.evaluate("\"a\" +\n\"b\"").outputs()).singleElement().satisfies(o -> assertThat(plain(o)).isEqualTo("ab"));
        assertThat(session.executionCount()).isEqualTo(2);
    }

    @Test
    void declarationsVoidCallsAssignmentsAndNullGiveNoOutput() {
        assertThat(session.evaluate("int x = 5;").outputs()).isEmpty();
        assertThat(session.evaluate("x = 7").outputs()).isEmpty();
        assertThat(session.evaluate("String s = null;\ns").outputs()).isEmpty();
        assertThat(session.evaluate("void hello() {}\nhello();").outputs()).isEmpty();
        assertThat(session.evaluate("x").outputs()).singleElement().satisfies(o -> assertThat(plain(o)).isEqualTo("7"));
    }

    @Test
    void onlyTheLastSnippetOfACellGivesItsValue() {
        assertThat(session.evaluate("1 + 1;\nint y = 2;").outputs()).isEmpty();
        assertThat(session.evaluate("int z = 1; z").outputs()).singleElement().satisfies(o -> assertThat(plain(o)).isEqualTo("1"));
        assertThat(session.evaluate("Integer.valueOf(3).toString();\n\"last\"").outputs()).singleElement()
                .satisfies(o -> assertThat(plain(o)).isEqualTo("last"));
    }

    @Test
    void adjacentWritesToOneStreamAreOneOutputAndStreamsKeepTheirOrder() {
        List<JsonObject> outputs = session.evaluate("""
                System.out.println("a");
                System.out.println("b");
                System.err.println("err");
                System.out.print("more");""").outputs();
        assertThat(outputs).extracting(o -> o.string("name") + ":" + o.string("text"))
                .containsExactly("stdout:a\nb\n", "stderr:err\n", "stdout:more");
        assertThat(outputs).allSatisfy(o -> assertThat(o.string("output_type")).isEqualTo("stream"));
        assertThat(session.evaluate("printf(\"%d-%s%n\", 1, \"x\");").outputs()).singleElement()
                .satisfies(o -> assertThat(o.string("text")).isEqualTo("1-x\n"));
    }

    @Test
    void displayGivesDisplayDataAndItsIdAsTheValue() {
        List<JsonObject> outputs = session.evaluate("display(\"<b>bold</b>\", \"text/html\");").outputs();
        assertThat(outputs).hasSize(2);
        assertThat(outputs.get(0).string("output_type")).isEqualTo("display_data");
        assertThat(outputs.get(0).object("data").string("text/html")).isEqualTo("<b>bold</b>");
        assertThat(plain(outputs.get(0))).isEqualTo("<b>bold</b>");
        assertThat(outputs.get(0).object("metadata")).isEqualTo(JsonObject.EMPTY);
        assertThat(outputs.get(1).string("output_type")).isEqualTo("execute_result");
        assertThat(plain(outputs.get(1))).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void renderAsTheLastValueIsAnExecuteResultWithThatBundle() {
        JsonObject result = session.evaluate("render(\"<i>it</i>\", \"text/html\")").outputs().get(0);
        assertThat(result.string("output_type")).isEqualTo("execute_result");
        assertThat(result.object("data").string("text/html")).isEqualTo("<i>it</i>");
        assertThat(plain(result)).isEqualTo("<i>it</i>");
    }

    @Test
    void imagesAreRenderedAsBase64Png() throws Exception {
        session.evaluate("import java.awt.image.BufferedImage;\nvar img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);");
        JsonObject result = session.evaluate("img").outputs().get(0);
        var png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(result.object("data").string("image/png"))));
        assertThat(png.getWidth()).isEqualTo(3);
        assertThat(plain(result)).startsWith("BufferedImage@");

        session.evaluate("var bytes = new java.io.ByteArrayOutputStream();\njavax.imageio.ImageIO.write(img, \"png\", bytes);");
        List<JsonObject> fromBytes = session.evaluate("display(new ByteArrayInputStream(bytes.toByteArray()));").outputs();
        assertThat(fromBytes.get(0).string("output_type")).isEqualTo("display_data");
        assertThat(fromBytes.get(0).object("data").string("image/png")).isNotEmpty();
    }

    @Test
    void aRuntimeExceptionIsJJavasRuntimeExceptionWithFramesMappedToCellLines() {
        session.evaluate("void g() { h(); }\nvoid h() {\n  throw new UnsupportedOperationException(\"deep\");\n}", "cell 1", OutputListener.NONE);
        CellResult r = session.evaluate("int a = 1;\ng();", "cell 2", OutputListener.NONE);
        JsonObject error = r.outputs().get(r.outputs().size() - 1);
        assertThat(error.string("output_type")).isEqualTo("error");
        assertThat(error.string("ename")).isEqualTo("RuntimeException");
        assertThat(error.string("evalue")).isEqualTo("java.lang.UnsupportedOperationException, deep");
        CellError e = r.error().orElseThrow();
        assertThat(e.summary()).isEqualTo("java.lang.UnsupportedOperationException: deep");
        assertThat(e.stack()).containsExactly("at h(cell 1, line 3)", "at g(cell 1, line 1)", "at cell 2, line 2");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.traceback()).anySatisfy(l -> assertThat(l).contains("Caused by: jdk.jshell.EvalException: deep"));
    }

    @Test
    void anExceptionWithoutMessageHasNullInItsValue() {
        assertThat(session.evaluate("throw new RuntimeException();").error().orElseThrow().evalue())
                .isEqualTo("java.lang.RuntimeException, null");
    }

    @Test
    void aCompileErrorIsACompilationExceptionAtItsCellLine() {
        CellResult r = session.evaluate("int a = 1;\n\nint y = \"str\";");
        CellError e = r.error().orElseThrow();
        assertThat(e.ename()).isEqualTo("CompilationException");
        assertThat(e.evalue()).isEqualTo("[snippet: [int y = \"str\";], status: REJECTED]");
        assertThat(e.summary()).isEqualTo("incompatible types: java.lang.String cannot be converted to int");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.traceback()).contains("\u001b[1m\u001b[31mincompatible types: java.lang.String cannot be converted to int\u001b[0m");
    }

    @Test
    void jjavaDoesNotImportStreamsAndTheErrorSaysWhichImportIsMissing() {
        CellError e = session.evaluate("List.of(1).stream().map(String::valueOf).collect(Collectors.toList())").error().orElseThrow();
        assertThat(e.summary()).isEqualTo("cannot find symbol: variable Collectors");
        assertThat(e.hint()).contains("import java.util.stream.Collectors;");
        assertThat(session.evaluate("LocalDate.of(2020, 1, 2)").outputs().get(0).object("data").string("text/plain"))
                .isEqualTo("2020-01-02");
    }

    @Test
    void aMethodWithAnUnresolvedNameFailsWhenCalledNamingTheName() {
        assertThat(session.evaluate("String joined(List<String> xs) { return xs.stream().collect(Collectors.joining()); }",
                "cell 1", OutputListener.NONE).outputs()).isEmpty();
        CellError e = session.evaluate("joined(List.of(\"a\"))", "cell 2", OutputListener.NONE).error().orElseThrow();
        assertThat(e.ename()).isEqualTo("RuntimeException");
        assertThat(e.evalue()).startsWith("jdk.jshell.UnresolvedReferenceException: Attempt to use definition snippet with unresolved references");
        assertThat(e.summary()).isEqualTo("method joined(List<String>) (cell 1) cannot run: it uses variable Collectors, not defined");
        assertThat(e.hint()).contains("import java.util.stream.Collectors;");
    }

    @Test
    void incompleteCodeIsAnIncompleteSourceException() {
        CellError e = session.evaluate("int a = 1;\nint b = (2 +").error().orElseThrow();
        assertThat(e.ename()).isEqualTo("IncompleteSourceException");
        assertThat(e.evalue()).isEqualTo("int b = (2 +");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void outputsBeforeAnErrorAreKept() {
        List<JsonObject> outputs = session.evaluate("System.out.println(\"before\");\nthrow new IllegalStateException(\"x\");").outputs();
        assertThat(outputs).extracting(o -> o.string("output_type")).containsExactly("stream", "error");
    }

    @Test
    void theListenerHearsEachOutputInOrder() {
        List<String> heard = new java.util.ArrayList<>();
        session.evaluate("System.out.println(\"a\");\ndisplay(\"b\");\n\"c\"", "cell 1", o -> heard.add(o.string("output_type")));
        assertThat(heard).containsExactly("stream", "display_data", "execute_result");
    }

    @Test
    void aSecondSessionInTheSameJvmIsRefused() {
        assertThatThrownBy(() -> NotebookSession.start(SessionOptions.of(KernelDialect.JJAVA)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("open");
    }
}
