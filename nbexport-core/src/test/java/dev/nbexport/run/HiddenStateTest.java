package dev.nbexport.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.json.Json;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.run.worker.WorkerRun;
import dev.nbexport.testing.TestNotebooks;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HiddenStateTest {

    private static final Json.JsonObject OUTPUT = Json.JsonObject.EMPTY.with("name", Json.string("stdout"))
            .with("output_type", Json.string("stream")).with("text", Json.string("old\n"));

    private static Notebook counted(Notebook nb, int... counts) {
        for (int i = 0; i < counts.length; i++) {
            nb = nb.withCell(i, nb.cells().get(i).with("execution_count", Json.JsonNumber.of(counts[i])));
        }
        return nb;
    }

    private static WorkerRun ran(int cells) {
        List<WorkerRun.Cell> run = new java.util.ArrayList<>();
        for (int i = 0; i < cells; i++) {
            run.add(new WorkerRun.Cell(i, true, i + 1, List.of(), Optional.empty(), null, 1));
        }
        return new WorkerRun(run, new WorkerRun.Completed());
    }

    @Test
    void countsOutOfCellOrderAreAWarningNamingTheCells() {
        Notebook nb = counted(TestNotebooks.of("int a = 1;", "int b = 2;", "int c = 3;"), 5, 9, 3);
        assertThat(HiddenState.warnings("nb.ipynb", nb, ran(3))).singleElement().asString()
                .startsWith("nb.ipynb: stored execution counts are not in cell order (cell 2 has 9, cell 3 has 3)");
        assertThat(HiddenState.warnings("nb.ipynb", counted(TestNotebooks.of("1", "2"), 1, 2), ran(2))).isEmpty();
    }

    @Test
    void storedOutputsThatARunFromTheTopDoesNotProduceAreAWarning() {
        Notebook nb = TestNotebooks.of("int a = 1;", "int b = 2;");
        nb = nb.withCell(1, nb.cells().get(1).with("outputs", new Json.JsonArray(List.of(OUTPUT))));
        assertThat(HiddenState.warnings("nb.ipynb", nb, ran(2))).singleElement().asString()
                .startsWith("nb.ipynb: cell 2 has stored outputs that a run from the top does not produce");
    }
}
