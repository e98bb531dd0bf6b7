package dev.nbexport.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonParser;
import dev.nbexport.json.JsonWriter;
import dev.nbexport.testing.NotebookGen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class NotebookRoundTripPropertiesTest {

    private static final Gen<String> TEXT = NotebookGen.text();
    private static final Gen<Notebook> NOTEBOOKS = NotebookGen.notebooks();

    @Test
    void writingIsAFixedPointOfReading() {
        qt().withExamples(300).forAll(NOTEBOOKS).checkAssert(notebook -> {
            byte[] once = NotebookWriter.toBytes(notebook);
            Notebook reread = NotebookReader.parse(once, "generated.ipynb");

            assertThat(NotebookWriter.toBytes(reread)).isEqualTo(once);
            assertThat(reread).isEqualTo(notebook);
        });
    }

    @Test
    void sourceTextSurvivesExactlyWhateverItsLineBreaks() {
        qt().withExamples(500).forAll(TEXT).checkAssert(text -> {
            Notebook notebook = Notebook.empty(JsonObject.EMPTY).withCells(List.of(Cell.of(CellType.CODE, "x", text)));
            Notebook reread = NotebookReader.parse(NotebookWriter.toBytes(notebook), "t.ipynb");
            assertThat(reread.cells().get(0).source()).isEqualTo(text);
        });
    }

    @Test
    void objectKeysAreWrittenInCodePointOrder() {
        qt().withExamples(300).forAll(lists().of(TEXT).ofSizeBetween(0, 8)).checkAssert(keys -> {
            Map<String, Json> members = new LinkedHashMap<>();
            keys.forEach(k -> members.put(k, Json.JsonNull.NULL));
            String written = JsonWriter.write(new JsonObject(members));

            List<String> expected = new ArrayList<>(members.keySet());
            expected.sort((a, b) -> compareCodePoints(a, b));
            JsonObject reread = parse(written);
            assertThat(new ArrayList<>(reread.members().keySet())).isEqualTo(expected);
        });
    }

    private static int compareCodePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        return java.util.Arrays.compare(x, y);
    }

    private static JsonObject parse(String json) {
        try {
            return (JsonObject) JsonParser.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (JsonParser.SyntaxError e) {
            throw new AssertionError(e);
        }
    }
}
