package dev.nbexport.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable JSON value, as read from a notebook.
 *
 * <p>Numbers keep the exact text they had in the file ({@code 1e-05} stays {@code 1e-05}), objects
 * keep their key order as read (the writer sorts keys, as nbformat does), so a notebook read and
 * written back is byte-identical.
 */
public sealed interface Json {

    /** A JSON object; keys in the order read. */
    record JsonObject(Map<String, Json> members) implements Json {

        public static final JsonObject EMPTY = new JsonObject(Map.of());

        public JsonObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public Json get(String key) {
            return members.get(key);
        }

        public boolean has(String key) {
            return members.containsKey(key);
        }

        /** The string member {@code key}, or {@code null} when absent or not a string. */
        public String string(String key) {
            return members.get(key) instanceof JsonString s ? s.value() : null;
        }

        /** The object member {@code key}, or {@code null} when absent or not an object. */
        public JsonObject object(String key) {
            return members.get(key) instanceof JsonObject o ? o : null;
        }

        /** The array member {@code key}, or {@code null} when absent or not an array. */
        public JsonArray array(String key) {
            return members.get(key) instanceof JsonArray a ? a : null;
        }

        /** A copy with {@code key} set to {@code value} (added at the end when new). */
        public JsonObject with(String key, Json value) {
            Objects.requireNonNull(value, "value");
            LinkedHashMap<String, Json> copy = new LinkedHashMap<>(members);
            copy.put(key, value);
            return new JsonObject(copy);
        }

        /** A copy without {@code key}; this object when it has no such key. */
        public JsonObject without(String key) {
            if (!members.containsKey(key)) {
                return this;
            }
            LinkedHashMap<String, Json> copy = new LinkedHashMap<>(members);
            copy.remove(key);
            return new JsonObject(copy);
        }
    }

    /** A JSON array. */
    record JsonArray(List<Json> elements) implements Json {

        public static final JsonArray EMPTY = new JsonArray(List.of());

        public JsonArray {
            elements = List.copyOf(elements);
        }
    }

    /** A JSON string. */
    record JsonString(String value) implements Json {
        public JsonString {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A JSON number, as the exact text it had in the document. */
    record JsonNumber(String text) implements Json {
        public JsonNumber {
            Objects.requireNonNull(text, "text");
        }

        public static JsonNumber of(long value) {
            return new JsonNumber(Long.toString(value));
        }
    }

    /** {@code true} or {@code false}. */
    enum JsonBoolean implements Json {
        TRUE, FALSE;

        public static JsonBoolean of(boolean value) {
            return value ? TRUE : FALSE;
        }
    }

    /** {@code null}. */
    enum JsonNull implements Json {
        NULL
    }

    static JsonString string(String value) {
        return new JsonString(value);
    }
}
