package dev.nbexport.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.Tree;
import dev.nbexport.NbexportException;
import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.problem.Problem;
import dev.nbexport.project.ExportSources;
import dev.nbexport.testing.Corpus;
import dev.nbexport.testing.JavacParser;
import dev.nbexport.workspace.ProjectNotebook;
import dev.nbexport.workspace.ProjectNotebooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Third-party notebooks, with every code cell that declares something tagged {@code export}, go
 * through the whole export: no crash, and either every generated file parses or the export fails
 * with problems located at a notebook, a cell and a line.
 */
class CorpusExportRobustnessTest {

    /** A type or a method declared at the start of a line, for cells javac cannot read as a class body. */
    private static final Pattern DECLARATION = Pattern.compile(
            "(?m)^\\s*(?:(?:public|private|protected|static|final|abstract)\\s+)*"
                    + "(?:(?:class|interface|enum|record)\\s+[A-Za-z_]\\w*"
                    + "|[\\w.<>\\[\\], ?]+\\s+[a-z_]\\w*\\s*\\([^;{]*\\)\\s*(?:throws\\s+[\\w., ]+)?\\{)");

    @TempDir
    Path project;

    static Stream<Path> notebooks() {
        return Corpus.notebooks().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void everyDeclarationCellExportsOrFailsWithALocatedProblem(Path corpusNotebook) throws IOException {
        String name = corpusNotebook.getFileName().toString();
        Path file = project.resolve("notebooks").resolve(name);
        Files.createDirectories(file.getParent());
        int tagged = writeTagged(corpusNotebook, file, name);

        ProjectNotebooks reader = new ProjectNotebooks(project, DirectiveParser.standard());
        String path = "notebooks/" + name;
        ExportResult result;
        try {
            ProjectNotebook notebook = reader.parse(reader.read(List.of(file))).notebooks().get(0);
            List<Problem> problems = new ArrayList<>();
            NotebookSource source = ExportSources.of(notebook, problems);
            assertThat(problems).as("notebook-level problems").allSatisfy(p -> assertThat(p.toString()).contains(path, "cell "));
            result = new Exporter().export(List.of(source));
        } catch (ExportException e) {
            System.out.println(name + ": " + tagged + " cells tagged, " + e.problems().size() + " located problems, e.g. " + e.problems().get(0));
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.cell().notebook()).isEqualTo(path);
                assertThat(p.line()).as("line of %s", p).isPositive();
                assertThat(e.getMessage()).contains(p.location());
            });
            return;
        } catch (NbexportException e) {
            System.out.println(name + ": " + tagged + " cells tagged, notebook-level problem: " + e.getMessage().lines().findFirst().orElse(""));
            assertThat(e.getMessage()).contains(path, "cell ", "line ");
            return;
        }
        if (tagged > 0) {
            assertThat(result.files()).as("%d tagged cells export something", tagged).isNotEmpty();
        }
        System.out.println(name + ": " + tagged + " cells tagged, " + result.files().size() + " files");
        for (GeneratedFile generated : result.files()) {
            assertThat(JavacParser.parse(generated.content()).errors()).as("%s parses:%n%s", generated.relativePath(), generated.content()).isEmpty();
        }
    }

    /** Writes the corpus notebook with a {@code default_exp} cell first and declaration cells tagged; returns how many. */
    private static int writeTagged(Path from, Path to, String name) throws IOException {
        Notebook notebook = NotebookReader.read(from);
        List<Cell> cells = new ArrayList<>();
        String target = "corpus.nb" + name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT) + ".Exported";
        cells.add(Cell.of(CellType.CODE, "nbexportdefexp", "//| default_exp " + target));
        int tagged = 0;
        for (Cell cell : notebook.cells()) {
            if (cell.isCode() && holdsDeclarations(cell.source())) {
                List<Json> tags = new ArrayList<>();
                cell.tags().forEach(t -> tags.add(Json.string(t)));
                tags.add(Json.string("export"));
                cell = cell.withMetadata(cell.metadata().with("tags", new JsonArray(tags)));
                tagged++;
            }
            cells.add(cell);
        }
        NotebookWriter.write(notebook.withCells(cells), to);
        return tagged;
    }

    private static boolean holdsDeclarations(String source) {
        String code = source.lines().filter(l -> !l.stripLeading().startsWith("%")).reduce("", (a, b) -> a + b + "\n");
        List<Tree.Kind> members = JavacParser.classBodyMembers(code);
        if (members != null) {
            return members.stream().anyMatch(k -> k != Tree.Kind.BLOCK);
        }
        return DECLARATION.matcher(code).find();
    }
}
