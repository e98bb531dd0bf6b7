package dev.nbexport.run.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IJavaDialectTest {

    @Test
    void ijavaHasNoJavaTimeImportAndNamesRuntimeErrorsAsEvalException() {
        try (NotebookSession session = NotebookSession.start(SessionOptions.of(KernelDialect.IJAVA))) {
            assertThat(session.evaluate("LocalDate.of(2020, 1, 2)").error().orElseThrow().summary())
                    .isEqualTo("cannot find symbol: variable LocalDate");
            CellError e = session.evaluate("throw new IllegalStateException(\"boom\");").error().orElseThrow();
            assertThat(e.ename()).isEqualTo("EvalException");
            assertThat(e.evalue()).isEqualTo("boom");
            assertThat(session.evaluate("display(\"x\");").outputs().get(0).string("output_type")).isEqualTo("display_data");
        }
    }
}
