package dev.nbexport.run.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonWriter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    @Test
    void probe() {
        for (String cell : List.of("1 + 1", "String s = null;\ns", "int x = 5;", "x", "x = 7",
                "System.out.println(\"out\");\nSystem.err.println(\"err\");\nSystem.out.print(\"more\");",
                "display(\"<b>bold</b>\", \"text/html\");", "render(\"<i>it</i>\", \"text/html\")",
                "throw new IllegalStateException(\"boom\");", "int y = \"str\";", "Collectors.toList()",
                "%unknownmagic foo", "void g() { h(); }\nvoid h() { throw new UnsupportedOperationException(\"deep\"); }\ng();",
                "int q = 1\nint r = 2;", "LocalDate.of(2020, 1, 2)", "class Foo {}\nnew Foo()")) {
            CellResult r = session.evaluate(cell);
            System.out.println("=== " + cell.replace("\n", "\\n") + " -> " + r.executionCount());
            for (JsonObject o : r.outputs()) {
                System.out.println("   " + JsonWriter.write(o).replace("\n", ""));
            }
            r.error().ifPresent(e -> System.out.println("   summary: " + e.summary() + " line " + e.line() + " stack " + e.stack() + " hint " + e.hint()));
        }
    }
}
