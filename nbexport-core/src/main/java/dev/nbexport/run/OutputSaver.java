package dev.nbexport.run;

import dev.nbexport.io.Sha256;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.run.worker.WorkerRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * {@code -Dnbexport.test.save}: stores a clean top-to-bottom run's outputs and execution counts in the
 * notebook, and in each evaluated cell's {@code metadata.nbexport.source_sha256} the hash of the source that
 * produced them (so the docs can tell outputs whose cell changed since). Nothing else in the notebook changes;
 * it is written with nbformat's exact formatting, atomically, and only when different.
 */
final class OutputSaver {

    /** The cell metadata key under {@code nbexport} that holds the hash of the source of the stored outputs. */
    static final String SOURCE_HASH = "source_sha256";

    private OutputSaver() {}

    /** @return whether the notebook file changed */
    static boolean save(Path file, Notebook notebook, WorkerRun run) {
        Notebook updated = notebook;
        for (WorkerRun.Cell fresh : run.cells()) {
            if (!fresh.evaluated()) {
                continue;
            }
            Cell cell = updated.cells().get(fresh.index());
            JsonObject metadata = cell.metadata();
            JsonObject ours = metadata.object("nbexport") == null ? JsonObject.EMPTY : metadata.object("nbexport");
            ours = ours.with(SOURCE_HASH, Json.string(sourceHash(cell.source())));
            updated = updated.withCell(fresh.index(), cell
                    .with("outputs", new JsonArray(new ArrayList<>(fresh.outputs())))
                    .with("execution_count", Json.JsonNumber.of(fresh.executionCount()))
                    .withMetadata(metadata.with("nbexport", ours)));
        }
        return NotebookWriter.write(updated, file);
    }

    /** The SHA-256 of a cell's source, as recorded when its outputs are saved. */
    static String sourceHash(String source) {
        return Sha256.hex(source.getBytes(StandardCharsets.UTF_8));
    }
}
