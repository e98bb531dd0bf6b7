package dev.nbexport.merge;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields nbformat requires or forbids for each cell type.
 *
 * <p>A merge can give a cell the fields of another type: git's line merge of the JSON can splice the
 * {@code "cell_type"} line of one cell onto the {@code "outputs"} of another, and a cell whose type
 * changed on one side can get the other side's outputs. Such a cell does not validate, so it is put
 * back into shape: a code cell gets {@code outputs} and {@code execution_count}, a markdown or raw cell
 * loses them. Every other field is kept.
 */
final class CellShape {

    private CellShape() {}

    /** The notebook with every cell in shape; the same instance when all already are. */
    static Notebook normalize(Notebook notebook) {
        List<Cell> cells = new ArrayList<>(notebook.cells().size());
        boolean changed = false;
        for (Cell cell : notebook.cells()) {
            Cell normal = normalize(cell);
            changed |= normal != cell;
            cells.add(normal);
        }
        return changed ? notebook.withCells(cells) : notebook;
    }

    static boolean isValid(Cell cell) {
        return normalize(cell) == cell;
    }

    static Cell normalize(Cell cell) {
        Cell result = cell;
        if (!(cell.json().get("metadata") instanceof JsonObject)) {
            result = result.withMetadata(JsonObject.EMPTY);
        }
        if (cell.type() == CellType.CODE) {
            if (!(cell.json().get("outputs") instanceof JsonArray)) {
                result = result.with("outputs", JsonArray.EMPTY);
            }
            if (!cell.json().has("execution_count")) {
                result = result.with("execution_count", Json.JsonNull.NULL);
            }
        } else if (cell.type() == CellType.MARKDOWN || cell.type() == CellType.RAW) {
            if (cell.json().has("outputs")) {
                result = result.without("outputs");
            }
            if (cell.json().has("execution_count")) {
                result = result.without("execution_count");
            }
        }
        return result;
    }
}
