package dev.nbexport.docs;

import dev.nbexport.NbexportException;
import dev.nbexport.docs.DocsIndex.PageState;
import dev.nbexport.docs.search.SearchEntry;
import dev.nbexport.docs.search.SearchIndex;
import dev.nbexport.docs.site.ApiCatalog;
import dev.nbexport.docs.site.SiteNav;
import dev.nbexport.docs.template.SiteTemplates;
import dev.nbexport.io.AtomicFiles;
import dev.nbexport.io.ProjectPaths;
import dev.nbexport.io.Sha256;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.problem.Problem;
import dev.nbexport.workspace.NotebookFinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * {@code nbexport:docs}: the notebooks to a static site that works offline and from {@code file://}.
 *
 * <p>The way through: find the notebooks; read each one's bytes and hash them; titles of unchanged
 * notebooks come from the index, the others are parsed; the navigation (every title, in notebook
 * order) and the settings give a fingerprint; a page whose notebook hash and fingerprint match the
 * last run, and whose files are still there, is not rendered again. The others render in parallel
 * ({@link PageRenderer}, then the {@code page} template). Nothing is written until every page has
 * rendered and, in strict mode, no problem was found. Files written by an earlier run that this run
 * did not produce are deleted; no other file in the output folder is touched.
 */
public final class DocsCommand {

    /** The generated home page's notebook name in the index (it has no notebook). */
    private static final String HOME = "";

    private final ApiCatalog api;

    /** Docs without API sections (phase 1). */
    public DocsCommand() {
        this(ApiCatalog.NONE);
    }

    /** Docs whose exported cells show the API {@code api} describes. */
    public DocsCommand(ApiCatalog api) {
        this.api = api;
    }

    private record Source(String notebook, String url, Path file, byte[] bytes, String hash, PageState cached,
                          String title, Notebook parsed) {}

    public DocsResult run(DocsRequest request) {
        Path site = request.output().toAbsolutePath().normalize();
        checkOutput(request, site);
        DocsIndex old = DocsIndex.load(request.indexFile());
        PageRenderer renderer = new PageRenderer(api);

        List<Source> sources = read(request, old, renderer);
        boolean generatedHome = sources.stream().noneMatch(s -> s.url().equals("index.html"));
        List<SiteNav.Entry> navEntries = new ArrayList<>();
        if (generatedHome) {
            navEntries.add(new SiteNav.Entry("index.html", request.siteTitle(), ""));
        }
        sources.stream().filter(s -> s.url().equals("index.html")).forEach(s -> navEntries.add(entry(s)));
        sources.stream().filter(s -> !s.url().equals("index.html")).forEach(s -> navEntries.add(entry(s)));
        SiteNav nav = new SiteNav(navEntries);

        SiteTemplates templates = new SiteTemplates(request.docsSource().resolve("templates"));
        Map<String, byte[]> extraCss = extraCss(request.docsSource());
        String fingerprint = fingerprint(request, nav, templates, extraCss);
        SitePages pages = new SitePages(request.siteTitle(), nav, templates, new ArrayList<>(extraCss.keySet()));

        // render what changed, in parallel; nothing is written yet
        Map<String, byte[]> images = new ConcurrentHashMap<>();
        Map<String, PageState> states = new ConcurrentHashMap<>();
        Map<String, byte[]> written = new ConcurrentHashMap<>();
        List<String> rendered = new ArrayList<>();
        List<Source> toRender = new ArrayList<>();
        for (Source s : sources) {
            String key = pageKey(fingerprint, s.hash());
            if (s.cached() != null && key.equals(s.cached().key()) && filesExist(site, s.cached().files())) {
                states.put(s.url(), s.cached());
            } else {
                toRender.add(s);
                rendered.add(s.url());
            }
        }
        toRender.parallelStream().forEach(s -> {
            Notebook nb = s.parsed() != null ? s.parsed()
                    : NotebookReader.parse(s.bytes(), ProjectPaths.shown(request.projectDir(), s.file()));
            List<String> files = new ArrayList<>();
            files.add(s.url());
            PageRenderer.Rendered r = renderer.render(nb, s.notebook(), ProjectPaths.shown(request.projectDir(), s.file()),
                    s.url(), (content, extension) -> {
                        String path = "_images/" + Sha256.hex(content).substring(0, 20) + "." + extension;
                        images.putIfAbsent(path, content);
                        files.add(path);
                        return path;
                    });
            written.put(s.url(), pages.page(r.page()).getBytes(StandardCharsets.UTF_8));
            String key = pageKey(fingerprint, s.hash());
            states.put(s.url(), new PageState(s.hash(), key, r.page().title(), files.stream().distinct().sorted().toList(),
                    r.search(), r.problems()));
        });
        if (generatedHome) {
            String key = pageKey(fingerprint, "home");
            PageState cached = old.page("index.html");
            if (cached != null && HOME.equals(cached.notebookHash()) && key.equals(cached.key()) && filesExist(site, cached.files())) {
                states.put("index.html", cached);
            } else {
                written.put("index.html", pages.home().getBytes(StandardCharsets.UTF_8));
                states.put("index.html", new PageState(HOME, key, request.siteTitle(), List.of("index.html"),
                        List.of(new SearchEntry("page", request.siteTitle(), request.siteTitle(), "index.html", "")), List.of()));
                rendered.add("index.html");
            }
        }

        List<Problem> problems = new ArrayList<>();
        navEntries.forEach(e -> problems.addAll(states.get(e.url()).problems()));
        if (request.strict() && !problems.isEmpty()) {
            throw strictFailure(problems);
        }

        // write: pages, images, assets, search index; then delete what an earlier run wrote and this one did not
        Map<String, byte[]> siteFiles = new LinkedHashMap<>(SiteAssets.all());
        siteFiles.putAll(extraCss);
        List<SearchEntry> search = new ArrayList<>();
        navEntries.forEach(e -> search.addAll(states.get(e.url()).search()));
        siteFiles.put("search-index.js", SearchIndex.script(search).getBytes(StandardCharsets.UTF_8));
        List<Runnable> writes = new ArrayList<>();
        written.forEach((path, bytes) -> writes.add(() -> AtomicFiles.writeIfChanged(site.resolve(path), bytes)));
        images.forEach((path, bytes) -> writes.add(() -> {
            if (!Files.isRegularFile(site.resolve(path))) {
                AtomicFiles.writeIfChanged(site.resolve(path), bytes);
            }
        }));
        siteFiles.forEach((path, bytes) -> writes.add(() -> AtomicFiles.writeIfChanged(site.resolve(path), bytes)));
        AtomicFiles.runAll(writes);

        DocsIndex now = new DocsIndex(states, new ArrayList<>(siteFiles.keySet()));
        Set<String> keep = new HashSet<>(now.allFiles());
        for (String stale : old.allFiles()) {
            if (!keep.contains(stale)) {
                deleteOurs(site, stale);
            }
        }
        now.save(request.indexFile());

        boolean readme = request.readme() != null && new ReadmeWriter().write(request);
        return new DocsResult(site, rendered.stream().sorted().toList(), navEntries.size() - rendered.size(), problems, readme);
    }

    /** What a page was rendered from: the site's fingerprint and its notebook's hash. */
    private static String pageKey(String fingerprint, String notebookHash) {
        return Sha256.hex(fingerprint.getBytes(StandardCharsets.UTF_8), notebookHash.getBytes(StandardCharsets.UTF_8));
    }

    private static SiteNav.Entry entry(Source s) {
        int slash = s.notebook().lastIndexOf('/');
        return new SiteNav.Entry(s.url(), s.title(), slash < 0 ? "" : s.notebook().substring(0, slash));
    }

    /** Each notebook's bytes and hash; parsed (for its title) only when it changed since the last run. */
    private static List<Source> read(DocsRequest request, DocsIndex old, PageRenderer renderer) {
        List<Path> files = new NotebookFinder(request.includes(), request.excludes()).find(request.notebooks());
        List<Source> sources = new ArrayList<>();
        List<NbexportException> errors = new ArrayList<>();
        for (Path file : files) {
            String notebook = ProjectPaths.slashes(request.notebooks().relativize(file));
            String url = pageUrl(notebook);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            String hash = Sha256.hex(bytes);
            PageState cached = old.page(url);
            if (cached != null && hash.equals(cached.notebookHash())) {
                sources.add(new Source(notebook, url, file, bytes, hash, cached, cached.title(), null));
                continue;
            }
            try {
                Notebook nb = NotebookReader.parse(bytes, ProjectPaths.shown(request.projectDir(), file));
                sources.add(new Source(notebook, url, file, bytes, hash, cached, renderer.title(nb, notebook), nb));
            } catch (NbexportException e) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw NbexportException.all("in notebooks", errors);
        }
        return sources;
    }

    /** {@code guides/01_x.ipynb} to {@code guides/01_x.html}. */
    static String pageUrl(String notebook) {
        return notebook.substring(0, notebook.length() - ".ipynb".length()) + ".html";
    }

    private static Map<String, byte[]> extraCss(Path docsSource) {
        Map<String, byte[]> css = new TreeMap<>();
        if (!Files.isDirectory(docsSource)) {
            return css;
        }
        try (Stream<Path> files = Files.list(docsSource)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".css")).sorted().toList()) {
                css.put("_assets/extra/" + f.getFileName(), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + docsSource, e);
        }
        return css;
    }

    private String fingerprint(DocsRequest request, SiteNav nav, SiteTemplates templates, Map<String, byte[]> extraCss) {
        StringBuilder text = new StringBuilder("nbexport-docs\n").append(request.toolVersion()).append('\n')
                .append(request.siteTitle()).append('\n').append(api.resolver().fingerprint()).append('\n');
        nav.entries().forEach(e -> text.append(e.url()).append('\t').append(e.title()).append('\t').append(e.section()).append('\n'));
        extraCss.keySet().forEach(name -> text.append("css\t").append(name).append('\n'));
        try {
            for (Path t : templates.overrideFiles()) {
                text.append("template\t").append(t.getFileName()).append('\t').append(Sha256.hex(Files.readAllBytes(t))).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean filesExist(Path site, List<String> files) {
        for (String f : files) {
            if (!Files.isRegularFile(site.resolve(f))) {
                return false;
            }
        }
        return true;
    }

    private static void deleteOurs(Path site, String relative) {
        Path file = site.resolve(relative).normalize();
        if (!file.startsWith(site)) {
            return; // a damaged index never reaches outside the site
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static void checkOutput(DocsRequest request, Path site) {
        Path project = request.projectDir().toAbsolutePath().normalize();
        Path notebooks = request.notebooks().toAbsolutePath().normalize();
        if (site.equals(project) || notebooks.startsWith(site)) {
            throw new NbexportException("the docs output folder " + site + " holds the project or its notebooks",
                    "Point <docsOutput> (-Dnbexport.docs.output) at a folder of its own, such as target/nbexport-docs.");
        }
    }

    private static NbexportException strictFailure(List<Problem> problems) {
        List<Problem> errors = new ArrayList<>();
        for (Problem p : problems) {
            errors.add(Problem.error(p.where(), p.message(),
                    "Fix the name or link in that cell, or build without -Dnbexport.docs.strict."));
        }
        return NbexportException.of("in the docs (strict mode)", errors);
    }
}
