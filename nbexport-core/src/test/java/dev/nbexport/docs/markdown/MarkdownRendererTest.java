package dev.nbexport.docs.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.docs.site.LinkResolver;
import dev.nbexport.docs.site.LinkResolver.ApiLink;
import dev.nbexport.docs.site.LinkResolver.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final List<String> problems = new ArrayList<>();
    private final IdGenerator ids = MarkdownContext.pageIds();

    private RenderedMarkdown render(String markdown) {
        return render(markdown, LinkResolver.NONE);
    }

    private RenderedMarkdown render(String markdown, LinkResolver resolver) {
        return new MarkdownRenderer(resolver).render(markdown, new MarkdownContext("../", ids, "c1-",
                name -> name.equals("chart.png") ? Optional.of("../_images/abc.png") : Optional.empty(), problems::add));
    }

    @Test
    void gfmTablesStrikethroughAutolinksAndTaskLists() {
        String html = render("""
                | a | b |
                |:--|--:|
                | 1 | 2 |

                ~~gone~~ and https://example.org

                - [x] done
                - [ ] todo
                """).html();
        assertThat(html).contains("<table>", "<th align=\"left\">a</th>", "<td align=\"right\">2</td>")
                .contains("<del>gone</del>")
                .contains("<a href=\"https://example.org\">https://example.org</a>")
                .contains("<input type=\"checkbox\" disabled=\"\" checked=\"\" /> done", "<input type=\"checkbox\" disabled=\"\" /> todo");
    }

    @Test
    void footnotesGetTheCellsPrefixSoCellsOfOnePageDoNotClash() {
        String html = render("Text[^1].\n\n[^1]: The note.").html();
        assertThat(html).contains("href=\"#c1-fn-1\"", "id=\"c1-fnref-1\"", "id=\"c1-fn-1\"", "href=\"#c1-fnref-1\"")
                .contains("The note.");
    }

    @Test
    void headingsGetAnchorsUniqueAcrossThePage() {
        RenderedMarkdown first = render("# Usage\n\n## Details");
        RenderedMarkdown second = render("## Usage");
        assertThat(first.html()).contains("<h1 id=\"usage\">Usage</h1>", "<h2 id=\"details\">");
        assertThat(second.html()).contains("<h2 id=\"usage-1\">Usage</h2>");
        assertThat(first.headings()).extracting(h -> h.level() + " " + h.text() + " #" + h.anchor())
                .containsExactly("1 Usage #usage", "2 Details #details");
    }

    @Test
    void mathIsKeptFromMarkdownAsTexSource() {
        RenderedMarkdown md = render("Inline $a_1 * b_2 * c$ and\n\n$$\n\\sum_{i=1}^n x_i^*\n$$");
        assertThat(md.hasMath()).isTrue();
        assertThat(md.html()).contains("<span class=\"math math-inline\">a_1 * b_2 * c</span>")
                .contains("<span class=\"math math-display\">\\sum_{i&#61;1}^n x_i^*</span>")
                .doesNotContain("<em>");
    }

    @Test
    void dollarsThatAreNotMathStayText() {
        RenderedMarkdown md = render("It costs $5 and $10. A `$x$` code span. An escaped \\$y\\$.");
        assertThat(md.hasMath()).isFalse();
        assertThat(md.html()).contains("costs $5 and $10", "<code>$x$</code>", "escaped $y$");
    }

    @Test
    void javaFencesAreHighlightedAndOthersEscaped() {
        String html = render("```java\nint x = 1; // one\n```\n\n```xml\n<a>&</a>\n```").html();
        assertThat(html).contains("<span class=\"tok-kw\">int</span>", "<span class=\"tok-com\">// one</span>")
                .contains("<code class=\"language-xml\">&lt;a&gt;&amp;&lt;/a&gt;</code>");
    }

    @Test
    void rawHtmlCannotRunScript() {
        String html = render("<script>alert(1)</script>\n<img src=\"x\" onerror=\"alert(2)\">\n"
                + "<a href=\"javascript:alert(3)\">click</a>\n\n[md](javascript:alert(4))\n\n"
                + "<iframe src=\"https://example.org\"></iframe><svg onload=\"alert(5)\"></svg>\n\n"
                + "<div id=\"nbx-search-input\" style=\"position:fixed\">shadow</div>\n").html();
        assertThat(html).doesNotContain("<script", "alert", "onerror", "javascript:", "<iframe", "<svg", "nbx-search-input",
                "position:fixed");
        assertThat(html).contains("<img src=\"x\" />", "click", "shadow");
    }

    @Test
    void notebookLinksPointAtPagesAndAttachmentsAtTheirFiles() {
        String html = render("[next](01_next.ipynb#usage), [web](https://x.org/a.ipynb), ![c](attachment:chart.png)").html();
        assertThat(html).contains("href=\"01_next.html#usage\"", "href=\"https://x.org/a.ipynb\"", "src=\"../_images/abc.png\"");
        assertThat(problems).isEmpty();
    }

    @Test
    void aMissingAttachmentIsAProblem() {
        render("![c](attachment:missing.png)");
        assertThat(problems).containsExactly("image attachment:missing.png is not attached to the cell");
    }

    @Test
    void backtickNamesLinkToTheirApiEntryAndUnresolvedOnesAreReported() {
        LinkResolver resolver = name -> Map.<String, Resolution>of(
                "Slugify.slugify", new Resolution.Linked(new ApiLink("00_slugify.html", "slugify-slugify", "method Slugify.slugify(String)")),
                "Slugify.nope", new Resolution.Unresolved("Slugify has no member nope")).getOrDefault(name, Resolution.NOT_API);
        String html = render("Use `Slugify.slugify`, not `Slugify.nope`; `x + 1` is code.", resolver).html();
        assertThat(html).contains("<a class=\"api-link\" href=\"../00_slugify.html#slugify-slugify\" title=\"method Slugify.slugify(String)\""
                + "><code>Slugify.slugify</code></a>")
                .contains("<code>Slugify.nope</code>", "<code>x &#43; 1</code>");
        assertThat(problems).containsExactly("`Slugify.nope` looks like API but Slugify has no member nope");
    }

    @Test
    void plainTextForSearchAndTheFirstHeading() {
        RenderedMarkdown md = render("Intro **bold** `code`\n\n# Title $x$");
        assertThat(md.text()).contains("Intro", "bold", "code", "Title", "x");
        assertThat(new MarkdownRenderer(LinkResolver.NONE).firstHeading("text\n\n## Second *level*")).contains("Second level");
        assertThat(new MarkdownRenderer(LinkResolver.NONE).firstHeading("no heading")).isEmpty();
    }
}
