package dev.nbexport.clean;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One {@code clean} run.
 *
 * @param projectDir the project; notebook paths in messages are relative to it
 * @param notebooksDir where the notebooks are
 * @param includes globs of notebooks to clean, relative to {@code notebooksDir} (empty: all)
 * @param excludes globs of notebooks to leave alone
 * @param options what to keep
 * @param checkOnly report unclean notebooks without writing anything
 */
public record CleanRequest(Path projectDir, Path notebooksDir, List<String> includes, List<String> excludes,
                           CleanOptions options, boolean checkOnly) {

    public CleanRequest {
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(notebooksDir, "notebooksDir");
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(options, "options");
    }
}
