package dev.nbexport.run.worker;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonParser;
import dev.nbexport.json.JsonWriter;
import dev.nbexport.run.session.CellError;
import dev.nbexport.run.session.CellResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The worker protocol: one JSON object per line, each worker line starting with {@link #MARK} so that
 * anything else a notebook manages to write to the worker's standard output is told apart and ignored.
 *
 * <ul>
 *   <li>to the worker: {@code {"run": "/abs/nb.ipynb", "shown": "notebooks/nb.ipynb"}}, and {@code "notebook"}
 *       (its JSON text) to run that notebook instead of the file's (a parameterised copy), {@code "last": true}
 *       when no notebook follows (so the worker starts no session ahead); end of input ends it;
 *   <li>from the worker: {@code ready}; per code cell {@code started} and {@code finished} (its
 *       {@link CellResult}, when it started and how long it took); {@code done} after the notebook, with the non-daemon threads it left
 *       running (then the worker exits); {@code unreadable} when the notebook cannot be read.
 * </ul>
 */
public final class WorkerMessages {

    /** Starts every protocol line the worker writes. */
    public static final String MARK = "\u0001nbexport-worker ";

    private WorkerMessages() {}

    public static String line(JsonObject message) {
        StringBuilder out = new StringBuilder(MARK);
        writeCompact(message, out);
        return out.toString();
    }

    /** The message on {@code line}, or empty when the line is not a protocol line. */
    public static Optional<JsonObject> parse(String line) {
        int at = line.indexOf(MARK);
        if (at < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of((JsonObject) JsonParser.parse(line.substring(at + MARK.length()).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonParser.SyntaxError | ClassCastException e) {
            return Optional.empty();
        }
    }

    static JsonObject event(String name) {
        return JsonObject.EMPTY.with("event", Json.string(name));
    }

    static JsonObject finished(NotebookExecution.CellRun run) {
        JsonObject m = event("finished").with("index", Json.JsonNumber.of(run.index()))
                .with("nanos", Json.JsonNumber.of(run.nanos()));
        CellResult r = run.result();
        if (r == null) {
            return m.with("evaluated", Json.JsonBoolean.FALSE);
        }
        m = m.with("evaluated", Json.JsonBoolean.TRUE).with("started", Json.string(run.started().toString()))
                .with("count", Json.JsonNumber.of(r.executionCount()))
                .with("outputs", new JsonArray(new ArrayList<>(r.outputs())));
        if (r.error().isPresent()) {
            CellError e = r.error().get();
            m = m.with("error", JsonObject.EMPTY.with("ename", Json.string(e.ename())).with("evalue", Json.string(e.evalue()))
                    .with("summary", Json.string(e.summary())).with("line", Json.JsonNumber.of(e.line()))
                    .with("stack", strings(e.stack())).with("hint", Json.string(e.hint())));
        }
        return m;
    }

    /** The {@link CellError} of a {@code finished} message ({@code traceback} is in its error output). */
    public static CellError error(JsonObject error, List<String> traceback) {
        return new CellError(error.string("ename"), error.string("evalue"), traceback, error.string("summary"),
                Integer.parseInt(((Json.JsonNumber) error.get("line")).text()), texts(error.array("stack")),
                error.string("hint"));
    }

    public static JsonArray strings(List<String> values) {
        List<Json> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(Json.string(v)));
        return new JsonArray(out);
    }

    public static List<String> texts(JsonArray array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (Json j : array.elements()) {
                if (j instanceof Json.JsonString s) {
                    out.add(s.value());
                }
            }
        }
        return out;
    }

    /** JSON on one line (the notebook writer indents; the protocol must not). */
    private static void writeCompact(Json value, StringBuilder out) {
        if (value instanceof JsonObject o) {
            out.append('{');
            boolean first = true;
            for (var e : o.members().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                JsonWriter.writeString(e.getKey(), out);
                out.append(':');
                writeCompact(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof JsonArray a) {
            out.append('[');
            for (int i = 0; i < a.elements().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeCompact(a.elements().get(i), out);
            }
            out.append(']');
        } else if (value instanceof Json.JsonString s) {
            JsonWriter.writeString(s.value(), out);
        } else if (value instanceof Json.JsonNumber n) {
            out.append(n.text());
        } else if (value instanceof Json.JsonBoolean b) {
            out.append(b == Json.JsonBoolean.TRUE ? "true" : "false");
        } else {
            out.append("null");
        }
    }
}
