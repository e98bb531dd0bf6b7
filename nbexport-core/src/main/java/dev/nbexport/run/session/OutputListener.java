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

    /**
     * A piece of {@code stdout} or {@code stderr} text as notebook code flushed it ({@code println} flushes),
     * while the cell runs: a kernel sends each at once, as JJava sends one {@code stream} message per flush. The
     * pieces of one stream output come before it is told to {@link #output}, and add up to its text.
     *
     * @param name {@code stdout} or {@code stderr}
     * @param text the text written since the last piece (never empty, never a split character)
     */
    default void streamed(String name, String text) {}
}
