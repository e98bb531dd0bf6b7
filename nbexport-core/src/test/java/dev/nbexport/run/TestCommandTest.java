package dev.nbexport.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.run.worker.WorkerLaunch;
import dev.nbexport.testing.KilledRun;
import dev.nbexport.testing.TestNotebooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nbexport:test's core with real worker JVMs. */
class TestCommandTest {

    @TempDir
    Path project;

    private final List<String> progress = new ArrayList<>();

    private TestRequest request(boolean checkAll, boolean rerun, Optional<Shard> shard, boolean save, Duration timeout) {
        return request(2, checkAll, rerun, shard, save, timeout);
    }

    private TestRequest request(int workers, boolean checkAll, boolean rerun, Optional<Shard> shard, boolean save,
                                Duration timeout) {
        return new TestRequest(project, project.resolve("notebooks"), List.of(), List.of(), List.of(), List.of(), workers,
                timeout, checkAll, false, List.of(), rerun, shard, save, project.resolve("target"), "test",
                WorkerLaunch.currentJava(), WorkerLaunch.DEFAULT_JVM_ARGS);
    }

    private TestSummary run(TestRequest request) throws InterruptedException {
        return TestCommand.run(request, progress::add);
    }

    private Path notebook(String name, String... cells) {
        return TestNotebooks.write(project.resolve("notebooks/" + name), cells);
    }

    @Test
    void aRunRemovesTheTemporaryFilesAKilledSavingRunLeftAndNothingElse() throws Exception {
        notebook("a.ipynb", "# only text");
        List<Path> leftovers = List.of(
                Files.writeString(project.resolve("notebooks/" + KilledRun.leftoverOf("a.ipynb")), "{\"cells\": ["),
                Files.writeString(Files.createDirectories(project.resolve("target/nbexport")).resolve(KilledRun.leftoverOf("test.index")), "a"),
                Files.writeString(project.resolve("target/nbexport/" + KilledRun.leftoverOf("test-worker.json")), "{"),
                Files.writeString(Files.createDirectories(project.resolve("target/nbexport-reports"))
                        .resolve(KilledRun.leftoverOf("TEST-notebooks.a.ipynb.xml")), "<testsuite"));
        List<Path> others = List.of(
                Files.writeString(project.resolve("notebooks/.a.ipynb." + ProcessHandle.current().parent().orElseThrow().pid()
                        + "-00000000000000ff.nbexport.tmp"), "a live writer's"),
                Files.writeString(project.resolve("notebooks/.a.ipynb.8345127710349.tmp"), "not our name"),
                Files.writeString(project.resolve("target/nbexport/" + KilledRun.leftoverOf("export.index")), "export's to remove"),
                Files.writeString(project.resolve(KilledRun.leftoverOf("a.ipynb")), "not a folder of nbexport:test"));

        run(request(false, false, Optional.empty(), false, Duration.ofSeconds(60)));

        assertThat(leftovers).allSatisfy(file -> assertThat(file).doesNotExist());
        assertThat(others).allSatisfy(file -> assertThat(file).exists());
    }

    @Test
    void passingNotebooksPassAndGetJUnitReportsAndASummary() throws Exception {
        notebook("a.ipynb", "int x = 1;", "# text", "x + 1");
        notebook("b.ipynb", "System.out.println(\"hi\");");
        TestSummary summary = run(request(false, false, Optional.empty(), false, Duration.ofSeconds(60)));
        assertThat(summary.line()).isEqualTo("2 notebooks, 3 cells: 2 passed, 0 failed");
        assertThat(progress).anySatisfy(l -> assertThat(l).matches("notebooks/a.ipynb: 2 cells, [0-9.]+ s, passed"));
        String xml = Files.readString(project.resolve("target/nbexport-reports/TEST-notebooks.a.ipynb.xml"));
        assertThat(xml).contains("<testsuite name=\"notebooks/a.ipynb\" tests=\"2\" failures=\"0\"")
                .contains("name=\"cell 1 (id c1)\"").contains("name=\"cell 3 (id c3)\"");
    }

    @Test
    void aFailingCellFailsItsNotebookNamingTheCellAndLineAndTheRestDoesNotRun() throws Exception {
        notebook("bad.ipynb", "int a = 1;", "int b = 2;\nthrow new IllegalStateException(\"boom\");", "System.out.println(\"after\");");
        TestSummary summary = run(request(false, false, Optional.empty(), false, Duration.ofSeconds(60)));
        assertThat(summary.line()).isEqualTo("1 notebook, 3 cells: 0 passed, 1 failed");
        NotebookOutcome bad = summary.failed().get(0);
        assertThat(bad.failures()).singleElement().asString()
                .startsWith("notebooks/bad.ipynb, cell 2 (id c2), line 2: java.lang.IllegalStateException: boom")
                .contains("at cell 2, line 2");
        assertThat(bad.cells()).extracting(CellOutcome::status)
                .containsExactly(CellOutcome.Status.PASSED, CellOutcome.Status.FAILED, CellOutcome.Status.NOT_RUN);
        assertThat(Files.readString(project.resolve("target/nbexport-reports/TEST-notebooks.bad.ipynb.xml")))
                .contains("<failure message=\"notebooks/bad.ipynb, cell 2 (id c2), line 2: java.lang.IllegalStateException: boom\" type=\"RuntimeException\"");
    }

