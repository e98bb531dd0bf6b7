package dev.nbexport.docs;

import dev.nbexport.directive.CellDirectives;
import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.directive.ExportKind;
import dev.nbexport.docs.highlight.JavaHighlighter;
import dev.nbexport.docs.markdown.MarkdownContext;
import dev.nbexport.docs.markdown.MarkdownRenderer;
import dev.nbexport.docs.markdown.RenderedMarkdown;
import dev.nbexport.docs.output.ImageSink;
import dev.nbexport.docs.output.OutputRenderer;
import dev.nbexport.docs.output.StaleOutputs;
import dev.nbexport.docs.search.SearchEntry;
import dev.nbexport.docs.site.ApiCatalog;
import dev.nbexport.docs.site.ApiEntry;
import dev.nbexport.docs.site.Heading;
import dev.nbexport.docs.site.LinkResolver;
import dev.nbexport.docs.site.Page;
import dev.nbexport.docs.site.PageCell;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.Json;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.commonmark.ext.heading.anchor.IdGenerator;

/**
 * One notebook to the content of its page ({@link Page}) and its search entries.
 *
 * <p>Which cells show what:
 * <ul>
 *   <li>markdown cells: rendered ({@link MarkdownRenderer}), attachments written as image files;
 *   <li>code cells: the Java code highlighted, without directive lines and magics, then the outputs;
 *       {@code hide} cells are left out, {@code export} cells show their API entries instead of their
 *       source, {@code exporti} cells show nothing (package-private, not API), {@code exports}
 *       cells show source, outputs and API; outputs older than the source are marked stale; the
 *       {@code default_exp} cell shows the class it names, when the notebook's members go into one;
 *   <li>raw cells are not shown (they are meant for other converters).
 * </ul>
 * Thread-safe: pages render in parallel.
 */
public final class PageRenderer {

    private final MarkdownRenderer titles = new MarkdownRenderer(LinkResolver.NONE);
    private final ApiCatalog api;

    public PageRenderer(ApiCatalog api) {
        this.api = api;
    }

    /**
     * A rendered page and what goes into the search index for it.
     *
     * @param problems what the author should fix, by cell
     * @param asked what the page asked the API's resolver (see {@link RecordingResolver}), sorted
     */
    public record Rendered(Page page, List<SearchEntry> search, List<Problem> problems, List<String> asked) {
        public Rendered {
            search = List.copyOf(search);
            problems = List.copyOf(problems);
            asked = List.copyOf(asked);
        }
    }

