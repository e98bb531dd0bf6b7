package dev.nbexport.export;

import static dev.nbexport.export.Notebooks.export;
import static dev.nbexport.export.Notebooks.exporti;
import static dev.nbexport.export.Notebooks.notebook;
import static dev.nbexport.export.Notebooks.plain;
import static dev.nbexport.export.Notebooks.test;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

class ExportOrderPropertyTest {

    private static final List<NotebookSource> NOTEBOOKS = List.of(
            notebook("notebooks/01_core.ipynb", "com.acme.Core",
                    export("int twice(int x) { return 2 * x; }"), plain("twice(2)"),
                    export("record Pair(int a, int b) { int sum() { return twice(a) + b; } }"),
                    test("assert twice(1) == 2;")),
            notebook("notebooks/02_util.ipynb", "com.acme.Core",
                    exporti("List<String> split(String s) { return List.of(s.split(\",\")); }")),
            notebook("notebooks/03_other.ipynb", "com.acme.other.Other",
                    export("Map<String, Integer> sizes(List<String> xs) { return Map.of(); }"),
                    export("enum Color { RED, GREEN }").to("com.acme.Core")),
            notebook("notebooks/04_text.ipynb", "com.acme.text.Text",
                    plain("import java.time.LocalDate;"),
                    export("LocalDate today() { return LocalDate.now(); }"),
                    test("@org.junit.jupiter.api.Test void works() {}")));

    private static final ExportResult EXPECTED = new Exporter().export(NOTEBOOKS);

    @Property(tries = 50)
    void exportDoesNotDependOnTheOrderOfNotebooks(
            @ForAll @Size(4) @UniqueElements List<@net.jqwik.api.constraints.IntRange(min = 0, max = 3) Integer> order) {
        List<NotebookSource> shuffled = order.stream().map(NOTEBOOKS::get).toList();

        assertThat(new Exporter().export(shuffled)).isEqualTo(EXPECTED);
    }
}
