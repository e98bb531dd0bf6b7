package dev.nbexport.diff;

import java.util.List;

/**
 * What a {@code diff} run found.
 *
 * @param from the first version, as shown to the user: {@code HEAD~1 (1a2b3c4)}, a file name
 * @param to the second version: {@code working tree}, {@code main (9f8e7d6)}, a file name
 * @param compared how many notebooks were compared (those on either side)
 * @param differing the notebooks that differ, sorted by name
 */
public record DiffResult(String from, String to, int compared, List<FileDiff> differing) {

    public DiffResult {
        differing = List.copyOf(differing);
    }

    /** Whether any notebook differs. */
    public boolean differs() {
        return !differing.isEmpty();
    }

    /** {@code 2 of 5 notebooks differ between HEAD~1 (1a2b3c4) and working tree}. */
    public String summary() {
        String between = " between " + from + " and " + to;
        if (differing.isEmpty()) {
            return "No differences in " + ValueSummary.plural(compared, "notebook") + between + ".";
        }
        return differing.size() + " of " + ValueSummary.plural(compared, "notebook")
                + (differing.size() == 1 ? " differs" : " differ") + between + ".";
    }
}
