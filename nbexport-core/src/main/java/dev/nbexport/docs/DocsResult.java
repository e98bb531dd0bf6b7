package dev.nbexport.docs;

import dev.nbexport.problem.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * What a docs run did.
 *
 * @param site the site's folder
 * @param rendered the pages rendered this time (site-relative), sorted
 * @param unchanged how many pages were already up to date and not rendered
 * @param problems what the notebooks' authors should fix (warnings unless strict)
 * @param readmeWritten whether {@code README.md} was (re)written
 */
public record DocsResult(Path site, List<String> rendered, int unchanged, List<Problem> problems,
                         boolean readmeWritten) {
    public DocsResult {
        rendered = List.copyOf(rendered);
        problems = List.copyOf(problems);
    }
}
