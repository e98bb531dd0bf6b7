package dev.nbexport.docs.output;

import dev.nbexport.docs.html.Html;
import dev.nbexport.docs.html.HtmlPolicies;
import dev.nbexport.docs.markdown.MarkdownContext;
import dev.nbexport.docs.markdown.MarkdownRenderer;
import dev.nbexport.docs.site.PageCell.Output;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.Json.JsonString;
import dev.nbexport.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A code cell's stored outputs to safe HTML.
 *
 * <ul>
 *   <li>{@code stream}: stdout and stderr, ANSI colours rendered ({@link AnsiHtml}); adjacent
 *       chunks of the same stream are shown as one, as Jupyter does;
 *   <li>{@code error}: the traceback (ANSI rendered), else {@code ename: evalue};
 *   <li>{@code execute_result}, {@code display_data}: the richest kind the site can show safely, in
 *       nbconvert's order: {@code text/html} (sanitised by {@link HtmlPolicies#OUTPUT}),
 *       {@code text/markdown}, {@code text/latex} (KaTeX), {@code image/svg+xml}, {@code image/png},
 *       {@code image/jpeg}, {@code image/gif} (written as files and shown with {@code <img>}, where
 *       SVG cannot run script), {@code text/plain}. {@code application/javascript} is never run: an
 *       output with nothing else says it was left out.
 * </ul>
 */
public final class OutputRenderer {

    private static final String[] IMAGE_TYPES = {"image/svg+xml", "image/png", "image/jpeg", "image/gif"};

    private final MarkdownRenderer markdown;

    public OutputRenderer(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    /**
     * @param images stores image files
     * @param context for {@code text/markdown} outputs: the page's ids, links and problems
     */
    public List<Output> render(List<JsonObject> outputs, ImageSink images, MarkdownContext context) {
        List<Output> rendered = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            JsonObject output = outputs.get(i);
            String type = output.string("output_type");
            if ("stream".equals(type)) {
                String name = "stderr".equals(output.string("name")) ? "stderr" : "stdout";
                StringBuilder text = new StringBuilder(text(output.get("text")));
                while (i + 1 < outputs.size() && "stream".equals(outputs.get(i + 1).string("output_type"))
                        && name.equals("stderr".equals(outputs.get(i + 1).string("name")) ? "stderr" : "stdout")) {
                    text.append(text(outputs.get(++i).get("text")));
                }
                rendered.add(new Output("stream-" + name, pre(AnsiHtml.toHtml(text.toString()))));
            } else if ("error".equals(type)) {
                rendered.add(new Output("error", pre(AnsiHtml.toHtml(errorText(output)))));
            } else if ("execute_result".equals(type) || "display_data".equals(type)) {
                JsonObject data = output.object("data");
                if (data != null) {
                    rendered.add(richOutput(data, images, context));
                }
            }
        }
        return rendered;
    }

    private Output richOutput(JsonObject data, ImageSink images, MarkdownContext context) {
        if (data.has("text/html")) {
            return new Output("html", HtmlPolicies.OUTPUT.sanitize(text(data.get("text/html"))));
        }
        if (data.has("text/markdown")) {
            return new Output("markdown", markdown.render(text(data.get("text/markdown")), context).html());
        }
        if (data.has("text/latex")) {
            String tex = text(data.get("text/latex")).strip();
            tex = tex.startsWith("$$") && tex.endsWith("$$") && tex.length() >= 4 ? tex.substring(2, tex.length() - 2)
                    : tex.startsWith("$") && tex.endsWith("$") && tex.length() >= 2 ? tex.substring(1, tex.length() - 1) : tex;
            return new Output("math", "<span class=\"math math-display\">" + Html.escape(tex.strip()) + "</span>");
        }
        for (String mime : IMAGE_TYPES) {
            if (data.has(mime)) {
                String value = text(data.get(mime));
                byte[] bytes = mime.equals("image/svg+xml") ? value.getBytes(StandardCharsets.UTF_8)
                        : Base64.getMimeDecoder().decode(value);
                String path = images.store(bytes, ImageSink.extension(mime));
                String alt = data.has("text/plain") ? text(data.get("text/plain")) : "output image";
                return new Output("image", "<img src=\"" + Html.escape(context.rootPrefix() + path) + "\" alt=\""
                        + Html.escape(alt) + "\">");
            }
        }
        if (data.has("text/plain")) {
            return new Output("text", pre(AnsiHtml.toHtml(text(data.get("text/plain")))));
        }
        return new Output("omitted", "<p class=\"omitted\">Output of type " + Html.escape(String.join(", ", data.members().keySet()))
                + " is not shown in the docs (scripts never run here).</p>");
    }

    private static String errorText(JsonObject error) {
        JsonArray traceback = error.array("traceback");
        if (traceback != null && !traceback.elements().isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (Json line : traceback.elements()) {
                if (line instanceof JsonString s) {
                    lines.add(s.value());
                }
            }
            return String.join("\n", lines);
        }
        String ename = error.string("ename");
        String evalue = error.string("evalue");
        return (ename == null ? "Error" : ename) + (evalue == null || evalue.isEmpty() ? "" : ": " + evalue);
    }

    private static String pre(String html) {
        return "<pre>" + html + "</pre>";
    }

    /** A multi-line string as nbformat stores it: one string or a list of lines. */
    static String text(Json value) {
        if (value instanceof JsonString s) {
            return s.value();
        }
        if (value instanceof JsonArray a) {
            StringBuilder text = new StringBuilder();
            for (Json part : a.elements()) {
                if (part instanceof JsonString s) {
                    text.append(s.value());
                }
            }
            return text.toString();
        }
        return value == null ? "" : dev.nbexport.json.JsonWriter.write(value);
    }
}
