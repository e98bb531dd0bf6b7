package dev.nbexport.run;

import dev.nbexport.NbexportException;
import dev.nbexport.directive.Magic;
import dev.nbexport.io.ProjectPaths;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import dev.nbexport.problem.Severity;
import dev.nbexport.run.session.DependencyCheck;
import dev.nbexport.run.session.ProjectArtifact;
import dev.nbexport.run.worker.NotebookExecution;
import dev.nbexport.workspace.NotebookFinder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The libraries a notebook asks its kernel to download ({@code %maven}, {@code %addMavenDependency},
 * {@code %%loadFromPOM}) that the project does not have in that version, found without running anything:
 * for {@code nbexport:check}, so that such a notebook is caught before javac fails on a generated file.
 */
public final class MagicDependencies {

    private MagicDependencies() {}

    /**
     * The problems of every notebook under {@code notebooksDir} that matches {@code includes}/{@code excludes}
     * (paths shown relative to {@code projectDir}); notebooks that cannot be read are left to the caller's
     * own reading, which reports them.
     */
    public static List<Problem> problems(Path projectDir, Path notebooksDir, List<String> includes,
                                                   List<String> excludes, List<ProjectArtifact> artifacts) {
        List<Problem> problems = new ArrayList<>();
        for (Path file : new NotebookFinder(includes, excludes).find(notebooksDir)) {
            String shown = ProjectPaths.shown(projectDir, file);
            try {
                problems.addAll(problems(NotebookReader.read(file, shown), shown, artifacts));
            } catch (NbexportException unreadable) {
                // reported where the notebook is read for export
            }
        }
        return problems;
    }

    /** One problem per missing or mismatched artifact, each naming the notebook, cell and line. */
    public static List<Problem> problems(Notebook notebook, String shown, List<ProjectArtifact> artifacts) {
        DependencyCheck check = new DependencyCheck(artifacts);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < notebook.cells().size(); i++) {
            Cell cell = notebook.cells().get(i);
            if (!cell.isCode()) {
                continue;
            }
            for (Magic magic : NotebookExecution.directives(notebook, shown, i).magics()) {
                Location where = Location.in(notebook.cellRef(shown, i), magic.line(), 0);
                for (DependencyCheck.Wanted wanted : wanted(magic, where, problems)) {
                    check.check(wanted).ifPresent(m -> problems.add(warning(where, m.message(), m.hint())));
                }
            }
        }
        return problems;
    }

    private static List<DependencyCheck.Wanted> wanted(Magic magic, Location where, List<Problem> problems) {
        List<DependencyCheck.Wanted> wanted = new ArrayList<>();
        if (magic.kind() == Magic.Kind.LINE && (magic.name().equals("maven") || magic.name().equals("addMavenDependency"))) {
            for (String arg : magic.arguments().split("\\s+")) {
                if (!arg.isBlank() && !arg.startsWith("-")) {
                    DependencyCheck.Wanted.parse(arg).ifPresent(wanted::add);
                }
            }
        } else if (magic.kind() == Magic.Kind.CELL && magic.name().equals("loadFromPOM")) {
            try {
                wanted.addAll(DependencyCheck.dependenciesOf(magic.body()));
            } catch (IOException e) {
                problems.add(warning(where, "the %%loadFromPOM body is " + e.getMessage(),
                        "Give <dependency> elements (or a whole pom) in the cell."));
            }
        }
        return wanted;
    }

    private static Problem warning(Location where, String message, String hint) {
        return new Problem(Severity.WARNING, where, message, hint, "");
    }
}
