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
    /** The bytes of {@link #pending} not yet told as a {@link OutputListener#streamed} piece. */
    private final ByteArrayOutputStream untold = new ByteArrayOutputStream();

    CellOutputs(OutputListener listener) {
        this.listener = listener;
    }

    synchronized void write(String stream, byte[] bytes, int offset, int length) {
        if (!stream.equals(pendingStream)) {
            endStream();
            pendingStream = stream;
        }
        pending.write(bytes, offset, length);
        untold.write(bytes, offset, length);
    }

    /** {@code stream} was flushed: the listener gets what was written to it since the last piece. */
    synchronized void flush(String stream) {
        if (stream.equals(pendingStream)) {
            tellPiece(false);
        }
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

    private void tellPiece(boolean all) {
        byte[] bytes = untold.toByteArray();
        int end = all ? bytes.length : bytes.length - incompleteTail(bytes);
        if (end > 0) {
            listener.streamed(pendingStream, new String(bytes, 0, end, StandardCharsets.UTF_8));
            untold.reset();
            untold.write(bytes, end, bytes.length - end);
        }
    }

    /** How many bytes at the end of {@code bytes} begin a UTF-8 character that is not complete yet. */
    private static int incompleteTail(byte[] bytes) {
        for (int back = 1; back <= Math.min(3, bytes.length); back++) {
            int b = bytes[bytes.length - back] & 0xff;
            if ((b & 0xc0) != 0x80) { // the first byte of the last character
                int length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
                return length > back ? back : 0;
            }
        }
        return 0;
    }

    private void endStream() {
        if (pendingStream != null && pending.size() > 0) {
            tellPiece(true);
            JsonObject output = JsonObject.EMPTY
                    .with("name", Json.string(pendingStream))
                    .with("output_type", Json.string("stream"))
                    .with("text", Json.string(pending.toString(StandardCharsets.UTF_8)));
            outputs.add(output);
            listener.output(output);
        }
        pending.reset();
        pendingStream = null;
        untold.reset();
    }
}
