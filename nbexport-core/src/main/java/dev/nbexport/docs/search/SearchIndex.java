package dev.nbexport.docs.search;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's search index as a script, {@code search-index.js}: it sets {@code window.nbxSearchDocs}
 * to the documents, and the page's lunr builds its index from them on the first search. A script
 * (not a JSON file fetched) because pages opened from {@code file://} may not fetch files.
 */
public final class SearchIndex {

    /** The longest text kept per document: enough to find a page by its words, small enough to load fast. */
    static final int MAX_TEXT = 4000;

    private SearchIndex() {}

    /** The script's source for {@code entries}, in their order. */
    public static String script(List<SearchEntry> entries) {
        List<Json> docs = new ArrayList<>(entries.size());
        for (SearchEntry e : entries) {
            Map<String, Json> doc = new LinkedHashMap<>();
            doc.put("k", new Json.JsonString(e.kind()));
            doc.put("t", new Json.JsonString(e.title()));
            doc.put("p", new Json.JsonString(e.page()));
            doc.put("u", new Json.JsonString(e.url()));
            String text = e.text().length() > MAX_TEXT ? e.text().substring(0, MAX_TEXT) : e.text();
            doc.put("x", new Json.JsonString(text));
            docs.add(new JsonObject(doc));
        }
        StringBuilder js = new StringBuilder("window.nbxSearchDocs = ");
        JsonWriter.write(new JsonArray(docs), js, 0);
        return js.append(";\n").toString();
    }
}
