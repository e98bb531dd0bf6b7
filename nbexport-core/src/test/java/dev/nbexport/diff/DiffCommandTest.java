package dev.nbexport.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.nbexport.NbexportException;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.merge.Git;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.testing.TestNotebooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DiffCommand} on a project in a throw-away git repository (the project is a subfolder of it). */
class DiffCommandTest {

    @TempDir
    Path repo;

    private Path project;

    private final Notebook core = TestNotebooks.of("# Core", "int answer = 41;", "System.out.println(answer);");
    private final Notebook text = TestNotebooks.of("# Text", "String hello = \"hello\";");

    @BeforeEach
    void createRepository() throws IOException {
        Git.init(repo);
        project = Files.createDirectories(repo.resolve("lib"));
        write("00_core.ipynb", core);
        write("01_text.ipynb", text);
        write("scratch/try.ipynb", TestNotebooks.of("int x = 1;"));
        Git.commitAll(repo, "first");
    }

    private void write(String name, Notebook notebook) {
        NotebookWriter.write(notebook, project.resolve("notebooks").resolve(name));
    }


    private DiffResult diff(String from, String to, boolean sourcesOnly) {
        return DiffCommand.run(new DiffRequest(project, project.resolve("notebooks"), List.of(), List.of("scratch/**"),
                from, to, sourcesOnly));
    }

    private static Notebook withSource(Notebook notebook, int index, String source) {
        return notebook.withCell(index, notebook.cells().get(index).withSource(source));
    }

    @Test
    void comparesTheNotebooksOfACommitWithTheWorkingTree() {
        write("00_core.ipynb", withSource(core, 1, "int answer = 42;"));

        DiffResult result = diff("HEAD", null, false);

        assertThat(result.differs()).isTrue();
        assertThat(result.to()).isEqualTo("working tree");
        assertThat(result.from()).matches("HEAD \\([0-9a-f]{7}\\)");
        assertThat(result.summary()).isEqualTo("1 of 2 notebooks differs between " + result.from() + " and working tree.");
        FileDiff file = result.differing().get(0);
        assertThat(file.name()).isEqualTo("notebooks/00_core.ipynb");
        assertThat(file.summary()).isEqualTo("1 cell changed");
        assertThat(file.lines()).containsExactly(
                "--- notebooks/00_core.ipynb (" + result.from() + ")",
                "+++ notebooks/00_core.ipynb (working tree)",
                "## cell 2 #c2 [code]: changed source",
                "@@ -1,1 +1,1 @@",
                "-int answer = 41;",
                "+int answer = 42;");
    }

    @Test
    void comparesTwoCommitsIncludingAddedAndRemovedNotebooks() throws IOException {
        Files.delete(project.resolve("notebooks/01_text.ipynb"));
        write("02_new.ipynb", TestNotebooks.of("# New"));
        Git.commitAll(repo, "second");
        write("00_core.ipynb", withSource(core, 1, "uncommitted"));

        DiffResult result = diff("HEAD~1", "main", false);

        assertThat(result.differing()).extracting(FileDiff::name, FileDiff::summary).containsExactly(
                tuple("notebooks/01_text.ipynb", "removed (2 cells)"),
                tuple("notebooks/02_new.ipynb", "added (1 cell)"));
        assertThat(result.compared()).isEqualTo(3);
        assertThat(result.differing().get(1).lines()).startsWith("--- /dev/null", "+++ notebooks/02_new.ipynb (" + result.to() + ")")
                .contains("## cell 1 #c1 [markdown]: added", "+# New");
    }

    @Test
    void nothingDiffersWhenOnlyExecutionCountsOrFormattingChanged() throws IOException {
        Path file = project.resolve("notebooks/00_core.ipynb");
        Files.writeString(file, Files.readString(file).replace("\"execution_count\": null", "\"execution_count\": 3")
                .replace("\n ", "\n  "));

        DiffResult result = diff("HEAD", null, false);

        assertThat(result.differs()).isFalse();
        assertThat(result.summary()).isEqualTo("No differences in 2 notebooks between " + result.from() + " and working tree.");
    }

