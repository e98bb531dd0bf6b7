package dev.nbexport.docs.api;

import dev.nbexport.directive.CellDirectives;
import dev.nbexport.directive.ExportKind;
import dev.nbexport.docs.site.ApiCatalog;
import dev.nbexport.docs.site.ApiEntry;
import dev.nbexport.docs.site.LinkResolver;
import dev.nbexport.docs.site.LinkResolver.ApiLink;
import dev.nbexport.docs.site.SourceFile;
import dev.nbexport.export.ExportResult;
import dev.nbexport.io.Sha256;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.layout.SourceMap;
import dev.nbexport.layout.SourceMap.CellPosition;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.problem.Problem;
import dev.nbexport.workspace.ProjectNotebook;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The API of a project's notebooks, read from the files its export makes in memory: each public
 * type and member of the generated main sources becomes an {@link ApiEntry} (signature and Javadoc
 * rendered, linked to its generated line and back to its cell), listed after the cell it came from.
 *
 * <p>Which cell a declaration came from is the file's source map's answer for the declaration's
 * line ({@link SourceMap#cellPosition(int)}); nothing reads markers or compares text. The one
 * declaration no cell wrote is the class export puts a notebook's members into
 * ({@code default_exp com.acme.Slugify}): it is listed with the {@code default_exp} cell, or, when
 * that cell is hidden or in another notebook, with the first shown cell that fills the class. Cells
 * the site does not show ({@code hide}), {@code exporti} cells and notebooks without a page have no
 * entries; what they declare is not linked, but not reported as missing either.
 *
 * <pre>{@code
 * ProjectApi api = ProjectApi.of(notebooks, export, "src/main/java", notebook -> Optional.of(page));
 * api.entries(cell);       // the entries shown after a cell
 * api.resolver();          // backtick names and code identifiers to entries
 * }</pre>
 * Immutable and thread-safe once built.
 */
public final class ProjectApi implements ApiCatalog {

    private static final String SOURCE_PAGES = "_source/";

    private final Map<CellRef, List<ApiEntry>> entries;
    private final Map<CellRef, List<Problem>> problems;
    private final Map<String, List<ApiEntry>> byPage;
    private final Map<String, List<Problem>> problemsByPage;
    private final List<SourceFile> sourceFiles;
    private final LinkResolver resolver;
    private final String fingerprint;

    private ProjectApi(Map<CellRef, List<ApiEntry>> entries, Map<CellRef, List<Problem>> problems,
                       Map<String, List<ApiEntry>> byPage, Map<String, List<Problem>> problemsByPage,
                       List<SourceFile> sourceFiles, LinkResolver resolver) {
        this.entries = entries;
        this.problems = problems;
        this.byPage = byPage;
        this.problemsByPage = problemsByPage;
        this.sourceFiles = List.copyOf(sourceFiles);
        this.resolver = resolver;
        StringBuilder text = new StringBuilder();
        byPage.forEach((page, list) -> list.forEach(e -> text.append(page).append('#').append(e.anchor()).append('\t')
                .append(e.kind()).append('\t').append(e.qualifiedName()).append('\t').append(e.summary()).append('\n')));
        this.fingerprint = Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** No API: a site whose notebooks export nothing, or whose export failed. */
    public static ProjectApi empty() {
        return new ProjectApi(Map.of(), Map.of(), Map.of(), Map.of(), List.of(), LinkResolver.NONE);
    }

    /**
     * The API of an export.
     *
     * @param notebooks the notebooks exported, with their cells' directives
     * @param export what the exporter made of them (in memory)
     * @param mainRoot where main sources go, relative to the project ({@code src/main/java}), for the
     *     paths the entries show
     * @param pageOf the site's page (relative to the site root) of a notebook, by its path relative to
     *     the project; empty for a notebook the site does not show
     */
    public static ProjectApi of(List<ProjectNotebook> notebooks, ExportResult export, String mainRoot,
                                Function<String, Optional<String>> pageOf) {
        Map<CellRef, CellDirectives> cells = new HashMap<>();
        Map<String, CellRef> defaultExpCells = new HashMap<>();
        for (ProjectNotebook notebook : notebooks) {
            for (CellDirectives d : notebook.directives()) {
                cells.put(d.cell(), d);
                d.defaultExp().ifPresent(target -> defaultExpCells.putIfAbsent(target, d.cell()));
            }
        }
        Map<String, Optional<String>> pages = new HashMap<>();
        Function<CellRef, Optional<String>> pageOfCell = cell -> pages.computeIfAbsent(cell.notebook(), pageOf);
        java.util.function.Predicate<CellRef> shown = cell -> {
            CellDirectives d = cells.get(cell);
            return d != null && !d.hidden() && d.exportKind() != ExportKind.EXPORTI && pageOfCell.apply(cell).isPresent();
        };

        List<ApiExtractor.Input> inputs = new ArrayList<>();
        String prefix = mainRoot.isEmpty() || mainRoot.endsWith("/") ? mainRoot : mainRoot + "/";
        for (GeneratedFile file : export.files()) {
            if (file.kind() == GeneratedFile.Kind.MAIN) {
                inputs.add(new ApiExtractor.Input(file, prefix + file.relativePath(),
                        SOURCE_PAGES + file.relativePath() + ".html"));
            }
        }
        ApiExtractor.Parse parse = ApiExtractor.parse(inputs);

        // which cell each declaration is listed with, and its line in that cell (for the order)
        Map<ApiDeclaration, CellPosition> placed = new IdentityHashMap<>();
        for (ApiDeclaration d : parse.declarations()) {
            SourceMap map = d.file().generated().sourceMap();
            Optional<CellPosition> position = map.cellPosition(d.line());
            if (position.isEmpty() && d.owner() == null) {
                CellRef defaultExp = defaultExpCells.get(d.qualifiedName());
                position = Optional.ofNullable(defaultExp != null && shown.test(defaultExp) ? defaultExp
                        : map.cells().stream().filter(shown).findFirst().orElse(null)).map(c -> new CellPosition(c, 0, 0));
            }
            position.filter(p -> d.api() && shown.test(p.cell())).ifPresent(p -> placed.put(d, p));
        }
        List<ApiDeclaration> listed = new ArrayList<>(placed.keySet());
        Map<ApiDeclaration, Integer> fileOrder = new IdentityHashMap<>();
        parse.declarations().forEach(d -> fileOrder.put(d, fileOrder.size()));
        listed.sort(Comparator.<ApiDeclaration, String>comparing(d -> placed.get(d).cell().notebook())
                .thenComparingInt(d -> placed.get(d).cell().number())
                .thenComparingInt(d -> placed.get(d).line())
                .thenComparingInt(fileOrder::get));

        // anchors, unique in each page; links
        Map<ApiDeclaration, ApiLink> links = new LinkedHashMap<>();
        Map<String, Set<String>> anchorsOfPage = new HashMap<>();
        for (ApiDeclaration d : listed) {
            String page = pageOfCell.apply(placed.get(d).cell()).orElseThrow();
            Set<String> used = anchorsOfPage.computeIfAbsent(page, k -> new HashSet<>());
            String base = "api-" + d.localName();
            String anchor = base;
            for (int n = 2; !used.add(anchor); n++) {
                anchor = base + "-" + n;
            }
            links.put(d, new ApiLink(page, anchor, d.kind().label() + " " + d.display()));
        }

        TypeNames types = new TypeNames(parse.declarations(), new JdkDocs());
        TypeLinks typeLinks = new TypeLinks(types, links, parse.declarations());
        SignatureHtml signatures = new SignatureHtml(parse, typeLinks);
        JavadocHtml javadoc = new JavadocHtml(parse, typeLinks);
        Map<CellRef, List<ApiEntry>> entries = new HashMap<>();
        Map<CellRef, List<Problem>> problems = new HashMap<>();
        Map<String, List<ApiEntry>> byPage = new TreeMap<>();
        Map<String, List<Problem>> problemsByPage = new HashMap<>();
        for (ApiDeclaration d : listed) {
            ApiLink link = links.get(d);
            String rootPrefix = "../".repeat((int) link.page().chars().filter(c -> c == '/').count());
            JavadocHtml.Rendered doc = javadoc.render(d, rootPrefix);
            ApiEntry entry = new ApiEntry(d.kind(), d.name(), d.qualifiedName(), signatures.render(d, rootPrefix),
                    doc.html(), doc.summary(), link.anchor(),
                    new ApiEntry.SourcePosition(d.file().shownPath(), d.line(), d.file().page()));
            CellRef cell = placed.get(d).cell();
            entries.computeIfAbsent(cell, k -> new ArrayList<>()).add(entry);
            byPage.computeIfAbsent(link.page(), k -> new ArrayList<>()).add(entry);
            if (!doc.problems().isEmpty()) {
                problems.computeIfAbsent(cell, k -> new ArrayList<>()).addAll(doc.problems());
                problemsByPage.computeIfAbsent(link.page(), k -> new ArrayList<>()).addAll(doc.problems());
            }
        }

        List<SourceFile> sourceFiles = new ArrayList<>();
        for (ParsedFile file : parse.files()) {
            List<SourceFile.Block> blocks = new ArrayList<>();
            for (SourceMap.Block block : file.generated().sourceMap().blocks()) {
                // a link only to a cell its page shows: with entries, or its source (exports)
                CellRef cell = block.cell();
                boolean onPage = shown.test(cell) && (entries.containsKey(cell) || cells.get(cell).exportKind() == ExportKind.EXPORTS);
                blocks.add(new SourceFile.Block(block.markerLine(), cell.toString(),
                        onPage ? pageOfCell.apply(cell).orElseThrow() + "#cell-" + cell.number() : null));
            }
            sourceFiles.add(new SourceFile(file.page(), file.shownPath(), file.source(), blocks));
        }
        sourceFiles.sort(Comparator.comparing(SourceFile::url));
        return new ProjectApi(entries, problems, byPage, problemsByPage, sourceFiles,
                new ApiNames(links, parse.declarations(), types.packages()));
    }

    @Override
    public List<ApiEntry> entries(CellRef cell) {
        return entries.getOrDefault(cell, List.of());
    }

    @Override
    public List<Problem> problems(CellRef cell) {
        return problems.getOrDefault(cell, List.of());
    }

    @Override
    public LinkResolver resolver() {
        return resolver;
    }

    /** Every entry of a page, in the page's order; empty for a page without API. */
    public List<ApiEntry> entriesOnPage(String page) {
        return byPage.getOrDefault(page, List.of());
    }

    /** Whether there is any entry at all. */
    public boolean isEmpty() {
        return byPage.isEmpty();
    }

    /** The generated main files, each for a page of its own, sorted by page. */
    public List<SourceFile> sourceFiles() {
        return sourceFiles;
    }

    /**
     * What the API sections of one page show, as a hash: it changes whenever one of the page's
     * entries, or a problem with them, does.
     */
    public String pageFingerprint(String page) {
        StringBuilder text = new StringBuilder();
        entriesOnPage(page).forEach(e -> text.append(e).append('\n'));
        problemsByPage.getOrDefault(page, List.of()).forEach(p -> text.append(p).append('\n'));
        return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Changes whenever any entry's name or place changes: what the API index page shows. */
    public String fingerprint() {
        return fingerprint;
    }
}
