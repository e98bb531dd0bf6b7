package dev.nbexport.report;

import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.problem.Problem;
import java.util.Locale;
import java.util.Optional;

/**
 * How one run went.
 *
 * @param notebook the input notebook, as shown
 * @param executed the executed notebook written, as shown
 * @param report its HTML report, as shown
 * @param parameters the values given, as papermill records them
 * @param cells how many code cells ran
 * @param seconds how long the run took
 * @param failure the failed cell, when one failed
 */
public record RunOutcome(String notebook, String executed, String report, JsonObject parameters, int cells, double seconds,
                         Optional<Problem> failure) {

    public boolean failed() {
        return failure.isPresent();
    }

    /** {@code notebooks/report.ipynb -> target/nbexport-runs/report.html: 8 cells, 2.1 s, completed}. */
    public String progressLine() {
        return notebook + " -> " + report + ": " + cells + (cells == 1 ? " cell, " : " cells, ")
                + String.format(Locale.ROOT, "%.1f s", seconds) + ", " + (failed() ? "FAILED" : "completed");
    }
}
