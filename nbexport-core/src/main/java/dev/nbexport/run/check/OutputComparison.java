package dev.nbexport.run.check;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares a cell's stored outputs with fresh ones, as nbval does: {@code text/plain}, streams,
 * {@code text/html} (whitespace between tags ignored) and errors' {@code ename}/{@code evalue} (not the
 * traceback); images only when asked. Both sides are normalised ({@link Normalisers}) first, and adjacent
 * writes to one stream count as one output. A difference is a unified diff of stored against fresh.
 */
public final class OutputComparison {

    private static final List<String> TEXT_MIME = List.of("text/plain", "text/html");

    private final Normalisers normalisers;
    private final boolean images;

    public OutputComparison(Normalisers normalisers, boolean images) {
        this.normalisers = normalisers;
        this.images = images;
    }

    /** The unified diff of stored against fresh, or empty when they agree. */
    public Optional<String> diff(List<JsonObject> stored, List<JsonObject> fresh) {
        List<String> a = lines(stored);
        List<String> b = lines(fresh);
        if (a.equals(b)) {
            return Optional.empty();
        }
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("stored", "fresh", a, DiffUtils.diff(a, b), 2);
        return Optional.of(String.join("\n", diff));
    }

    /** What is compared of {@code outputs}, as lines: a header per output, then its normalised content. */
    List<String> lines(List<JsonObject> outputs) {
        List<String> lines = new ArrayList<>();
        String streamName = null;
        StringBuilder stream = new StringBuilder();
        for (JsonObject o : outputs) {
            String type = o.string("output_type");
            if ("stream".equals(type) && o.string("name") != null && o.string("name").equals(streamName)) {
                stream.append(text(o.get("text")));
                continue;
            }
            if (streamName != null) {
                add(lines, "[" + streamName + "]", stream.toString());
                streamName = null;
                stream.setLength(0);
            }
            switch (type == null ? "" : type) {
                case "stream" -> {
                    streamName = o.string("name");
                    stream.append(text(o.get("text")));
                }
                case "execute_result", "display_data" -> {
                    JsonObject data = o.object("data") == null ? JsonObject.EMPTY : o.object("data");
                    for (String mime : new TreeSet<>(data.members().keySet())) {
                        if (TEXT_MIME.contains(mime)) {
                            String value = text(data.get(mime));
                            add(lines, "[" + type + " " + mime + "]", mime.equals("text/html") ? html(value) : value);
                        } else if (images && mime.startsWith("image/")) {
                            add(lines, "[" + type + " " + mime + "]", text(data.get(mime)).replaceAll("\\s", ""));
                        }
                    }
                }
                case "error" -> add(lines, "[error]", o.string("ename") + ": " + o.string("evalue"));
                default -> { } // unknown kinds of output are not compared
            }
        }
        if (streamName != null) {
            add(lines, "[" + streamName + "]", stream.toString());
        }
        return lines;
    }

    private void add(List<String> lines, String header, String content) {
        lines.add(header);
        normalisers.apply(content).lines().forEach(lines::add);
    }

    private static String text(Json value) {
        if (value instanceof Json.JsonString s) {
            return s.value();
        }
        if (value instanceof Json.JsonArray a) {
            StringBuilder out = new StringBuilder();
            a.elements().forEach(e -> out.append(e instanceof Json.JsonString s ? s.value() : ""));
            return out.toString();
        }
        return value == null ? "" : value.toString();
    }

    /** HTML with runs of whitespace as one space and none between tags, one tag per line for a readable diff. */
    static String html(String html) {
        return html.strip().replaceAll("\\s+", " ").replaceAll(">\\s+<", "><").replace("><", ">\n<");
    }
}
