package dev.nbexport.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.notebook.CellRef;
import org.junit.jupiter.api.Test;

class CellMarkerTest {

    @Test
    void aMarkerNamesTheNotebookAndTheCellId() {
        assertThat(CellMarker.of(new CellRef("notebooks/01_slugify.ipynb", 3, "e443df78")).render())
                .isEqualTo("// %% notebooks/01_slugify.ipynb #e443df78");
    }

    @Test
    void aCellWithoutIdIsMarkedByItsNumber() {
        assertThat(CellMarker.of(new CellRef("notebooks/a.ipynb", 3, null)).render()).isEqualTo("// %% notebooks/a.ipynb #3");
    }

    @Test
    void markersReadBackFromIndentedLinesAndPathsWithSpaces() {
        assertThat(CellMarker.parse("    // %% notebooks/my notes.ipynb #e443df78  "))
                .contains(new CellMarker("notebooks/my notes.ipynb", "e443df78"));
    }

    @Test
    void otherCommentsAreNotMarkers() {
        assertThat(CellMarker.parse("// plain comment")).isEmpty();
        assertThat(CellMarker.parse("// %% notebooks/a.ipynb")).isEmpty();
        assertThat(CellMarker.parse("// %%  #x")).isEmpty();
    }
}
