package dev.nbexport.docs.markdown;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.commonmark.ext.heading.anchor.IdGenerator;

/**
 * What rendering one markdown text needs from its page.
 *
 * @param rootPrefix the path from the page to the site root ({@code ""}, {@code ../}), for links
 * @param ids the page's heading-id generator: ids stay unique across all cells of a page
 * @param idPrefix prefix of ids that markdown generates per document (footnotes), unique per cell
 * @param attachments the URL (relative to the page) of a cell attachment by name, writing its file;
 *     empty when the cell has no such attachment
 * @param problems receives what the author should fix (an unresolved backtick name, a missing
 *     attachment), without the cell's position, which the caller adds
 */
public record MarkdownContext(String rootPrefix, IdGenerator ids, String idPrefix,
                              Function<String, Optional<String>> attachments, Consumer<String> problems) {

    /** A page-level id generator, as every page uses. */
    public static IdGenerator pageIds() {
        return IdGenerator.builder().defaultId("section").build();
    }
}
