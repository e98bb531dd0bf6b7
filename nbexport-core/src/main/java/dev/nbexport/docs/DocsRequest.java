package dev.nbexport.docs;

import dev.nbexport.project.ExportRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One {@code nbexport:docs} run.
 *
 * @param projectDir the project, for paths in messages
 * @param notebooks the notebooks folder; pages are at the notebooks' paths relative to it
 * @param includes notebook globs (empty: every notebook)
 * @param excludes notebook globs to leave out
 * @param output the site folder ({@code target/nbexport-docs})
 * @param docsSource the project's docs folder ({@code src/docs}): {@code templates/*.peb} override
 *     built-in templates, {@code *.css} files are added to every page
 * @param indexFile where the incremental index is kept ({@code target/nbexport/docs.index})
 * @param siteTitle shown in the top bar and page titles
 * @param toolVersion nbexport's version: a new version renders every page again
 * @param strict whether problems (unresolved backtick names and Javadoc links, missing attachments, an
 *     export that fails) fail the run
 * @param readme where to write {@code README.md} from {@code index.ipynb}, or {@code null} for none
 * @param api the export whose public API the pages show (the one {@code nbexport:check} runs, in
 *     memory; nothing is written), or {@code null} for a site without API sections
 */
public record DocsRequest(Path projectDir, Path notebooks, List<String> includes, List<String> excludes, Path output,
                          Path docsSource, Path indexFile, String siteTitle, String toolVersion, boolean strict,
                          Path readme, ExportRequest api) {
    public DocsRequest {
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(notebooks, "notebooks");
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(docsSource, "docsSource");
        Objects.requireNonNull(indexFile, "indexFile");
        Objects.requireNonNull(siteTitle, "siteTitle");
        Objects.requireNonNull(toolVersion, "toolVersion");
    }

    /** A site without API sections. */
    public DocsRequest(Path projectDir, Path notebooks, List<String> includes, List<String> excludes, Path output,
                       Path docsSource, Path indexFile, String siteTitle, String toolVersion, boolean strict, Path readme) {
        this(projectDir, notebooks, includes, excludes, output, docsSource, indexFile, siteTitle, toolVersion, strict,
                readme, null);
    }
}
