package dev.nbexport.docs.site;

import java.util.List;
import java.util.Objects;

/**
 * The content of one page of the site, before it meets a template: what the notebook says, rendered
 * to safe HTML piece by piece. Navigation is not part of it (see {@link SiteNav}), so that a page's
 * content depends on its notebook alone (and, in phase 2, on the API it links to).
 *
 * @param notebook the notebook, relative to the notebooks folder with {@code /} separators
 * @param url the page, relative to the site root ({@code guides/01_x.html})
 * @param title the text of the notebook's first heading, else its file name
 * @param headings every heading of the page's markdown, in order (the table of contents)
 * @param cells the cells shown, in notebook order (hidden cells are left out)
 * @param hasMath whether any cell has math, so the page loads KaTeX
 */
public record Page(String notebook, String url, String title, List<Heading> headings, List<PageCell> cells,
                   boolean hasMath) {

    public Page {
        Objects.requireNonNull(notebook, "notebook");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        headings = List.copyOf(headings);
        cells = List.copyOf(cells);
    }

    /** Every API entry of the page, in cell order. */
    public List<ApiEntry> api() {
        return cells.stream().flatMap(c -> c.api().stream()).toList();
    }
}
