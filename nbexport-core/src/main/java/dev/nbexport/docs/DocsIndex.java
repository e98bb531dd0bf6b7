package dev.nbexport.docs;

import dev.nbexport.docs.search.SearchEntry;
import dev.nbexport.io.AtomicFiles;
import dev.nbexport.io.FileStamp;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.Json;
import dev.nbexport.json.JsonParser;
import dev.nbexport.json.JsonWriter;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last docs run rendered, so unchanged notebooks are not rendered again: per page, the
 * SHA-256 of what it shows (its notebook, or its generated file), the key its page was rendered
 * under (content, navigation, templates, settings), the key of the API it showed and linked to, its
 * title, the files it wrote, its search entries, its problems and the names it asked the API about;
 * for the site, what the API was read from (and, when that export failed, its problems, so an
 * unchanged project does not export again to fail again). So that a run with nothing changed reads
 * almost nothing: each notebook's stamp (size and modification time) with its hash, and the stamps of
 * the site files (assets, search index) with the build of nbexport that wrote them. Kept under
 * {@code target/}; losing it costs one full render. JSON, keys sorted.
 */
final class DocsIndex {

    /**
     * One page as last rendered.
     *
     * @param contentHash the SHA-256 of its notebook (of its generated file, for a source page)
     * @param key what it was rendered from besides the API: the site's fingerprint and the content hash
     * @param apiKey its API entries and the answers to what it {@code asked}, as a hash
     * @param asked what it asked the API's resolver ({@link RecordingResolver})
     */
    record PageState(String contentHash, String key, String apiKey, String title, List<String> files,
                     List<SearchEntry> search, List<Problem> problems, List<String> asked) {
        PageState {
            files = List.copyOf(files);
            search = List.copyOf(search);
            problems = List.copyOf(problems);
            asked = List.copyOf(asked);
        }
    }

    /**
     * A notebook file as a run read it: its stamp then ({@link FileStamp#toString()}) and its
     * content's SHA-256. A later run that finds the same stamp takes the hash without reading the file.
     */
    record NotebookStamp(String stamp, String sha256) {}

    private final Map<String, PageState> pages;          // by page url
    private final List<String> siteFiles;                // files written besides pages: assets, search index
    private final String apiInput;                       // what the API was read from (DocsCommand.apiInput)
    private final List<Problem> apiProblems;             // the export's problems, when it failed on that input
    private final Map<String, NotebookStamp> notebooks;  // by path relative to the project
    private final Map<String, String> siteStamps;        // site file to its stamp when written
    private final String toolKey;                        // the nbexport build that wrote the site files; "" unknown

    DocsIndex(Map<String, PageState> pages, List<String> siteFiles, String apiInput, List<Problem> apiProblems,
              Map<String, NotebookStamp> notebooks, Map<String, String> siteStamps, String toolKey) {
        this.pages = new TreeMap<>(pages);
        this.siteFiles = List.copyOf(siteFiles);
        this.apiInput = apiInput;
        this.apiProblems = List.copyOf(apiProblems);
        this.notebooks = new TreeMap<>(notebooks);
        this.siteStamps = new TreeMap<>(siteStamps);
        this.toolKey = toolKey;
    }

    static DocsIndex empty() {
        return new DocsIndex(Map.of(), List.of(), "", List.of(), Map.of(), Map.of(), "");
    }

    String apiInput() {
        return apiInput;
    }

    /** The problems of the export that failed on {@link #apiInput()}; empty when it did not fail. */
    List<Problem> apiProblems() {
        return apiProblems;
    }

    /** The notebook at {@code path} (relative to the project) as last read, or {@code null}. */
    NotebookStamp notebook(String path) {
        return notebooks.get(path);
    }

    Map<String, String> siteStamps() {
        return siteStamps;
    }

    String toolKey() {
        return toolKey;
    }

    PageState page(String url) {
        return pages.get(url);
    }

    Map<String, PageState> pages() {
        return pages;
    }

    List<String> siteFiles() {
        return siteFiles;
    }

    /** Every file this index says the site has, pages' and site files. */
    List<String> allFiles() {
        List<String> all = new ArrayList<>(siteFiles);
        pages.values().forEach(p -> all.addAll(p.files()));
        return all;
    }

