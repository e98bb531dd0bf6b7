package dev.nbexport.report.parameters;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.nbexport.NbexportException;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonParser;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parameter values as users write them, read into {@link RawValue}s (typing comes later, against the
 * declarations).
 *
 * <p>Text ({@code -Dnbexport.parameters}, one line of a parameters file, a POM value):
 * <pre>
 * n=10, who=Ada Lovelace, rate=0.5          three values; spaces around names and values are dropped
 * who="Lovelace, Ada"                        double quotes keep commas, '=' and spaces; \" and \\ inside
 * title=a\,b                                 a backslash takes the next character as it is (\, \= \\ \[)
 * names=[Ada, Grace, "Hopper, G."]           a list (for List and Set parameters)
 * </pre>
 * The first {@code =} of a pair ends the name, so {@code formula=a=b} gives {@code a=b}.
 *
 * <p>Files: {@code .json}, {@code .yaml} or {@code .yml} hold an object of name to value (one run) or an
 * array of such objects (one run each); values are strings, numbers, booleans or arrays of those. Any other
 * file has one run per line in the text form; blank lines and lines starting with {@code #} are skipped.
 */
public final class ParameterInput {

    private static final YAMLFactory YAML = new YAMLFactory();

    private ParameterInput() {}

    /** The values of one text such as {@code n=10,who=Ada Lovelace}, in order. */
    public static Map<String, RawValue> parse(String text, String where) {
        return new Cursor(text, where).pairs();
    }

    /** One value in the text form ({@code Ada}, {@code "a, b"}, {@code [a, b]}), as a POM's {@code <parameters>} give them. */
    public static RawValue value(String text, String where) {
        Cursor c = new Cursor(text, where);
        RawValue v = c.value(false);
        c.skipSpace();
        if (!c.atEnd()) {
            throw c.error("unexpected `" + c.rest() + "` after the value");
        }
        return v;
    }

    /** The runs a parameters file holds: one map per run. */
    public static List<Map<String, RawValue>> readFile(Path file, String shown) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new NbexportException("cannot read the parameters file " + shown + ": " + e.getMessage(),
                    "Check -Dnbexport.parametersFile (or <parametersFile>).");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml")) {
            Json json = structured(bytes, shown, name.endsWith(".json"));
            List<Map<String, RawValue>> runs = new ArrayList<>();
            if (json instanceof JsonObject o) {
                runs.add(fromJson(o, shown, ""));
            } else if (json instanceof JsonArray a && !a.elements().isEmpty() && a.elements().stream().allMatch(j -> j instanceof JsonObject)) {
                for (int i = 0; i < a.elements().size(); i++) {
                    runs.add(fromJson((JsonObject) a.elements().get(i), shown, " (entry " + (i + 1) + ")"));
                }
            } else {
                throw new NbexportException(shown + " holds neither parameter values nor a list of runs",
                        "Write an object of name: value (one run), or a list of such objects (one run each).");
            }
            return runs;
        }
        List<Map<String, RawValue>> runs = new ArrayList<>();
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                runs.add(parse(line, shown + ", line " + (i + 1)));
            }
        }
        if (runs.isEmpty()) {
            throw new NbexportException(shown + " has no runs", "Write one run per line, e.g. `n=10, who=Ada`.");
        }
        return runs;
    }

    private static Json structured(byte[] bytes, String shown, boolean json) {
        try {
            if (json) {
                return JsonParser.parse(bytes);
            }
            try (com.fasterxml.jackson.core.JsonParser yaml = YAML.createParser(bytes)) {
                return JsonParser.read(yaml);
            }
        } catch (JsonParser.SyntaxError e) {
            throw new NbexportException(new Problem(dev.nbexport.problem.Severity.ERROR, Location.file(shown, Math.max(1, e.line())),
                    "is not valid " + (json ? "JSON" : "YAML") + ": " + e.getMessage(), "Fix the file.", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, RawValue> fromJson(JsonObject o, String shown, String entry) {
        Map<String, RawValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, Json> e : o.members().entrySet()) {
            Json v = e.getValue();
            if (v instanceof JsonArray a) {
                List<String> items = new ArrayList<>();
                for (Json item : a.elements()) {
                    items.add(scalar(item, shown + entry, e.getKey()));
                }
                out.put(e.getKey(), new RawValue.Items(items, "[" + String.join(", ", items) + "]"));
            } else {
                out.put(e.getKey(), new RawValue.Text(scalar(v, shown + entry, e.getKey())));
            }
        }
        return out;
    }

    private static String scalar(Json v, String where, String name) {
        if (v instanceof Json.JsonString s) {
            return s.value();
        } else if (v instanceof Json.JsonNumber n) {
            return n.text();
        } else if (v instanceof Json.JsonBoolean b) {
            return b == Json.JsonBoolean.TRUE ? "true" : "false";
        }
        throw new NbexportException(where + ": the value of `" + name + "` is " + (v instanceof Json.JsonNull ? "null" : "an object or a nested list"),
                "Give a string, a number, a boolean or a list of those (nbexport:run gives parameters no null values).");
    }

    /** A single pass over the text form. */
    private static final class Cursor {
        private final String text;
        private final String where;
        private int at;

        Cursor(String text, String where) {
            this.text = text;
            this.where = where;
        }

        Map<String, RawValue> pairs() {
            Map<String, RawValue> out = new LinkedHashMap<>();
            skipSpace();
            if (atEnd()) {
                return out;
            }
            while (true) {
                int eq = text.indexOf('=', at);
                int comma = text.indexOf(',', at);
                if (eq < 0 || comma >= 0 && comma < eq) {
                    throw error("`" + text.substring(at, comma < 0 ? text.length() : comma).strip() + "` has no `=`: write name=value");
                }
                String name = text.substring(at, eq).strip();
                if (name.isEmpty()) {
                    throw error("a value has no name: write name=value");
                }
                at = eq + 1;
                RawValue v = value(true);
                if (out.put(name, v) != null) {
                    throw error("`" + name + "` is given twice");
                }
                skipSpace();
                if (atEnd()) {
                    return out;
                }
                if (text.charAt(at) != ',') {
                    throw error("unexpected `" + rest() + "` after the value of `" + name + "`");
                }
                at++;
                skipSpace();
                if (atEnd()) {
                    return out; // a trailing comma
                }
            }
        }

        /** @param inPairs whether a top-level comma ends the value */
        RawValue value(boolean inPairs) {
            skipSpace();
            if (!atEnd() && text.charAt(at) == '[') {
                int start = at;
                at++;
                List<String> items = new ArrayList<>();
                skipSpace();
                if (!atEnd() && text.charAt(at) == ']') {
                    at++;
                    return new RawValue.Items(items, text.substring(start, at));
                }
                while (true) {
                    items.add(item(",]"));
                    skipSpace();
                    if (atEnd()) {
                        throw error("the list `" + text.substring(start) + "` has no closing `]`");
                    }
                    char c = text.charAt(at++);
                    if (c == ']') {
                        return new RawValue.Items(items, text.substring(start, at));
                    }
                }
            }
            return new RawValue.Text(item(inPairs ? "," : ""));
        }

        /** A quoted or plain value, up to one of {@code stops} outside quotes. */
        private String item(String stops) {
            skipSpace();
            StringBuilder out = new StringBuilder();
            if (!atEnd() && text.charAt(at) == '"') {
                int start = at++;
                while (true) {
                    if (atEnd()) {
                        throw error("the quoted value " + text.substring(start) + " has no closing `\"`");
                    }
                    char c = text.charAt(at++);
                    if (c == '"') {
                        return out.toString();
                    }
                    if (c == '\\' && !atEnd()) {
                        c = text.charAt(at++);
                    }
                    out.append(c);
                }
            }
            int lastKept = 0;
            while (!atEnd() && stops.indexOf(text.charAt(at)) < 0) {
                char c = text.charAt(at++);
                if (c == '\\' && !atEnd()) {
                    out.append(text.charAt(at++));
                    lastKept = out.length();
                    continue;
                }
                out.append(c);
                if (!Character.isWhitespace(c)) {
                    lastKept = out.length();
                }
            }
            return out.substring(0, lastKept);
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean atEnd() {
            return at >= text.length();
        }

        String rest() {
            return text.substring(at);
        }

        NbexportException error(String message) {
            return new NbexportException(where + ": " + message + " (in `" + text + "`)",
                    "Write name=value pairs separated by commas: n=10, who=Ada Lovelace, names=[a, b];"
                            + " quote a value that holds a comma: who=\"Lovelace, Ada\".");
        }
    }
}
