package dev.nbexport.docs.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.docs.site.LinkResolver;
import dev.nbexport.docs.site.LinkResolver.ApiLink;
import dev.nbexport.docs.site.LinkResolver.Resolution;
import java.util.ArrayList;
import java.util.List;
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
                "<span class=\"tok-str\">&quot;&quot;&quot;</span>\n<span class=\"tok-str\">    block</span>");
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
        List<String> asked = new ArrayList<>();
        LinkResolver resolver = new LinkResolver() {
            @Override
            public Resolution resolve(String name) {
                throw new AssertionError("code is not resolved as backtick names");
            }

            @Override
            public Resolution resolveCode(String qualifier, String identifier, boolean call) {
                asked.add(qualifier + "|" + identifier + (call ? "()" : ""));
                return identifier.equals("slugify") && call || identifier.equals("SNAKE") && "Style".equals(qualifier)
                        ? new Resolution.Linked(new ApiLink("00_slugify.html", "api-" + identifier, "method slugify(String)"))
                        : Resolution.NOT_API;
            }
        };
        String html = new JavaHighlighter(resolver).highlight("slugify(title); Style.SNAKE; x.slugify(); of(y).slugify(); // slugify(z)", "../");
        assertThat(html).contains("<a class=\"tok-id api-link\" href=\"../00_slugify.html#api-slugify\" title=\"method slugify(String)\">slugify</a>")
                .contains("<span class=\"tok-id\">title</span>", "<a class=\"tok-type api-link\" href=\"../00_slugify.html#api-SNAKE\"");
        assertThat(asked).as("each identifier with the names before it (null: a member of an expression) and whether it is called; comments are not code")
                .containsExactly("|slugify()", "|title", "|Style", "Style|SNAKE", "|x", "x|slugify()", "|of()", "|y", "null|slugify()");
    }

    @Test
    void linesOfAMultiLineTokenEachGetTheirOwnSpan() {
        List<String> lines = highlighter.highlightLines("/* one\n two */ int x;\nString s = \"\"\"\n    block\n    \"\"\";", "");
        assertThat(lines).containsExactly("<span class=\"tok-com\">/* one</span>",
                "<span class=\"tok-com\"> two */</span> <span class=\"tok-kw\">int</span> <span class=\"tok-id\">x</span>;",
                "<span class=\"tok-type\">String</span> <span class=\"tok-id\">s</span> <span class=\"tok-op\">=</span> <span class=\"tok-str\">&quot;&quot;&quot;</span>",
                "<span class=\"tok-str\">    block</span>", "<span class=\"tok-str\">    &quot;&quot;&quot;</span>;");
    }
}
