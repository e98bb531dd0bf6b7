package dev.nbexport.docs.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnsiHtmlTest {

    @Test
    void coloursAndStylesBecomeSpansNotEscapes() {
        String html = AnsiHtml.toHtml("\u001b[1;31mFAIL\u001b[0m ok \u001b[92mgreen\u001b[39m plain");
        assertThat(html).isEqualTo("<span class=\"ansi-bold ansi-fg-1\">FAIL</span> ok <span class=\"ansi-fg-10\">green</span> plain");
    }

    @Test
    void extendedColoursBecomeInlineColours() {
        assertThat(AnsiHtml.toHtml("\u001b[38;5;196mred\u001b[0m")).isEqualTo("<span style=\"color:#ff0000;\">red</span>");
        assertThat(AnsiHtml.toHtml("\u001b[48;2;1;2;3mbg\u001b[0m")).isEqualTo("<span style=\"background-color:#010203;\">bg</span>");
    }

    @Test
    void otherEscapesAreDroppedAndTextEscaped() {
        assertThat(AnsiHtml.toHtml("\u001b[2K\u001b[1Gdone <ok> & \u001b[?25h")).isEqualTo("done &lt;ok&gt; &amp; ");
    }

    @Test
    void carriageReturnsOverwriteTheLine() {
        assertThat(AnsiHtml.toHtml("10%\r50%\r100%\nnext\r\nlast")).isEqualTo("100%\nnext\nlast");
        assertThat(AnsiHtml.toHtml("working\rdone\r")).isEqualTo("done");
    }
}
