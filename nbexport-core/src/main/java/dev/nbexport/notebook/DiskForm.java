package dev.nbexport.notebook;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.Json.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two forms of a cell's multi-line strings, with nbformat's rules for moving between them.
 *
 * <p>On disk, nbformat stores multi-line text as a list of lines ("split"); in memory it is one string
 * ("joined"). Reading joins: {@code source}, the {@code text} of outputs, and list-of-string values
 * in mime bundles (outputs' {@code data} and attachments) except JSON mime types. Writing splits:
 * {@code source}, stream {@code text}, and in mime bundles the {@code text/*},
 * {@code application/javascript} and {@code image/svg+xml} values. Following the same rules as
 * nbformat is what makes a notebook written here byte-identical to one written by Jupyter.
 */
final class DiskForm {

    private DiskForm() {}

    /** Joins a cell's line lists, as nbformat's {@code rejoin_lines} does on read. */
    static JsonObject join(JsonObject cell, Problems problems) {
        Map<String, Json> result = new LinkedHashMap<>(cell.members());
        Json source = cell.get("source");
        if (source instanceof JsonArray lines) {
            result.put("source", new JsonString(joinStrings(lines, "source", problems)));
        }
        JsonObject attachments = cell.object("attachments");
        if (attachments != null) {
            result.put("attachments", mapBundles(attachments, b -> joinBundle(b, problems), "attachments", problems));
        }
        JsonArray outputs = cell.array("outputs");
        if ("code".equals(cell.string("cell_type")) && outputs != null) {
            List<Json> joined = new ArrayList<>(outputs.elements().size());
            int index = 0;
            for (Json element : outputs.elements()) {
                String where = "outputs[" + index++ + "]";
                if (!(element instanceof JsonObject output)) {
                    throw problems.at(where, "an output must be a JSON object");
                }
                String type = output.string("output_type");
                if (type == null) {
                    throw problems.at(where, "an output needs an \"output_type\" string");
                }
                if (type.equals("execute_result") || type.equals("display_data")) {
                    JsonObject data = output.object("data");
                    if (data != null) {
                        output = output.with("data", joinBundle(data, problems));
                    }
                } else if (output.get("text") instanceof JsonArray text) {
                    output = output.with("text", new JsonString(joinStrings(text, where + ".text", problems)));
                }
                joined.add(output);
            }
            result.put("outputs", new JsonArray(joined));
        }
        return new JsonObject(result);
    }

    /** Splits a cell's multi-line strings into line lists, as nbformat's {@code split_lines} does on write. */
    static JsonObject split(JsonObject cell) {
        Map<String, Json> result = new LinkedHashMap<>(cell.members());
        if (cell.get("source") instanceof JsonString source) {
            result.put("source", lines(source.value()));
        }
        JsonObject attachments = cell.object("attachments");
        if (attachments != null) {
            result.put("attachments", mapBundles(attachments, DiskForm::splitBundle, "attachments", null));
        }
        JsonArray outputs = cell.array("outputs");
        if ("code".equals(cell.string("cell_type")) && outputs != null) {
            List<Json> split = new ArrayList<>(outputs.elements().size());
            for (Json element : outputs.elements()) {
                JsonObject output = (JsonObject) element;
                String type = output.string("output_type");
                if ("execute_result".equals(type) || "display_data".equals(type)) {
                    JsonObject data = output.object("data");
                    if (data != null) {
                        output = output.with("data", splitBundle(data));
                    }
                } else if ("stream".equals(type) && output.get("text") instanceof JsonString text) {
                    output = output.with("text", lines(text.value()));
                }
                split.add(output);
            }
            result.put("outputs", new JsonArray(split));
        }
        return new JsonObject(result);
    }

    private static JsonObject joinBundle(JsonObject bundle, Problems problems) {
        Map<String, Json> result = null;
        for (Map.Entry<String, Json> entry : bundle.members().entrySet()) {
            if (!isJsonMime(entry.getKey()) && entry.getValue() instanceof JsonArray lines && allStrings(lines)) {
                if (result == null) {
                    result = new LinkedHashMap<>(bundle.members());
                }
                result.put(entry.getKey(), new JsonString(joinStrings(lines, entry.getKey(), problems)));
            }
        }
        return result == null ? bundle : new JsonObject(result);
    }

    private static JsonObject splitBundle(JsonObject bundle) {
        Map<String, Json> result = null;
        for (Map.Entry<String, Json> entry : bundle.members().entrySet()) {
            String mime = entry.getKey();
            boolean textual = mime.startsWith("text/") || mime.equals("application/javascript")
                    || mime.equals("image/svg+xml");
            if (textual && entry.getValue() instanceof JsonString text) {
                if (result == null) {
                    result = new LinkedHashMap<>(bundle.members());
                }
                result.put(mime, lines(text.value()));
            }
        }
        return result == null ? bundle : new JsonObject(result);
    }

    private interface BundleMapper {
        JsonObject apply(JsonObject bundle);
    }

    private static JsonObject mapBundles(JsonObject attachments, BundleMapper mapper, String where, Problems problems) {
        Map<String, Json> result = new LinkedHashMap<>();
        for (Map.Entry<String, Json> entry : attachments.members().entrySet()) {
            if (!(entry.getValue() instanceof JsonObject bundle)) {
                if (problems == null) {
                    result.put(entry.getKey(), entry.getValue());
                    continue;
                }
                throw problems.at(where + "." + entry.getKey(), "an attachment must be a JSON object of mime type to data");
            }
            result.put(entry.getKey(), mapper.apply(bundle));
        }
        return new JsonObject(result);
    }

    private static boolean isJsonMime(String mime) {
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }

    private static boolean allStrings(JsonArray array) {
        for (Json element : array.elements()) {
            if (!(element instanceof JsonString)) {
                return false;
            }
        }
        return true;
    }

    private static String joinStrings(JsonArray lines, String where, Problems problems) {
        StringBuilder joined = new StringBuilder();
        for (Json line : lines.elements()) {
            if (!(line instanceof JsonString s)) {
                throw problems.at(where, "must be a string or a list of strings");
            }
            joined.append(s.value());
        }
        return joined.toString();
    }

    private static JsonArray lines(String text) {
        List<String> pieces = PythonLines.splitKeepEnds(text);
        List<Json> elements = new ArrayList<>(pieces.size());
        for (String piece : pieces) {
            elements.add(new JsonString(piece));
        }
        return new JsonArray(elements);
    }

    /** Makes located errors for one cell of one notebook. */
    interface Problems {
        NotebookFormatException at(String field, String problem);
    }
}
