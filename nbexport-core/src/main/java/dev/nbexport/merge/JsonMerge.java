package dev.nbexport.merge;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Three-way merge of JSON objects key by key, recursing into objects changed on both sides. A key
 * changed differently on both sides is a conflict: it takes the preferred side (ours when there is
 * none) and its dotted path is reported.
 */
final class JsonMerge {

    private JsonMerge() {}

    /**
     * Merges {@code ours} and {@code theirs}, both derived from {@code base}.
     *
     * @param path dotted path of these objects, for reports ({@code ""} at the top)
     * @param conflicts receives the path of each conflicting key
     */
    static JsonObject merge(JsonObject base, JsonObject ours, JsonObject theirs, Side prefer, String path,
            List<String> conflicts) {
        if (ours.equals(theirs) || base.equals(theirs)) {
            return ours;
        }
        if (base.equals(ours)) {
            return theirs;
        }
        Set<String> keys = new LinkedHashSet<>(ours.members().keySet());
        keys.addAll(theirs.members().keySet());
        keys.addAll(base.members().keySet());
        Map<String, Json> merged = new LinkedHashMap<>();
        for (String key : keys) {
            Json value = mergeValue(base.get(key), ours.get(key), theirs.get(key), prefer,
                    path.isEmpty() ? key : path + "." + key, conflicts);
            if (value != null) {
                merged.put(key, value);
            }
        }
        return new JsonObject(merged);
    }

    /** Merges one value; {@code null} stands for an absent key, in and out. */
    static Json mergeValue(Json base, Json ours, Json theirs, Side prefer, String path, List<String> conflicts) {
        if (Objects.equals(ours, theirs) || Objects.equals(base, theirs)) {
            return ours;
        }
        if (Objects.equals(base, ours)) {
            return theirs;
        }
        if (ours instanceof JsonObject o && theirs instanceof JsonObject t
                && (base == null || base instanceof JsonObject)) {
            return merge(base == null ? JsonObject.EMPTY : (JsonObject) base, o, t, prefer, path, conflicts);
        }
        conflicts.add(path);
        return prefer == Side.THEIRS ? theirs : ours;
    }
}
