package dev.nbexport.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.NbexportException;
import dev.nbexport.testing.KilledRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanCommandTest {

    private static final String DIRTY = """
            {"cells": [{"cell_type": "code", "execution_count": 3, "id": "a", "metadata": {"scrolled": true},
              "outputs": [], "source": "1 + 1"}],
             "metadata": {"kernelspec": {"display_name": "Java", "language": "java", "name": "java"}},
             "nbformat": 4, "nbformat_minor": 5}
            """;

    @TempDir
    Path project;

    private CleanResult run(boolean check) {
        return CleanCommand.run(new CleanRequest(project, project.resolve("notebooks"), List.of(), List.of(),
                CleanOptions.defaults(), check));
    }

    @Test
    void cleansDirtyNotebooksAndReportsThemByProjectPath() throws Exception {
        Path dir = Files.createDirectories(project.resolve("notebooks/sub"));
        Files.writeString(dir.resolve("a.ipynb"), DIRTY);

        assertThat(run(true).unclean()).containsExactly("notebooks/sub/a.ipynb");
        assertThat(Files.readString(dir.resolve("a.ipynb"))).isEqualTo(DIRTY);

        CleanResult cleaned = run(false);
        assertThat(cleaned.unclean()).containsExactly("notebooks/sub/a.ipynb");
        assertThat(cleaned.notebooks()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("a.ipynb"))).contains("\"execution_count\": null").doesNotContain("scrolled");

        assertThat(run(true).unclean()).isEmpty();
    }

    @Test
    void aCleanRemovesTheTemporaryFilesAKilledCleanLeftAmongTheNotebooksAndNothingElse() throws Exception {
        Path dir = Files.createDirectories(project.resolve("notebooks/sub"));
        Files.writeString(dir.resolve("a.ipynb"), DIRTY);
        Path leftover = Files.writeString(dir.resolve(KilledRun.leftoverOf("a.ipynb")), "{\"cells\": [");
        Path live = dir.resolve(".a.ipynb." + ProcessHandle.current().parent().orElseThrow().pid() + "-00000000000000ff.nbexport.tmp");
        Path lookalike = dir.resolve(".a.ipynb.8345127710349.tmp");
        Path outside = project.resolve(KilledRun.leftoverOf("a.ipynb"));
        for (Path file : List.of(live, lookalike, outside)) {
            Files.writeString(file, "not a leftover of clean");
        }

        run(true);
        assertThat(leftover).as("a check writes nothing, and removes nothing").exists();

        run(false);
        assertThat(leftover).doesNotExist();
        for (Path file : List.of(live, lookalike, outside)) {
            assertThat(file).hasContent("not a leftover of clean");
        }
    }

    @Test
    void brokenNotebookIsReportedAfterTheOthersAreCleaned() throws Exception {
        Path dir = Files.createDirectories(project.resolve("notebooks"));
        Files.writeString(dir.resolve("good.ipynb"), DIRTY);
        Files.writeString(dir.resolve("bad.ipynb"), "{\"cells\": [");

        Files.writeString(dir.resolve("worse.ipynb"), "{\"cells\": 3}");

        assertThatThrownBy(() -> run(false))
                .isInstanceOf(NbexportException.class)
                .hasMessageContaining("2 problems reading notebooks (the others were cleaned):")
                .hasMessageContaining("- notebooks/bad.ipynb: line 1:")
                .hasMessageContaining("- notebooks/worse.ipynb");
        assertThat(Files.readString(dir.resolve("bad.ipynb"))).isEqualTo("{\"cells\": [");
        assertThat(Files.readString(dir.resolve("good.ipynb"))).contains("\"execution_count\": null");
    }
}
