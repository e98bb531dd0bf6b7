package dev.nbexport.notebook;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.Json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One notebook cell, immutable.
 *
 * <p>The cell is kept as its JSON object, in nbformat's in-memory form (multi-line strings joined:
 * {@code source} is one string), so every field nbexport does not interpret survives a read and a
 * write unchanged. The typed accessors read from it; the {@code with…} methods return changed copies.
 */
public final class Cell {

    private final JsonObject json;
    private final CellType type;
    private final String source;

    Cell(JsonObject json) {
        this.json = Objects.requireNonNull(json, "json");
        this.type = CellType.of(json.string("cell_type"));
        this.source = Objects.requireNonNull(json.string("source"), "cell source must be a string");
    }

    /** A new cell of {@code type} with {@code source}, empty metadata and (for code) no outputs. */
    public static Cell of(CellType type, String id, String source) {
        JsonObject json = JsonObject.EMPTY
                .with("cell_type", Json.string(type.jsonName()))
                .with("metadata", JsonObject.EMPTY)
                .with("source", Json.string(source));
        if (id != null) {
            json = json.with("id", Json.string(id));
        }
        if (type == CellType.CODE) {
            json = json.with("execution_count", Json.JsonNull.NULL).with("outputs", JsonArray.EMPTY);
        }
        return new Cell(json);
    }

    public CellType type() {
        return type;
    }

    /** {@code cell_type} as written in the file (meaningful for {@link CellType#OTHER}). */
    public String typeName() {
        return json.string("cell_type");
    }

    public boolean isCode() {
        return type == CellType.CODE;
    }

    /** The cell id (nbformat 4.5), or {@code null} when the notebook predates cell ids. */
    public String id() {
        return json.string("id");
    }

    /** The whole source as one string. */
    public String source() {
        return source;
    }

    public JsonObject metadata() {
        JsonObject metadata = json.object("metadata");
        return metadata == null ? JsonObject.EMPTY : metadata;
    }

    /** The Jupyter tags of this cell ({@code metadata.tags}); non-string entries are ignored. */
    public List<String> tags() {
        JsonArray tags = metadata().array("tags");
        if (tags == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>(tags.elements().size());
        for (Json tag : tags.elements()) {
            if (tag instanceof JsonString s) {
                result.add(s.value());
            }
        }
        return List.copyOf(result);
    }

    /** The outputs of a code cell, each an nbformat output object; empty for other cells. */
    public List<JsonObject> outputs() {
        JsonArray outputs = json.array("outputs");
        if (outputs == null) {
            return List.of();
        }
        List<JsonObject> result = new ArrayList<>(outputs.elements().size());
        for (Json output : outputs.elements()) {
            result.add((JsonObject) output); // checked by the reader
        }
        return List.copyOf(result);
    }

    /** The execution count of a code cell, or {@code null} when unset or not a code cell. */
    public Json executionCount() {
        Json count = json.get("execution_count");
        return count instanceof Json.JsonNull ? null : count;
    }

    /** The cell as its JSON object, in nbformat's in-memory form. */
    public JsonObject json() {
        return json;
    }

    public Cell withSource(String newSource) {
        return with("source", Json.string(newSource));
    }

    public Cell withId(String newId) {
        return with("id", Json.string(newId));
    }

    public Cell withMetadata(JsonObject newMetadata) {
        return with("metadata", newMetadata);
    }

    /** A copy with the top-level field {@code key} set; the field must keep nbformat's type. */
    public Cell with(String key, Json value) {
        return new Cell(json.with(key, value));
    }

    /** A copy without the top-level field {@code key}. */
    public Cell without(String key) {
        return new Cell(json.without(key));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cell other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + " cell" + (id() == null ? "" : " " + id());
    }
}
