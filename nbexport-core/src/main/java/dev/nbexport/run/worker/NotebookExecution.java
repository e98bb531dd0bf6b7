package dev.nbexport.run.worker;

import dev.nbexport.directive.CellDirectives;
import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.problem.Severity;
import dev.nbexport.run.session.CellResult;
import dev.nbexport.run.session.NotebookSession;
import dev.nbexport.run.session.OutputListener;
import dev.nbexport.run.session.SessionOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a notebook's code cells top to bottom in one {@link NotebookSession}, as Jupyter's "Run all" does:
 * cells marked {@code //| eval: false} are left out, and the first cell that fails ends the run unless it has
 * the tag {@code raises-exception} (an error it is meant to show). Frames in stack traces are named
 * {@code cell N}.
 */
public final class NotebookExecution {

    /** Told when each code cell starts and ends, e.g. to enforce a timeout or stream progress. */
    public interface Listener {
        /** Hears nothing. */
        Listener NONE = new Listener() {
            @Override
            public void started(int index) {}

            @Override
            public void finished(CellRun run) {}
        };

        void started(int index);

        void finished(CellRun run);
    }

    /**
     * One code cell's run.
     *
     * @param index the cell's 0-based index in the notebook
     * @param result what evaluating it gave; {@code null} when it was not evaluated ({@code eval: false})
     * @param started when it started (wall clock), for papermill's per-cell times; {@code null} when not evaluated
     * @param nanos how long it took
     */
    public record CellRun(int index, CellResult result, Instant started, long nanos) {
        public boolean evaluated() {
            return result != null;
        }
    }

    private NotebookExecution() {}

    /** The Jupyter tag that marks a cell meant to fail, as nbclient and nbval read it. */
    public static final String RAISES_EXCEPTION = "raises-exception";

    /**
     * The directives of the code cell at {@code index}. Unknown names are warnings here: running a notebook
     * does not depend on them, and export reports them as errors.
     */
    public static CellDirectives directives(Notebook notebook, String shown, int index) {
        Cell cell = notebook.cells().get(index);
        return DirectiveParser.standard().withUnknownDirectives(Severity.WARNING)
                .parse(cell.source(), cell.tags(), notebook.cellRef(shown, index));
    }

    /** Whether the cell at {@code index} is run: a code cell without {@code eval: false}. */
    public static boolean evaluates(Notebook notebook, String shown, int index) {
        return notebook.cells().get(index).isCode() && directives(notebook, shown, index).evaluated();
    }

    /** Runs the code cells of {@code notebook} in a new session; the session is closed at the end. */
    public static List<CellRun> run(Notebook notebook, String shown, SessionOptions options, Listener listener) {
        return run(notebook, shown, options, listener, false);
    }

    /**
     * Runs the code cells of {@code notebook} in a new session.
     *
     * @param allowErrors run every cell even after failures, as {@code nbconvert --allow-errors} does
     */
    public static List<CellRun> run(Notebook notebook, String shown, SessionOptions options, Listener listener,
                                    boolean allowErrors) {
        NotebookSession session = NotebookSession.start(options);
        return run(notebook, shown, session, listener, allowErrors);
    }

    /**
     * Runs the code cells of {@code notebook} in {@code session}, a session just started for it (nothing but the
     * kernel's start-up evaluated in it yet); the session is closed at the end.
     */
    public static List<CellRun> run(Notebook notebook, String shown, NotebookSession fresh, Listener listener,
                                    boolean allowErrors) {
        List<CellRun> runs = new ArrayList<>();
        try (NotebookSession session = fresh) {
            for (int i = 0; i < notebook.cells().size(); i++) {
                Cell cell = notebook.cells().get(i);
                if (!cell.isCode()) {
                    continue;
                }
                CellRun run;
                if (!evaluates(notebook, shown, i)) {
                    session.skipCell();
                    run = new CellRun(i, null, null, 0);
                } else {
                    listener.started(i);
                    Instant started = Instant.now();
                    long start = System.nanoTime();
                    CellResult result = session.evaluate(cell.source(), "cell " + (i + 1), OutputListener.NONE);
                    run = new CellRun(i, result, started, System.nanoTime() - start);
                }
                runs.add(run);
                listener.finished(run);
                if (!allowErrors && run.evaluated() && run.result().failed() && !cell.tags().contains(RAISES_EXCEPTION)) {
                    break;
                }
            }
        }
        return runs;
    }
}
