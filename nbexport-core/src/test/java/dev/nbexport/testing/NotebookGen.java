package dev.nbexport.testing;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;

/** QuickTheories generators of notebooks for property tests. */
public final class NotebookGen {

    private NotebookGen() {}

    private static final String[] HARD_PIECES = {
        "\n", "\r\n", "\r", "\u2028", "\u0085", "\u000b", "\u001c", "\"", "\\", "\u0000", "\u007f",
        "😀", "é", "\ufeff", "//| export", "int x = 1;"};

    /**
     * Text with everything that is hard to write: line breaks of every kind, controls, quotes, astral
     * characters. Lone surrogates are left out: a UTF-8 file cannot hold them and nbformat cannot write them.
     */
    public static Gen<String> text() {
        return strings().allPossible().ofLengthBetween(0, 30)
                .map(NotebookGen::withoutLoneSurrogates)
                .mix(lists().of(integers().between(0, HARD_PIECES.length - 1).map(i -> HARD_PIECES[i]))
                        .ofSizeBetween(0, 12).map(parts -> String.join("", parts)), 50);
    }

    /** Code, markdown and raw cells with arbitrary source, tags and a unique-ish id. */
    public static Gen<Cell> cells() {
        return integers().between(0, 2)
                .zip(text(), lists().of(text()).ofSizeBetween(0, 3), integers().between(0, 1_000_000),
                        (type, source, tags, id) -> {
                            Cell cell = Cell.of(CellType.values()[type], "cell-" + id, source);
                            if (tags.isEmpty()) {
                                return cell;
                            }
                            List<Json> tagJson = new ArrayList<>();
                            tags.forEach(t -> tagJson.add(Json.string(t)));
                            return cell.withMetadata(JsonObject.EMPTY.with("tags", new JsonArray(tagJson)));
                        });
    }

    /** Notebooks of up to 8 cells with unique ids and arbitrary metadata keys. */
    public static Gen<Notebook> notebooks() {
        return lists().of(cells()).ofSizeBetween(0, 8)
                .zip(lists().of(text()).ofSizeBetween(0, 4), (cells, keys) -> {
                    Map<String, Json> metadata = new LinkedHashMap<>();
                    for (String key : keys) {
                        metadata.put(key, Json.string(key));
                    }
                    List<Cell> unique = new ArrayList<>();
                    for (int i = 0; i < cells.size(); i++) {
                        unique.add(cells.get(i).withId(cells.get(i).id() + "-" + i));
                    }
                    return Notebook.empty(new JsonObject(metadata)).withCells(unique);
                });
    }

    private static String withoutLoneSurrogates(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(cp < 0x10000 && Character.isSurrogate((char) cp) ? 0xFFFD : cp));
        return out.toString();
    }
}
