package dev.nbexport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.NbexportException;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonWriter;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.report.parameters.ParameterInput;
import dev.nbexport.report.parameters.RawValue;
import dev.nbexport.run.worker.WorkerLaunch;
import dev.nbexport.testing.KilledRun;
import dev.nbexport.testing.NbformatValidation;
import dev.nbexport.testing.TestNotebooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nbexport:run's core with real worker JVMs: executed notebooks, papermill's metadata, reports, refusals. */
class RunCommandTest {

    @TempDir
    Path project;

    private final List<String> progress = new ArrayList<>();

    private static final String[] REPORT = {
        "# Greeting report",
        "//| parameters\n// how many times\nint n = 2;\nString who = \"World\";\nLocalDate day = LocalDate.of(2024, 1, 1);",
        "for (int i = 0; i < n; i++) System.out.println(\"Hello, \" + who + \"!\");",
        "day.getDayOfWeek()",
    };

    private RunRequest request(RunSpec... runs) {
        return new RunRequest(project, List.of(runs), List.of(), List.of(), 2, Duration.ofSeconds(60),
                project.resolve("target/nbexport-runs"), project.resolve("target"), "test", WorkerLaunch.currentJava(),
                WorkerLaunch.DEFAULT_JVM_ARGS);
    }

    private RunSpec spec(Path notebook, String parameters) {
        return new RunSpec(notebook, ParameterInput.parse(parameters, "-Dnbexport.parameters"), null);
    }

    private Path notebook(String name, String... cells) {
        return TestNotebooks.write(project.resolve("notebooks/" + name), cells);
    }

    private static String text(Cell c) {
        StringBuilder out = new StringBuilder();
        for (JsonObject o : c.outputs()) {
            out.append(JsonWriter.write(o));
        }
        return out.toString();
    }

    @Test
    void aRunRemovesWhatAKilledRunLeftHalfWrittenAmongItsOutputsAndNothingElse() throws Exception {
        Path input = notebook("greet.ipynb", REPORT);
        Path runs = Files.createDirectories(project.resolve("target/nbexport-runs"));
        List<Path> leftovers = List.of(
                Files.writeString(runs.resolve(KilledRun.leftoverOf("greet.ipynb")), "{\"cells\": ["),
                Files.writeString(runs.resolve(KilledRun.leftoverOf("greet.html")), "<!DOCTYPE"),
                Files.writeString(Files.createDirectories(project.resolve("target/nbexport")).resolve(KilledRun.leftoverOf("run-worker.json")), "{"));
        List<Path> others = List.of(
                Files.writeString(runs.resolve(".greet.ipynb.8345127710349.tmp"), "not our name"),
                Files.writeString(project.resolve("notebooks/" + KilledRun.leftoverOf("greet.ipynb")), "not a folder of the run"));

        RunCommand.run(request(spec(input, "n=1")), progress::add);

        assertThat(leftovers).allSatisfy(file -> assertThat(file).doesNotExist());
        assertThat(others).allSatisfy(file -> assertThat(file).exists());
    }

