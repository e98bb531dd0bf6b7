package dev.nbexport.docs.search;

import java.util.Objects;

/**
 * One document of the client-side search index.
 *
 * @param kind {@code page}, {@code heading} or {@code api}
 * @param title what the result shows: the page title, the heading, the API name
 * @param page the title of the page it is in
 * @param url relative to the site root, with the anchor
 * @param text the words to search besides the title (a page's text, an API entry's doc)
 */
public record SearchEntry(String kind, String title, String page, String url, String text) {
    public SearchEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(text, "text");
    }
}
