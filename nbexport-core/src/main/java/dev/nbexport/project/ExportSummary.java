package dev.nbexport.project;

import java.util.List;

/**
 * What an export did, for the one summary line and the warnings the build shows.
 *
 * @param notebooks notebooks found
 * @param read notebooks read and exported again: all of them, or (with a current staleness index) those
 *     that changed and those sharing a generated file with them
 * @param upToDate whether nothing had changed since the last export, so nothing was read
 * @param written files created or updated
 * @param unchanged generated files already up to date
 * @param removed stale generated files removed
 * @param warnings warnings to show (cells without ids, directives that disagree, …)
 * @param millis wall time
 */
public record ExportSummary(int notebooks, int read, boolean upToDate, List<String> written, int unchanged,
                            List<String> removed, List<String> warnings, long millis) {

    public ExportSummary {
        written = List.copyOf(written);
        removed = List.copyOf(removed);
        warnings = List.copyOf(warnings);
    }

    /**
     * {@code 12 notebooks read: 3 files written, 20 unchanged, 1 removed (85 ms)}, or {@code 2 of 12
     * notebooks read: …} when only those were exported again.
     */
    public String line() {
        if (upToDate) {
            return notebooks + " notebooks unchanged since the last export: nothing to do (" + millis + " ms)";
        }
        return (read == notebooks ? "" : read + " of ") + notebooks + " notebooks read: " + written.size() + " files written, " + unchanged + " unchanged, "
                + removed.size() + " removed (" + millis + " ms)";
    }
}
