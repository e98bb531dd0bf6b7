package dev.nbexport.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonBoolean;
import dev.nbexport.json.Json.JsonNull;
import dev.nbexport.json.Json.JsonNumber;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.Json.JsonString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads JSON text into immutable {@link Json} values with Jackson's streaming parser.
 *
 * <p>Accepts what Python's {@code json} module accepts when it reads a notebook ({@code NaN} and
 * {@code Infinity} included), keeps the exact text of numbers, and has no size limits beyond memory:
 * notebooks carry multi-megabyte base64 images in single strings.
 */
public final class JsonParser {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxNestingDepth(10_000)
                    .maxDocumentLength(-1)
                    .build())
            .build();

    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]");

    private JsonParser() {}

    /** A JSON text that could not be read, with the 1-based line and column of the problem. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** Parses one JSON document; trailing content after it is an error. */
    public static Json parse(byte[] utf8) throws SyntaxError {
        try (com.fasterxml.jackson.core.JsonParser parser = FACTORY.createParser(utf8)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxError("the file is empty", 1, 1);
            }
            Json value = read(parser, first);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new SyntaxError("unexpected content after the end of the JSON document",
                        at.getLineNr(), at.getColumnNr());
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            throw new SyntaxError(readable(e.getOriginalMessage()), line, column);
        } catch (IOException e) {
            // reading from a byte array does no I/O; anything here is a malformed document
            throw new SyntaxError(e.getMessage(), 0, 0);
        }
    }

    /**
     * Reads the one document of a parser of another Jackson format (YAML's, for parameters files) into the
     * same values; its scalars come typed as that format types them.
     */
    public static Json read(com.fasterxml.jackson.core.JsonParser parser) throws SyntaxError {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxError("the file is empty", 1, 1);
            }
            return read(parser, first);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SyntaxError(readable(e.getOriginalMessage()), at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        } catch (IOException e) {
            throw new SyntaxError(e.getMessage(), 0, 0);
        }
    }

    /** Jackson names other places as {@code [Source: …; line: 2, column: 11]}; users read {@code line 2:11}. */
    private static String readable(String message) {
        return SOURCE_LOCATION.matcher(message).replaceAll("line $1:$2");
    }

    private static Json read(com.fasterxml.jackson.core.JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Json> members = new LinkedHashMap<>();
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    members.put(key, read(parser, parser.nextToken()));
                }
                if (next != JsonToken.END_OBJECT) {
                    throw new IllegalStateException("parser returned " + next + " inside an object");
                }
                return new JsonObject(members);
            }
            case START_ARRAY: {
                List<Json> elements = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    elements.add(read(parser, next));
                }
                return new JsonArray(elements);
            }
            case VALUE_STRING:
                return new JsonString(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonNumber(parser.getText());
            case VALUE_TRUE:
                return JsonBoolean.TRUE;
            case VALUE_FALSE:
                return JsonBoolean.FALSE;
            case VALUE_NULL:
                return JsonNull.NULL;
            default:
                throw new IllegalStateException("unexpected token " + token);
        }
    }
}
