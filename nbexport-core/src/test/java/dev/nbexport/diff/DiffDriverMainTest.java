package dev.nbexport.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.testing.TestNotebooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffDriverMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return DiffDriverMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, Notebook notebook) {
        Path file = dir.resolve(name);
        NotebookWriter.write(notebook, file);
        return file;
    }

    @Test
    void textconvPrintsTheTextViewAndExitsZero() {
        Notebook notebook = TestNotebooks.of("# Title", "int x = 1;");

        int status = run("textconv", file("a.ipynb", notebook).toString());

        assertThat(status).isZero();
        assertThat(out()).isEqualTo(NotebookText.of(notebook)).contains("// %% [code] #c2\nint x = 1;\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void textconvOfABrokenFilePrintsItWithAWarningAndStillExitsZero() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.ipynb"), "{\"cells\": [");

        assertThat(run("textconv", broken.toString())).isZero();
        assertThat(out()).startsWith(NotebookText.UNREADABLE).endsWith("\n{\"cells\": [");
    }

    @Test
    void textconvOfAMissingFileExitsTwo() {
        assertThat(run("textconv", dir.resolve("nope.ipynb").toString())).isEqualTo(2);
        assertThat(err()).startsWith("nbexport: cannot read ").contains("nope.ipynb");
    }

    @Test
    void diffOfTwoFilesExitsOneWhenTheyDifferAndZeroWhenNot() {
        Path a = file("a.ipynb", TestNotebooks.of("# Title", "int x = 1;"));
        Path b = file("b.ipynb", TestNotebooks.of("# Title", "int x = 2;"));

        assertThat(run("diff", a.toString(), b.toString())).isEqualTo(1);
        assertThat(out()).startsWith(b + ": 1 cell changed\n--- " + a + "\n+++ " + b + "\n## cell 2 #c2 [code]: changed source\n")
                .endsWith("-int x = 1;\n+int x = 2;\n");
        out.reset();
        assertThat(run("diff", a.toString(), a.toString())).isZero();
        assertThat(out()).isEmpty();
    }

    @Test
    void diffWithSourcesOnlyIgnoresMetadata() {
        Notebook notebook = TestNotebooks.of("int x = 1;");
        Path a = file("a.ipynb", notebook);
        Path b = file("b.ipynb", notebook.withMetadata(notebook.metadata().without("kernelspec")));

        assertThat(run("diff", a.toString(), b.toString())).isEqualTo(1);
        assertThat(run("diff", a.toString(), b.toString(), "--sources-only")).isZero();
    }

    @Test
    void badUsageAndBadInputExitTwo() {
        Path a = file("a.ipynb", TestNotebooks.of("int x = 1;"));

        assertThat(run()).isEqualTo(2);
        assertThat(run("textconv")).isEqualTo(2);
        assertThat(run("diff")).isEqualTo(2);
        assertThat(run("diff", a.toString(), "--colour")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("nbexport: unknown option --colour", "nbexport: unknown command frobnicate", "usage: DiffDriverMain");
        err.reset();
        assertThat(run("diff", a.toString())).isEqualTo(2);
        assertThat(err()).startsWith("nbexport: cannot compare the file " + a + " with the working tree");
    }
}
