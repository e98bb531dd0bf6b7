package dev.nbexport.maven;

import dev.nbexport.docs.DocsCommand;
import dev.nbexport.docs.DocsRequest;
import dev.nbexport.docs.DocsResult;
import dev.nbexport.docs.serve.PreviewServer;
import dev.nbexport.problem.Problem;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the documentation site from the notebooks: {@code target/nbexport-docs/index.html} and a
 * page per notebook, with navigation, rendered markdown and math, highlighted code, outputs, the
 * public API of exported cells (read from the export {@code nbexport:check} runs, in memory: no
 * source is written) and search, opening from {@code file://} with no network. Only pages that
 * changed are rendered again. With {@code -Dnbexport.docs.serve} it then serves the site on
 * 127.0.0.1 and rebuilds it on every change (a live preview).
 */
@Mojo(name = "docs", threadSafe = true)
public final class DocsMojo extends AbstractExportingMojo {

    /** Skip this goal. */
    @Parameter(property = "nbexport.docs.skip", defaultValue = "false")
    boolean skipDocs;

    /** Where the site is written. */
    @Parameter(property = "nbexport.docs.output", defaultValue = "${project.build.directory}/nbexport-docs")
    File docsOutput;

    /** The project's docs folder: {@code templates/*.peb} override the built-in templates; {@code *.css} is added to every page. */
    @Parameter(property = "nbexport.docs.source", defaultValue = "${project.basedir}/src/docs")
    File docsSource;

    /** The site's title, in the top bar and every page title. */
    @Parameter(property = "nbexport.docs.title", defaultValue = "${project.name}")
    String siteTitle;

    /**
     * Fail on problems (a backtick name or Javadoc link that looks like API but resolves to nothing, a
     * missing attachment, notebooks that do not export) instead of warning.
     */
    @Parameter(property = "nbexport.docs.strict", defaultValue = "false")
    boolean strict;

    /** Also write this file (usually {@code ${project.basedir}/README.md}) from the notebooks' {@code index.ipynb}. */
    @Parameter(property = "nbexport.docs.readme")
    File readme;

    /** After building, serve the site on 127.0.0.1 and rebuild it on change. */
    @Parameter(property = "nbexport.docs.serve", defaultValue = "false")
    boolean serve;

    /** The preview's port on 127.0.0.1; 0 picks a free one. */
    @Parameter(property = "nbexport.docs.port", defaultValue = "8000")
    int port;

    /** How long the preview runs, in seconds; 0 runs it until Maven is stopped. */
    @Parameter(property = "nbexport.docs.serveSeconds", defaultValue = "0")
    int serveSeconds;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File buildDirectory;

    public DocsMojo() {
        super("docs");
    }

    @Override
    protected boolean skipGoal() {
        return skipDocs;
    }

    @Override
    protected void runGoal() throws InterruptedException {
        DocsRequest request = new DocsRequest(basedir.toPath(), notebooks.toPath(), includes, excludes, docsOutput.toPath(),
                docsSource.toPath(), buildDirectory.toPath().resolve("nbexport/docs.index"),
                siteTitle == null || siteTitle.isBlank() ? basedir.getName() : siteTitle, plugin.getVersion(), strict,
                readme == null ? null : readme.toPath(), exportRequest(false));
        DocsCommand command = new DocsCommand();
        DocsResult result = command.run(request);
        for (Problem problem : result.problems()) {
            getLog().warn(problem.toString());
        }
        Path index = result.site().resolve("index.html");
        getLog().info("Docs: rendered " + result.rendered().size() + " page(s), " + result.unchanged() + " unchanged"
                + (result.problems().isEmpty() ? "" : ", " + result.problems().size() + " warning(s)") + ". Open "
                + shown(index.toFile()));
        if (result.readmeWritten()) {
            getLog().info("Wrote " + shown(readme) + " from index.ipynb");
        }
        if (serve) {
            new PreviewServer(command, getLog()::info).run(request, port, Duration.ofSeconds(Math.max(0, serveSeconds)), uri -> { });
        }
    }
}
