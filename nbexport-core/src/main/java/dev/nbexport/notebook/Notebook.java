package dev.nbexport.notebook;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonNumber;
import dev.nbexport.json.Json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An nbformat 4 notebook, immutable.
 *
 * <p>Holds the notebook's top-level JSON fields (every one, known or not) and its cells. Read one with
 * {@link NotebookReader}, write one with {@link NotebookWriter}; a notebook read and written back
 * unchanged gives the same bytes for any file Jupyter wrote.
 */
public final class Notebook {

    private final JsonObject fields; // every top-level field but "cells"
    private final List<Cell> cells;

    Notebook(JsonObject fields, List<Cell> cells) {
        this.fields = fields.without("cells");
        this.cells = List.copyOf(cells);
    }

    /** A new, empty nbformat 4.5 notebook with {@code metadata}. */
    public static Notebook empty(JsonObject metadata) {
        JsonObject fields = JsonObject.EMPTY
                .with("metadata", metadata)
                .with("nbformat", JsonNumber.of(4))
                .with("nbformat_minor", JsonNumber.of(5));
        return new Notebook(fields, List.of());
    }

    public int nbformat() {
        return Integer.parseInt(((JsonNumber) fields.get("nbformat")).text());
    }

    public int nbformatMinor() {
        return fields.get("nbformat_minor") instanceof JsonNumber n ? Integer.parseInt(n.text()) : 0;
    }

    public JsonObject metadata() {
        JsonObject metadata = fields.object("metadata");
        return metadata == null ? JsonObject.EMPTY : metadata;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** Where cell {@code index} (0-based) is, for messages. */
    public CellRef cellRef(String notebookPath, int index) {
        return new CellRef(notebookPath, index + 1, cells.get(index).id());
    }

    public Notebook withCells(List<Cell> newCells) {
        return new Notebook(fields, newCells);
    }

    public Notebook withCell(int index, Cell cell) {
        List<Cell> copy = new ArrayList<>(cells);
        copy.set(index, Objects.requireNonNull(cell, "cell"));
        return new Notebook(fields, copy);
    }

    public Notebook withMetadata(JsonObject metadata) {
        return new Notebook(fields.with("metadata", metadata), cells);
    }

    /** A copy with the top-level field {@code key} set (not {@code cells}). */
    public Notebook with(String key, Json value) {
        if (key.equals("cells")) {
            throw new IllegalArgumentException("use withCells");
        }
        return new Notebook(fields.with(key, value), cells);
    }

    /** The whole notebook as JSON, in nbformat's in-memory form (multi-line strings joined). */
    public JsonObject json() {
        List<Json> cellJson = new ArrayList<>(cells.size());
        for (Cell cell : cells) {
            cellJson.add(cell.json());
        }
        return fields.with("cells", new JsonArray(cellJson));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Notebook other && fields.equals(other.fields) && cells.equals(other.cells);
    }

    @Override
    public int hashCode() {
        return 31 * fields.hashCode() + cells.hashCode();
    }
}
