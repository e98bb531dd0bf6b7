package dev.nbexport.run;

import dev.nbexport.notebook.CellRef;

/**
 * How one code cell did.
 *
 * @param cell where it is
 * @param status what happened
 * @param seconds how long it ran
 * @param failure what went wrong, as shown to the user (empty unless failed): first line the cause, then
 *     the mapped stack or the output diff, then what to do
 * @param type the kind of failure for reports (the exception, {@code OutputMismatch}, ...)
 */
public record CellOutcome(CellRef cell, Status status, double seconds, String failure, String type) {

    /** What happened to a cell. */
    public enum Status {
        PASSED, FAILED,
        /** {@code eval: false}. */
        SKIPPED,
        /** An earlier cell failed, or the notebook was stopped. */
        NOT_RUN
    }
}