    @Test
    void aRunInjectsTheValuesAndWritesTheExecutedNotebookWithPapermillsMetadataAndAReport() throws Exception {
        Path input = notebook("greet.ipynb", REPORT);
        byte[] before = Files.readAllBytes(input);
        RunSummary summary = RunCommand.run(request(spec(input, "n=3, who=Ada \"the first\" Lovelace, day=2024-01-31")), progress::add);

        assertThat(summary.line()).isEqualTo("1 run: 1 completed, 0 failed; index: target/nbexport-runs/index.html");
        assertThat(progress).anySatisfy(l -> assertThat(l).matches(
                "notebooks/greet.ipynb -> target/nbexport-runs/greet.html: 4 cells, [0-9.]+ s, completed"));
        assertThat(Files.readAllBytes(input)).as("the input is never written").isEqualTo(before);

        Path out = project.resolve("target/nbexport-runs/greet.ipynb");
        Notebook nb = NotebookReader.read(out);
        assertThat(nb.cells()).hasSize(5);
        Cell injected = nb.cells().get(2);
        assertThat(injected.tags()).containsExactly("injected-parameters");
        assertThat(injected.source()).isEqualTo("// Parameters\nint n = 3;\nString who = \"Ada \\\"the first\\\" Lovelace\";\n"
                + "LocalDate day = LocalDate.parse(\"2024-01-31\");");
        assertThat(text(nb.cells().get(3))).contains("Hello, Ada \\\"the first\\\" Lovelace!\\nHello,")
                .contains("\"name\": \"stdout\"");
        assertThat(text(nb.cells().get(3)).split("Hello", -1)).hasSize(4);
        assertThat(text(nb.cells().get(4))).contains("\"text/plain\": \"WEDNESDAY\"");
        assertThat(nb.cells().get(4).executionCount()).isEqualTo(Json.JsonNumber.of(4));

        JsonObject pm = nb.metadata().object("papermill");
        assertThat(JsonWriter.write(pm.get("parameters"))).isEqualTo(
                "{\n \"day\": \"2024-01-31\",\n \"n\": 3,\n \"who\": \"Ada \\\"the first\\\" Lovelace\"\n}");
        assertThat(JsonWriter.write(pm.get("default_parameters"))).contains("\"n\": 2", "\"who\": \"World\"",
                "\"day\": \"LocalDate.of(2024, 1, 1)\"");
        assertThat(pm.string("input_path")).isEqualTo("notebooks/greet.ipynb");
        assertThat(pm.string("output_path")).isEqualTo("target/nbexport-runs/greet.ipynb");
        assertThat(pm.get("exception")).isEqualTo(Json.JsonNull.NULL);
        assertThat(pm.object("environment_variables")).isEqualTo(JsonObject.EMPTY);
        OffsetDateTime start = OffsetDateTime.parse(pm.string("start_time"));
        OffsetDateTime end = OffsetDateTime.parse(pm.string("end_time"));
        assertThat(end).isAfterOrEqualTo(start);
        assertThat(Double.parseDouble(((Json.JsonNumber) pm.get("duration")).text())).isPositive();
        assertThat(pm.string("start_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");

        JsonObject cell = nb.cells().get(3).metadata().object("papermill");
        assertThat(cell.string("status")).isEqualTo("completed");
        assertThat(cell.get("exception")).isEqualTo(Json.JsonBoolean.FALSE);
        assertThat(OffsetDateTime.parse(cell.string("start_time"))).isAfterOrEqualTo(start);
        assertThat(OffsetDateTime.parse(cell.string("end_time"))).isAfterOrEqualTo(OffsetDateTime.parse(cell.string("start_time")));
        assertThat(cell.get("duration")).isInstanceOf(Json.JsonNumber.class);
        JsonObject markdown = nb.cells().get(0).metadata().object("papermill");
        assertThat(markdown.string("status")).isEqualTo("completed");
        assertThat(markdown.get("start_time")).isEqualTo(Json.JsonNull.NULL);

        NbformatValidation.assertValid(List.of(out.toString()));

        String html = Files.readString(project.resolve("target/nbexport-runs/greet.html"));
        assertThat(html).contains("<title>Greeting report · notebooks/greet.ipynb</title>", "Content-Security-Policy",
                "script-src &#39;sha256-", "Hello, Ada &quot;the first&quot; Lovelace!", "WEDNESDAY", "nbx-run-completed",
                "<td><code>n</code></td><td><code>int</code></td><td><code>3</code></td><td><code>2</code></td><td>how many times</td>")
                .doesNotContain("<link rel=\"stylesheet\"", "<script src=");
        assertThat(Files.readString(project.resolve("target/nbexport-runs/index.html")))
                .contains("href=\"greet.html\"", "n=3, who=Ada \"the first\" Lovelace, day=2024-01-31".replace("\"", "&quot;"), "completed");
    }

    @Test
    void aFailingCellGetsPapermillsErrorCellsTheNotebookAndReportAreStillWrittenAndTheFailureNamesTheCell() throws Exception {
        Path input = notebook("fail.ipynb", "//| parameters\nint n = 1;", "int m = n * 2;\nthrow new IllegalStateException(\"m is \" + m);",
                "System.out.println(\"after\");", "# the end");
        RunSummary summary = RunCommand.run(request(spec(input, "n=21")), progress::add);
        assertThat(summary.line()).startsWith("1 run: 0 completed, 1 failed");
        assertThatThrownBy(summary::throwIfFailed).isInstanceOf(NbexportException.class)
                .satisfies(e -> assertThat(((NbexportException) e).describe())
                        .startsWith("notebooks/fail.ipynb, cell 2 (id c2), line 2: java.lang.IllegalStateException: m is 42")
                        .contains("at cell 2, line 2", "target/nbexport-runs/fail.ipynb"));

        Notebook nb = NotebookReader.read(project.resolve("target/nbexport-runs/fail.ipynb"));
        assertThat(nb.cells()).hasSize(7);
        assertThat(nb.cells().get(0).tags()).containsExactly("papermill-error-cell-tag");
        assertThat(nb.cells().get(0).source()).contains("An Exception was encountered at '<a href=\"#papermill-error-cell\">In [3]</a>'.");
        assertThat(nb.cells().get(3).tags()).containsExactly("papermill-error-cell-tag");
        assertThat(nb.cells().get(3).source()).contains("id=\"papermill-error-cell\"", "encountered an exception here and stopped");
        Cell failed = nb.cells().get(4);
        assertThat(text(failed)).contains("\"output_type\": \"error\"", "m is 42");
        assertThat(failed.metadata().object("papermill").string("status")).isEqualTo("failed");
        assertThat(failed.metadata().object("papermill").get("exception")).isEqualTo(Json.JsonBoolean.TRUE);
        Cell after = nb.cells().get(5);
        assertThat(after.outputs()).isEmpty();
        assertThat(after.json().get("execution_count")).isEqualTo(Json.JsonNull.NULL);
        assertThat(after.metadata().object("papermill").string("status")).isEqualTo("pending");
        assertThat(nb.cells().get(6).metadata().object("papermill").string("status")).isEqualTo("pending");
        assertThat(nb.metadata().object("papermill").get("exception")).isEqualTo(Json.JsonBoolean.TRUE);
        NbformatValidation.assertValid(List.of(project.resolve("target/nbexport-runs/fail.ipynb").toString()));
        assertThat(Files.readString(project.resolve("target/nbexport-runs/fail.html")))
                .contains("nbx-run-failed", "This run failed", "m is 42");

        // a second run of the executed notebook replaces its injected cell and drops the old error cells
        Path again = project.resolve("notebooks/again.ipynb");
        Files.copy(project.resolve("target/nbexport-runs/fail.ipynb"), again);
        RunCommand.run(request(spec(again, "n=5")), progress::add);
        Notebook rerun = NotebookReader.read(project.resolve("target/nbexport-runs/again.ipynb"));
        assertThat(rerun.cells()).hasSize(7);
        assertThat(rerun.cells().stream().filter(c -> c.tags().contains("injected-parameters")).toList()).hasSize(1);
        assertThat(rerun.cells().get(2).source()).isEqualTo("// Parameters\nint n = 5;");
    }

    @Test
    void refusedParametersRunNothingAndEveryProblemIsShown() throws Exception {
        Path input = notebook("greet.ipynb", REPORT);
        assertThatThrownBy(() -> RunCommand.run(request(spec(input, "n=many, day=tomorrow, colour=red")), progress::add))
                .isInstanceOf(NbexportException.class)
                .satisfies(e -> assertThat(((NbexportException) e).describe()).contains(
                        "3 problems in the parameters (nothing was run)",
                        "notebooks/greet.ipynb, cell 2 (id c2), line 3: parameter `n` is an int: the value `many` is not a whole number",
                        "parameter `day` is a LocalDate: the value `tomorrow` is not a date in ISO form",
                        "has no parameter `colour` (given `red`)", "Its parameters are: n (int), who (String), day (LocalDate)."));
        assertThat(project.resolve("target/nbexport-runs")).doesNotExist();
    }

    @Test
    void aBatchRunsInParallelOneExecutedNotebookAndReportEachAndAnIndex() throws Exception {
        Path input = notebook("greet.ipynb", REPORT);
        RunSummary summary = RunCommand.run(request(spec(input, "n=1, who=A"), spec(input, "n=2, who=B"),
                new RunSpec(input, Map.of("who", new RawValue.Text("C")), project.resolve("target/c/greet-c.ipynb"))), progress::add);
        assertThat(summary.line()).isEqualTo("3 runs: 3 completed, 0 failed; index: target/nbexport-runs/index.html");
        assertThat(text(NotebookReader.read(project.resolve("target/nbexport-runs/greet-1.ipynb")).cells().get(3))).contains("Hello, A!");
        assertThat(text(NotebookReader.read(project.resolve("target/nbexport-runs/greet-2.ipynb")).cells().get(3)).split("Hello, B!", -1)).hasSize(3);
        assertThat(project.resolve("target/c/greet-c.html")).isRegularFile();
        String index = Files.readString(project.resolve("target/nbexport-runs/index.html"));
        assertThat(index).contains("href=\"greet-1.html\"", "href=\"greet-2.html\"", "href=\"../c/greet-c.html\"", "who=C");
        NbformatValidation.assertValid(List.of(project.resolve("target/nbexport-runs/greet-1.ipynb").toString(),
                project.resolve("target/c/greet-c.ipynb").toString()));
    }

    @Test
    void withoutAParametersCellTheValuesGoToTheTopWithAWarning() throws Exception {
        Path input = notebook("plain.ipynb", "int n = 1;", "System.out.println(n);");
        RunCommand.run(request(spec(input, "n=7")), progress::add);
        assertThat(progress).anySatisfy(l -> assertThat(l).startsWith("WARNING notebooks/plain.ipynb: has no parameters cell"));
        Notebook nb = NotebookReader.read(project.resolve("target/nbexport-runs/plain.ipynb"));
        assertThat(nb.cells().get(0).source()).isEqualTo("// Parameters\nint n = 7;");
        assertThat(text(nb.cells().get(2))).as("the notebook's own `int n = 1;` runs after the injected cell, as in papermill")
                .contains("1\\n");
    }

    @Test
    void describeListsTheParameters() {
        Path input = notebook("greet.ipynb", REPORT);
        assertThat(RunCommand.describe(project, List.of(input), List.of())).isEqualTo(
                "notebooks/greet.ipynb, cell 2 (id c2): 3 parameters\n  n: int = 2\n      how many times\n"
                        + "  who: String = \"World\"\n  day: LocalDate = LocalDate.of(2024, 1, 1)");
    }
}
