package dev.nbexport.export;

import static dev.nbexport.export.Notebooks.export;
import static dev.nbexport.export.Notebooks.exporti;
import static dev.nbexport.export.Notebooks.notebook;
import static dev.nbexport.export.Notebooks.plain;
import static dev.nbexport.export.Notebooks.test;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportOrderTest {

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

    @Test
    void exportDoesNotDependOnTheOrderOfNotebooks() {
        List<List<NotebookSource>> orders = permutations(NOTEBOOKS);
        assertThat(orders).hasSize(24);
        for (List<NotebookSource> order : orders) {
            assertThat(new Exporter().export(order)).as("order %s", order.stream().map(NotebookSource::notebookPath).toList())
                    .isEqualTo(EXPECTED);
        }
    }

    /** Every ordering of {@code items}: few enough here to try them all rather than sample. */
    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }
}
