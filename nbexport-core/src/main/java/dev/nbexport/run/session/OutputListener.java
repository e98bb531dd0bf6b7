package dev.nbexport.run.session;

import dev.nbexport.json.Json.JsonObject;

/**
 * Told about each output of a cell as soon as it is complete, before {@link NotebookSession#evaluate}
 * returns: a kernel forwards them to the front end while the cell still runs.
 */
@FunctionalInterface
public interface OutputListener {

    /** Ignores every output. */
    OutputListener NONE = output -> { };

    /** {@code output} is an nbformat output object; a stream output is told once it is complete. */
    void output(JsonObject output);
}
