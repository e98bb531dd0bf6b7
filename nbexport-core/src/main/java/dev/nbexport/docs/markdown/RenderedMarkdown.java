package dev.nbexport.docs.markdown;

import dev.nbexport.docs.site.Heading;
import java.util.List;

/**
 * A markdown text rendered for the site.
 *
 * @param html sanitised HTML
 * @param headings the headings, with the ids given to them
 * @param text the plain text, for search
 * @param hasMath whether there is math to render with KaTeX
 */
public record RenderedMarkdown(String html, List<Heading> headings, String text, boolean hasMath) {
    public RenderedMarkdown {
        headings = List.copyOf(headings);
    }
}
