package dev.nbexport.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.NbexportException;
import dev.nbexport.io.ProjectPaths;
import dev.nbexport.merge.Git;
import dev.nbexport.testing.KilledRun;
import dev.nbexport.workspace.NotebookFinder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GitSetup} in throw-away repositories, with the real git and the real JVM. */
class GitSetupTest {

    @TempDir
    Path repo;

    @TempDir
    Path jars;

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @BeforeEach
    void createRepository() {
        Git.ok(repo, "init", "-q", "-b", "main");
    }

    private static DriverCommands fromClasses() {
        return new DriverCommands(JAVA, List.of(Git.driverClassPath().split(File.pathSeparator)));
    }

    /** The drivers as users get them: from jars (a class data archive can only hold classes from jars). */
    private DriverCommands fromJars() throws IOException {
        Path core = jars.resolve("nbexport-core.jar");
        Path classes = Path.of(Stream.of(Git.driverClassPath().split(File.pathSeparator))
                .filter(entry -> entry.endsWith("classes")).findFirst().orElseThrow());
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(core)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(ProjectPaths.slashes(classes.relativize(file))));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
        String jackson = Stream.of(Git.driverClassPath().split(File.pathSeparator)).filter(e -> e.contains("jackson-core"))
                .findFirst().orElseThrow();
        return new DriverCommands(JAVA, List.of(core.toString(), jackson));
    }

    private List<String> install(DriverCommands drivers) {
        return GitSetup.install(new GitSetup.Request(repo, drivers, null));
    }

    @Test
    void registersTheMergeAndDiffDriversAndRoutesNotebooksToThem() {
        List<String> done = install(fromClasses());

        assertThat(Git.ok(repo, "config", "merge.nbexport.driver")).contains(DriverCommands.MERGE_MAIN + " merge-driver %O %A %B %L %P");
        assertThat(Git.ok(repo, "config", "diff.nbexport.textconv")).contains(DriverCommands.DIFF_JVM_OPTIONS)
                .contains(DriverCommands.DIFF_MAIN + " textconv");
        assertThat(Git.ok(repo, "config", "diff.nbexport.xfuncname").strip()).isEqualTo("^// %% \\[.*$");
        assertThat(Git.ok(repo, "config", "diff.nbexport.cachetextconv").strip()).isEqualTo("true");
        assertThat(Git.ok(repo, "check-attr", "merge", "diff", "--", "notebooks/a.ipynb"))
                .isEqualTo("notebooks/a.ipynb: merge: nbexport\nnotebooks/a.ipynb: diff: nbexport\n");
        assertThat(done).contains(".gitattributes: added `*.ipynb diff=nbexport` (commit it to share it with the team)");
    }

    @Test
    void writingGitattributesRemovesWhatAKilledWriteOfItLeft() throws IOException {
        Path leftover = Files.writeString(repo.resolve(KilledRun.leftoverOf(".gitattributes")), "*.ipynb");

        install(fromClasses());

        assertThat(leftover).doesNotExist();
        assertThat(repo.resolve(".gitattributes")).content().contains("*.ipynb merge=nbexport");
    }

    @Test
    void keepsTheLinesAlreadyInGitattributesAndAddsEachOfItsOwnOnce() throws IOException {
        Files.writeString(repo.resolve(".gitattributes"), "*.png binary\n*.ipynb merge=nbexport");

        install(fromClasses());
        List<String> again = install(fromClasses());

        assertThat(Files.readString(repo.resolve(".gitattributes")))
                .isEqualTo("*.png binary\n*.ipynb merge=nbexport\n*.ipynb diff=nbexport\n");
        assertThat(again).contains(".gitattributes already routes *.ipynb to the nbexport merge driver",
                ".gitattributes already routes *.ipynb to the nbexport diff driver");
    }

    @Test
    void withClassDirectoriesTheDiffDriverRunsWithoutAnArchiveAndSaysWhy() {
        List<String> done = install(fromClasses());

        assertThat(Git.ok(repo, "config", "diff.nbexport.textconv")).doesNotContain("SharedArchiveFile");
        assertThat(done).anyMatch(line -> line.startsWith("the diff driver runs without a class data archive")
                && line.endsWith("java exited 1: Error: non-empty directory '" + Git.driverClassPath().split(File.pathSeparator)[0] + "'"));
        assertThat(repo.resolve(".git/nbexport/diff-driver.jsa")).doesNotExist();
    }

    @Test
    void aJavaThatCannotRunIsAClearErrorBeforeAnythingIsConfiguredForIt() {
        DriverCommands drivers = new DriverCommands(repo.resolve("no-such-java").toString(), List.of("core.jar"));

        assertThatThrownBy(() -> install(drivers)).isInstanceOf(NbexportException.class)
                .hasMessageStartingWith("cannot run `" + repo.resolve("no-such-java") + "`, which git will run for the merge and diff drivers")
                .satisfies(e -> assertThat(((NbexportException) e).hint()).contains("JDK 17"));
        assertThat(Git.run(repo, "config", "diff.nbexport.textconv").exit()).isEqualTo(1);
    }

    @Test
    void withJarsTheDiffDriverGetsAClassDataArchiveThatASecondRunKeeps() throws IOException {
        DriverCommands drivers = fromJars();

        List<String> done = install(drivers);
        Path archive = repo.resolve(".git/nbexport/diff-driver.jsa");
        FileTime made = Files.getLastModifiedTime(archive);
        install(drivers);

        assertThat(done).noneMatch(line -> line.contains("without a class data archive"));
        assertThat(Git.ok(repo, "config", "diff.nbexport.textconv"))
                .contains("-XX:SharedArchiveFile=" + archive.toRealPath(), "-Xlog:disable");
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(made);
        assertThat(drivers.prepareArchive(archive)).isNull();
    }
}