    /** The index at {@code file}, or an empty one when it is missing or unreadable. */
    static DocsIndex load(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return empty();
            }
            JsonObject root = (JsonObject) JsonParser.parse(Files.readAllBytes(file));
            Map<String, PageState> pages = new LinkedHashMap<>();
            JsonObject pageObjects = root.object("pages");
            for (var e : pageObjects.members().entrySet()) {
                JsonObject p = (JsonObject) e.getValue();
                List<SearchEntry> search = new ArrayList<>();
                for (Json s : p.array("search").elements()) {
                    List<String> f = strings((JsonArray) s);
                    search.add(new SearchEntry(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4)));
                }
                pages.put(e.getKey(), new PageState(p.string("content_sha256"), p.string("key"), p.string("api_key"),
                        p.string("title"), strings(p.array("files")), search, problems(p.array("problems")),
                        strings(p.array("asked"))));
            }
            Map<String, NotebookStamp> notebooks = new LinkedHashMap<>();
            for (var e : root.object("notebooks").members().entrySet()) {
                List<String> f = strings((JsonArray) e.getValue());
                notebooks.put(e.getKey(), new NotebookStamp(f.get(0), f.get(1)));
            }
            Map<String, String> siteStamps = new LinkedHashMap<>();
            root.object("site_stamps").members().forEach((path, stamp) -> siteStamps.put(path, ((Json.JsonString) stamp).value()));
            return new DocsIndex(pages, strings(root.array("site_files")), root.string("api_input"),
                    problems(root.array("api_problems")), notebooks, siteStamps, root.string("tool"));
        } catch (IOException | JsonParser.SyntaxError | RuntimeException e) {
            return empty(); // a damaged index only costs a full render
        }
    }

    void save(Path file) {
        Map<String, Json> pageObjects = new LinkedHashMap<>();
        pages.forEach((url, p) -> {
            List<Json> search = new ArrayList<>();
            p.search().forEach(s -> search.add(array(List.of(s.kind(), s.title(), s.page(), s.url(), s.text()))));
            JsonArray problems = problemsJson(p.problems());
            pageObjects.put(url, new JsonObject(Map.of(
                    "content_sha256", new Json.JsonString(p.contentHash()),
                    "key", new Json.JsonString(p.key()),
                    "api_key", new Json.JsonString(p.apiKey()),
                    "title", new Json.JsonString(p.title()),
                    "files", array(p.files()),
                    "search", new JsonArray(search),
                    "problems", problems,
                    "asked", array(p.asked()))));
        });
        Map<String, Json> notebookObjects = new LinkedHashMap<>();
        notebooks.forEach((path, n) -> notebookObjects.put(path, array(List.of(n.stamp(), n.sha256()))));
        Map<String, Json> stampObjects = new LinkedHashMap<>();
        siteStamps.forEach((path, stamp) -> stampObjects.put(path, new Json.JsonString(stamp)));
        JsonObject root = new JsonObject(Map.of("pages", new JsonObject(pageObjects), "site_files", array(siteFiles),
                "api_input", new Json.JsonString(apiInput), "api_problems", problemsJson(apiProblems),
                "notebooks", new JsonObject(notebookObjects), "site_stamps", new JsonObject(stampObjects),
                "tool", new Json.JsonString(toolKey)));
        AtomicFiles.writeIfChanged(file, (JsonWriter.write(root) + "\n").getBytes(StandardCharsets.UTF_8), AtomicFiles.Durability.REGENERABLE);
    }

    /** Whether {@code other} holds the same as this index: then saving this one again changes nothing. */
    boolean sameAs(DocsIndex other) {
        return pages.equals(other.pages) && siteFiles.equals(other.siteFiles) && apiInput.equals(other.apiInput)
                && apiProblems.equals(other.apiProblems) && notebooks.equals(other.notebooks)
                && siteStamps.equals(other.siteStamps) && toolKey.equals(other.toolKey);
    }

    private static JsonArray problemsJson(List<Problem> list) {
        List<Json> problems = new ArrayList<>();
        list.forEach(d -> problems.add(array(d.cell() == null ? List.of("", "0", "", "0", "0", d.toString())
                : List.of(d.cell().notebook(), Integer.toString(d.cell().number()), d.cell().id() == null ? "" : d.cell().id(),
                        Integer.toString(d.line()), Integer.toString(d.column()), d.message()))));
        return new JsonArray(problems);
    }

    private static List<Problem> problems(JsonArray array) {
        List<Problem> problems = new ArrayList<>();
        for (Json s : array.elements()) {
            List<String> f = strings((JsonArray) s);
            Location where = f.get(0).isEmpty() ? Location.none()
                    : Location.in(new CellRef(f.get(0), Integer.parseInt(f.get(1)), f.get(2).isEmpty() ? null : f.get(2)),
                            Integer.parseInt(f.get(3)), Integer.parseInt(f.get(4)));
            problems.add(Problem.warning(where, f.get(5)));
        }
        return problems;
    }

    private static JsonArray array(List<String> values) {
        List<Json> elements = new ArrayList<>(values.size());
        values.forEach(v -> elements.add(new Json.JsonString(v)));
        return new JsonArray(elements);
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        for (Json j : array.elements()) {
            values.add(((Json.JsonString) j).value());
        }
        return values;
    }
}
