package dev.nbexport.report;

import dev.nbexport.docs.PageRenderer;
import dev.nbexport.docs.SiteAssets;
import dev.nbexport.docs.site.ApiCatalog;
import dev.nbexport.docs.site.Page;
import dev.nbexport.docs.template.SiteTemplates;
import dev.nbexport.notebook.Notebook;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML report of an executed notebook, and the index of a batch: the docs site's renderer
 * ({@link PageRenderer}: markdown, highlighted code, outputs with untrusted HTML sanitised) and templates
 * ({@code report} and {@code report-index} extend {@code base}), made into one self-contained file that
 * opens offline from {@code file://}: the site's CSS and scripts inlined, images as {@code data:} URIs, KaTeX
 * and its fonts inlined when the page has math. Its Content-Security-Policy lets only those inlined scripts
 * run (by their SHA-256), so script in an output's HTML cannot run even if it got past the sanitiser.
 * Thread-safe.
 */
final class ReportPage {

    /**
     * A KaTeX font's sources: the woff2 file, then woff and ttf fallbacks. The report keeps the woff2 alone
     * (inlined): the fallbacks would be files beside the page, which its policy blocks, and the browser
     * reports each blocked one on the console.
     */
    private static final Pattern WOFF2 = Pattern.compile(
            "url\\(fonts/([A-Za-z0-9_\\-]+\\.woff2)\\)( format\\(\"woff2\"\\))(?:,url\\(fonts/[A-Za-z0-9_\\-]+\\.(?:woff|ttf)\\) format\\(\"[a-z]+\"\\))*");

    private final PageRenderer renderer = new PageRenderer(ApiCatalog.NONE);
    private final SiteTemplates templates = new SiteTemplates(null);
    private final Map<String, String> assets = new HashMap<>();

    ReportPage() {
        Map<String, byte[]> all = SiteAssets.all();
        assets.put("css", text(all.get("_assets/site.css")));
        assets.put("themeJs", text(all.get("_assets/theme.js")));
        assets.put("siteJs", text(all.get("_assets/site.js")));
        assets.put("katexJs", text(all.get("_assets/katex/katex.min.js")));
        Matcher fonts = WOFF2.matcher(text(all.get("_assets/katex/katex.min.css")));
        StringBuilder css = new StringBuilder();
        while (fonts.find()) {
            byte[] font = all.get("_assets/katex/fonts/" + fonts.group(1));
            fonts.appendReplacement(css, Matcher.quoteReplacement(font == null ? fonts.group()
                    : "url(data:font/woff2;base64," + Base64.getEncoder().encodeToString(font) + ")" + fonts.group(2)));
        }
        fonts.appendTail(css);
        assets.put("katexCss", css.toString());
        try (java.io.InputStream in = ReportPage.class.getClassLoader().getResourceAsStream("dev/nbexport/docs/assets/report.css")) {
            assets.put("reportCss", text(in.readAllBytes()));
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("missing from nbexport's classpath: report.css", e);
        }
    }

    /**
     * @param notebook the notebook's name for the page ({@code report.ipynb})
     * @param shown the executed notebook as messages show it
     * @param run what the template shows at the top: parameters, times, status
     */
    String report(Notebook executed, String notebook, String shown, Map<String, Object> run) {
        PageRenderer.Rendered r = renderer.render(executed, notebook, shown, "report.html",
                (content, extension) -> "data:" + mime(extension) + ";base64," + Base64.getEncoder().encodeToString(content));
        Page page = r.page();
        Map<String, Object> model = common(page.title(), page.hasMath());
        model.put("page", page);
        model.put("run", run);
        return templates.render("report", model);
    }

    /** The index of a batch: every run with its status, parameters and duration. */
    String index(String title, List<Map<String, Object>> runs) {
        Map<String, Object> model = common(title, false);
        model.put("runs", runs);
        return templates.render("report-index", model);
    }

    private Map<String, Object> common(String title, boolean hasMath) {
        Map<String, Object> model = new HashMap<>(assets);
        model.put("siteTitle", "nbexport:run");
        model.put("pageTitle", title);
        model.put("root", "");
        model.put("url", "report.html");
        model.put("nav", List.of());
        model.put("hasMath", hasMath);
        model.put("extraCss", List.of());
        StringBuilder scripts = new StringBuilder("'" + sha256((String) assets.get("themeJs")) + "' '" + sha256((String) assets.get("siteJs")) + "'");
        if (hasMath) {
            scripts.append(" '").append(sha256((String) assets.get("katexJs"))).append("'");
        }
        model.put("csp", "default-src 'none'; script-src " + scripts + "; style-src 'unsafe-inline'; img-src data:;"
                + " font-src data:; base-uri 'none'; form-action 'none'");
        return model;
    }

    private static String sha256(String script) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mime(String extension) {
        return switch (extension) {
            case "svg" -> "image/svg+xml";
            case "jpg" -> "image/jpeg";
            default -> "image/" + extension;
        };
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
