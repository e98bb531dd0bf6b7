package dev.nbexport.diff;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.Json.JsonString;
import dev.nbexport.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * One-line summaries of the values in a notebook, for the text view: short text as it is, long or
 * multi-line text as its first line with its size and hash, binary data as its size and hash, JSON
 * structures as {@code key.path: value} lines. No JSON punctuation, no base64.
 *
 * <p>Every summary of a long value carries its CRC-32 as 8 hex digits, so that any change to it
 * changes the summary (and shows in a diff), while the line stays short. A CRC, not a SHA-256: it
 * tells versions apart just as well for reading a diff, and git starts the diff driver once per
 * notebook and side of every diff, where the JDK's security providers alone took about 0.1 s to
 * start (docs/benchmarks.md).
 */
final class ValueSummary {

    /** Text up to this many characters on one line is shown whole. */
    static final int SHORT_TEXT = 100;
    /** How much of the first line of a long text is shown. */
    static final int FIRST_LINE = 60;
    /** A metadata key whose flattened value takes more lines than this is summarised on one. */
    static final int MAX_LINES_PER_KEY = 20;

    private ValueSummary() {}

    /** {@code hello} or {@code first line... (12 lines, 340 B, crc 1a2b3c4d)}. */
    static String text(String value) {
        String text = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        int newline = text.indexOf('\n');
        if (newline < 0 && text.length() <= SHORT_TEXT) {
            return printable(text);
        }
        String first = printable(newline < 0 ? text : text.substring(0, newline));
        if (first.length() > FIRST_LINE) {
            first = first.substring(0, Character.isHighSurrogate(first.charAt(FIRST_LINE - 1)) ? FIRST_LINE - 1 : FIRST_LINE);
        }
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return first + "... (" + (lines == 1 ? "1 line" : lines + " lines") + ", " + size(bytes.length)
                + ", crc " + crc(bytes) + ")";
    }

    /**
     * {@code 12.3 KB crc 1a2b3c4d}: the decoded size of base64 data and the CRC of its text without line
     * breaks (the same for the same data however it is wrapped); {@code null} when the text is not
     * base64. One pass over the text, no decoding: a cold JVM runs this interpreted, over megabytes of plots.
     */
    static String binary(String base64) {
        byte[] text = base64.getBytes(StandardCharsets.ISO_8859_1); // a non-Latin-1 character becomes '?', not base64
        CRC32 crc = new CRC32();
        int start = 0;
        int chars = 0;
        int padding = 0;
        for (int i = 0; i <= text.length; i++) {
            int c = i == text.length ? '\n' : text[i];
            if (c == '\n' || c == '\r') {
                crc.update(text, start, i - start);
                start = i + 1;
                continue;
            }
            boolean alphabet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
            if (c == '=') {
                padding++;
            } else if (!alphabet || padding > 0) {
                return null;
            }
            chars++;
        }
        if (chars == 0) {
            return null;
        }
        long bytes = Math.max(0, chars / 4 * 3 + (chars % 4 == 0 ? -padding : chars % 4 - 1));
        return size(bytes) + " crc " + hex(crc.getValue());
    }

    /** Whether the value of {@code mime} in a mime bundle is text (nbformat stores the others as base64 or JSON). */
    static boolean isText(String mime) {
        return mime.startsWith("text/") || mime.equals("application/javascript") || mime.equals("image/svg+xml");
    }

    /** A mime bundle entry: {@code text/plain: hello}, {@code image/png 12.3 KB crc 1a2b3c4d}. */
    static String mimeEntry(String mime, Json value) {
        if (value instanceof JsonString s) {
            String binary = isText(mime) ? null : binary(s.value());
            return binary == null ? mime + ": " + text(s.value()) : mime + " " + binary;
        }
        return mime + " " + structure(value);
    }

    /**
     * The lines of a JSON value under {@code path}, each {@code prefix path: value}: objects are
     * flattened to dotted paths ({@code kernelspec.name: java}) in code point order of their keys, so
     * the lines are the same whatever order the file had.
     */
    static List<String> flatten(String prefix, String path, Json value) {
        List<String> lines = new ArrayList<>();
        flatten(prefix, path, value, lines);
        if (lines.size() > MAX_LINES_PER_KEY) {
            return List.of(prefix + path + ": " + structure(value));
        }
        return lines;
    }

