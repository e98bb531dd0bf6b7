package dev.nbexport.docs.html;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What HTML from a notebook may contain once it is in the site: the OWASP java-html-sanitizer
 * policies for rendered markdown (which may hold raw HTML) and for {@code text/html} outputs.
 *
 * <p>Both keep formatting, tables, links and images and drop everything that runs or loads code:
 * {@code <script>}, {@code <iframe>}, {@code <object>}, {@code <svg>}, event handlers,
 * {@code javascript:} and {@code data:} links, {@code <style>} elements and forms. Images may be
 * {@code data:} images (a notebook's embedded PNG), which browsers never run as script. Element ids
 * are kept where markdown needs them (heading anchors, footnotes) but may not start with
 * {@code nbx-}, the prefix of the site's own elements, so notebook HTML cannot shadow them.
 */
public final class HtmlPolicies {

    private HtmlPolicies() {}

    private static final Pattern ID = Pattern.compile("(?!nbx-)[A-Za-z][A-Za-z0-9_:.\\-]{0,127}");
    private static final Pattern NOT_DATA = Pattern.compile("(?i)(?!\\s*data:).*", Pattern.DOTALL);
    private static final Pattern IMAGE_SRC = Pattern.compile(
            "(?i)(?:data:image/(?:png|jpeg|gif|webp|svg\\+xml);base64,[A-Za-z0-9+/=\\s]*|(?!\\s*data:).*)", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("[A-Za-z0-9_\\- ]{0,200}");

    private static HtmlPolicyBuilder common() {
        return new HtmlPolicyBuilder()
                .allowCommonInlineFormattingElements()
                .allowCommonBlockElements()
                .allowElements("a", "img", "pre", "code", "kbd", "samp", "var", "hr", "br", "del", "ins", "s",
                        "sup", "sub", "mark", "small", "abbr", "details", "summary", "figure", "figcaption",
                        "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
                        "colgroup", "col", "section", "span", "div")
                .allowUrlProtocols("http", "https", "mailto", "data")
                .allowAttributes("href").matching(NOT_DATA).onElements("a")
                .allowAttributes("title").globally()
                .allowAttributes("src").matching(IMAGE_SRC).onElements("img")
                .allowAttributes("alt", "width", "height").onElements("img")
                .allowAttributes("align").onElements("th", "td", "p", "div", "img")
                .allowAttributes("colspan", "rowspan").onElements("th", "td")
                .allowAttributes("start", "type").onElements("ol")
                .allowAttributes("open").onElements("details")
                .allowAttributes("lang", "dir").globally()
                .allowWithoutAttributes("span", "div");
    }

    /**
     * For markdown cells: also heading ids, footnote ids, task-list checkboxes (disabled), classes
     * (highlighting, math) and {@code <details>}.
     */
    public static final PolicyFactory MARKDOWN = common()
            .allowElements("input")
            .allowAttributes("type").matching(Pattern.compile("checkbox")).onElements("input")
            .allowAttributes("disabled", "checked").onElements("input")
            .allowAttributes("id").matching(ID).globally()
            .allowAttributes("class").matching(CLASS).globally()
            .toFactory();

    /**
     * For Javadoc, which is HTML: formatting, lists, tables, links and classes (the site's own
     * highlighting and link classes); no ids, so a comment cannot take an anchor of the page.
     */
    public static final PolicyFactory JAVADOC = common()
            .allowAttributes("class").matching(CLASS).globally()
            .toFactory();

    /**
     * For {@code text/html} outputs (pandas-style tables, formatted reports): also inline styles,
     * whose CSS the sanitizer filters property by property (no {@code url()}, no expressions).
     */
    public static final PolicyFactory OUTPUT = common()
            .allowAttributes("class").matching(CLASS).globally()
            .allowStyling()
            .toFactory();
}
