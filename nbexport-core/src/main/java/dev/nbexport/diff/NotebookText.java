package dev.nbexport.diff;

import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.directive.FoundDirective;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.Json.JsonString;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookFormatException;
import dev.nbexport.notebook.NotebookReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A notebook as text people can review: what {@code git diff} shows of a notebook through nbexport's
 * diff driver ({@code textconv}), and what {@code nbexport:diff} compares.
 *
 * <pre>
 * // %% [notebook] nbformat 4.5
 * [meta] kernelspec.display_name: Java (jjava)
 * [meta] kernelspec.name: java
 *
 * // %% [markdown] #a1b2c3d5
 * # Slugs
 *
 * // %% [code] #c0ffee04 | export | tags: slow
 * //| export
 * static String slug(String s) { return s.toLowerCase(); }
 * [out] text/plain: hello-world
 * [out] image/png 12.3 KB crc 1a2b3c4d
 * [meta] collapsed: true
 * </pre>
 *
 * <p>Each cell is a header line (type, id, the directives in effect and the tags) followed by its
 * source as it is; outputs, attachments and metadata are summarised one line each (see
 * {@link ValueSummary}): no JSON punctuation, no base64. Execution counts are left out: they change on
 * every run and say nothing about a change ({@code nbexport:clean} removes them). The text depends
 * only on the notebook's content, not on its key order or formatting, so the same notebook always
 * gives the same text. A file that is not a readable notebook is shown as it is, after one warning
 * line: a diff driver must show something for every file, and never fail.
 */
public final class NotebookText {

    /** Starts the warning line shown above a file that is not a readable notebook. */
    public static final String UNREADABLE = "// nbexport: not a readable notebook";

    private static final Set<String> CELL_FIELDS =
            Set.of("cell_type", "id", "metadata", "source", "outputs", "execution_count", "attachments");
    private static final Set<String> NOTEBOOK_FIELDS = Set.of("cells", "metadata", "nbformat", "nbformat_minor");
    private static final Set<String> OUTPUT_FIELDS = Set.of("output_type", "execution_count", "metadata", "data",
            "name", "text", "ename", "evalue", "traceback");
    private static final DirectiveParser DIRECTIVES = DirectiveParser.standard();

    private NotebookText() {}

    /**
     * The text view of a notebook file's bytes; for a file that is not a readable notebook, a warning
     * line and then the file's text as it is.
     */
    public static String of(byte[] content) {
        Notebook notebook;
        try {
            notebook = NotebookReader.parse(content, "");
        } catch (NotebookFormatException e) {
            return unreadable(e) + "\n" + new String(content, StandardCharsets.UTF_8);
        }
        return of(notebook);
    }

