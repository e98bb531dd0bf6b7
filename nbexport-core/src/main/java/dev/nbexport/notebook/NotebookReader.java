package dev.nbexport.notebook;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonNumber;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.Json.JsonString;
import dev.nbexport.json.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads nbformat 4 notebooks (4.0 to 4.5, and later minor versions) as Jupyter and the IJava/JJava
 * kernels write them: {@code source} as a string or a list of lines, with or without cell ids, with any
 * extra fields, which are kept.
 *
 * <p>Anything else is a {@link NotebookFormatException} that names the file, where in it, and what to
 * do: broken JSON (line:column), nbformat 3 and older (how to upgrade), fields of the wrong type and
 * cells without source (cell number, id and field).
 */
public final class NotebookReader {

    private NotebookReader() {}

    /**
     * Reads the notebook at {@code file}; {@code displayName} is how messages name it (for example the
     * path relative to the project).
     */
    public static Notebook read(Path file, String displayName) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NotebookFormatException(displayName, "", "no such file", "Check the path.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + displayName, e);
        }
        return parse(content, displayName);
    }

    /** Reads the notebook at {@code file}, naming it by its path in messages. */
    public static Notebook read(Path file) {
        return read(file, file.toString());
    }

    /** Reads a notebook from its UTF-8 JSON bytes. */
    public static Notebook parse(byte[] utf8, String displayName) {
        Json document;
        try {
            document = JsonParser.parse(utf8);
        } catch (JsonParser.SyntaxError e) {
            String where = e.line() > 0 ? "line " + e.line() + ":" + e.column() : "";
            throw new NotebookFormatException(displayName, where, "not valid JSON: " + e.getMessage(),
                    "The file is damaged. If it has git conflict markers, run `mvn nbexport:fix`;"
                            + " otherwise restore it from version control or re-save it in Jupyter.");
        }
        return fromJson(document, displayName);
    }

    private static Notebook fromJson(Json document, String file) {
        if (!(document instanceof JsonObject top)) {
            throw new NotebookFormatException(file, "", "not a notebook: the JSON document is not an object",
                    "A notebook is a JSON object with \"cells\", \"metadata\", \"nbformat\" and \"nbformat_minor\".");
        }
        int nbformat = integer(top, "nbformat", file);
        if (nbformat < 4) {
            throw new NotebookFormatException(file, "", "nbformat " + nbformat + " notebooks are not supported",
                    "Upgrade it to nbformat 4: `jupyter nbconvert --to notebook --nbformat 4 --inplace " + file
                            + "`, or open and save it in a current Jupyter.");
        }
        if (nbformat > 4) {
            throw new NotebookFormatException(file, "", "nbformat " + nbformat + " is newer than this nbexport reads (4)",
                    "Upgrade nbexport, or save the notebook as nbformat 4.");
        }
        if (top.has("nbformat_minor")) {
            integer(top, "nbformat_minor", file);
        }
        Json metadata = top.get("metadata");
        if (metadata != null && !(metadata instanceof JsonObject)) {
            throw new NotebookFormatException(file, "field metadata", "must be a JSON object, not " + kind(metadata),
                    "Fix the notebook's top-level \"metadata\".");
        }
        Json cellsJson = top.get("cells");
        if (!(cellsJson instanceof JsonArray cellArray)) {
            throw new NotebookFormatException(file, "field cells",
                    cellsJson == null ? "is missing" : "must be a list, not " + kind(cellsJson),
                    "A notebook keeps its cells in a top-level \"cells\" list.");
        }
        List<Cell> cells = new ArrayList<>(cellArray.elements().size());
        int number = 0;
        for (Json element : cellArray.elements()) {
            number++;
            cells.add(cell(element, file, number));
        }
        return new Notebook(top, cells);
    }

    private static Cell cell(Json element, String file, int number) {
        if (!(element instanceof JsonObject json)) {
            throw new NotebookFormatException(file, "cell " + number, "must be a JSON object, not " + kind(element),
                    "Fix or remove that entry of \"cells\".");
        }
        String id = json.get("id") instanceof JsonString s ? s.value() : null;
        String cellName = "cell " + number + (id == null ? "" : " (id " + id + ")");
        DiskForm.Problems problems = (field, problem) -> new NotebookFormatException(file,
                cellName + ", field " + field, problem, "Fix that field of the cell in the .ipynb file.");
        if (json.has("id") && id == null) {
            throw problems.at("id", "must be a string, not " + kind(json.get("id")));
        }
        Json type = json.get("cell_type");
        if (!(type instanceof JsonString)) {
            throw problems.at("cell_type", type == null ? "is missing" : "must be a string, not " + kind(type));
        }
        Json source = json.get("source");
        if (source == null) {
            throw problems.at("source", "is missing: every cell needs a \"source\" (\"\" when empty)");
        }
        if (!(source instanceof JsonString || source instanceof JsonArray)) {
            throw problems.at("source", "must be a string or a list of strings, not " + kind(source));
        }
        Json metadata = json.get("metadata");
        if (metadata != null && !(metadata instanceof JsonObject)) {
            throw problems.at("metadata", "must be a JSON object, not " + kind(metadata));
        }
        Json outputs = json.get("outputs");
        if (outputs != null && !(outputs instanceof JsonArray)) {
            throw problems.at("outputs", "must be a list, not " + kind(outputs));
        }
        Json attachments = json.get("attachments");
        if (attachments != null && !(attachments instanceof JsonObject)) {
            throw problems.at("attachments", "must be a JSON object, not " + kind(attachments));
        }
        return new Cell(DiskForm.join(json, problems));
    }

    private static int integer(JsonObject top, String field, String file) {
        Json value = top.get(field);
        if (value instanceof JsonNumber n) {
            try {
                return Integer.parseInt(n.text());
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new NotebookFormatException(file, "field " + field,
                value == null ? "is missing, so this is not a Jupyter notebook"
                        : "must be a whole number, not " + (value instanceof JsonNumber n ? n.text() : kind(value)),
                "A notebook has integer \"nbformat\" and \"nbformat_minor\" fields at the top.");
    }

    private static String kind(Json value) {
        if (value instanceof JsonObject) {
            return "an object";
        } else if (value instanceof JsonArray) {
            return "a list";
        } else if (value instanceof JsonString) {
            return "a string";
        } else if (value instanceof JsonNumber) {
            return "a number";
        } else if (value instanceof Json.JsonBoolean) {
            return "a boolean";
        }
        return "null";
    }
}
