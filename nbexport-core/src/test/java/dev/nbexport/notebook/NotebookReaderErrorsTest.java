package dev.nbexport.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookReaderErrorsTest {

    private static final String FILE = "notebooks/01_core.ipynb";

    private static NotebookFormatException readError(String json) {
        try {
            NotebookReader.parse(json.getBytes(StandardCharsets.UTF_8), FILE);
        } catch (NotebookFormatException e) {
            return e;
        }
        throw new AssertionError("expected a NotebookFormatException for " + json);
    }

    @Test
    void brokenJsonNamesFileLineAndColumn() {
        NotebookFormatException e = readError("{\n \"cells\": [\n  {\"cell_type\": \"code\",,}\n ]\n}\n");

        assertThat(e.getMessage()).startsWith(FILE + ": line 3:").contains("not valid JSON");
        assertThat(e.where()).isEqualTo("line 3:24");
        assertThat(e.hint()).contains("nbexport:fix");
    }

    @Test
    void truncatedFileIsReportedAsBrokenJson() {
        NotebookFormatException e = readError("{\n \"cells\": [\n");

        assertThat(e.getMessage()).contains(FILE).contains("line 3").contains("not valid JSON");
    }

    @Test
    void gitConflictMarkersAreBrokenJsonWithLineAndFixHint() {
        NotebookFormatException e = readError("{\n<<<<<<< HEAD\n \"cells\": [],\n=======\n \"cells\": [1],\n>>>>>>> b\n}\n");

        assertThat(e.where()).startsWith("line 2:");
        assertThat(e.hint()).contains("mvn nbexport:fix");
    }

    @Test
    void emptyFileIsAnError() {
        assertThat(readError("").getMessage()).contains(FILE).contains("empty");
    }

    @Test
    void nbformat3SaysHowToUpgrade() {
        NotebookFormatException e = readError("{\"metadata\": {}, \"nbformat\": 3, \"nbformat_minor\": 0, \"worksheets\": []}");

        assertThat(e.getMessage()).isEqualTo(FILE + ": nbformat 3 notebooks are not supported");
        assertThat(e.hint()).contains("jupyter nbconvert --to notebook --nbformat 4 --inplace " + FILE);
    }

    @Test
    void nbformat5IsRejected() {
        assertThat(readError("{\"cells\": [], \"metadata\": {}, \"nbformat\": 5, \"nbformat_minor\": 0}").getMessage())
                .contains("nbformat 5 is newer");
    }

    @Test
    void jsonThatIsNotANotebookSaysSo() {
        assertThat(readError("[1, 2]").getMessage()).isEqualTo(FILE + ": not a notebook: the JSON document is not an object");
        assertThat(readError("{\"cells\": []}").getMessage()).contains("field nbformat").contains("missing");
        assertThat(readError("{\"cells\": [], \"nbformat\": \"4\"}").getMessage()).contains("must be a whole number, not a string");
    }

    @Test
    void cellWithoutSourceNamesCellNumberAndId() {
        NotebookFormatException e = readError(notebook(
                "{\"cell_type\": \"markdown\", \"id\": \"a1\", \"metadata\": {}, \"source\": \"hi\"},"
                        + "{\"cell_type\": \"code\", \"id\": \"b2\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null}"));

        assertThat(e.getMessage()).isEqualTo(FILE + ": cell 2 (id b2), field source: is missing: every cell needs a \"source\" (\"\" when empty)");
    }

    @Test
    void wrongFieldTypesNameTheField() {
        assertThat(readError(notebook("{\"cell_type\": \"code\", \"metadata\": {}, \"source\": 42, \"outputs\": []}")).getMessage())
                .isEqualTo(FILE + ": cell 1, field source: must be a string or a list of strings, not a number");
        assertThat(readError(notebook("{\"cell_type\": \"code\", \"metadata\": [], \"source\": \"\", \"outputs\": []}")).getMessage())
                .contains("cell 1, field metadata: must be a JSON object, not a list");
        assertThat(readError(notebook("{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\"a\", 1], \"outputs\": []}")).getMessage())
                .contains("cell 1, field source: must be a string or a list of strings");
        assertThat(readError(notebook("{\"cell_type\": 7, \"metadata\": {}, \"source\": \"\"}")).getMessage())
                .contains("cell 1, field cell_type: must be a string, not a number");
        assertThat(readError(notebook("{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"\", \"outputs\": [{\"text\": \"x\"}]}")).getMessage())
                .contains("cell 1, field outputs[0]: an output needs an \"output_type\" string");
        assertThat(readError(notebook("\"just a string\"")).getMessage())
                .contains("cell 1: must be a JSON object, not a string");
        assertThat(readError("{\"cells\": {}, \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}").getMessage())
                .contains("field cells: must be a list, not an object");
    }

    @Test
    void missingFileIsAnErrorNamingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> NotebookReader.read(dir.resolve("gone.ipynb"), "notebooks/gone.ipynb"))
                .isInstanceOf(NotebookFormatException.class)
                .hasMessage("notebooks/gone.ipynb: no such file");
    }

    @Test
    void failedReadLeavesTheFileAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.ipynb");
        Files.writeString(file, "{\"cells\": [");
        assertThatThrownBy(() -> NotebookReader.read(file)).isInstanceOf(NotebookFormatException.class);
        assertThat(Files.readString(file)).isEqualTo("{\"cells\": [");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    private static String notebook(String cells) {
        return "{\"cells\": [" + cells + "], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
    }
}
