package dev.nbexport.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.testing.NotebookGen;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class NotebookTextPropertiesTest {

    private static final Gen<Notebook> NOTEBOOKS = NotebookGen.notebooks();

    @Test
    void theSameNotebookGivesTheSameTextAfterAWriteAndARead() {
        qt().withExamples(300).forAll(NOTEBOOKS).checkAssert(notebook -> {
            byte[] file = NotebookWriter.toBytes(notebook);

            assertThat(NotebookText.of(file)).isEqualTo(NotebookText.of(NotebookReader.parse(file, "n.ipynb")))
                    .isEqualTo(NotebookText.of(notebook));
        });
    }

    @Test
    void aDamagedFileIsShownAsItIsNeverAsAFailure() {
        // cut short, or one byte overwritten: what an interrupted write or a bad merge leaves
        qt().withExamples(400).forAll(NOTEBOOKS, integers().between(0, 10_000), integers().between(0, 255))
                .checkAssert((notebook, at, value) -> {
                    byte[] file = NotebookWriter.toBytes(notebook);
                    int position = at % file.length;
                    byte[] cut = Arrays.copyOf(file, position);
                    byte[] overwritten = file.clone();
                    overwritten[position] = (byte) (int) value;

                    for (byte[] damaged : new byte[][] {cut, overwritten}) {
                        String text = NotebookText.of(damaged);
                        assertThat(text).satisfiesAnyOf(
                                t -> assertThat(t).startsWith("// %% [notebook] nbformat 4."),
                                t -> assertThat(t).startsWith(NotebookText.UNREADABLE));
                    }
                });
    }
}
