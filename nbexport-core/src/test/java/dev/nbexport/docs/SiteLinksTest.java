package dev.nbexport.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A link checker over the real sites of this repository's {@code docs/} and {@code example-project}:
 * every internal link and image of every page, and every search result, points at a file of the
 * site and, with an anchor, at an element with that id. External links are not followed (the site
 * is offline); {@code javascript:} or {@code data:} links would be failures.
 */
class SiteLinksTest {

    private static final Pattern URL_ATTRIBUTE = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");
    private static final Pattern SEARCH_URL = Pattern.compile("\"u\": \"([^\"]*)\"");

    @Test
    void theDocsSiteHasNoBrokenInternalLinks() throws IOException {
        DocsResult result = Sites.build("docs", Sites.repository().resolve("docs"), Sites.repository().resolve("docs"));
        assertThat(result.rendered()).contains("index.html", "01_export_and_check.html", "05_docs_site.html");
        assertThat(result.problems()).extracting(Object::toString).isEmpty();
        assertThat(brokenLinks(result.site())).isEmpty();
    }

    @Test
    void theExampleProjectSiteHasNoBrokenInternalLinks() throws IOException {
        DocsResult result = Sites.build("example", Sites.repository().resolve("example-project"),
                Sites.repository().resolve("example-project/notebooks"));
        assertThat(result.rendered()).contains("index.html", "00_slugify.html", "api.html");
        assertThat(result.problems()).extracting(Object::toString).isEmpty();
        // the checker sees the API's links too: entries, the index, the generated files' pages and code identifiers
        assertThat(Files.readString(result.site().resolve("api.html"), StandardCharsets.UTF_8))
                .contains("00_slugify.html#api-Slugify.slugify");
        assertThat(Files.readString(result.site().resolve("01_wordwrap.html"), StandardCharsets.UTF_8))
                .contains("class=\"api-link", "class=\"nbx-api-source\" href=\"_source/");
        assertThat(brokenLinks(result.site())).isEmpty();
    }

    @Test
    void theCheckerFindsBrokenLinksAndAnchors() throws IOException {
        Path site = Files.createDirectories(Sites.repository().resolve("nbexport-core/target/sites/broken"));
        Files.writeString(site.resolve("a.html"), "<a href=\"b.html#there\">x</a><a href=\"missing.html\">y</a>"
                + "<a href=\"#here\">z</a><a href=\"javascript:alert(1)\">j</a><p id=\"here\"></p>");
        Files.writeString(site.resolve("b.html"), "<p id=\"elsewhere\"></p>");
        assertThat(brokenLinks(site)).containsExactlyInAnyOrder("a.html -> b.html#there (no such anchor)",
                "a.html -> missing.html (no such file)", "a.html -> javascript:alert(1) (script URL)");
    }

    /** Every broken internal link of the site's pages and search index, as {@code page -> link (why)}. */
    static List<String> brokenLinks(Path site) throws IOException {
        Map<Path, Set<String>> ids = new HashMap<>();
        List<String> broken = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path page : pages) {
            Matcher links = URL_ATTRIBUTE.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (links.find()) {
                check(site, page, links.group(1).replace("&amp;", "&"), ids, broken);
            }
        }
        Path search = site.resolve("search-index.js");
        if (Files.exists(search)) {
            Matcher urls = SEARCH_URL.matcher(Files.readString(search, StandardCharsets.UTF_8));
            while (urls.find()) {
                check(site, site.resolve("index.html"), urls.group(1), ids, broken);
            }
        }
        return broken;
    }

    private static void check(Path site, Path page, String link, Map<Path, Set<String>> ids, List<String> broken) throws IOException {
        String from = site.relativize(page).toString().replace('\\', '/');
        String lower = link.strip().toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("javascript:") || lower.startsWith("vbscript:") || lower.startsWith("data:text")) {
            broken.add(from + " -> " + link + " (script URL)");
            return;
        }
        URI uri = URI.create(link.replace(" ", "%20"));
        if (uri.getScheme() != null || link.startsWith("//")) {
            return; // external (or data: images): not part of the site
        }
        Path target = uri.getPath() == null || uri.getPath().isEmpty() ? page : page.getParent().resolve(uri.getPath()).normalize();
        if (!target.startsWith(site) || !Files.isRegularFile(target)) {
            broken.add(from + " -> " + link + " (no such file)");
            return;
        }
        if (uri.getFragment() != null && target.toString().endsWith(".html")) {
            Set<String> targetIds = ids.get(target);
            if (targetIds == null) {
                targetIds = new HashSet<>();
                Matcher m = ID.matcher(Files.readString(target, StandardCharsets.UTF_8));
                while (m.find()) {
                    targetIds.add(m.group(1));
                }
                ids.put(target, targetIds);
            }
            if (!targetIds.contains(uri.getFragment())) {
                broken.add(from + " -> " + link + " (no such anchor)");
            }
        }
    }
}