    /**
     * @param notebook relative to the notebooks folder, with {@code /} separators
     * @param shownPath the notebook as messages show it (relative to the project)
     * @param url the page, relative to the site root
     */
    public Rendered render(Notebook nb, String notebook, String shownPath, String url, ImageSink images) {
        String rootPrefix = "../".repeat((int) url.chars().filter(c -> c == '/').count());
        // renderers of this page alone, so that what it links to is recorded
        RecordingResolver links = new RecordingResolver(api.resolver());
        MarkdownRenderer markdown = new MarkdownRenderer(links);
        OutputRenderer outputs = new OutputRenderer(markdown);
        JavaHighlighter highlighter = new JavaHighlighter(links);
        IdGenerator ids = MarkdownContext.pageIds();
        List<PageCell> cells = new ArrayList<>();
        List<Heading> headings = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean hasMath = false;
        for (int i = 0; i < nb.cells().size(); i++) {
            Cell cell = nb.cells().get(i);
            CellRef ref = nb.cellRef(shownPath, i);
            String anchor = "cell-" + (i + 1);
            MarkdownContext context = new MarkdownContext(rootPrefix, ids, "c" + (i + 1) + "-",
                    name -> attachment(cell, name, images).map(path -> rootPrefix + path),
                    message -> problems.add(Problem.warning(Location.in(ref), message)));
            if (cell.type() == CellType.MARKDOWN) {
                RenderedMarkdown md = markdown.render(cell.source(), context);
                headings.addAll(md.headings());
                text.append(md.text()).append('\n');
                hasMath |= md.hasMath();
                cells.add(new PageCell(i + 1, anchor, PageCell.Kind.MARKDOWN, md.html(), List.of(), false, List.of()));
            } else if (cell.isCode()) {
                CellDirectives directives = DirectiveParser.standard().parse(cell.source(), cell.tags(), ref);
                ExportKind kind = directives.exportKind();
                if (directives.hidden() || kind == ExportKind.EXPORTI) {
                    continue;
                }
                boolean showSource = kind != ExportKind.EXPORT;
                String code = showSource ? trimBlankLines(directives.javaLines()) : "";
                List<PageCell.Output> shown = kind == ExportKind.EXPORT ? List.of()
                        : outputs.render(cell.outputs(), images, context);
                hasMath |= shown.stream().anyMatch(o -> o.html().contains("class=\"math"));
                List<ApiEntry> entries = api.entries(ref);
                problems.addAll(api.problems(ref));
                if (code.isEmpty() && shown.isEmpty() && entries.isEmpty()) {
                    continue;
                }
                String html = code.isEmpty() ? "" : highlighter.highlight(code, rootPrefix);
                cells.add(new PageCell(i + 1, anchor, PageCell.Kind.CODE, html, shown,
                        !shown.isEmpty() && StaleOutputs.isStale(cell), entries));
            }
        }
        String title = headings.isEmpty() ? fileTitle(notebook) : headings.get(0).text();
        Page page = new Page(notebook, url, title, headings, cells, hasMath);
        return new Rendered(page, searchEntries(page, text.toString()), problems, links.asked());
    }

    /** The title of a notebook's page: its first heading, else its file name. */
    public String title(Notebook nb, String notebook) {
        for (Cell cell : nb.cells()) {
            if (cell.type() == CellType.MARKDOWN) {
                Optional<String> heading = titles.firstHeading(cell.source());
                if (heading.isPresent()) {
                    return heading.get();
                }
            }
        }
        return fileTitle(notebook);
    }

    static String fileTitle(String notebook) {
        String name = notebook.substring(notebook.lastIndexOf('/') + 1);
        return name.toLowerCase(Locale.ROOT).endsWith(".ipynb") ? name.substring(0, name.length() - 6) : name;
    }

    private static List<SearchEntry> searchEntries(Page page, String text) {
        List<SearchEntry> entries = new ArrayList<>();
        entries.add(new SearchEntry("page", page.title(), page.title(), page.url(), text.strip()));
        for (Heading h : page.headings()) {
            entries.add(new SearchEntry("heading", h.text(), page.title(), page.url() + "#" + h.anchor(), ""));
        }
        for (ApiEntry e : page.api()) {
            entries.add(new SearchEntry("api", e.qualifiedName(), page.title(), page.url() + "#" + e.anchor(),
                    e.name() + " " + e.summary()));
        }
        return entries;
    }

    /** A cell attachment ({@code ![x](attachment:name)}) written as an image file; its site path. */
    private static Optional<String> attachment(Cell cell, String name, ImageSink images) {
        JsonObject attachments = cell.json().object("attachments");
        JsonObject bundle = attachments == null ? null : attachments.object(name);
        if (bundle == null) {
            return Optional.empty();
        }
        for (var member : bundle.members().entrySet()) {
            String mime = member.getKey();
            if (!(member.getValue() instanceof Json.JsonString value)) {
                continue;
            }
            String extension = ImageSink.extension(mime);
            if (extension != null) {
                // attachments are base64; an SVG pasted as its markup is taken as it is
                byte[] bytes = extension.equals("svg") && value.value().stripLeading().startsWith("<")
                        ? value.value().getBytes(StandardCharsets.UTF_8)
                        : Base64.getMimeDecoder().decode(value.value());
                return Optional.of(images.store(bytes, extension));
            }
        }
        return Optional.empty();
    }

    private static String trimBlankLines(List<String> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        return String.join("\n", lines.subList(from, to));
    }
}
