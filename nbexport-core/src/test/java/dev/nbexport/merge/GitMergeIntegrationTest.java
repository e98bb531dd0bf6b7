package dev.nbexport.merge;

import static dev.nbexport.merge.Notebooks.markdown;
import static dev.nbexport.merge.Notebooks.numbered;
import static dev.nbexport.merge.Notebooks.sources;
import static dev.nbexport.merge.Notebooks.withSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.testing.NbformatValidation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge driver and {@code fix} with the real git, in throw-away repositories: merges, rebases,
 * stash pops and cherry-picks of one notebook edited on two branches.
 */
class GitMergeIntegrationTest {

    private static final String NOTEBOOK = "notebooks/01_core.ipynb";

    @TempDir
    Path repo;

    private final Notebook base = numbered(4);

    @BeforeEach
    void createRepository() throws IOException {
        Git.ok(repo, "init", "-q", "-b", "main");
        Git.ok(repo, "config", "user.name", "Test");
        Git.ok(repo, "config", "user.email", "test@example.com");
        Git.ok(repo, "config", "commit.gpgsign", "false");
        Git.ok(repo, "config", "core.autocrlf", "false");
        commit(base, "base");
    }

    /** Configures the driver as a user would, with only nbexport-core and Jackson on its class path. */
    private void installDriver() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Git.ok(repo, "config", "merge.nbexport.name", "nbexport notebook merge");
        Git.ok(repo, "config", "merge.nbexport.driver",
                "'" + java + "' -cp '" + Git.driverClassPath() + "' dev.nbexport.merge.MergeDriverMain merge-driver %O %A %B %L %P");
        Files.writeString(repo.resolve(".gitattributes"), "*.ipynb merge=nbexport\n");
        Git.ok(repo, "add", ".gitattributes");
        Git.ok(repo, "commit", "-q", "-m", "merge driver");
    }

    private void write(Notebook notebook) {
        NotebookWriter.write(notebook, repo.resolve(NOTEBOOK));
    }

    private void commit(Notebook notebook, String message) {
        write(notebook);
        Git.ok(repo, "add", "-A");
        Git.ok(repo, "commit", "-q", "-m", message);
    }

    private Notebook current() {
        return NotebookReader.read(repo.resolve(NOTEBOOK));
    }

    private String text() throws IOException {
        return Files.readString(repo.resolve(NOTEBOOK));
    }

    private int fix(String... options) {
        List<String> args = new ArrayList<>(List.of("fix", repo.resolve(NOTEBOOK).toString()));
        args.addAll(List.of(options));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return MergeDriverMain.run(args.toArray(String[]::new), print, print);
    }

    private void assertValidNotebook() {
        NbformatValidation.assertValid(List.of(repo.resolve(NOTEBOOK).toString()));
    }

    /** Both branches ran every cell (their execution counts differ), then edited one cell each. */
    private void branchesThatRanTheNotebookAndEditedDifferentCells() {
        Git.ok(repo, "checkout", "-q", "-b", "feature");
        commit(NotebookMergeTest.ranAll(withSource(base, 3, "feature edit"), 10), "feature");
        Git.ok(repo, "checkout", "-q", "main");
        commit(NotebookMergeTest.ranAll(withSource(base, 0, "main edit"), 20), "main");
    }

    private void branchesThatEditTheSameCell() {
        Git.ok(repo, "checkout", "-q", "-b", "feature");
        commit(withSource(base, 1, "feature version"), "feature");
        Git.ok(repo, "checkout", "-q", "main");
        commit(withSource(base, 1, "main version"), "main");
    }

    @Test
    void gitMergeOfEditsToDifferentCellsSucceedsWithTheDriverWhereGitAloneConflicts() throws IOException {
        branchesThatRanTheNotebookAndEditedDifferentCells();
        assertThat(Git.run(repo, "merge-tree", "--write-tree", "main", "feature").exit())
                .as("git's own line merge conflicts").isEqualTo(1);
        installDriver();

        Git.Run merge = Git.run(repo, "merge", "-q", "--no-edit", "feature");

        assertThat(merge.exit()).as(merge.err()).isZero();
        assertThat(sources(current())).containsExactly("main edit", base.cells().get(1).source(),
                base.cells().get(2).source(), "feature edit");
        assertThat(Git.ok(repo, "status", "--porcelain")).isEmpty();
    }

    @Test
    void gitMergeOfEditsToTheSameCellStopsWithAValidNotebookShowingBothVersions() throws IOException {
        installDriver();
        branchesThatEditTheSameCell();

        Git.Run merge = Git.run(repo, "merge", "--no-edit", "feature");

        assertThat(merge.exit()).isNotZero();
        assertThat(merge.out()).contains("CONFLICT (content): Merge conflict in " + NOTEBOOK);
        assertValidNotebook();
        assertThat(sources(current())).containsSubsequence("<<<<<<< ours", "main version", "=======",
                "feature version", ">>>>>>> theirs");
        assertThat(Git.ok(repo, "ls-files", "-u", NOTEBOOK)).isNotEmpty();

        assertThat(fix("--theirs")).isZero();
        assertThat(current()).isEqualTo(withSource(base, 1, "feature version"));
    }

    @Test
    void gitRebaseConflictStopsWithAValidNotebookAndFixResolvesIt() throws IOException {
        installDriver();
        branchesThatEditTheSameCell();
        Git.ok(repo, "checkout", "-q", "feature");

        Git.Run rebase = Git.run(repo, "rebase", "main");

        assertThat(rebase.exit()).isNotZero();
        assertValidNotebook();
        // during a rebase "ours" is the branch rebased onto (main), "theirs" the commit being replayed
        assertThat(sources(current())).containsSubsequence("<<<<<<< ours", "main version", "=======",
                "feature version", ">>>>>>> theirs");
        assertThat(fix()).isEqualTo(1);
        assertThat(fix("--theirs")).isZero();
        Git.ok(repo, "add", NOTEBOOK);
        Git.ok(repo, "-c", "core.editor=true", "rebase", "--continue");
        assertThat(current()).isEqualTo(withSource(base, 1, "feature version"));
    }

    @Test
    void gitStashPopConflictWithoutTheDriverIsRepairedByFix() throws IOException {
        commit(withSource(base, 2, "committed"), "edit");
        write(withSource(base, 2, "stashed"));
        Git.ok(repo, "stash", "-q");
        commit(withSource(base, 2, "committed meanwhile"), "edit again");

        Git.Run pop = Git.run(repo, "stash", "pop");

        assertThat(pop.exit()).isNotZero();
        assertThat(text()).contains("<<<<<<< Updated upstream", ">>>>>>> Stashed changes");
        assertThat(fix()).isEqualTo(1);
        assertValidNotebook();
        assertThat(sources(current())).containsSubsequence("<<<<<<< Updated upstream", "committed meanwhile",
                "=======", "stashed", ">>>>>>> Stashed changes");
        assertThat(fix("--theirs")).isZero();
        assertThat(current()).isEqualTo(withSource(base, 2, "stashed"));
    }

    @Test
    void gitStashPopConflictWithTheDriverLeavesAValidNotebook() throws IOException {
        installDriver();
        write(withSource(base, 2, "stashed"));
        Git.ok(repo, "stash", "-q");
        commit(withSource(base, 2, "committed meanwhile"), "edit");

        Git.Run pop = Git.run(repo, "stash", "pop");

        assertThat(pop.exit()).isNotZero();
        assertValidNotebook();
        assertThat(sources(current())).contains("committed meanwhile", "stashed");
    }

    @Test
    void cherryPickConflictWithDiff3MarkersIsResolvedByFixWhereOnlyOneSideChangedEachCell() throws IOException {
        Git.ok(repo, "config", "merge.conflictStyle", "diff3");
        branchesThatRanTheNotebookAndEditedDifferentCells();

        Git.Run pick = Git.run(repo, "cherry-pick", "feature");

        assertThat(pick.exit()).isNotZero();
        assertThat(text()).contains("||||||| ");
        assertThat(fix()).isZero();
        assertValidNotebook();
        assertThat(sources(current())).containsExactly("main edit", base.cells().get(1).source(),
                base.cells().get(2).source(), "feature edit");
    }

    @Test
    void gitMergeOfCellsInsertedOnBothBranchesKeepsBoth() throws IOException {
        installDriver();
        Git.ok(repo, "checkout", "-q", "-b", "feature");
        commit(Notebooks.inserted(base, 4, markdown("feature-note", "# Feature")), "feature");
        Git.ok(repo, "checkout", "-q", "main");
        commit(Notebooks.inserted(base, 0, markdown("main-note", "# Main")), "main");

        Git.Run merge = Git.run(repo, "merge", "-q", "--no-edit", "feature");

        assertThat(merge.exit()).as(merge.err()).isZero();
        assertThat(sources(current())).startsWith("# Main").endsWith("# Feature").hasSize(6);
    }
}
