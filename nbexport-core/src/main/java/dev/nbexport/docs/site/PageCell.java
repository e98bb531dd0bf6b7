package dev.nbexport.docs.site;

import java.util.List;
import java.util.Objects;

/**
 * One notebook cell as a page shows it.
 *
 * @param number the cell's 1-based number in the notebook
 * @param anchor the {@code id} of the cell's element ({@code cell-3}), the target of links back to
 *     the cell from API entries
 * @param kind markdown, code or raw
 * @param html the cell's content as safe HTML: rendered markdown, highlighted code, or empty when
 *     the source is not shown ({@code export}, {@code exporti} cells)
 * @param outputs the rendered outputs, in order; empty when not shown
 * @param stale whether the outputs came from an earlier version of the cell's source
 * @param api the public API the cell defines, shown after it (filled in phase 2)
 */
public record PageCell(int number, String anchor, Kind kind, String html, List<Output> outputs, boolean stale,
                       List<ApiEntry> api) {

    /** How the cell is shown. */
    public enum Kind {
        MARKDOWN, CODE, RAW;

        public String cssName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One rendered output.
     *
     * @param kind CSS class of the output: {@code stream-stdout}, {@code stream-stderr}, {@code error},
     *     {@code text}, {@code html}, {@code markdown}, {@code image}, {@code math}, {@code omitted}
     * @param html the output as safe HTML
     */
    public record Output(String kind, String html) {
        public Output {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(html, "html");
        }
    }

    public PageCell {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(html, "html");
        outputs = List.copyOf(outputs);
        api = List.copyOf(api);
    }
}
