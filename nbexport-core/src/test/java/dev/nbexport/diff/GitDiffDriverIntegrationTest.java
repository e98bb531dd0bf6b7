package dev.nbexport.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.git.DriverCommands;
import dev.nbexport.git.GitSetup;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.merge.Git;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.testing.TestNotebooks;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diff driver with the real git, in throw-away repositories: {@code git diff}, {@code git log -p}
 * and {@code git show} after {@link GitSetup} print notebooks as text, and a repository without the
 * driver is left as it was.
 */
class GitDiffDriverIntegrationTest {

    private static final String NOTEBOOK = "notebooks/01_core.ipynb";

    @TempDir
    Path repo;

    private final Notebook first = TestNotebooks.of(
            "# Core",
            "//| export\nstatic int answer() {\n    int a = 1;\n    int b = 2;\n    int c = 3;\n    int d = 4;\n    return 41;\n}",
            "System.out.println(answer());");

    @BeforeEach
    void createRepository() {
        Git.init(repo);
        commit(first, "first");
    }

    private void installDriver() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        DriverCommands drivers = new DriverCommands(java, List.of(Git.driverClassPath().split(File.pathSeparator)));
        GitSetup.install(new GitSetup.Request(repo, drivers, null));
        Git.commitAll(repo, "diff driver");
    }

    private void write(Notebook notebook) {
        NotebookWriter.write(notebook, repo.resolve(NOTEBOOK));
    }

    private void commit(Notebook notebook, String message) {
        write(notebook);
        Git.commitAll(repo, message);
    }

    private Notebook edited() {
        Cell answer = first.cells().get(1);
        return first.withCell(1, answer.withSource(answer.source().replace("41", "42")));
    }

    @Test
    void gitDiffOfAnEditedCellShowsTheEditedLinesAndNoJson() {
        installDriver();
        write(edited());

        String diff = Git.ok(repo, "diff");

        assertThat(diff).contains("-    return 41;\n+    return 42;\n");
        assertThat(diff).containsPattern("\n@@ -13,7 \\+13,7 @@ // %% \\[code\\] #c2 \\| export\n"); // the hunk names its cell
        assertThat(diff).doesNotContain("\"cell_type\"", "\"source\"", "\"outputs\"", "\\n\",");
        // the second time the committed side comes from git's textconv cache: the same text
        assertThat(Git.ok(repo, "for-each-ref", "refs/notes/textconv/")).contains("refs/notes/textconv/nbexport");
        assertThat(Git.ok(repo, "diff")).isEqualTo(diff);
    }

    @Test
    void aChangedPlotIsOneChangedLineWithoutBase64() {
        installDriver();
        Cell print = first.cells().get(2);
        commit(first.withCell(2, withPlot(print, 1)), "plot");
        write(first.withCell(2, withPlot(print, 2)));

        String diff = Git.ok(repo, "diff");

        assertThat(diff.lines().filter(line -> line.startsWith("-[out]") || line.startsWith("+[out]")))
                .hasSize(2).allMatch(line -> line.matches("[-+]\\[out\\] image/png 3\\.9 KB crc [0-9a-f]{8}"));
        assertThat(diff).doesNotContain("iVBOR", "base64");
    }

    private static Cell withPlot(Cell cell, long seed) {
        byte[] png = new byte[4000];
        new java.util.Random(seed).nextBytes(png);
        JsonObject output = JsonObject.EMPTY.with("output_type", Json.string("display_data"))
                .with("metadata", JsonObject.EMPTY)
                .with("data", JsonObject.EMPTY.with("image/png", Json.string(Base64.getEncoder().encodeToString(png) + "\n")));
        return cell.with("outputs", new JsonArray(List.of(output)));
    }

    @Test
    void gitLogPatchAndGitShowPrintEachCommitAsText() {
        installDriver();
        commit(edited(), "the answer");

        String log = Git.ok(repo, "log", "-p", "--", NOTEBOOK);
        String show = Git.ok(repo, "show", "HEAD", "--", NOTEBOOK);
        String firstCommit = Git.ok(repo, "log", "-p", "--reverse", "--format=%s", "--", NOTEBOOK).split("the answer")[0];

        assertThat(log).contains("the answer", "-    return 41;", "+    return 42;", "first").doesNotContain("\"cell_type\"");
        assertThat(show).contains("-    return 41;", "+    return 42;").doesNotContain("\"source\"");
        assertThat(firstCommit).contains("+// %% [markdown] #c1", "+# Core", "+// %% [code] #c2 | export");
    }

    @Test
    void aRepositoryWithoutTheDriverStillShowsTheJson() {
        write(edited());

        String diff = Git.ok(repo, "diff");

        assertThat(diff).contains("-    \"    return 41;\\n\",", "+    \"    return 42;\\n\",");
        assertThat(diff).doesNotContain("// %% [code]");
        assertThat(Git.ok(repo, "config", "--list", "--local")).doesNotContain("nbexport");
    }

    @Test
    void aBrokenNotebookIsShownAsItsTextAfterAWarningInsteadOfFailingTheDiff() throws IOException {
        installDriver();
        String text = Files.readString(repo.resolve(NOTEBOOK));
        Files.writeString(repo.resolve(NOTEBOOK), text.replace("\"cells\": [", "\"cells\": [\n<<<<<<< HEAD"));

        Git.Run diff = Git.run(repo, "diff");

        assertThat(diff.exit()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("+" + NotebookText.UNREADABLE, "+<<<<<<< HEAD", "-// %% [notebook] nbformat 4.5");
    }
}
