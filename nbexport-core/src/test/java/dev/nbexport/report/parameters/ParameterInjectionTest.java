package dev.nbexport.report.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.json.Json;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.testing.TestNotebooks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterInjectionTest {

    private static ParameterInjection.Injected inject(Notebook nb, String... pairs) {
        NotebookParameters p = NotebookParameters.read(nb, "nb.ipynb", EnumLookup.NONE);
        Map<String, RawValue> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], new RawValue.Text(pairs[i + 1]));
        }
        return ParameterInjection.inject(nb, p, p.fit(values).values());
    }

    private static Cell tagged(Cell c, String tag) {
        return c.withMetadata(Json.JsonObject.EMPTY.with("tags", new Json.JsonArray(List.of(Json.string(tag)))));
    }

    @Test
    void theInjectedCellGoesRightAfterTheParametersCell() {
        Notebook nb = TestNotebooks.of("# Title", "//| parameters\nint n = 3;\nString who = \"x\";", "System.out.println(n);");
        ParameterInjection.Injected r = inject(nb, "who", "Ada", "n", "10");
        assertThat(r.injectedIndex()).isEqualTo(2);
        Cell cell = r.notebook().cells().get(2);
        assertThat(cell.source()).isEqualTo("// Parameters\nString who = \"Ada\";\nint n = 10;");
        assertThat(cell.tags()).containsExactly("injected-parameters");
        assertThat(cell.id()).isEqualTo("injected-parameters");
        assertThat(cell.outputs()).isEmpty();
        assertThat(r.origins()).containsExactly(0, 1, -1, 2);
        assertThat(nb.cells()).as("the input is not changed").hasSize(3);
    }

    @Test
    void aPreviousInjectedCellIsReplacedWhereItIsAndOldErrorCellsGo() {
        Notebook nb = TestNotebooks.of("# err", "//| parameters\nint n = 3;", "// Parameters\nint n = 5;", "System.out.println(n);");
        nb = nb.withCell(0, tagged(nb.cells().get(0), ParameterInjection.ERROR_TAG))
                .withCell(2, tagged(nb.cells().get(2), ParameterInjection.INJECTED_TAG));
        ParameterInjection.Injected r = inject(nb, "n", "7");
        assertThat(r.notebook().cells()).hasSize(3);
        assertThat(r.injectedIndex()).isEqualTo(1);
        assertThat(r.notebook().cells().get(1).source()).isEqualTo("// Parameters\nint n = 7;");
        assertThat(r.notebook().cells().get(1).id()).as("keeps the old cell's id").isEqualTo("c3");
        assertThat(r.origins()).containsExactly(1, -1, 3);
    }

    @Test
    void withoutAParametersCellTheValuesGoToTheTopAsInPapermill() {
        Notebook nb = TestNotebooks.of("int n = 3;", "System.out.println(n);");
        ParameterInjection.Injected r = inject(nb, "n", "4");
        assertThat(r.injectedIndex()).isZero();
        assertThat(r.notebook().cells().get(0).source()).isEqualTo("// Parameters\nint n = 4;");
    }

    @Test
    void withNoValuesNothingIsInjected() {
        Notebook nb = TestNotebooks.of("//| parameters\nint n = 3;");
        ParameterInjection.Injected r = inject(nb);
        assertThat(r.injectedIndex()).isEqualTo(-1);
        assertThat(r.notebook()).isEqualTo(nb);
    }
}
