package dev.nbexport.report;

import dev.nbexport.NbexportException;
import dev.nbexport.problem.Problem;
import java.util.List;

/**
 * What {@code nbexport:run} did.
 *
 * @param runs each run, in the order given
 * @param index the index page listing them, as shown
 */
public record RunSummary(List<RunOutcome> runs, String index) {

    public RunSummary {
        runs = List.copyOf(runs);
    }

    /** {@code 3 runs: 3 completed, 0 failed; index: target/nbexport-runs/index.html}. */
    public String line() {
        long failed = runs.stream().filter(RunOutcome::failed).count();
        return runs.size() + (runs.size() == 1 ? " run: " : " runs: ") + (runs.size() - failed) + " completed, " + failed
                + " failed; index: " + index;
    }

    /** Throws the failed cells of every failed run, after everything was written. */
    public void throwIfFailed() {
        List<Problem> problems = runs.stream().filter(RunOutcome::failed).map(r -> r.failure().get()).toList();
        if (!problems.isEmpty()) {
            throw NbexportException.of("in the runs", problems);
        }
    }
}