    @Test
    void systemExitFailsThatNotebookOnlyAndOthersRun() throws Exception {
        notebook("exits.ipynb", "System.exit(3);");
        notebook("fine.ipynb", "1 + 1");
        notebook("fine2.ipynb", "2 + 2");
        TestSummary summary = run(request(false, false, Optional.empty(), false, Duration.ofSeconds(60)));
        assertThat(summary.line()).isEqualTo("3 notebooks, 3 cells: 2 passed, 1 failed");
        assertThat(summary.failed().get(0).failures().get(0))
                .startsWith("notebooks/exits.ipynb, cell 1 (id c1): the notebook's JVM exited with status 3 while this cell ran");
    }

    @Test
    void anEndlessLoopIsStoppedByTheCellTimeout() throws Exception {
        notebook("loop.ipynb", "while (true) { }");
        TestSummary summary = run(request(false, false, Optional.empty(), false, Duration.ofSeconds(3)));
        assertThat(summary.failed().get(0).failures().get(0))
                .startsWith("notebooks/loop.ipynb, cell 1 (id c1): still running after 3 s, so the notebook was stopped");
    }

    @Test
    void aStrayNonDaemonThreadFailsTheNotebook() throws Exception {
        notebook("thread.ipynb", "var t = new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } }, \"stray\");\nt.start();");
        notebook("after.ipynb", "1");
        TestSummary summary = run(request(false, false, Optional.empty(), false, Duration.ofSeconds(60)));
        assertThat(summary.failed()).singleElement().satisfies(n -> assertThat(n.failures().get(0))
                .startsWith("notebooks/thread.ipynb: left non-daemon threads running after its last cell: stray"));
    }

    @Test
    void outputMismatchesShowADiffOnlyWhereCheckingIsOn() throws Exception {
        Path file = notebook("out.ipynb", "//| output: check\nList.of(1, 2)", "new Object()", "List.of(3)");
        Notebook nb = NotebookReader.read(file);
        NotebookWriter.write(nb.withCell(0, stored(nb.cells().get(0), "[1, 2, 3]"))
                .withCell(1, stored(nb.cells().get(1), "java.lang.Object@1b6d3586"))
                .withCell(2, stored(nb.cells().get(2), "[4]")), file);
        NotebookOutcome marked = run(request(false, true, Optional.empty(), false, Duration.ofSeconds(60))).notebooks().get(0);
        assertThat(marked.failures()).singleElement().asString()
                .startsWith("notebooks/out.ipynb, cell 1 (id c1): the output differs from the stored one")
                .contains("-[1, 2, 3]").contains("+[1, 2]").contains("--- stored").contains("+++ fresh");
        NotebookOutcome all = run(request(true, true, Optional.empty(), false, Duration.ofSeconds(60))).notebooks().get(0);
        assertThat(all.failures()).hasSize(2); // the hash code is normalised away; cell 3 differs
        assertThat(all.failures().get(1)).contains("cell 3 (id c3)").contains("-[4]").contains("+[3]");
    }

    private static Cell stored(Cell cell, String text) {
        return cell.with("outputs", new Json.JsonArray(List.of(Json.JsonObject.EMPTY
                .with("data", Json.JsonObject.EMPTY.with("text/plain", Json.string(text)))
                .with("execution_count", Json.JsonNumber.of(1)).with("metadata", Json.JsonObject.EMPTY)
                .with("output_type", Json.string("execute_result")))));
    }

    @Test
    void aSecondRunWithNothingChangedRunsNothingUntilTheNotebookChanges() throws Exception {
        notebook("a.ipynb", "1 + 1");
        run(request(false, false, Optional.empty(), false, Duration.ofSeconds(60)));
        progress.clear();
        TestSummary second = run(request(false, false, Optional.empty(), false, Duration.ofSeconds(60)));
        assertThat(second.line()).isEqualTo("1 notebook, 1 cells: 1 passed (1 unchanged, not run again), 0 failed");
        assertThat(progress).containsExactly("notebooks/a.ipynb: unchanged since its last passing run, not run again");
        assertThat(run(request(false, true, Optional.empty(), false, Duration.ofSeconds(60))).notebooks().get(0).status())
                .isEqualTo(NotebookOutcome.Status.PASSED);
        notebook("a.ipynb", "2 + 2");
        assertThat(run(request(false, false, Optional.empty(), false, Duration.ofSeconds(60))).notebooks().get(0).status())
                .isEqualTo(NotebookOutcome.Status.PASSED);
    }

