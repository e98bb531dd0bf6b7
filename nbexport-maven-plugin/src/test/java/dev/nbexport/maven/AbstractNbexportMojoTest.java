package dev.nbexport.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.NbexportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbstractNbexportMojoTest {

    /** What a goal's body may do, checked exceptions included. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /** A goal named {@code fake}, set up as Maven would: fields filled, log attached. */
    static final class FakeGoalMojo extends AbstractNbexportMojo {
        boolean skipFake;
        Work work = () -> { };
        int runs;

        FakeGoalMojo(Path project) {
            super("fake");
            basedir = project.toFile();
            notebooks = project.resolve("notebooks").toFile();
        }

        @Override
        protected boolean skipGoal() {
            return skipFake;
        }

        @Override
        protected void runGoal() throws Exception {
            runs++;
            work.run();
        }
    }

    @TempDir
    Path project;

    FakeGoalMojo mojo;
    RecordingLog log = new RecordingLog();

    @BeforeEach
    void projectWithNotebooks() throws IOException {
        Files.createDirectories(project.resolve("notebooks"));
        mojo = new FakeGoalMojo(project);
        mojo.setLog(log);
    }

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void runsTheGoalWhenNothingAsksToSkip() throws Exception {
        mojo.execute();

        assertThat(mojo.runs).isEqualTo(1);
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void nbexportSkipSkipsTheGoalAndSaysWhy() throws Exception {
        mojo.skip = true;

        mojo.execute();

        assertThat(mojo.runs).isZero();
        assertThat(log.lines()).containsExactly("[info] Skipping nbexport:fake: nbexport.skip is true");
    }

    @Test
    void theGoalsOwnSkipPropertySkipsItAndIsNamed() throws Exception {
        mojo.skipFake = true;

        mojo.execute();

        assertThat(mojo.runs).isZero();
        assertThat(log.lines()).containsExactly("[info] Skipping nbexport:fake: nbexport.fake.skip is true");
    }

    @Test
    void aProjectWithoutTheDefaultNotebooksDirectoryIsSkipped() throws Exception {
        Files.delete(project.resolve("notebooks"));

        mojo.execute();

        assertThat(mojo.runs).isZero();
        assertThat(log.lines()).containsExactly("[info] Skipping nbexport:fake: no notebooks directory notebooks");
    }

    @Test
    void aConfiguredNotebooksDirectoryThatDoesNotExistFailsTheBuild() {
        mojo.notebooks = project.resolve("notbooks").toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("nbexport.notebooks is notbooks, which is not a directory")
                .hasMessageContaining("-Dnbexport.notebooks");
        assertThat(mojo.runs).isZero();
    }

    @Test
    void aUserErrorFailsTheBuildWithTheCoresTextAndNoStackTrace() {
        var problem = new NbexportException(
                "notebooks/00_core.ipynb, cell 3 (id e443df78), line 2:5: a statement cannot be exported",
                "Move it to a cell without `//| export`.",
                new IllegalStateException("parser detail"));
        mojo.work = () -> { throw problem; };

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(problem.describe())
                .hasNoCause();
    }

    @Test
    void aUserErrorsStackTraceIsLoggedOnlyAtDebugLevel() {
        var problem = new NbexportException("bad notebook", "fix it");
        mojo.work = () -> { throw problem; };

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
        assertThat(log.entries).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.level()).isEqualTo("debug");
                    assertThat(entry.error()).isSameAs(problem);
                });
    }

    @Test
    void anUnexpectedExceptionIsABugReportedWithItsCause() {
        var bug = new IllegalStateException("cell list is empty");
        mojo.work = () -> { throw bug; };

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("nbexport:fake failed unexpectedly: "
                        + "java.lang.IllegalStateException: cell list is empty")
                .hasMessageContaining("bug in nbexport")
                .hasCause(bug);
    }

    @Test
    void anIoErrorNamesTheFileAndKeepsItsCause() {
        var denied = new AccessDeniedException("src/main/java/A.java");
        mojo.work = () -> { throw new UncheckedIOException(denied); };

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("nbexport:fake could not read or write a file: "
                        + "java.nio.file.AccessDeniedException: src/main/java/A.java")
                .hasRootCause(denied);
    }

    @Test
    void aFailureDecidedByTheGoalPassesThroughUnchanged() {
        var differences = new MojoFailureException("2 generated files differ from the notebooks");
        mojo.work = () -> { throw differences; };

        assertThatThrownBy(mojo::execute).isSameAs(differences);
    }

    @Test
    void anInterruptKeepsTheThreadsInterruptFlag() {
        mojo.work = () -> { throw new InterruptedException(); };

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("nbexport:fake was interrupted");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }
}
