package dev.nbexport.docs.output;

import dev.nbexport.io.Sha256;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import java.nio.charset.StandardCharsets;

/**
 * Whether a cell's stored outputs came from an earlier version of its source.
 *
 * <p>The notebook runner records, in the cell's metadata, the SHA-256 of the source it ran:
 * {@code metadata.nbexport.source_sha256} (lower-case hex of the UTF-8 source). A cell whose source
 * no longer has that hash shows its outputs marked stale. Cells without the record (run in Jupyter,
 * not by nbexport) are never marked: nothing says they are stale.
 */
public final class StaleOutputs {

    private StaleOutputs() {}

    /** The key, under cell metadata {@code nbexport}, of the hash of the source that produced the outputs. */
    public static final String SOURCE_HASH_KEY = "source_sha256";

    /** True when the cell records the hash of the source it ran and its source has changed since. */
    public static boolean isStale(Cell cell) {
        JsonObject nbexport = cell.metadata().object("nbexport");
        String recorded = nbexport == null ? null : nbexport.string(SOURCE_HASH_KEY);
        return recorded != null && !cell.outputs().isEmpty() && !recorded.equalsIgnoreCase(sourceHash(cell.source()));
    }

    /** The hash the runner records for {@code source}. */
    public static String sourceHash(String source) {
        return Sha256.hex(source.getBytes(StandardCharsets.UTF_8));
    }
}
