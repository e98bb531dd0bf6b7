package dev.nbexport.docs;

import dev.nbexport.docs.search.SearchEntry;
import dev.nbexport.io.AtomicFiles;
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
 * for the site, what the API was read from. Kept under {@code target/}; losing it costs one full
 * render. JSON, keys sorted.
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

    private final Map<String, PageState> pages; // by page url
    private final List<String> siteFiles;       // files written besides pages: assets, search index
    private final String apiInput;              // what the API was read from (DocsCommand.apiInput)

    DocsIndex(Map<String, PageState> pages, List<String> siteFiles, String apiInput) {
        this.pages = new TreeMap<>(pages);
        this.siteFiles = List.copyOf(siteFiles);
        this.apiInput = apiInput;
    }

    static DocsIndex empty() {
        return new DocsIndex(Map.of(), List.of(), "");
    }

    String apiInput() {
        return apiInput;
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
                List<Problem> problems = new ArrayList<>();
                for (Json s : p.array("problems").elements()) {
                    List<String> f = strings((JsonArray) s);
                    Location where = f.get(0).isEmpty() ? Location.none()
                            : Location.in(new CellRef(f.get(0), Integer.parseInt(f.get(1)), f.get(2).isEmpty() ? null : f.get(2)),
                                    Integer.parseInt(f.get(3)), Integer.parseInt(f.get(4)));
                    problems.add(Problem.warning(where, f.get(5)));
                }
                pages.put(e.getKey(), new PageState(p.string("content_sha256"), p.string("key"), p.string("api_key"),
                        p.string("title"), strings(p.array("files")), search, problems, strings(p.array("asked"))));
            }
            return new DocsIndex(pages, strings(root.array("site_files")), root.string("api_input"));
        } catch (IOException | JsonParser.SyntaxError | RuntimeException e) {
            return empty(); // a damaged index only costs a full render
        }
    }

    void save(Path file) {
        Map<String, Json> pageObjects = new LinkedHashMap<>();
        pages.forEach((url, p) -> {
            List<Json> search = new ArrayList<>();
            p.search().forEach(s -> search.add(array(List.of(s.kind(), s.title(), s.page(), s.url(), s.text()))));
            List<Json> problems = new ArrayList<>();
            p.problems().forEach(d -> problems.add(array(d.cell() == null ? List.of("", "0", "", "0", "0", d.toString())
                    : List.of(d.cell().notebook(), Integer.toString(d.cell().number()), d.cell().id() == null ? "" : d.cell().id(),
                            Integer.toString(d.line()), Integer.toString(d.column()), d.message()))));
            pageObjects.put(url, new JsonObject(Map.of(
                    "content_sha256", new Json.JsonString(p.contentHash()),
                    "key", new Json.JsonString(p.key()),
                    "api_key", new Json.JsonString(p.apiKey()),
                    "title", new Json.JsonString(p.title()),
                    "files", array(p.files()),
                    "search", new JsonArray(search),
                    "problems", new JsonArray(problems),
                    "asked", array(p.asked()))));
        });
        JsonObject root = new JsonObject(Map.of("pages", new JsonObject(pageObjects), "site_files", array(siteFiles),
                "api_input", new Json.JsonString(apiInput)));
        AtomicFiles.writeIfChanged(file, (JsonWriter.write(root) + "\n").getBytes(StandardCharsets.UTF_8));
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
