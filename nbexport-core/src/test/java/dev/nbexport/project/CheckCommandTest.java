package dev.nbexport.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.sync.FileChange.Action;
import dev.nbexport.testing.TestNotebooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir
    Path project;

    private Path notebook;
    private Path generated;

    private ExportRequest request() {
        return new ExportRequest(project, project.resolve("notebooks"), List.of(), List.of(),
                project.resolve("src/main/java"), project.resolve("src/test/java"), false, null, "test");
    }

    @BeforeEach
    void exportedProject() throws Exception {
        Files.createDirectories(project.resolve("notebooks"));
        notebook = TestNotebooks.write(project.resolve("notebooks/00_core.ipynb"),
                "//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    return 2 * x;\n}",
                "//| export\nrecord Pair(int a, int b) {}",
                "twice(21)");
        new ExportCommand().run(request());
        generated = project.resolve("src/main/java/com/acme/Core.java");
        assertThat(generated).exists();
    }

    @Test
    void inSyncProjectHasNoProblems() {
        assertThat(new CheckCommand().run(request())).isEmpty();
    }

    @Test
    void notebookEditIsReportedWithDiffAndExportFix() {
        TestNotebooks.write(notebook, "//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    return x + x;\n}",
                "//| export\nrecord Pair(int a, int b) {}",
                "twice(21)");

        List<SyncProblem> problems = new CheckCommand().run(request());

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.change().action()).isEqualTo(Action.UPDATE);
            assertThat(p.summary()).startsWith("src/main/java/com/acme/Core.java is out of date")
                    .contains("notebooks/00_core.ipynb #c2");
            assertThat(p.diff()).contains("-        return 2 * x;").contains("+        return x + x;");
            assertThat(p.fix()).contains("mvn nbexport:export");
        });
        assertThat(generated).content().contains("return 2 * x;");
    }

    @Test
    void handEditNamesTheEditedCellAndPointsToUpdate() throws Exception {
        Files.writeString(generated, Files.readString(generated).replace("return 2 * x;", "return x << 1;"));

        List<SyncProblem> problems = new CheckCommand().run(request());

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.change().action()).isEqualTo(Action.OVERWRITE_HAND_EDIT);
            assertThat(p.cells()).containsExactly("notebooks/00_core.ipynb #c2");
            assertThat(p.diff()).contains("-        return x << 1;").contains("+        return 2 * x;");
            assertThat(p.fix()).contains("mvn nbexport:update");
        });
    }

    @Test
    void deletedCellLeavesAStaleFile() {
        TestNotebooks.write(notebook, "//| default_exp com.acme.Core",
                "//| export\nint twice(int x) {\n    return 2 * x;\n}",
                "twice(21)");

        List<SyncProblem> problems = new CheckCommand().run(request());

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.change().action()).isEqualTo(Action.REMOVE);
            assertThat(p.change().shown()).isEqualTo("src/main/java/com/acme/Pair.java");
            assertThat(p.fix()).contains("mvn nbexport:export");
        });
    }

    @Test
    void missingGeneratedFileIsReported() throws Exception {
        Files.delete(generated);

        assertThat(new CheckCommand().run(request())).singleElement()
                .satisfies(p -> assertThat(p.summary()).contains("is missing"));
    }

    @Test
    void checkWritesNothing() throws Exception {
        Files.writeString(generated, Files.readString(generated) + "// hand-written note\n");
        TestNotebooks.write(notebook, "//| default_exp com.acme.Core", "//| export\nint one() { return 1; }");
        String before = Files.readString(generated);

        assertThat(new CheckCommand().run(request())).isNotEmpty();

        assertThat(generated).content().isEqualTo(before);
        assertThat(project.resolve("src/main/java/com/acme/Pair.java")).exists();
    }
}
