package dev.nbexport.testing;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small notebooks for tests, saved as JJava would save them. */
public final class TestNotebooks {

    private TestNotebooks() {}

    /** JJava's kernelspec. */
    public static final JsonObject JJAVA_METADATA = JsonObject.EMPTY.with("kernelspec", JsonObject.EMPTY
            .with("display_name", Json.string("Java (jjava)"))
            .with("language", Json.string("java"))
            .with("name", Json.string("java")));

    /** A notebook of code cells with ids {@code c1}, {@code c2}, …; a source starting with {@code "# "} is a markdown cell. */
    public static Notebook of(String... sources) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            String source = sources[i];
            CellType type = source.startsWith("# ") ? CellType.MARKDOWN : CellType.CODE;
            cells.add(Cell.of(type, "c" + (i + 1), source));
        }
        return Notebook.empty(JJAVA_METADATA).withCells(cells);
    }

    /** Writes {@link #of(String...)} to {@code file}. */
    public static Path write(Path file, String... sources) {
        NotebookWriter.write(of(sources), file);
        return file;
    }
}
