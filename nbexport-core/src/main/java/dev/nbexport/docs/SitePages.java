package dev.nbexport.docs;

import dev.nbexport.docs.site.Page;
import dev.nbexport.docs.site.SiteNav;
import dev.nbexport.docs.template.SiteTemplates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages into their templates: the model every template gets ({@code siteTitle}, {@code pageTitle},
 * {@code root}, {@code url}, {@code nav}, {@code hasMath}, {@code extraCss}) plus each template's
 * own ({@code page}, {@code previous}, {@code next}). Thread-safe.
 */
final class SitePages {

    private final String siteTitle;
    private final SiteNav nav;
    private final SiteTemplates templates;
    private final List<String> extraCss;

    SitePages(String siteTitle, SiteNav nav, SiteTemplates templates, List<String> extraCss) {
        this.siteTitle = siteTitle;
        this.nav = nav;
        this.templates = templates;
        this.extraCss = List.copyOf(extraCss);
    }

    String page(Page page) {
        Map<String, Object> model = common(page.url(), page.title(), page.hasMath());
        model.put("page", page);
        model.put("previous", nav.previous(page.url()).orElse(null));
        model.put("next", nav.next(page.url()).orElse(null));
        return templates.render("page", model);
    }

    String home() {
        return templates.render("home", common("index.html", siteTitle, false));
    }

    private Map<String, Object> common(String url, String pageTitle, boolean hasMath) {
        Map<String, Object> model = new HashMap<>();
        model.put("siteTitle", siteTitle);
        model.put("pageTitle", pageTitle);
        model.put("root", "../".repeat((int) url.chars().filter(c -> c == '/').count()));
        model.put("url", url);
        model.put("nav", nav.sections());
        model.put("hasMath", hasMath);
        model.put("extraCss", extraCss);
        return model;
    }
}