    /** The text view of {@code notebook}, each line ending with {@code \n}. */
    public static String of(Notebook notebook) {
        StringBuilder text = new StringBuilder();
        for (String line : lines(notebook)) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /** The warning line for a file that is not a readable notebook, naming the problem but not the file. */
    static String unreadable(NotebookFormatException e) {
        String problem = e.getMessage();
        String prefix = e.file() + ": ";
        if (problem.startsWith(prefix)) {
            problem = problem.substring(prefix.length());
        }
        return UNREADABLE + " (" + ValueSummary.printable(problem.replace('\n', ' ')) + "); the file as it is follows";
    }

    /** The text view as lines: the notebook's own lines, then for each cell a blank line and the cell. */
    static List<String> lines(Notebook notebook) {
        List<String> lines = new ArrayList<>(notebookLines(notebook));
        for (int i = 0; i < notebook.cells().size(); i++) {
            lines.add("");
            lines.addAll(cell(notebook.cells().get(i), i + 1).lines());
        }
        return lines;
    }

    /** {@code // %% [notebook] nbformat 4.5}, then the notebook's metadata and other fields, one line per key. */
    static List<String> notebookLines(Notebook notebook) {
        List<String> lines = new ArrayList<>();
        lines.add("// %% [notebook] nbformat " + notebook.nbformat() + "." + notebook.nbformatMinor());
        lines.addAll(ValueSummary.flattenMembers("[meta] ", notebook.metadata(), Set.of()));
        JsonObject json = notebook.json();
        for (String key : ValueSummary.sortedKeys(json)) {
            if (!NOTEBOOK_FIELDS.contains(key)) {
                lines.addAll(ValueSummary.flatten("[field] ", key, json.get(key)));
            }
        }
        return lines;
    }

    /** Cell {@code number} (1-based) in parts. */
    static CellText cell(Cell cell, int number) {
        JsonObject json = cell.json();
        List<String> outputs = new ArrayList<>();
        for (JsonObject output : cell.outputs()) {
            outputs.addAll(output(output));
        }
        List<String> attachments = new ArrayList<>();
        JsonObject attached = json.object("attachments");
        if (attached != null) {
            for (String name : ValueSummary.sortedKeys(attached)) {
                if (attached.get(name) instanceof JsonObject bundle && !bundle.members().isEmpty()) {
                    for (String mime : ValueSummary.sortedKeys(bundle)) {
                        attachments.add("[attachment] " + name + " " + ValueSummary.mimeEntry(mime, bundle.get(mime)));
                    }
                } else {
                    attachments.add("[attachment] " + name + ": " + ValueSummary.inline(attached.get(name)));
                }
            }
        }
        List<String> metadata = new ArrayList<>(ValueSummary.flattenMembers("[meta] ", cell.metadata(), Set.of("tags")));
        for (String key : ValueSummary.sortedKeys(json)) {
            if (!CELL_FIELDS.contains(key)) {
                metadata.addAll(ValueSummary.flatten("[field] ", key, json.get(key)));
            }
        }
        return new CellText(cell.typeName(), cell.id(), header(cell, number), sourceLines(cell.source()), outputs, attachments, metadata);
    }

    /** {@code // %% [code] #c0ffee04 | export, eval false | tags: slow, export}. */
    static String header(Cell cell, int number) {
        StringBuilder header = new StringBuilder("// %% [").append(cell.typeName()).append(']');
        if (cell.id() != null) {
            header.append(" #").append(cell.id());
        }
        if (cell.type() == CellType.CODE) {
            List<String> directives = new ArrayList<>();
            // the one directive parser, so the header shows what export sees (a comment beats a tag)
            for (FoundDirective found : DIRECTIVES.parse(cell.source(), cell.tags(), new CellRef("", number, cell.id()))
                    .directives()) {
                directives.add(found.value().isEmpty() ? found.directive().key() : found.directive().key() + " " + found.value());
            }
            if (!directives.isEmpty()) {
                header.append(" | ").append(String.join(", ", directives));
            }
        }
        Json tags = cell.metadata().get("tags");
        if (tags instanceof JsonArray list && !list.elements().isEmpty()) {
            header.append(" | tags: ").append(ValueSummary.inline(list));
        }
        return ValueSummary.printable(header.toString());
    }

    /** The lines of a source, without line ends; an empty source has none. */
    static List<String> sourceLines(String source) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < source.length()) {
            int end = source.indexOf('\n', start);
            int next = end < 0 ? source.length() : end + 1;
            int stop = end < 0 ? source.length() : end;
            if (stop > start && source.charAt(stop - 1) == '\r') {
                stop--;
            }
            lines.add(source.substring(start, stop));
            start = next;
        }
        return lines;
    }

    /**
     * One line per output; a rich output gives one line per mime type; then one line per metadata key
     * and per field nbformat does not define (all there is to show of an output type it does not know).
     */
    static List<String> output(JsonObject output) {
        String type = output.string("output_type");
        List<String> lines = new ArrayList<>();
        switch (type == null ? "" : type) {
            case "stream" -> lines.add("[out] " + name(output.string("name"), "stream") + ": "
                    + ValueSummary.text(output.string("text") == null ? "" : output.string("text")));
            case "execute_result", "display_data" -> {
                JsonObject data = output.object("data");
                if (data == null || data.members().isEmpty()) {
                    lines.add("[out] " + type + " without data");
                } else {
                    for (String mime : ValueSummary.sortedKeys(data)) {
                        lines.add("[out] " + ValueSummary.mimeEntry(mime, data.get(mime)));
                    }
                }
            }
            case "error" -> lines.add("[out] error " + name(output.string("ename"), "(no name)") + ": "
                    + ValueSummary.text(output.string("evalue") == null ? "" : output.string("evalue"))
                    + traceback(output.get("traceback")));
            default -> lines.add("[out] " + (type == null ? "output without output_type" : ValueSummary.printable(type)));
        }
        JsonObject metadata = output.object("metadata");
        if (metadata != null) {
            lines.addAll(ValueSummary.flattenMembers("[out] metadata ", metadata, Set.of()));
        }
        for (String key : ValueSummary.sortedKeys(output)) {
            if (!OUTPUT_FIELDS.contains(key)) {
                lines.addAll(ValueSummary.flatten("[out] field ", key, output.get(key)));
            }
        }
        return lines;
    }

    private static String traceback(Json traceback) {
        if (!(traceback instanceof JsonArray frames) || frames.elements().isEmpty()) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        for (Json frame : frames.elements()) {
            all.append(frame instanceof JsonString s ? s.value() : ValueSummary.inline(frame)).append('\n');
        }
        return " (traceback " + ValueSummary.plural(frames.elements().size(), "line") + ", crc "
                + ValueSummary.crc(all.toString()) + ")";
    }

    private static String name(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : ValueSummary.printable(value);
    }
}
