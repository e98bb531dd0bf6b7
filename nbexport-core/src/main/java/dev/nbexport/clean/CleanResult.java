package dev.nbexport.clean;

import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
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

    /** In check mode, each notebook that needs cleaning, as a problem. */
    public List<Problem> problems() {
        return unclean.stream().map(n -> Problem.error(Location.file(n), "not clean: `mvn nbexport:clean` would change it", ""))
                .toList();
    }
}