    /** {@link #flatten} of each member of {@code object} but {@code skipped}, in code point order of the keys. */
    static List<String> flattenMembers(String prefix, JsonObject object, Set<String> skipped) {
        List<String> lines = new ArrayList<>();
        for (String key : sortedKeys(object)) {
            if (!skipped.contains(key)) {
                lines.addAll(flatten(prefix, key, object.get(key)));
            }
        }
        return lines;
    }

    private static void flatten(String prefix, String path, Json value, List<String> lines) {
        if (value instanceof JsonObject object && !object.members().isEmpty()) {
            for (String key : sortedKeys(object)) {
                flatten(prefix, path.isEmpty() ? key : path + "." + key, object.get(key), lines);
            }
        } else {
            lines.add(prefix + path + ": " + inline(value));
        }
    }

    /** The keys of {@code object} in code point order, as nbformat writes them. */
    static List<String> sortedKeys(JsonObject object) {
        List<String> keys = new ArrayList<>(object.members().keySet());
        keys.sort(JsonWriter.CODE_POINT_ORDER);
        return keys;
    }

    /** A value on one line: strings unquoted, lists of scalars comma-separated, anything bigger as size and CRC. */
    static String inline(Json value) {
        if (value instanceof JsonString s) {
            return text(s.value());
        } else if (value instanceof JsonObject o) {
            return o.members().isEmpty() ? "(empty)" : structure(value);
        } else if (value instanceof JsonArray a) {
            if (a.elements().isEmpty()) {
                return "(none)";
            }
            List<String> items = new ArrayList<>(a.elements().size());
            for (Json element : a.elements()) {
                if (element instanceof JsonObject || element instanceof JsonArray) {
                    return structure(value);
                }
                items.add(inline(element));
            }
            String joined = String.join(", ", items);
            return joined.length() <= SHORT_TEXT ? joined : structure(value);
        }
        return JsonWriter.write(value); // a number, true, false or null: its JSON text is how it reads
    }

    /** {@code 3 keys, 1.2 KB crc 1a2b3c4d} or {@code 12 items, ...}: a JSON structure by its size and CRC. */
    static String structure(Json value) {
        byte[] bytes = JsonWriter.write(value).getBytes(StandardCharsets.UTF_8);
        String count = value instanceof JsonObject o ? plural(o.members().size(), "key")
                : value instanceof JsonArray a ? plural(a.elements().size(), "item") : "value";
        return count + ", " + size(bytes.length) + " crc " + crc(bytes);
    }

    /** {@code 812 B}, {@code 12.3 KB}, {@code 4.0 MB} (1 KB = 1024 bytes), rounded half up. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        boolean kilo = bytes < 1024 * 1024;
        // tenths by integer arithmetic: String.format loads the formatter and locale data, ~0.1 s cold
        long tenths = (bytes * 10 + (kilo ? 512 : 512 * 1024)) / (kilo ? 1024 : 1024 * 1024);
        return tenths / 10 + "." + tenths % 10 + (kilo ? " KB" : " MB");
    }

    /** The CRC-32 of {@code bytes}, as 8 hex digits. */
    static String crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return hex(crc.getValue());
    }

    private static String hex(long crc) {
        String hex = Long.toHexString(crc);
        return "0".repeat(8 - hex.length()) + hex;
    }

    static String crc(String text) {
        return crc(text.getBytes(StandardCharsets.UTF_8));
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * {@code text} without terminal control: ANSI escape sequences (kernels colour tracebacks with them)
     * are dropped, other control characters but tab become spaces.
     */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 || c == '\t') {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (c == 0x1b && i + 1 < text.length() && text.charAt(i + 1) == '[') {
                int end = i + 2;
                while (end < text.length() && !Character.isLetter(text.charAt(end))) {
                    end++;
                }
                i = end; // skips the final letter too
            } else {
                out.append(' ');
            }
        }
        return out == null ? text : out.toString();
    }
}
