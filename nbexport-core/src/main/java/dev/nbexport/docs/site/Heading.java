package dev.nbexport.docs.site;

import java.util.Objects;

/**
 * A heading of a page, for its table of contents, the search index and the site's titles.
 *
 * @param level 1 to 6, as in {@code <h1>}..{@code <h6>}
 * @param text the heading's plain text
 * @param anchor the {@code id} of the heading element, unique in its page
 */
public record Heading(int level, String text, String anchor) {
    public Heading {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(anchor, "anchor");
        if (level < 1 || level > 6) {
            throw new IllegalArgumentException("heading level " + level);
        }
    }
}
