package dev.nbexport.run.session;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The outputs of the cell being evaluated, in order. Writes to one stream with nothing else between them
 * become one {@code stream} output, as nbconvert stores them (the kernel sends one message per flush).
 */
final class CellOutputs {

    private final List<JsonObject> outputs = new ArrayList<>();
    private final OutputListener listener;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private String pendingStream;

    CellOutputs(OutputListener listener) {
        this.listener = listener;
    }

    synchronized void write(String stream, byte[] bytes, int offset, int length) {
        if (!stream.equals(pendingStream)) {
            endStream();
            pendingStream = stream;
        }
        pending.write(bytes, offset, length);
    }

    synchronized void add(JsonObject output) {
        endStream();
        outputs.add(output);
        listener.output(output);
    }

    synchronized List<JsonObject> finish() {
        endStream();
        return List.copyOf(outputs);
    }

    private void endStream() {
        if (pendingStream != null && pending.size() > 0) {
            JsonObject output = JsonObject.EMPTY
                    .with("name", Json.string(pendingStream))
                    .with("output_type", Json.string("stream"))
                    .with("text", Json.string(pending.toString(StandardCharsets.UTF_8)));
            outputs.add(output);
            listener.output(output);
        }
        pending.reset();
        pendingStream = null;
    }
}
