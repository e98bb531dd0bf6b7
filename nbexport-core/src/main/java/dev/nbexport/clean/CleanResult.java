package dev.nbexport.clean;

import java.util.List;

/**
 * What a {@code clean} run did.
 *
 * @param notebooks how many notebooks were looked at
 * @param unclean the notebooks that were cleaned (or, in check mode, need cleaning), as shown to the
 *     user, sorted
 */
public record CleanResult(int notebooks, List<String> unclean) {

    public CleanResult {
        unclean = List.copyOf(unclean);
    }
}
