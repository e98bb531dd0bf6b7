package dev.nbexport.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonParser;
import dev.nbexport.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class NotebookRoundTripPropertiesTest {

    /**
     * Text with everything that is hard to write: line breaks of every kind, controls, quotes, astral
     * characters. Lone surrogates are left out: a UTF-8 file cannot hold them and nbformat cannot write them.
     */
    private static final Gen<String> TEXT = strings().allPossible().ofLengthBetween(0, 30)
            .map(NotebookRoundTripPropertiesTest::withoutLoneSurrogates)
            .mix(lists().of(integers().between(0, 15).map(i -> new String[] {
                "\n", "\r\n", "\r", "\u2028", "\u0085", "\u000b", "\u001c", "\"", "\\", "\u0000", "\u007f",
                "😀", "é", "\ufeff", "//| export", "int x = 1;"}[i]))
                    .ofSizeBetween(0, 12).map(parts -> String.join("", parts)), 50);

    private static final Gen<Cell> CELLS = integers().between(0, 2)
            .zip(TEXT, lists().of(TEXT).ofSizeBetween(0, 3), integers().between(0, 1_000_000),
                    (type, source, tags, id) -> {
                        CellType cellType = CellType.values()[type];
                        List<Json> tagJson = new ArrayList<>();
                        tags.forEach(t -> tagJson.add(Json.string(t)));
                        Cell cell = Cell.of(cellType, "cell-" + id, source);
                        return tags.isEmpty() ? cell : cell.withMetadata(JsonObject.EMPTY.with("tags", new JsonArray(tagJson)));
                    });

    private static final Gen<Notebook> NOTEBOOKS = lists().of(CELLS).ofSizeBetween(0, 8)
            .zip(lists().of(TEXT).ofSizeBetween(0, 4), (cells, keys) -> {
                Map<String, Json> metadata = new LinkedHashMap<>();
                for (String key : keys) {
                    metadata.put(key, Json.string(key));
                }
                return Notebook.empty(new JsonObject(metadata)).withCells(dedupeIds(cells));
            });

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

    private static String withoutLoneSurrogates(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.isSurrogate((char) cp) && cp < 0x10000 ? 0xFFFD : cp));
        return out.toString();
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

    private static List<Cell> dedupeIds(List<Cell> cells) {
        List<Cell> result = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            result.add(cells.get(i).withId(cells.get(i).id() + "-" + i));
        }
        return result;
    }
}
