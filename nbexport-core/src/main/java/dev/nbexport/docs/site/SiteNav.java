package dev.nbexport.docs.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The site's navigation: every page in notebook order, grouped into sections by folder (the top
 * folder's section has an empty name), with previous and next links in that order. The home page
 * comes first.
 */
public final class SiteNav {

    /**
     * A page in the navigation.
     *
     * @param url relative to the site root
     * @param title the page's title
     * @param section the folder, relative to the notebooks folder ({@code ""} for the top)
     */
    public record Entry(String url, String title, String section) {
        public Entry {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(section, "section");
        }
    }

    /** A section of the sidebar: a folder's pages. */
    public record Section(String name, List<Entry> entries) {
        public Section {
            entries = List.copyOf(entries);
        }
    }

    private final List<Entry> entries;

    /** @param entries every page, the home page first, then in notebook order */
    public SiteNav(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The sidebar's sections, in order of their first page. */
    public List<Section> sections() {
        Map<String, List<Entry>> bySection = new LinkedHashMap<>();
        for (Entry e : entries) {
            bySection.computeIfAbsent(e.section(), k -> new ArrayList<>()).add(e);
        }
        List<Section> sections = new ArrayList<>();
        bySection.forEach((name, list) -> sections.add(new Section(name, list)));
        return sections;
    }

    public Optional<Entry> previous(String url) {
        int i = indexOf(url);
        return i > 0 ? Optional.of(entries.get(i - 1)) : Optional.empty();
    }

    public Optional<Entry> next(String url) {
        int i = indexOf(url);
        return i >= 0 && i + 1 < entries.size() ? Optional.of(entries.get(i + 1)) : Optional.empty();
    }

    private int indexOf(String url) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).url().equals(url)) {
                return i;
            }
        }
        return -1;
    }
}
