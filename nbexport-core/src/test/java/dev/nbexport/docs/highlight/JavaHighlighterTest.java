package dev.nbexport.docs.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.docs.site.LinkResolver;
import dev.nbexport.docs.site.LinkResolver.ApiLink;
import dev.nbexport.docs.site.LinkResolver.Resolution;
import org.junit.jupiter.api.Test;

class JavaHighlighterTest {

    private final JavaHighlighter highlighter = new JavaHighlighter(LinkResolver.NONE);

    /** What a browser shows: the HTML without tags, entities decoded. */
    private static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    @Test
    void jshellFragmentsAreTokenisedWithoutParsing() {
        String code = "var words = List.of(\"a\", \"b\");\nwords.stream().map(w -> w + 1L).toList()";
        String html = highlighter.highlight(code, "");
        assertThat(html).contains("<span class=\"tok-kw\">var</span>", "<span class=\"tok-type\">List</span>",
                "<span class=\"tok-str\">&quot;a&quot;</span>", "<span class=\"tok-op\">-&gt;</span>", "<span class=\"tok-num\">1L</span>");
        assertThat(text(html)).isEqualTo(code);
    }

    @Test
    void modernJavaCommentsAnnotationsAndTextBlocks() {
        String code = "/** Doc. */\n@Deprecated\nsealed interface Shape permits Circle {}\nrecord Circle(double r) implements Shape {}\n"
                + "String s = \"\"\"\n    block\n    \"\"\";";
        String html = highlighter.highlight(code, "");
        assertThat(html).contains("<span class=\"tok-com\">/** Doc. */</span>", "<span class=\"tok-ann\">@</span>",
                "<span class=\"tok-kw\">sealed</span>", "<span class=\"tok-kw\">permits</span>", "<span class=\"tok-kw\">record</span>",
                "<span class=\"tok-str\">&quot;&quot;&quot;\n    block\n    &quot;&quot;&quot;</span>");
        assertThat(text(html)).isEqualTo(code);
    }

    @Test
    void whatTheLexerCannotReadIsShownAsPlainText() {
        String code = "int a = 1;\nString s = \"unterminated <b>";
        String html = highlighter.highlight(code, "");
        assertThat(html).contains("<span class=\"tok-kw\">int</span>").contains("&lt;b&gt;").doesNotContain("<b>");
        assertThat(text(html)).isEqualTo(code);
    }

    @Test
    void identifiersThatNameApiLinkToTheirEntry() {
        LinkResolver resolver = new LinkResolver() {
            @Override
            public Resolution resolve(String name) {
                return name.equals("slugify") ? new Resolution.Linked(new ApiLink("00_slugify.html", "slugify", "method slugify(String)"))
                        : Resolution.NOT_API;
            }

            @Override
            public String fingerprint() {
                return "t";
            }
        };
        String html = new JavaHighlighter(resolver).highlight("slugify(title)", "../");
        assertThat(html).contains("<a class=\"tok-id api-link\" href=\"../00_slugify.html#slugify\" title=\"method slugify(String)\">slugify</a>")
                .contains("<span class=\"tok-id\">title</span>");
    }
}
