package dev.nbexport.report;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.report.parameters.ParameterInjection;
import dev.nbexport.run.session.CellError;
import dev.nbexport.run.worker.NotebookExecution;
import dev.nbexport.run.worker.WorkerRun;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The executed notebook as papermill writes it, so that papermill-aware tools (scrapbook, papermill's own
 * readers, notebook viewers) read ours: fresh outputs and execution counts, and
 *
 * <ul>
 *   <li>notebook {@code metadata.papermill}: {@code parameters} (typed JSON values), {@code default_parameters},
 *       {@code environment_variables} (empty, as papermill leaves it), {@code input_path}, {@code output_path},
 *       {@code start_time}, {@code end_time} (ISO 8601 in UTC, as Python's {@code isoformat()} writes them),
 *       {@code duration} (seconds), {@code exception} ({@code true} when a cell failed, else {@code null});
 *   <li>per cell {@code metadata.papermill}: {@code status} ({@code completed}, {@code failed}, or
 *       {@code pending} for cells after a failure), {@code start_time}, {@code end_time}, {@code duration},
 *       {@code exception} ({@code false} once run, {@code true} when it failed, {@code null} when not run);
 *       markdown cells and cells left out ({@code eval: false}) are {@code completed} without times, as papermill
 *       marks cells it did not time;
 *   <li>on a failure papermill's two markdown cells tagged {@code papermill-error-cell-tag}: one at the top
 *       linking to the failed cell, one right before it.
 * </ul>
 * A cell tagged {@code raises-exception} may fail without failing the run (nbclient's reading of the tag).
 */
final class ExecutedNotebook {

    static final String ERROR_STYLE = "style=\"color:red; font-family:Helvetica Neue, Helvetica, Arial, sans-serif; font-size:2em;\"";

    /** Python's {@code datetime.isoformat()} of an aware UTC time: microseconds and {@code +00:00}. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ExecutedNotebook() {}

    /**
     * The failed cell.
     *
     * @param index its index in the executed notebook (error cells included)
     * @param executionCount its {@code In [n]}
     * @param injected whether it is the injected parameters cell
     * @param inputIndex its index in the input notebook (-1 for the injected cell)
     * @param error what failed
     */
    record Failure(int index, int executionCount, boolean injected, int inputIndex, CellError error) {}

    /** Timing of one executed cell for the report, by its index in the executed notebook. */
    record CellTiming(String status, double seconds, int executionCount) {}

    record Result(Notebook notebook, Optional<Failure> failure, Map<Integer, CellTiming> timings) {}

    /**
     * @param run what the worker reported for {@code injected}'s cells
     * @param papermill the notebook-level fields known before the run (parameters, paths)
     */
    static Result of(ParameterInjection.Injected injected, WorkerRun run, JsonObject papermill, Instant start, Instant end) {
        Notebook nb = injected.notebook();
        Map<Integer, WorkerRun.Cell> byIndex = new HashMap<>();
        run.cells().forEach(c -> byIndex.put(c.index(), c));
        List<Cell> cells = new ArrayList<>();
        Failure failure = null;
        Map<Integer, CellTiming> timings = new HashMap<>();
        for (int i = 0; i < nb.cells().size(); i++) {
            Cell cell = nb.cells().get(i);
            WorkerRun.Cell fresh = byIndex.get(i);
            String status = failure == null ? "completed" : "pending";
            JsonObject pm = cellRecord(null, 0, null, status);
            if (cell.isCode()) {
                cell = cell.with("execution_count", Json.JsonNull.NULL).with("outputs", JsonArray.EMPTY);
                Optional<CellError> stopped = failure == null ? stoppedHere(run.ending(), i) : Optional.empty();
                if (fresh != null && fresh.evaluated()) {
                    boolean failed = fresh.error().isPresent() && !cell.tags().contains(NotebookExecution.RAISES_EXCEPTION);
                    cell = cell.with("execution_count", Json.JsonNumber.of(fresh.executionCount()))
                            .with("outputs", new JsonArray(new ArrayList<>(fresh.outputs())));
                    pm = cellRecord(fresh.started(), fresh.nanos(), failed, failed ? "failed" : "completed");
                    timings.put(i, new CellTiming(failed ? "failed" : "completed", fresh.nanos() / 1e9, fresh.executionCount()));
                    if (failed) {
                        failure = new Failure(i, fresh.executionCount(), i == injected.injectedIndex(), injected.origins().get(i),
                                fresh.error().get());
                    }
                } else if (stopped.isPresent()) {
                    // the worker was stopped while this cell ran: nbclient's error, as the kernel gives none
                    CellError e = stopped.get();
                    cell = cell.with("outputs", new JsonArray(List.of(JsonObject.EMPTY.with("ename", Json.string(e.ename()))
                            .with("evalue", Json.string(e.evalue())).with("output_type", Json.string("error"))
                            .with("traceback", new JsonArray(List.of(Json.string(e.ename() + ": " + e.evalue())))))));
                    pm = cellRecord(null, 0, true, "failed");
                    timings.put(i, new CellTiming("failed", 0, 0));
                    failure = new Failure(i, 0, i == injected.injectedIndex(), injected.origins().get(i), e);
                }
            }
            JsonObject metadata = cell.metadata().with("papermill", pm);
            cells.add(cell.withMetadata(metadata));
        }
        if (failure != null) {
            int count = failure.executionCount();
            boolean ids = nb.nbformatMinor() >= 5;
            cells.add(failure.index(), errorCell(ids ? "papermill-error-cell-here" : null, "<span id=\"papermill-error-cell\" " + ERROR_STYLE + ">"
                    + "Execution using papermill encountered an exception here and stopped:</span>"));
            cells.add(0, errorCell(ids ? "papermill-error-cell-top" : null, "<span " + ERROR_STYLE + ">An Exception was encountered at '"
                    + "<a href=\"#papermill-error-cell\">In [" + (count > 0 ? count : "None") + "]</a>'.</span>"));
            failure = new Failure(failure.index() + 2, failure.executionCount(), failure.injected(), failure.inputIndex(), failure.error());
            Map<Integer, CellTiming> shifted = new HashMap<>();
            int at = failure.index() - 2;
            timings.forEach((k, v) -> shifted.put(k < at ? k + 1 : k + 2, v));
            timings = shifted;
        }
        JsonObject pmNotebook = papermill
                .with("start_time", Json.string(ISO.format(start)))
                .with("end_time", Json.string(ISO.format(end)))
                .with("duration", seconds(Duration.between(start, end).toNanos()))
                .with("exception", failure == null ? Json.JsonNull.NULL : Json.JsonBoolean.TRUE);
        Notebook executed = nb.withCells(cells).withMetadata(nb.metadata().with("papermill", pmNotebook));
        return new Result(executed, Optional.ofNullable(failure), timings);
    }

    /** The failure as a cell reference a user finds: in the input notebook, or the injected cell in the output. */
    static CellRef where(Failure f, Notebook input, String inputShown, Notebook executed, String outputShown) {
        return f.injected() ? executed.cellRef(outputShown, f.index()) : input.cellRef(inputShown, f.inputIndex());
    }

    private static Optional<CellError> stoppedHere(WorkerRun.Ending ending, int index) {
        if (ending instanceof WorkerRun.TimedOut t && t.index() == index) {
            return Optional.of(new CellError("CellTimeoutError", "A cell timed out while it was being executed, after "
                    + t.seconds() + " seconds.", List.of(), "still running after " + t.seconds() + " s, so the run was stopped", 0,
                    List.of(), "If the cell needs longer, raise the per-cell timeout: -Dnbexport.run.timeout=<seconds>."));
        }
        if (ending instanceof WorkerRun.Exited e && e.index() == index) {
            return Optional.of(new CellError("DeadKernelError", "Kernel died (exit status " + e.exitCode() + ")", List.of(),
                    "the notebook's JVM exited with status " + e.exitCode() + " while this cell ran", 0, e.stderrTail(),
                    "Notebook code must not call System.exit: throw an exception to fail, or just end."));
        }
        return Optional.empty();
    }

    private static JsonObject cellRecord(Instant started, long nanos, Boolean exception, String status) {
        return JsonObject.EMPTY
                .with("duration", started == null ? Json.JsonNull.NULL : seconds(nanos))
                .with("end_time", started == null ? Json.JsonNull.NULL : Json.string(ISO.format(started.plusNanos(nanos))))
                .with("exception", exception == null ? Json.JsonNull.NULL : Json.JsonBoolean.of(exception))
                .with("start_time", started == null ? Json.JsonNull.NULL : Json.string(ISO.format(started)))
                .with("status", Json.string(status));
    }

    /** @param id {@code null} in a notebook older than nbformat 4.5, whose cells have no ids */
    private static Cell errorCell(String id, String html) {
        return Cell.of(CellType.MARKDOWN, id, html).withMetadata(JsonObject.EMPTY.with("tags",
                new JsonArray(List.of(Json.string(ParameterInjection.ERROR_TAG)))));
    }

    /** Seconds as papermill writes them: a float with microseconds. */
    static Json.JsonNumber seconds(long nanos) {
        return new Json.JsonNumber(String.format(Locale.ROOT, "%.6f", nanos / 1e9));
    }

    static String iso(Instant t) {
        return ISO.format(t);
    }

}