    @Test
    void shardsTogetherRunEveryNotebookExactlyOnce() throws Exception {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            notebook("n" + i + ".ipynb", "1");
            all.add("notebooks/n" + i + ".ipynb");
        }
        List<String> seen = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            run(request(false, true, Optional.of(new Shard(s, 3)), false, Duration.ofSeconds(60)))
                    .notebooks().forEach(n -> seen.add(n.notebook()));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void saveStoresTheFreshOutputsCountsAndSourceHashAndNothingElse() throws Exception {
        Path file = notebook("s.ipynb", "# title", "System.out.println(\"hi\");", "//| eval: false\nSystem.exit(1);", "40 + 2");
        TestSummary summary = run(request(true, false, Optional.empty(), true, Duration.ofSeconds(60)));
        assertThat(summary.saved()).containsExactly("notebooks/s.ipynb");
        Notebook saved = NotebookReader.read(file);
        assertThat(saved.cells().get(1).outputs().get(0).string("text")).isEqualTo("hi\n");
        assertThat(saved.cells().get(1).executionCount()).isEqualTo(Json.JsonNumber.of(1));
        assertThat(saved.cells().get(3).executionCount()).isEqualTo(Json.JsonNumber.of(3)); // the eval: false cell takes number 2, as when Jupyter runs it
        assertThat(saved.cells().get(3).outputs().get(0).get("execution_count")).isEqualTo(Json.JsonNumber.of(3));
        assertThat(saved.cells().get(3).metadata().object("nbexport").string("source_sha256"))
                .isEqualTo(OutputSaver.sourceHash("40 + 2"));
        assertThat(saved.cells().get(2).outputs()).isEmpty();
        assertThat(saved.cells().get(0)).isEqualTo(TestNotebooks.of("# title").cells().get(0));
        // and now the stored outputs are what the notebook prints
        assertThat(run(request(true, true, Optional.empty(), false, Duration.ofSeconds(60))).failed()).isEmpty();
    }

    @Test
    void notebooksRunOneAfterAnotherInAWorkerDoNotSeeEachOthersState() throws Exception {
        notebook("a.ipynb", "int left = 1;", "left");
        notebook("b.ipynb", "left");
        notebook("c.ipynb", "int left = 3;", "left");
        TestSummary summary = run(request(1, false, false, Optional.empty(), false, Duration.ofSeconds(60)));
        assertThat(summary.line()).isEqualTo("3 notebooks, 5 cells: 2 passed, 1 failed");
        assertThat(summary.failed()).singleElement().satisfies(n -> assertThat(n.failures().get(0))
                .startsWith("notebooks/b.ipynb, cell 1 (id c1), line 1: ").contains("cannot find symbol"));
    }

    @Test
    void eachNotebookGetsTheStartUpOfItsOwnKernelInAWorkerThatRanAnotherKernelsNotebook() throws Exception {
        JsonObject ijava = JsonObject.EMPTY.with("kernelspec", JsonObject.EMPTY.with("display_name", Json.string("Java"))
                .with("language", Json.string("java")).with("name", Json.string("java")));
        String usesJavaTime = "LocalDate.of(2024, 2, 29).getDayOfWeek()"; // JJava imports java.time, IJava does not
        notebook("a.ipynb", usesJavaTime);
        NotebookWriter.write(Notebook.empty(ijava).withCells(TestNotebooks.of(usesJavaTime).cells()),
                project.resolve("notebooks/b.ipynb"));
        notebook("c.ipynb", usesJavaTime);
        TestSummary summary = run(request(1, false, false, Optional.empty(), false, Duration.ofSeconds(60)));
        assertThat(summary.notebooks()).extracting(NotebookOutcome::status).containsExactly(NotebookOutcome.Status.PASSED,
                NotebookOutcome.Status.FAILED, NotebookOutcome.Status.PASSED);
        assertThat(summary.failed().get(0).failures().get(0)).startsWith("notebooks/b.ipynb, cell 1 (id c1), line 1: ")
                .contains("LocalDate");
    }

    @Test
    void workersStartedAheadForNotebooksThatThenDoNotRunAreEnded() throws Exception {
        notebook("text-only.ipynb", "# nothing to run");
        notebook("skipped.ipynb", "//| skip_exec\nSystem.exit(1);");
        TestSummary summary = run(request(false, false, Optional.empty(), false, Duration.ofSeconds(60)));
        assertThat(summary.notebooks()).extracting(NotebookOutcome::status)
                .containsExactly(NotebookOutcome.Status.SKIPPED, NotebookOutcome.Status.PASSED);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(h -> h.info().commandLine().orElse("?")))
                .isEmpty();
    }
}
