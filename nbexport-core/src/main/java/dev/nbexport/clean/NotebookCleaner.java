package dev.nbexport.clean;

import dev.nbexport.io.AtomicFiles;
import dev.nbexport.io.Sha256;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonNull;
import dev.nbexport.json.Json.JsonNumber;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.Json;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes what makes notebook diffs noisy, keeping what matters: execution counts become
 * {@code null}, cell and notebook metadata are cut to allow-lists, output metadata keeps only
 * per-mime-type entries (such as an image's size), outputs are cleared on request, and cells without
 * an id get one (nbformat 4.5).
 *
 * <p>Cleaning is idempotent, and the new ids are derived from the cell's position and source, so the
 * same notebook always cleans to the same bytes.
 */
public final class NotebookCleaner {

    private final CleanOptions options;

    public NotebookCleaner(CleanOptions options) {
        this.options = options;
    }

    /** The cleaned notebook; equal to {@code notebook} when it was clean already. */
    public Notebook clean(Notebook notebook) {
        Set<String> usedIds = new HashSet<>();
        for (Cell cell : notebook.cells()) {
            if (cell.id() != null) {
                usedIds.add(cell.id());
            }
        }
        List<Cell> cells = new ArrayList<>(notebook.cells().size());
        boolean addedIds = false;
        for (int i = 0; i < notebook.cells().size(); i++) {
            Cell cell = cleanCell(notebook.cells().get(i));
            if (cell.id() == null) {
                cell = cell.withId(newId(i, cell.source(), usedIds));
                addedIds = true;
            }
            cells.add(cell);
        }
        Notebook cleaned = notebook.withCells(cells).withMetadata(cleanNotebookMetadata(notebook.metadata()));
        if (addedIds && notebook.nbformatMinor() < 5) {
            cleaned = cleaned.with("nbformat_minor", JsonNumber.of(5));
        }
        return cleaned.equals(notebook) ? notebook : cleaned;
    }

    /**
     * Cleans the notebook file at {@code file} in place, writing atomically and only when the bytes
     * change; with {@code checkOnly} nothing is written.
     *
     * @return whether the file was (or, in check mode, would be) changed
     */
    public boolean cleanFile(Path file, String displayName, boolean checkOnly) {
        byte[] before;
        try {
            before = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + displayName, e);
        }
        byte[] after = NotebookWriter.toBytes(clean(NotebookReader.parse(before, displayName)));
        if (Arrays.equals(before, after)) {
            return false;
        }
        if (!checkOnly) {
            AtomicFiles.writeIfChanged(file, after);
        }
        return true;
    }

    private Cell cleanCell(Cell cell) {
        Cell cleaned = cell.withMetadata(keepOnly(cell.metadata(), options.cellMetadata()));
        if (!cell.isCode()) {
            return cleaned;
        }
        if (cell.json().has("execution_count")) {
            cleaned = cleaned.with("execution_count", JsonNull.NULL);
        }
        JsonArray outputs = cell.json().array("outputs");
        if (outputs != null) {
            List<Json> kept = new ArrayList<>();
            if (!options.clearOutputs()) {
                for (JsonObject output : cell.outputs()) {
                    kept.add(cleanOutput(output));
                }
            }
            cleaned = cleaned.with("outputs", new JsonArray(kept));
        }
        return cleaned;
    }

    private static JsonObject cleanOutput(JsonObject output) {
        if (output.has("execution_count")) {
            output = output.with("execution_count", JsonNull.NULL);
        }
        JsonObject metadata = output.object("metadata");
        if (metadata != null) {
            Map<String, Json> perMime = new LinkedHashMap<>();
            metadata.members().forEach((key, value) -> {
                if (key.indexOf('/') > 0) {
                    perMime.put(key, value);
                }
            });
            if (perMime.size() != metadata.members().size()) {
                output = output.with("metadata", new JsonObject(perMime));
            }
        }
        return output;
    }

    private JsonObject cleanNotebookMetadata(JsonObject metadata) {
        JsonObject kept = keepOnly(metadata, options.notebookMetadata());
        JsonObject languageInfo = kept.object("language_info");
        if (languageInfo != null) {
            Json name = languageInfo.get("name");
            kept = kept.with("language_info", name == null ? JsonObject.EMPTY : JsonObject.EMPTY.with("name", name));
        }
        return kept;
    }

    private static JsonObject keepOnly(JsonObject object, Set<String> keys) {
        Map<String, Json> kept = new LinkedHashMap<>();
        object.members().forEach((key, value) -> {
            if (keys.contains(key)) {
                kept.put(key, value);
            }
        });
        return kept.size() == object.members().size() ? object : new JsonObject(kept);
    }

    /** An 8-hex-digit id from the cell's position and source, unique in the notebook. */
    private static String newId(int index, String source, Set<String> used) {
        byte[] seed = (index + "\n" + source).getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; ; attempt++) {
            String id = Sha256.hex(seed, new byte[] {(byte) attempt}).substring(0, 8);
            if (used.add(id)) {
                return id;
            }
        }
    }
}
