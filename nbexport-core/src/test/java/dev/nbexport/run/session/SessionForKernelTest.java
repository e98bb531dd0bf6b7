package dev.nbexport.run.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.json.Json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a kernel needs from a session besides evaluating: streamed output, interrupts, completion, inspection. */
class SessionForKernelTest {

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
    void eachFlushIsStreamedWhileTheCellRunsAndThePiecesAddUpToTheStoredOutput() throws Exception {
        List<String> pieces = new CopyOnWriteArrayList<>();
        List<JsonObject> outputs = new CopyOnWriteArrayList<>();
        OutputListener listener = new OutputListener() {
            @Override
            public void output(JsonObject output) {
                outputs.add(output);
            }

            @Override
            public void streamed(String name, String text) {
                pieces.add(name + ":" + text);
            }
        };
        CompletableFuture<CellResult> cell = CompletableFuture.supplyAsync(() -> session.evaluate("""
                System.out.println("first");
                Thread.sleep(1500);
                System.out.print("é");
                System.out.println(" then");
                System.err.println("oops");""", "cell 1", listener));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pieces.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pieces).as("told before the cell ends").containsExactly("stdout:first\n");
        assertThat(cell).isNotDone();
        CellResult result = cell.get(30, TimeUnit.SECONDS);
        // System.out flushes after every print, as in the kernel: one piece per print
        assertThat(pieces).containsExactly("stdout:first\n", "stdout:é", "stdout: then\n", "stderr:oops\n");
        assertThat(result.outputs()).extracting(o -> o.string("name") + ":" + o.string("text"))
                .containsExactly("stdout:first\né then\n", "stderr:oops\n");
        assertThat(outputs).isEqualTo(result.outputs());
    }

    @Test
    void aCharacterSplitAcrossWritesIsNeverSplitInAPiece() {
        List<String> pieces = new ArrayList<>();
        OutputListener listener = new OutputListener() {
            @Override
            public void output(JsonObject output) {}

            @Override
            public void streamed(String name, String text) {
                pieces.add(text);
            }
        };
        session.evaluate("""
                byte[] e = "é".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                System.out.write(e, 0, 1); System.out.flush();
                System.out.write(e, 1, 1); System.out.flush();""", "cell 1", listener);
        assertThat(pieces).containsExactly("é");
    }

    @Test
    void anInterruptStopsALoopThatNeverWaitsAndTheNextCellRuns() throws Exception {
        assertInterrupted("while (true) {}");
        assertInterrupted("long n = 0;\nfor (;;) { n++; }");
        assertInterrupted("void spin() { while (true) { try { Math.sqrt(2); } catch (Exception e) { } } }\nspin();");
        assertInterrupted("Thread.sleep(60_000);");
        assertThat(session.evaluate("1 + 1").outputs()).singleElement()
                .satisfies(o -> assertThat(o.object("data").string("text/plain")).isEqualTo("2"));
        assertThat(session.evaluate("Thread.sleep(20); \"slept\"").failed()).as("no interrupt left behind").isFalse();
    }

    private void assertInterrupted(String code) throws Exception {
        CompletableFuture<CellResult> cell = CompletableFuture.supplyAsync(() -> session.evaluate(code, "cell", OutputListener.NONE));
        Thread.sleep(700);
        assertThat(cell).as("still running: %s", code).isNotDone();
        long start = System.nanoTime();
        session.interrupt();
        CellResult result = cell.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(result.error()).hasValueSatisfying(e -> {
            assertThat(e.ename()).isEqualTo("EvaluationInterruptedException");
            assertThat(e.evalue()).startsWith("Evaluator was interrupted while executing: '");
            assertThat(String.join("\n", e.traceback())).contains("Evaluation interrupted.");
        });
    }

    @Test
    void anInterruptWhenNoCellRunsChangesNothing() {
        session.interrupt();
        assertThat(session.evaluate("\"fine\"").failed()).isFalse();
    }

    @Test
    void completionKnowsWhatEarlierCellsDefinedAndTheSnippetAroundTheCursor() {
        session.evaluate("String greeting = \"hello\";\nint answer() { return 42; }");
        String cell = "int x = 1;\nanswer() + greeting.len";
        Completions c = session.complete(cell, cell.length());
        assertThat(c.matches()).contains("length()");
        assertThat(c.end()).isEqualTo(cell.length());
        assertThat(cell.substring(c.start(), c.end())).isEqualTo("len");
        Completions names = session.complete("ans", 3);
        assertThat(names.matches()).contains("answer()");
        assertThat(names.start()).isZero();
    }

    @Test
    void magicLinesCompleteToMagicNamesAndAreNoJavaForTheRest() {
        session.addLineMagic("nbexport", args -> null);
        Completions magic = session.complete("%mav", 4);
        assertThat(magic.matches()).containsExactly("%maven", "%mavenRepo");
        assertThat(magic.start()).isZero();
        assertThat(session.complete("%nbe", 4).matches()).containsExactly("%nbexport");
        session.evaluate("String s = \"x\";");
        String cell = "%maven a:b:1\nint y = 2;\ns.toUpper";
        assertThat(session.complete(cell, cell.length()).matches()).contains("toUpperCase(");
    }

    @Test
    void inspectionGivesTheSignatureAndJavadocAnywhereInAName() {
        String cell = "\"a\".strip()";
        List<SymbolDocumentation> docs = session.documentation(cell, 5);
        assertThat(docs).isNotEmpty();
        assertThat(docs.get(0).signature()).contains("strip()");
        assertThat(session.documentation("int zzz = 1;", 11)).isEmpty();
    }

    @Test
    void completenessAsJJavaAnswersIsComplete() {
        assertThat(session.completeness("int x = 1;")).isEqualTo(new InputCompleteness("complete", ""));
        assertThat(session.completeness("")).isEqualTo(new InputCompleteness("complete", ""));
        assertThat(session.completeness("for (int i = 0; i < 3; i++) {")).isEqualTo(new InputCompleteness("incomplete", "    "));
        assertThat(session.completeness("%maven a:b:1\nif (true) {\n    int y = 2;")).isEqualTo(new InputCompleteness("incomplete", "    "));
        assertThat(session.completeness("1 +")).satisfies(c -> assertThat(c.status()).isEqualTo("incomplete"));
    }

    @Test
    void anAddedLineMagicRunsInTheCellAndPrintsToItsOutput() {
        session.addLineMagic("hello", args -> {
            System.out.println("hello " + String.join(",", args));
            return null;
        });
        CellResult r = session.evaluate("%hello a b");
        assertThat(r.failed()).isFalse();
        assertThat(r.outputs()).singleElement().satisfies(o -> assertThat(o.string("text")).isEqualTo("hello a,b\n"));
    }

    @Test
    void evaluationAfterCompletionStillFindsClassPathPackages() {
        for (int i = 0; i < 3; i++) {
            session.complete("java.util.concurrent.atomic.Atomic", 34);
            CellResult r = session.evaluate("new java.util.concurrent.atomic.AtomicInteger(" + i + ").get()");
            assertThat(r.failed()).as("cell %d", i).isFalse();
        }
    }
}
