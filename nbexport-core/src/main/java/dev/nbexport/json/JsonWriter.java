package dev.nbexport.json;

import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonBoolean;
import dev.nbexport.json.Json.JsonNull;
import dev.nbexport.json.Json.JsonNumber;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.Json.JsonString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link Json} exactly as Python's
 * {@code json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False, separators=(",", ": "))}
 * does, which is how nbformat writes notebooks.
 *
 * <p>That means: one space of indent per level, {@code []} and {@code {}} for empty containers, keys
 * sorted by Unicode code point (not by UTF-16 unit as {@link String#compareTo} would), non-ASCII
 * characters written as they are, and only {@code "}, {@code \}, and the control characters below
 * U+0020 escaped ({@code \n}, {@code \r}, {@code \t}, {@code \b}, {@code \f} by name, the others as
 * lower-case hex escapes such as {@code &#92;u001b}). Numbers are written with the text they were read with.
 */
public final class JsonWriter {

    /** Orders strings by Unicode code point, as Python compares {@code str}. */
    public static final Comparator<String> CODE_POINT_ORDER = JsonWriter::compareByCodePoint;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {}

    /** The JSON text of {@code value}, without a trailing newline. */
    public static String write(Json value) {
        StringBuilder out = new StringBuilder(4096);
        write(value, out, 0);
        return out.toString();
    }

    /** Appends the JSON text of {@code value} at nesting {@code depth}. */
    public static void write(Json value, StringBuilder out, int depth) {
        if (value instanceof JsonString s) {
            writeString(s.value(), out);
        } else if (value instanceof JsonObject o) {
            writeObject(o, out, depth);
        } else if (value instanceof JsonArray a) {
            writeArray(a.elements(), out, depth);
        } else if (value instanceof JsonNumber n) {
            out.append(n.text());
        } else if (value instanceof JsonBoolean b) {
            out.append(b == JsonBoolean.TRUE ? "true" : "false");
        } else if (value instanceof JsonNull) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value);
        }
    }

    private static void writeObject(JsonObject object, StringBuilder out, int depth) {
        Map<String, Json> members = object.members();
        if (members.isEmpty()) {
            out.append("{}");
            return;
        }
        List<String> keys = new ArrayList<>(members.keySet());
        keys.sort(CODE_POINT_ORDER);
        out.append('{');
        boolean first = true;
        for (String key : keys) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(out, depth + 1);
            writeString(key, out);
            out.append(": ");
            write(members.get(key), out, depth + 1);
        }
        newline(out, depth);
        out.append('}');
    }

    private static void writeArray(List<Json> elements, StringBuilder out, int depth) {
        if (elements.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Json element : elements) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(out, depth + 1);
            write(element, out, depth + 1);
        }
        newline(out, depth);
        out.append(']');
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append(' ');
        }
    }

    /** Appends {@code s} as a JSON string literal, escaped as Python does with ensure_ascii off. */
    public static void writeString(String s, StringBuilder out) {
        out.append('"');
        int n = s.length();
        int start = 0; // first character not yet copied
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a pair: one code point beyond the BMP, written as it is
                continue;
            }
            // a lone surrogate cannot be encoded as UTF-8; it is kept as an escape rather than lost
            out.append(s, start, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                        .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
            start = i + 1;
        }
        out.append(s, start, n);
        out.append('"');
    }

    private static int compareByCodePoint(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointRank(x) - codePointRank(y);
            }
        }
        return a.length() - b.length();
    }

    /**
     * Lifts surrogates above U+E000..U+FFFF so that UTF-16 units compare in code point order: a
     * surrogate starts a code point beyond the BMP, which Python sorts after every BMP character.
     */
    private static int codePointRank(char c) {
        if (c >= 0xD800 && c <= 0xDFFF) {
            return c + 0x2000;
        }
        return c >= 0xE000 ? c - 0x800 : c;
    }
}
