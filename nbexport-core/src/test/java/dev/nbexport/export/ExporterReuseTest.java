package dev.nbexport.export;

import static dev.nbexport.export.Notebooks.export;
import static dev.nbexport.export.Notebooks.notebook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.nbexport.layout.GeneratedFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One exporter used for several exports (as {@code update} does) gives what fresh ones give. */
class ExporterReuseTest {

    private static NotebookSource core(String body) {
        return notebook("notebooks/01_core.ipynb", "com.acme.Core",
                export("int twice(int x) {\n    return " + body + ";\n}"),
                export("record Pair(int a, int b) {}"));
    }

    @Test
    void aSecondExportWithChangedCellsMatchesAFreshExporter() {
        Exporter reused = new Exporter();
        reused.export(List.of(core("2 * x")));

        ExportResult again = reused.export(List.of(core("x + x")));

        assertThat(again).isEqualTo(new Exporter().export(List.of(core("x + x"))));
        assertThat(again.file(GeneratedFile.Kind.MAIN, "com/acme/Core.java").orElseThrow().content()).contains("return x + x;");
    }

    @Test
    void problemsOfUnchangedCellsAreReportedEveryTime() {
        Exporter reused = new Exporter();
        List<NotebookSource> broken = List.of(notebook("notebooks/01_core.ipynb", "com.acme.Core", export("int x = 1;\nx++;")));

        ExportException first = catchThrowableOfType(ExportException.class, () -> reused.export(broken));
        ExportException second = catchThrowableOfType(ExportException.class, () -> reused.export(broken));

        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(second.problems()).isEqualTo(first.problems());
    }
}
