package dev.nbexport.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.testing.ForkedGoal;
import dev.nbexport.testing.KilledRun;
import dev.nbexport.testing.TestNotebooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real {@code update} in a JVM of its own, at random moments while it moves hand edits of
 * many generated files back into their notebooks ({@link KilledRun#notebookTrials}): every notebook is the old
 * one or the updated one, never a broken one; no hand edit is lost (a generated file's edit is not marked as
 * exported while its notebook lacks it); and the next update leaves exactly the notebooks and sources an update
 * run to its end leaves, with no temporary file anywhere in the project.
 */
class KilledUpdateTest {

    /** Notebooks, each with one hand-edited generated file; each notebook is flushed to disk before its rename. */
    private static final int NOTEBOOKS = 100;

    @TempDir
    Path project;

    @Test
    void anUpdateKilledWhileWritingLosesNoEditAndTheNextUpdateConvergesWithoutDebris() throws Exception {
        writeNotebooks();
        new ExportCommand().run(ForkedGoal.exportRequest(project));
        for (int i = 0; i < NOTEBOOKS; i++) {
            Path module = project.resolve(String.format("src/main/java/com/acme/n%03d/Module%03d.java", i, i));
            String exported = Files.readString(module);
            assertThat(exported).contains("return 2 * x;");
            Files.writeString(module, exported.replace("return 2 * x;", "return x + x; // edited by hand"));
        }
        Map<String, byte[]> notebooks = KilledRun.files(project.resolve("notebooks"));
        // the edited sources and the index of the export that wrote them
        Map<String, byte[]> others = KilledRun.files(project);
        others.keySet().removeIf(path -> !path.startsWith("src/") && !path.startsWith("target/"));

        Map<String, byte[]> updated = KilledRun.notebookTrials("update", project, notebooks, others, at -> { },
                () -> new UpdateCommand().run(ForkedGoal.exportRequest(project)));

        assertThat(updated).as("notebooks after a whole forked update").hasSize(NOTEBOOKS)
                .allSatisfy((name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name).contains("edited by hand"));
    }

    /** {@link #NOTEBOOKS} notebooks, each exporting one method to a module of its own. */
    private void writeNotebooks() {
        for (int i = 0; i < NOTEBOOKS; i++) {
            TestNotebooks.write(project.resolve(String.format("notebooks/%03d_module.ipynb", i)),
                    String.format("//| default_exp com.acme.n%03d.Module%03d", i, i),
                    "//| export\n/** Twice {@code x}. */\npublic static int twice(int x) {\n    return 2 * x;\n}");
        }
    }
}
