package dev.nbexport.docs.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.docs.markdown.MarkdownContext;
import dev.nbexport.docs.markdown.MarkdownRenderer;
import dev.nbexport.docs.site.LinkResolver;
import dev.nbexport.docs.site.PageCell.Output;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputRendererTest {

    private final Map<String, byte[]> stored = new LinkedHashMap<>();
    private final ImageSink images = (content, extension) -> {
        String path = "_images/" + stored.size() + "." + extension;
        stored.put(path, content);
        return path;
    };

    private List<Output> render(String... outputs) {
        List<JsonObject> list = new ArrayList<>();
        for (String o : outputs) {
            try {
                list.add((JsonObject) JsonParser.parse(o.getBytes(StandardCharsets.UTF_8)));
            } catch (JsonParser.SyntaxError e) {
                throw new AssertionError(e);
            }
        }
        return new OutputRenderer(new MarkdownRenderer(LinkResolver.NONE)).render(list, images,
                new MarkdownContext("../", MarkdownContext.pageIds(), "c1-", n -> Optional.empty(), p -> { }));
    }

    @Test
    void adjacentChunksOfAStreamAreOneAndColoursAreRendered() {
        List<Output> out = render(
                "{\"output_type\":\"stream\",\"name\":\"stdout\",\"text\":\"a\\n\"}",
                "{\"output_type\":\"stream\",\"name\":\"stdout\",\"text\":[\"\\u001b[32mb\\u001b[0m\\n\"]}",
                "{\"output_type\":\"stream\",\"name\":\"stderr\",\"text\":\"warn <x>\\n\"}");
        assertThat(out).extracting(Output::kind).containsExactly("stream-stdout", "stream-stderr");
        assertThat(out.get(0).html()).isEqualTo("<pre>a\n<span class=\"ansi-fg-2\">b</span>\n</pre>");
        assertThat(out.get(1).html()).isEqualTo("<pre>warn &lt;x&gt;\n</pre>");
    }

    @Test
    void errorsShowTheirTracebackOrNameAndValue() {
        assertThat(render("{\"output_type\":\"error\",\"ename\":\"E\",\"evalue\":\"v\",\"traceback\":[\"\\u001b[31mboom\\u001b[0m\",\"  at x\"]}"))
                .extracting(Output::html).containsExactly("<pre><span class=\"ansi-fg-1\">boom</span>\n  at x</pre>");
        assertThat(render("{\"output_type\":\"error\",\"ename\":\"RuntimeException\",\"evalue\":\"java.lang.IllegalStateException, bad\",\"traceback\":[]}"))
                .extracting(Output::html).containsExactly("<pre>RuntimeException: java.lang.IllegalStateException, bad</pre>");
    }

    @Test
    void htmlIsSanitisedAndJavascriptNeverRuns() {
        List<Output> out = render(
                "{\"output_type\":\"display_data\",\"metadata\":{},\"data\":{\"text/html\":\"<table style=\\\"color:red\\\"><tr><td onclick=\\\"alert(1)\\\">1</td></tr></table><script>alert(2)</script><img src=\\\"data:image/png;base64,iVBORw0K\\\"><a href=\\\"data:text/html,x\\\">d</a>\",\"text/plain\":\"t\"}}",
                "{\"output_type\":\"display_data\",\"metadata\":{},\"data\":{\"application/javascript\":\"alert(3)\"}}",
                "{\"output_type\":\"display_data\",\"metadata\":{},\"data\":{\"application/javascript\":\"alert(4)\",\"text/plain\":\"shown instead\"}}");
        assertThat(out).extracting(Output::kind).containsExactly("html", "omitted", "text");
        assertThat(out.get(0).html()).contains("<table style=\"color:red\">", "<td>1</td>", "src=\"data:image/png;base64,iVBORw0K\"")
                .doesNotContain("alert", "script", "data:text/html");
        assertThat(out.get(1).html()).contains("application/javascript is not shown").doesNotContain("alert");
        assertThat(out.get(2).html()).isEqualTo("<pre>shown instead</pre>");
    }

    @Test
    void imagesAreWrittenAsFilesAndShownWithImg() {
        List<Output> out = render(
                "{\"output_type\":\"display_data\",\"metadata\":{},\"data\":{\"image/png\":\"aGVsbG8=\\n\",\"text/plain\":\"<chart>\"}}",
                "{\"output_type\":\"display_data\",\"metadata\":{},\"data\":{\"image/svg+xml\":\"<svg onload=\\\"alert(1)\\\"></svg>\"}}");
        assertThat(out).extracting(Output::html).containsExactly(
                "<img src=\"../_images/0.png\" alt=\"&lt;chart&gt;\">", "<img src=\"../_images/1.svg\" alt=\"output image\">");
        assertThat(new String(stored.get("_images/0.png"), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(new String(stored.get("_images/1.svg"), StandardCharsets.UTF_8)).startsWith("<svg");
    }

    @Test
    void markdownAndLatexOutputs() {
        List<Output> out = render(
                "{\"output_type\":\"execute_result\",\"execution_count\":1,\"metadata\":{},\"data\":{\"text/markdown\":\"**bold** <script>x</script>\"}}",
                "{\"output_type\":\"display_data\",\"metadata\":{},\"data\":{\"text/latex\":\"$$x^2$$\"}}");
        assertThat(out.get(0).html()).contains("<strong>bold</strong>").doesNotContain("script");
        assertThat(out.get(1).html()).isEqualTo("<span class=\"math math-display\">x^2</span>");
    }
}
