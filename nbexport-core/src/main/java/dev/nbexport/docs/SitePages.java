package dev.nbexport.docs;

import dev.nbexport.docs.api.ProjectApi;
import dev.nbexport.docs.site.ApiEntry;
import dev.nbexport.docs.site.Page;
import dev.nbexport.docs.site.SiteNav;
import dev.nbexport.docs.site.SourceFile;
import dev.nbexport.docs.template.SiteTemplates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pages into their templates: the model every template gets ({@code siteTitle}, {@code pageTitle},
 * {@code root}, {@code url}, {@code nav}, {@code sidebarKey}, {@code hasMath}, {@code extraCss}) plus each template's
 * own: {@code page}, {@code previous}, {@code next} for a notebook's page; {@code apiPages} (per
 * page: {@code title}, {@code url}, {@code entries}) for the API index; {@code source} and
 * {@code lines} (per line: {@code number}, {@code html}, and on a cell's marker line {@code cell}
 * and {@code cellUrl}) for a generated file's page. Thread-safe.
 */
final class SitePages {

    private final String siteTitle;
    private final SiteNav nav;
    private final SiteTemplates templates;
    private final List<String> extraCss;
    private final List<SiteNav.Section> sections;
    private final Set<String> navUrls = new HashSet<>();

    SitePages(String siteTitle, SiteNav nav, SiteTemplates templates, List<String> extraCss) {
        this.siteTitle = siteTitle;
        this.nav = nav;
        this.templates = templates;
        this.extraCss = List.copyOf(extraCss);
        this.sections = nav.sections();
        nav.entries().forEach(e -> navUrls.add(e.url()));
    }

    String page(Page page) {
        Map<String, Object> model = common(page.url(), page.title(), page.hasMath());
        model.put("page", page);
        model.put("previous", nav.previous(page.url()).orElse(null));
        model.put("next", nav.next(page.url()).orElse(null));
        return templates.render("page", model);
    }

    /** The API index page at {@code url}: every entry, by page in navigation order. */
    String apiIndex(String url, ProjectApi api) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (SiteNav.Entry e : nav.entries()) {
            List<ApiEntry> entries = api.entriesOnPage(e.url());
            if (!entries.isEmpty()) {
                groups.add(Map.of("title", e.title(), "url", e.url(), "entries", entries));
            }
        }
        Map<String, Object> model = common(url, "API", false);
        model.put("apiPages", groups);
        return templates.render("api-index", model);
    }

    /** The page of a generated file; {@code lines} is its highlighted HTML, line by line. */
    String source(SourceFile file, List<String> lines) {
        Map<Integer, SourceFile.Block> markers = new HashMap<>();
        file.blocks().forEach(b -> markers.put(b.markerLine(), b));
        List<Map<String, Object>> model = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> line = new HashMap<>();
            line.put("number", i + 1);
            line.put("html", lines.get(i));
            SourceFile.Block block = markers.get(i + 1);
            if (block != null) {
                line.put("cell", block.cell());
                line.put("cellUrl", block.cellUrl());
            }
            model.add(line);
        }
        Map<String, Object> page = common(file.url(), file.file().substring(file.file().lastIndexOf('/') + 1), false);
        page.put("source", file);
        page.put("lines", model);
        return templates.render("source", page);
    }

    String home() {
        return templates.render("home", common("index.html", siteTitle, false));
    }

    private Map<String, Object> common(String url, String pageTitle, boolean hasMath) {
        Map<String, Object> model = new HashMap<>();
        model.put("siteTitle", siteTitle);
        model.put("pageTitle", pageTitle);
        String root = "../".repeat((int) url.chars().filter(c -> c == '/').count());
        model.put("root", root);
        model.put("url", url);
        model.put("nav", sections);
        // what the sidebar depends on besides the navigation: the root, and which entry is this page
        model.put("sidebarKey", root + "\n" + (navUrls.contains(url) ? url : ""));
        model.put("hasMath", hasMath);
        model.put("extraCss", extraCss);
        return model;
    }
}
