package dev.nbexport.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusRoundTripTest {

    static Stream<Path> corpus() {
        return Corpus.notebooks().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void realNotebookWritesBackByteForByte(Path file) throws IOException {
        byte[] original = Files.readAllBytes(file);

        Notebook notebook = NotebookReader.parse(original, file.toString());

        assertThat(new String(NotebookWriter.toBytes(notebook), StandardCharsets.UTF_8))
                .isEqualTo(new String(original, StandardCharsets.UTF_8));
    }

    @Test
    void corpusHasCodeAndMarkdownCells() {
        long codeCells = 0;
        long markdownCells = 0;
        for (Path file : Corpus.notebooks()) {
            Notebook notebook = NotebookReader.read(file);
            codeCells += notebook.cells().stream().filter(Cell::isCode).count();
            markdownCells += notebook.cells().stream().filter(c -> c.type() == CellType.MARKDOWN).count();
        }
        assertThat(Corpus.notebooks()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(codeCells).isGreaterThan(100);
        assertThat(markdownCells).isGreaterThan(50);
    }
}
