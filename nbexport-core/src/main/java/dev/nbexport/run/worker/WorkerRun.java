package dev.nbexport.run.worker;

import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.run.session.CellError;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a worker reported for one notebook.
 *
 * @param cells each code cell that was reached, in order
 * @param ending how the run ended
 */
public record WorkerRun(List<Cell> cells, Ending ending) {

    public WorkerRun {
        cells = List.copyOf(cells);
    }

    /**
     * One code cell.
     *
     * @param index 0-based index in the notebook
     * @param evaluated false for {@code eval: false} cells
     * @param executionCount its execution count, 0 when not evaluated
     * @param outputs its fresh outputs
     * @param error why it failed, if it did
     * @param started when it started (wall clock); {@code null} when not evaluated
     * @param nanos how long it took
     */
    public record Cell(int index, boolean evaluated, int executionCount, List<JsonObject> outputs,
                       Optional<CellError> error, Instant started, long nanos) {
        public Cell {
            outputs = List.copyOf(outputs);
        }
    }

    /** How a run ended. */
    public sealed interface Ending {}

    /** Every cell ran. */
    public record Completed() implements Ending {}

    /** Every cell ran, but the notebook left non-daemon threads running. */
    public record StrayThreads(List<String> names) implements Ending {}

    /** A cell ran longer than the timeout; the worker was stopped. */
    public record TimedOut(int index, long seconds) implements Ending {}

    /**
     * The worker JVM ended while a cell ran ({@code index}, -1 between cells): {@code System.exit}, a crash.
     *
     * @param exitCode the JVM's exit status
     * @param stderrTail the last lines it wrote to standard error
     */
    public record Exited(int index, int exitCode, List<String> stderrTail) implements Ending {}

    /** The worker could not read the notebook. */
    public record Unreadable(String message) implements Ending {}
}
