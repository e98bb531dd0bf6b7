package dev.nbexport.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against Python's nbformat (Debian's {@code python3-nbformat}): for hundreds of
 * generated notebooks in every shape tools save them, nbexport writes exactly the bytes nbformat
 * writes. The generator and oracle is {@code src/test/python/nbformat_oracle.py}.
 */
class NbformatInteropTest {

    private static final int NOTEBOOKS = 250;
    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void writesEveryGeneratedNotebookExactlyAsNbformat(@TempDir Path dir) throws Exception {
        Path script = Path.of("src/test/python/nbformat_oracle.py").toAbsolutePath();
        Process oracle = new ProcessBuilder(PYTHON, script.toString(), dir.toString(), Integer.toString(NOTEBOOKS), "20261127")
                .redirectErrorStream(true)
                .start();
        String log = new String(oracle.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(oracle.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(oracle.exitValue())
                .withFailMessage("nbformat oracle failed (is python3-nbformat installed? `apt-get install python3-nbformat`):%n%s", log)
                .isZero();

        List<Path> inputs;
        try (Stream<Path> files = Files.list(dir)) {
            inputs = files.filter(p -> p.toString().endsWith(".input.ipynb")).sorted().toList();
        }
        assertThat(inputs).hasSize(NOTEBOOKS);

        SoftAssertions softly = new SoftAssertions();
        for (Path input : inputs) {
            Path expected = Path.of(input.toString().replace(".input.", ".expected."));
            Notebook notebook = NotebookReader.read(input);
            softly.assertThat(NotebookWriter.toText(notebook))
                    .as(input.getFileName().toString())
                    .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        }
        softly.assertAll();
    }

    @Test
    void nbformatCanReadWhatWeWrite(@TempDir Path dir) throws IOException, InterruptedException {
        Path written = dir.resolve("written.ipynb");
        Notebook notebook = Notebook.empty(Notebook.empty(dev.nbexport.json.Json.JsonObject.EMPTY).metadata())
                .withCells(List.of(
                        Cell.of(CellType.MARKDOWN, "intro", "# Title\n\nSome *text* — ünïcode 😀\n"),
                        Cell.of(CellType.CODE, "code-1", "//| export\nint twice(int x) {\n    return 2 * x;\n}")));
        NotebookWriter.write(notebook, written);

        Process validate = new ProcessBuilder(PYTHON, "-c",
                "import sys, nbformat; nb = nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb);"
                        + " print(len(nb.cells), nb.cells[1].source.splitlines()[1])",
                written.toString()).redirectErrorStream(true).start();
        String out = new String(validate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(validate.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.strip()).isEqualTo("2 int twice(int x) {");
        assertThat(validate.exitValue()).isZero();
    }
}
