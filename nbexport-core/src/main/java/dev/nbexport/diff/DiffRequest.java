package dev.nbexport.diff;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One {@code diff} run: which two versions of which notebooks to compare.
 *
 * <p>{@code from} is a notebook file (then {@code to} must be one too), or else a git revision
 * ({@code HEAD}, {@code HEAD~2}, a branch, a tag, a commit id): then the project's notebooks in that
 * commit are compared with those in {@code to}, another revision, or the working tree when
 * {@code to} is {@code null}. Files are looked up relative to {@code projectDir}.
 *
 * @param projectDir the project; notebook paths in the output are relative to it
 * @param notebooksDir where the project's notebooks are (in the working tree and in commits)
 * @param includes globs of notebooks to compare, relative to {@code notebooksDir} (empty: all)
 * @param excludes globs of notebooks to leave out
 * @param from a notebook file or a git revision
 * @param to a notebook file or a git revision, or {@code null} for the working tree
 * @param sourcesOnly compare only cells and their sources: ignore outputs and metadata
 */
public record DiffRequest(Path projectDir, Path notebooksDir, List<String> includes, List<String> excludes,
                          String from, String to, boolean sourcesOnly) {

    public DiffRequest {
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(notebooksDir, "notebooksDir");
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(from, "from");
    }
}