    @Test
    void sourcesOnlyIgnoresOutputs() {
        Cell print = core.cells().get(2);
        JsonObject stdout = JsonObject.EMPTY.with("output_type", Json.string("stream")).with("name", Json.string("stdout"))
                .with("text", Json.string("41\n"));
        write("00_core.ipynb", core.withCell(2, print.with("outputs", new JsonArray(List.of(stdout)))));

        assertThat(diff("HEAD", null, false).differs()).isTrue();
        assertThat(diff("HEAD", null, true).differs()).isFalse();
    }

    @Test
    void honoursIncludesAndExcludesInCommitsToo() {
        write("scratch/try.ipynb", TestNotebooks.of("int x = 2;"));

        assertThat(diff("HEAD", null, false).differs()).isFalse();
        DiffResult all = DiffCommand.run(new DiffRequest(project, project.resolve("notebooks"), List.of(), List.of(), "HEAD", null, false));
        assertThat(all.differing()).extracting(FileDiff::name).containsExactly("notebooks/scratch/try.ipynb");
    }

    @Test
    void comparesTwoNotebookFiles() {
        write("copy.ipynb", withSource(core, 0, "# Core, copied"));

        DiffResult result = diff("notebooks/00_core.ipynb", "notebooks/copy.ipynb", false);

        assertThat(result.from()).isEqualTo("notebooks/00_core.ipynb");
        assertThat(result.differing().get(0).lines()).containsExactly(
                "--- notebooks/00_core.ipynb",
                "+++ notebooks/copy.ipynb",
                "## cell 1 #c1 [markdown]: changed source",
                "@@ -1,1 +1,1 @@",
                "-# Core",
                "+# Core, copied");
    }

    @Test
    void aVersionThatIsNotANotebookIsComparedAsText() throws IOException {
        Files.writeString(project.resolve("notebooks/01_text.ipynb"), "{\n<<<<<<< HEAD\n");

        FileDiff file = diff("HEAD", null, false).differing().get(0);

        assertThat(file.summary()).isEqualTo("compared as text: not a readable notebook");
        assertThat(file.lines()).contains("## not a readable notebook: compared as text", "+<<<<<<< HEAD", "-# Text");
        assertThat(file.lines()).anyMatch(line -> line.startsWith("+" + NotebookText.UNREADABLE));
    }

    @Test
    void aRevisionThatDoesNotExistIsAClearError() {
        assertThatThrownBy(() -> diff("no-such-branch", null, false))
                .isInstanceOf(NbexportException.class)
                .hasMessageStartingWith("`no-such-branch` (the version to compare from) is neither a notebook file nor a git revision of ")
                .satisfies(e -> assertThat(((NbexportException) e).hint()).contains("HEAD~1"));
        assertThatThrownBy(() -> diff("HEAD", "--output=/tmp/x", false)).isInstanceOf(NbexportException.class)
                .hasMessageContaining("(the version to compare to)");
    }

    @Test
    void aFileIsComparedWithAFileOnly() {
        assertThatThrownBy(() -> diff("notebooks/00_core.ipynb", null, false)).isInstanceOf(NbexportException.class)
                .hasMessage("cannot compare the file notebooks/00_core.ipynb with the working tree: a file is compared with another file");
        assertThatThrownBy(() -> diff("notebooks/00_core.ipynb", "HEAD", false)).isInstanceOf(NbexportException.class)
                .hasMessage("cannot compare the file notebooks/00_core.ipynb with HEAD, which is not a file");
        assertThatThrownBy(() -> diff("HEAD", "notebooks/00_core.ipynb", false)).isInstanceOf(NbexportException.class)
                .hasMessage("cannot compare the git revision HEAD with the file notebooks/00_core.ipynb");
    }

    @Test
    void outsideAGitRepositoryARevisionIsAnError(@TempDir Path elsewhere) {
        assertThatThrownBy(() -> DiffCommand.run(new DiffRequest(elsewhere, elsewhere, List.of(), List.of(), "HEAD", null, false)))
                .isInstanceOf(NbexportException.class).hasMessageContaining("git rev-parse --show-toplevel");
    }
}
