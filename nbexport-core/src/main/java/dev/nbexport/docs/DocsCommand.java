package dev.nbexport.docs;

import static dev.nbexport.io.AtomicFiles.Durability.REGENERABLE;

import dev.nbexport.NbexportException;
import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.docs.DocsIndex.PageState;
import dev.nbexport.docs.api.ProjectApi;
import dev.nbexport.docs.highlight.JavaHighlighter;
import dev.nbexport.docs.search.SearchEntry;
import dev.nbexport.docs.search.SearchIndex;
import dev.nbexport.docs.site.SiteNav;
import dev.nbexport.docs.template.SiteTemplates;
import dev.nbexport.export.Exporter;
import dev.nbexport.io.AtomicFiles;
import dev.nbexport.io.FileStamp;
import dev.nbexport.io.ProjectPaths;
import dev.nbexport.io.Sha256;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import dev.nbexport.project.ExportRequest;
import dev.nbexport.project.ProjectExport;
import dev.nbexport.workspace.NotebookFinder;
import dev.nbexport.workspace.ProjectNotebook;
import dev.nbexport.workspace.ProjectNotebooks;
import dev.nbexport.workspace.ProjectNotebooks.NotebookFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * {@code nbexport:docs}: the notebooks to a static site that works offline and from {@code file://}.
 *
 * <p>The way through: find the notebooks; read each one's bytes and hash them, unless its stamp (size
 * and modification time) is the one the index recorded with its hash. The API comes from
 * exporting the project in memory ({@link ProjectExport#export}, the export {@code check} runs; no
 * file is written) and reading the generated main files ({@link ProjectApi}); it is read only when
 * something needs it: when any notebook the export reads changed since the last run, or a page must
 * be rendered. Titles of unchanged notebooks come from the index, the others are parsed; the
 * navigation (every title, in notebook order, and the API index page when there is API) and the
 * settings give a fingerprint. A page is rendered again when its notebook, the fingerprint or its
 * files changed, or, when the API changed, when its own entries changed or a name it links (or
 * tried to link) resolves differently now: a page that names {@code Slugify.slugify} is rendered
 * again when that entry moves, appears or goes, whichever notebook defines it. Pages render in
 * parallel ({@link PageRenderer}, then the {@code page} template); each generated main file gets a
 * page under {@code _source/} (the API entries' "generated at" links), and the API an index page.
 *
 * <p>Nothing is written until every page has rendered and, in strict mode, no problem was found.
 * Files written by an earlier run that this run did not produce are deleted; no other file in the
 * output folder is touched. A run that finds nothing changed renders nothing, reads no notebook whose
 * stamp is known, makes no template engine or markdown parser, and writes nothing: the assets and the
 * search index are left alone when the same build of nbexport wrote them and their stamps say they
 * are as it left them, and the index when it would not change.
 */
public final class DocsCommand {

    /** The generated home page's notebook name in the index (it has no notebook). */
    private static final String HOME = "";
    /** The API index page, unless a notebook's page is there already. */
    private static final String API_PAGE = "api.html";
    private static final String API_PAGE_ELSEWHERE = "api-index.html";
    private static final String SOURCE_PAGES = "_source/";

    /** Made on first use and kept: the preview's rebuilds reuse it, and it reuses its last parses. */
    private Exporter exporter;

    private record Source(String notebook, String url, NotebookFile file, PageState cached, String title, Notebook parsed) {}

    public DocsResult run(DocsRequest request) {
        Path site = request.output().toAbsolutePath().normalize();
        checkOutput(request, site);
        // what a killed run of ours left half-written in the site and beside the index (the README's: ReadmeWriter),
        // removed on another thread while this one reads: walking a site of 1,400 files costs a cold JVM ~30 ms
        CompletableFuture<Void> leftovers = CompletableFuture.runAsync(() -> {
            AtomicFiles.removeLeftovers(site);
            AtomicFiles.removeLeftoversOf(request.indexFile());
        });
        DocsIndex old = DocsIndex.load(request.indexFile());

        Map<String, DocsIndex.NotebookStamp> notebookStamps = new ConcurrentHashMap<>();
        List<NotebookFile> files = read(request, new NotebookFinder(request.includes(), request.excludes()).find(request.notebooks()),
                old, notebookStamps);
        ApiSource apiSource = new ApiSource(request, files, old, notebookStamps);
        if (apiSource.changed()) {
            apiSource.get(); // the navigation shows the API index page only when there is API
        }
        List<Source> sources = sources(request, files, old, apiSource.notebooks());
        String apiUrl = sources.stream().anyMatch(s -> s.url().equals(API_PAGE)) ? API_PAGE_ELSEWHERE : API_PAGE;
        boolean hasApiPage = apiSource.changed() ? !apiSource.get().isEmpty() : old.page(apiUrl) != null;

        boolean generatedHome = sources.stream().noneMatch(s -> s.url().equals("index.html"));
        List<SiteNav.Entry> navEntries = new ArrayList<>();
        if (generatedHome) {
            navEntries.add(new SiteNav.Entry("index.html", request.siteTitle(), ""));
        }
        sources.stream().filter(s -> s.url().equals("index.html")).forEach(s -> navEntries.add(entry(s)));
        sources.stream().filter(s -> !s.url().equals("index.html")).forEach(s -> navEntries.add(entry(s)));
        if (hasApiPage) {
            navEntries.add(new SiteNav.Entry(apiUrl, "API", ""));
        }
        SiteNav nav = new SiteNav(navEntries);

        SiteTemplates templates = new SiteTemplates(request.docsSource().resolve("templates"));
        Map<String, byte[]> extraCss = extraCss(request.docsSource());
        String fingerprint = fingerprint(request, nav, templates, extraCss);
        SitePages pages = new SitePages(request.siteTitle(), nav, templates, new ArrayList<>(extraCss.keySet()));

        // which pages are up to date; the API is read only if something needs it
        Map<String, PageState> states = new ConcurrentHashMap<>();
        Map<String, byte[]> written = new ConcurrentHashMap<>();
        List<Source> toRender = new ArrayList<>();
        for (Source s : sources) {
            PageState c = s.cached();
            if (c != null && pageKey(fingerprint, s.file().sha256()).equals(c.key()) && filesExist(site, c.files())
                    && (!apiSource.changed() || c.apiKey().equals(apiKey(apiSource.get(), s.url(), c.asked())))) {
                states.put(s.url(), c);
            } else {
                toRender.add(s);
            }
        }
        List<PageState> generatedBefore = old.pages().entrySet().stream()
                .filter(e -> e.getKey().startsWith(SOURCE_PAGES) || e.getKey().equals(apiUrl)).map(Map.Entry::getValue).toList();
        boolean generatedStale = generatedBefore.stream().anyMatch(c -> !pageKey(fingerprint, c.contentHash()).equals(c.key())
                || !filesExist(site, c.files()));
        boolean needApi = request.api() != null && (apiSource.changed() || !toRender.isEmpty() || generatedStale);
        ProjectApi api = needApi ? apiSource.get() : ProjectApi.empty();

        // render what changed, in parallel; nothing is written yet
        Map<String, byte[]> images = new ConcurrentHashMap<>();
        PageRenderer renderer = toRender.isEmpty() ? null : new PageRenderer(api); // its markdown parser costs a no-op
        toRender.parallelStream().forEach(s -> {
            Notebook nb = s.parsed() != null ? s.parsed()
                    : NotebookReader.parse(s.file().bytes(), s.file().path());
            List<String> pageFiles = new ArrayList<>();
            pageFiles.add(s.url());
            PageRenderer.Rendered r = renderer.render(nb, s.notebook(), s.file().path(), s.url(), (content, extension) -> {
                String path = "_images/" + Sha256.hex(content).substring(0, 20) + "." + extension;
                images.putIfAbsent(path, content);
                pageFiles.add(path);
                return path;
            });
            written.put(s.url(), pages.page(r.page()).getBytes(StandardCharsets.UTF_8));
            states.put(s.url(), new PageState(s.file().sha256(), pageKey(fingerprint, s.file().sha256()),
                    apiKey(api, s.url(), r.asked()), r.page().title(), pageFiles.stream().distinct().sorted().toList(),
                    r.search(), r.problems(), r.asked()));
        });
        if (needApi) {
            generatedPages(api, apiUrl, old, site, fingerprint, pages, nav, apiSource.changed(), states, written);
        } else if (!apiSource.changed()) {
            old.pages().forEach((url, c) -> {
                if (url.startsWith(SOURCE_PAGES) || url.equals(apiUrl)) {
                    states.put(url, c);
                }
            });
        }
        if (generatedHome) {
            String key = pageKey(fingerprint, "home");
            PageState cached = old.page("index.html");
            if (cached != null && HOME.equals(cached.contentHash()) && key.equals(cached.key()) && filesExist(site, cached.files())) {
                states.put("index.html", cached);
            } else {
                written.put("index.html", pages.home().getBytes(StandardCharsets.UTF_8));
                states.put("index.html", new PageState(HOME, key, "", request.siteTitle(), List.of("index.html"),
                        List.of(new SearchEntry("page", request.siteTitle(), request.siteTitle(), "index.html", "")),
                        List.of(), List.of()));
            }
        }

        List<Problem> problems = new ArrayList<>(apiSource.problems());
        navEntries.forEach(e -> problems.addAll(states.get(e.url()).problems()));
        if (request.strict() && !problems.isEmpty()) {
            throw strictFailure(problems);
        }

        // write: pages, images, assets, search index; then delete what an earlier run wrote and this one did not.
        // The assets and the search index are not made again when this build of nbexport wrote them for
        // the same pages and they are as it left them (their stamps).
        String build = SiteAssets.buildKey();
        boolean siteFilesAsBefore = written.isEmpty() && !build.isEmpty() && build.equals(old.toolKey())
                && states.equals(old.pages()) && !old.siteStamps().isEmpty() && stampsMatch(site, old.siteStamps());
        Map<String, byte[]> siteFiles = new LinkedHashMap<>();
        List<String> siteFileNames;
        if (siteFilesAsBefore) {
            siteFiles.putAll(extraCss); // the project's own CSS may have changed; it is small
            siteFileNames = old.siteFiles();
        } else {
            siteFiles.putAll(SiteAssets.all());
            siteFiles.putAll(extraCss);
            List<SearchEntry> search = new ArrayList<>();
            navEntries.forEach(e -> search.addAll(states.get(e.url()).search()));
            siteFiles.put("search-index.js", SearchIndex.script(search).getBytes(StandardCharsets.UTF_8));
            siteFileNames = new ArrayList<>(siteFiles.keySet());
        }
        List<Runnable> writes = new ArrayList<>();
        // the site is made again from the notebooks: not flushed file by file (see AtomicFiles.Durability)
        written.forEach((path, bytes) -> writes.add(() -> AtomicFiles.writeIfChanged(site.resolve(path), bytes, REGENERABLE)));
        images.forEach((path, bytes) -> writes.add(() -> {
            if (!Files.isRegularFile(site.resolve(path))) {
                AtomicFiles.writeIfChanged(site.resolve(path), bytes, REGENERABLE);
            }
        }));
        siteFiles.forEach((path, bytes) -> writes.add(() -> AtomicFiles.writeIfChanged(site.resolve(path), bytes, REGENERABLE)));
        awaitRemoval(leftovers);
        AtomicFiles.runAll(writes);

        Map<String, String> siteStamps = new TreeMap<>();
        if (siteFilesAsBefore) {
            siteStamps.putAll(old.siteStamps());
        } else if (!build.isEmpty()) {
            // files this run has just written: no one else writes them, so their stamps are trusted at once
            for (String f : siteFiles.keySet()) {
                FileStamp stamp = FileStamp.of(site.resolve(f));
                if (!extraCss.containsKey(f) && !stamp.equals(FileStamp.MISSING)) {
                    siteStamps.put(f, stamp.toString());
                }
            }
        }
        DocsIndex now = new DocsIndex(states, siteFileNames, apiSource.input(),
                apiSource.failed() ? apiSource.problems() : List.of(), notebookStamps, siteStamps, build);
        Set<String> keep = new HashSet<>(now.allFiles());
        for (String stale : old.allFiles()) {
            if (!keep.contains(stale)) {
                deleteOurs(site, stale);
            }
        }
        if (!now.sameAs(old)) {
            now.save(request.indexFile());
        }

        boolean readme = request.readme() != null && new ReadmeWriter().write(request);
        List<String> rendered = written.keySet().stream().sorted().toList();
        return new DocsResult(site, rendered, states.size() - rendered.size(), problems, readme);
    }

    /** The generated files' pages and the API index page: rendered when they changed, else kept. */
    private static void generatedPages(ProjectApi api, String apiUrl, DocsIndex old, Path site, String fingerprint,
                                       SitePages pages, SiteNav nav, boolean apiChanged, Map<String, PageState> states,
                                       Map<String, byte[]> written) {
        api.sourceFiles().parallelStream().forEach(file -> {
            StringBuilder content = new StringBuilder(file.file()).append('\n').append(file.content());
            file.blocks().forEach(b -> content.append('\n').append(b));
            String hash = Sha256.hex(content.toString().getBytes(StandardCharsets.UTF_8));
            String key = pageKey(fingerprint, hash);
            PageState c = old.page(file.url());
            if (c != null && key.equals(c.key()) && filesExist(site, c.files())
                    && (!apiChanged || c.apiKey().equals(RecordingResolver.fingerprint(c.asked(), api.resolver())))) {
                states.put(file.url(), c);
                return;
            }
            RecordingResolver links = new RecordingResolver(api.resolver());
            List<String> lines = new JavaHighlighter(links).highlightLines(stripFinalNewline(file.content()), rootPrefix(file.url()));
            written.put(file.url(), pages.source(file, lines).getBytes(StandardCharsets.UTF_8));
            states.put(file.url(), new PageState(hash, key, RecordingResolver.fingerprint(links.asked(), api.resolver()),
                    file.file(), List.of(file.url()), List.of(), List.of(), links.asked()));
        });
        if (api.isEmpty()) {
            return;
        }
        String key = pageKey(fingerprint, api.fingerprint());
        PageState c = old.page(apiUrl);
        if (c != null && key.equals(c.key()) && filesExist(site, c.files())) {
            states.put(apiUrl, c);
        } else {
            written.put(apiUrl, pages.apiIndex(apiUrl, api).getBytes(StandardCharsets.UTF_8));
            states.put(apiUrl, new PageState(api.fingerprint(), key, "", "API", List.of(apiUrl),
                    List.of(new SearchEntry("page", "API", "API", apiUrl, "")), List.of(), List.of()));
        }
    }

    /** What a page's API sections show and what the names it asked about resolve to now, as one hash. */
    private static String apiKey(ProjectApi api, String url, List<String> asked) {
        return Sha256.hex(api.pageFingerprint(url).getBytes(StandardCharsets.UTF_8),
                RecordingResolver.fingerprint(asked, api.resolver()).getBytes(StandardCharsets.UTF_8));
    }

    /** What a page was rendered from besides the API: the site's fingerprint and its content's hash. */
    private static String pageKey(String fingerprint, String contentHash) {
        return Sha256.hex(fingerprint.getBytes(StandardCharsets.UTF_8), contentHash.getBytes(StandardCharsets.UTF_8));
    }

    private static SiteNav.Entry entry(Source s) {
        int slash = s.notebook().lastIndexOf('/');
        return new SiteNav.Entry(s.url(), s.title(), slash < 0 ? "" : s.notebook().substring(0, slash));
    }

    /**
     * The notebooks' paths and content hashes, in parallel. A notebook whose stamp is the one the index
     * has is not read: its hash is the index's, its bytes are read (and checked against that hash) when
     * something needs them ({@link ProjectNotebooks#read(List, Map)}). Each notebook's stamp, where it
     * vouches for the content, goes into {@code stamps}.
     */
    private static List<NotebookFile> read(DocsRequest request, List<Path> files, DocsIndex old,
                                           Map<String, DocsIndex.NotebookStamp> stamps) {
        ProjectNotebooks notebooks = new ProjectNotebooks(request.projectDir(), DirectiveParser.standard());
        Map<String, ProjectNotebooks.Recorded> recorded = new HashMap<>();
        for (Path file : files) {
            String path = notebooks.path(file);
            DocsIndex.NotebookStamp known = old.notebook(path);
            if (known != null) {
                recorded.put(path, new ProjectNotebooks.Recorded(known.sha256(), FileStamp.parse(known.stamp())));
            }
        }
        List<NotebookFile> read = notebooks.read(files, recorded);
        for (NotebookFile file : read) {
            if (file.stamp() != null) {
                stamps.put(file.path(), new DocsIndex.NotebookStamp(file.stamp().toString(), file.sha256()));
            }
        }
        return read;
    }

    /** Waits for the leftovers' removal; what it failed with is thrown as it would have been on this thread. */
    private static void awaitRemoval(CompletableFuture<Void> removal) {
        try {
            removal.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static boolean stampsMatch(Path site, Map<String, String> stamps) {
        for (Map.Entry<String, String> e : stamps.entrySet()) {
            if (!e.getValue().equals(FileStamp.of(site.resolve(e.getKey())).toString())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Each notebook with its title: from the index when it did not change, else from the notebook,
     * parsed (or taken from the export's parse).
     */
    private static List<Source> sources(DocsRequest request, List<NotebookFile> files, DocsIndex old,
                                        Map<String, Notebook> parsedByExport) {
        PageRenderer titles = null; // made when a notebook changed: a no-op needs no markdown parser
        List<Source> sources = new ArrayList<>();
        List<NbexportException> errors = new ArrayList<>();
        for (NotebookFile file : files) {
            String notebook = notebookOf(request, file);
            String url = pageUrl(notebook);
            PageState cached = old.page(url);
            Notebook parsed = parsedByExport.get(file.path());
            if (cached != null && file.sha256().equals(cached.contentHash())) {
                sources.add(new Source(notebook, url, file, cached, cached.title(), parsed));
                continue;
            }
            try {
                Notebook nb = parsed != null ? parsed : NotebookReader.parse(file.bytes(), file.path());
                if (titles == null) {
                    titles = new PageRenderer(ProjectApi.empty());
                }
                sources.add(new Source(notebook, url, file, cached, titles.title(nb, notebook), nb));
            } catch (NbexportException e) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw NbexportException.all("in notebooks", errors);
        }
        return sources;
    }

    /**
     * The API of the export the request names: what it is read from (the export's settings and the
     * hash of every notebook it reads), and, on first use, the API itself. An export that fails
     * leaves the pages without API sections, with its problems as warnings (errors in strict mode):
     * a notebook being edited in the live preview must not stop the site. The index keeps those
     * problems with the input, so a later run on the same input reports them without exporting again.
     */
    private final class ApiSource {
        private final DocsRequest request;
        private final List<NotebookFile> files;
        private final String input;
        private final boolean changed;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, Notebook> notebooks = new HashMap<>();
        private final Map<String, String> pageOf = new HashMap<>();
        private ProjectApi api;
        private boolean failed;

        ApiSource(DocsRequest request, List<NotebookFile> docsFiles, DocsIndex old, Map<String, DocsIndex.NotebookStamp> stamps) {
            this.request = request;
            docsFiles.forEach(f -> pageOf.put(f.path(), pageUrl(notebookOf(request, f))));
            ExportRequest export = request.api();
            if (export == null) {
                this.files = List.of();
                this.input = "none";
            } else {
                Map<Path, NotebookFile> read = new HashMap<>();
                docsFiles.forEach(f -> read.put(f.file().toAbsolutePath().normalize(), f));
                List<Path> missing = new ArrayList<>();
                List<NotebookFile> exported = new ArrayList<>();
                for (Path p : export.notebookFiles()) {
                    NotebookFile f = read.get(p.toAbsolutePath().normalize());
                    if (f == null) {
                        missing.add(p);
                    } else {
                        exported.add(f);
                    }
                }
                exported.addAll(DocsCommand.read(request, missing, old, stamps));
                this.files = exported;
                StringBuilder text = new StringBuilder("api\n").append(request.toolVersion()).append('\n')
                        .append(Runtime.version().feature()).append('\n')
                        .append(ProjectPaths.shown(request.projectDir(), export.mainRoot())).append('\n');
                exported.stream().map(f -> f.path() + "\t" + f.sha256()).sorted().forEach(l -> text.append(l).append('\n'));
                this.input = Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
            }
            this.changed = !input.equals(old.apiInput());
            if (!changed && !old.apiProblems().isEmpty()) {
                // the export failed on this very input: it would fail again the same way
                failed = true;
                problems.addAll(old.apiProblems());
                api = ProjectApi.empty();
            }
        }

        String input() {
            return input;
        }

        boolean changed() {
            return changed;
        }

        boolean failed() {
            return failed;
        }

        List<Problem> problems() {
            return problems;
        }

        /** The notebooks the export parsed, by path relative to the project; empty before {@link #get}. */
        Map<String, Notebook> notebooks() {
            return notebooks;
        }

        ProjectApi get() {
            if (api == null) {
                api = build();
            }
            return api;
        }

        private ProjectApi build() {
            if (request.api() == null) {
                return ProjectApi.empty();
            }
            try {
                ProjectExport.Exported exported = ProjectExport.export(request.api(), files,
                        exporter());
                for (ProjectNotebook nb : exported.loaded().notebooks()) {
                    notebooks.put(nb.path(), nb.notebook());
                }
                return ProjectApi.of(exported.loaded().notebooks(), exported.result(),
                        ProjectPaths.shown(request.projectDir(), request.api().mainRoot()),
                        notebook -> Optional.ofNullable(pageOf.get(notebook)));
            } catch (NbexportException e) {
                failed = true;
                List<Problem> why = e.problems().isEmpty() ? List.of(Problem.warning(Location.none(), e.getMessage())) : e.problems();
                for (Problem p : why) {
                    problems.add(Problem.warning(p.where(), "no API sections, the notebooks do not export: " + p.message()));
                }
                return ProjectApi.empty();
            }
        }
    }

    private synchronized Exporter exporter() {
        if (exporter == null) {
            exporter = new Exporter();
        }
        return exporter;
    }

    /** The notebook's path relative to the notebooks folder, {@code /} separators: {@code guides/01_x.ipynb}. */
    private static String notebookOf(DocsRequest request, NotebookFile file) {
        return ProjectPaths.slashes(request.notebooks().toAbsolutePath().normalize().relativize(file.file().toAbsolutePath().normalize()));
    }

    /** {@code guides/01_x.ipynb} to {@code guides/01_x.html}. */
    static String pageUrl(String notebook) {
        return notebook.substring(0, notebook.length() - ".ipynb".length()) + ".html";
    }

    private static String rootPrefix(String url) {
        return "../".repeat((int) url.chars().filter(c -> c == '/').count());
    }

    private static String stripFinalNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
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

    private static String fingerprint(DocsRequest request, SiteNav nav, SiteTemplates templates, Map<String, byte[]> extraCss) {
        StringBuilder text = new StringBuilder("nbexport-docs\n").append(request.toolVersion()).append('\n')
                .append(request.siteTitle()).append('\n').append(Runtime.version().feature()).append('\n');
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
