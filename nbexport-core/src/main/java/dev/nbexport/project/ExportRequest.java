package dev.nbexport.project;

import dev.nbexport.workspace.NotebookFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One export of a project's notebooks.
 *
 * @param projectDir the project; paths in markers, headers and messages are relative to it
 * @param notebooksDir where the notebooks are
 * @param includes notebook globs relative to {@code notebooksDir} (empty: every notebook)
 * @param excludes notebook globs to leave out
 * @param mainRoot where exported sources go ({@code src/main/java})
 * @param testRoot where exported tests go ({@code src/test/java})
 * @param force overwrite or remove generated files even when edited by hand, and files nbexport did
 *     not generate where a generated file must go
 * @param indexFile the staleness index ({@code target/nbexport/export.index}), or {@code null} to
 *     always export
 * @param toolVersion nbexport's version, part of the index fingerprint
 */
public record ExportRequest(Path projectDir, Path notebooksDir, List<String> includes, List<String> excludes,
                            Path mainRoot, Path testRoot, boolean force, Path indexFile, String toolVersion) {

    public ExportRequest {
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(notebooksDir, "notebooksDir");
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(mainRoot, "mainRoot");
        Objects.requireNonNull(testRoot, "testRoot");
        Objects.requireNonNull(toolVersion, "toolVersion");
    }

    /** The notebooks this request covers, sorted by path. */
    public List<Path> notebookFiles() {
        return new NotebookFinder(includes, excludes).find(notebooksDir);
    }

    /** Everything that changes what export writes, as one string for the staleness fingerprint. */
    String fingerprintText() {
        return String.join("\n", "nbexport " + toolVersion, "project " + projectDir.toAbsolutePath().normalize(),
                "notebooks " + notebooksDir.toAbsolutePath().normalize(), "includes " + includes,
                "excludes " + excludes, "main " + mainRoot.toAbsolutePath().normalize(),
                "test " + testRoot.toAbsolutePath().normalize(), "java " + System.getProperty("java.specification.version"));
    }
}
