package dev.nbexport.notebook;

import dev.nbexport.io.AtomicFiles;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes notebooks byte for byte as Python's nbformat does ({@code nbformat.write}): multi-line
 * strings split into lines, transient fields dropped ({@code metadata.signature},
 * {@code orig_nbformat}, {@code orig_nbformat_minor}, and cells' {@code metadata.trusted}), JSON with
 * one space of indent, keys sorted, non-ASCII characters as they are, and a final newline.
 */
public final class NotebookWriter {

    private NotebookWriter() {}

    /** The notebook's file content, as nbformat would write it. */
    public static String toText(Notebook notebook) {
        JsonObject top = notebook.json().with("metadata", notebook.metadata()
                .without("orig_nbformat").without("orig_nbformat_minor").without("signature"));
        List<Json> cells = new ArrayList<>(notebook.cells().size());
        for (Cell cell : notebook.cells()) {
            JsonObject json = cell.json();
            JsonObject metadata = json.object("metadata");
            if (metadata != null && metadata.has("trusted")) {
                json = json.with("metadata", metadata.without("trusted"));
            }
            cells.add(DiskForm.split(json));
        }
        top = top.with("cells", new Json.JsonArray(cells));
        StringBuilder out = new StringBuilder(estimateSize(notebook));
        JsonWriter.write(top, out, 0);
        out.append('\n');
        return out.toString();
    }

    /** The notebook's file content as UTF-8 bytes. */
    public static byte[] toBytes(Notebook notebook) {
        return toText(notebook).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes the notebook to {@code file} atomically, and only when the bytes differ from what is
     * there, so an unchanged notebook keeps its timestamp.
     *
     * @return whether the file was written
     */
    public static boolean write(Notebook notebook, Path file) {
        return AtomicFiles.writeIfChanged(file, toBytes(notebook));
    }

    private static int estimateSize(Notebook notebook) {
        long size = 256;
        for (Cell cell : notebook.cells()) {
            size += 128 + cell.source().length() * 11L / 10;
        }
        return (int) Math.min(size, 1 << 26);
    }
}
