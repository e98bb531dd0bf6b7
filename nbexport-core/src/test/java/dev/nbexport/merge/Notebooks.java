package dev.nbexport.merge;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small notebooks for merge tests, shaped like JJava's. */
final class Notebooks {

    private Notebooks() {}

    static final JsonObject METADATA = JsonObject.EMPTY
            .with("kernelspec", JsonObject.EMPTY.with("display_name", Json.string("Java (jjava)"))
                    .with("language", Json.string("java")).with("name", Json.string("java")))
            .with("language_info", JsonObject.EMPTY.with("name", Json.string("java")));

    static Notebook notebook(Cell... cells) {
        return Notebook.empty(METADATA).withCells(List.of(cells));
    }

    static Cell code(String id, String source) {
        return Cell.of(CellType.CODE, id, source);
    }

    static Cell markdown(String id, String source) {
        return Cell.of(CellType.MARKDOWN, id, source);
    }

    static Cell tagged(Cell cell, String... tags) {
        List<Json> json = new ArrayList<>();
        for (String tag : tags) {
            json.add(Json.string(tag));
        }
        return cell.withMetadata(cell.metadata().with("tags", new JsonArray(json)));
    }

    /** The sources of the cells, marker cells included. */
    static List<String> sources(Notebook notebook) {
        return notebook.cells().stream().map(Cell::source).toList();
    }

    static String text(Notebook notebook) {
        return NotebookWriter.toText(notebook);
    }

    static byte[] bytes(Notebook notebook) {
        return NotebookWriter.toBytes(notebook);
    }

    static Notebook parse(String text) {
        return NotebookReader.parse(text.getBytes(StandardCharsets.UTF_8), "test.ipynb");
    }

    /** A notebook of {@code n} code cells {@code c0 … c(n-1)} with three source lines each. */
    static Notebook numbered(int n) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cells.add(code("c" + i, "int a" + i + " = " + i + ";\nint b" + i + " = a" + i + " + 1;\nSystem.out.println(b" + i + ");"));
        }
        return Notebook.empty(METADATA).withCells(cells);
    }

    static Notebook withSource(Notebook notebook, int index, String source) {
        return notebook.withCell(index, notebook.cells().get(index).withSource(source));
    }

    static Notebook without(Notebook notebook, int index) {
        List<Cell> cells = new ArrayList<>(notebook.cells());
        cells.remove(index);
        return notebook.withCells(cells);
    }

    static Notebook inserted(Notebook notebook, int index, Cell cell) {
        List<Cell> cells = new ArrayList<>(notebook.cells());
        cells.add(index, cell);
        return notebook.withCells(cells);
    }
}
