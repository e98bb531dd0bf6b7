package dev.nbexport.docs.markdown;

import dev.nbexport.docs.highlight.JavaHighlighter;
import dev.nbexport.docs.html.Html;
import dev.nbexport.docs.html.HtmlPolicies;
import dev.nbexport.docs.site.Heading;
import dev.nbexport.docs.site.LinkResolver.Resolution;
import dev.nbexport.docs.site.LinkResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Markdown cells (and {@code text/markdown} outputs) to safe HTML, with commonmark-java and its
 * GFM extensions: tables, strikethrough, autolinks, task lists, footnotes, heading anchors.
 *
 * <p>On top of CommonMark:
 * <ul>
 *   <li>math ({@code $…$}, {@code $$…$$}) is read before markdown can touch it ({@link MathParser})
 *       and written as TeX source in {@code <span class="math">}, which KaTeX renders in the page;
 *   <li>fenced code marked {@code java} (or {@code jshell}) is highlighted like code cells;
 *   <li>a backtick name that the {@link LinkResolver} resolves links to its API entry; one that looks
 *       like API but resolves to nothing is reported;
 *   <li>links to {@code .ipynb} notebooks point at their pages, {@code attachment:} images at the
 *       attachment's file;
 *   <li>the result goes through {@link HtmlPolicies#MARKDOWN}, so raw HTML cannot run script.
 * </ul>
 * Thread-safe; one instance serves every page.
 */
public final class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create(),
            AutolinkExtension.create(), TaskListItemsExtension.create(), FootnotesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS)
            .customInlineContentParserFactory(MathParser.FACTORY).build();
    private final LinkResolver resolver;
    private final JavaHighlighter highlighter;

    public MarkdownRenderer(LinkResolver resolver) {
        this.resolver = resolver;
        this.highlighter = new JavaHighlighter(resolver);
    }

    /** Renders {@code markdown}; headings get ids from the page's generator in {@code context}. */
    public RenderedMarkdown render(String markdown, MarkdownContext context) {
        Node document = parser.parse(markdown);
        Rewrites rewrites = new Rewrites(context);
        document.accept(rewrites);
        List<Heading> headings = new ArrayList<>();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true)
                .attributeProviderFactory(c -> (node, tag, attributes) -> {
                    if (node instanceof org.commonmark.node.Heading h) {
                        String text = plainText(h);
                        String id = context.ids().generateId(text);
                        attributes.put("id", id);
                        headings.add(new Heading(h.getLevel(), text, id));
                    }
                })
                .nodeRendererFactory(c -> new MathRenderer(c))
                .nodeRendererFactory(c -> new JavaCodeRenderer(c, highlighter, context.rootPrefix()))
                .nodeRendererFactory(c -> new CodeSpanRenderer(c, rewrites))
                .build();
        String html = renderer.render(document);
        if (rewrites.footnotes) {
            // footnote ids are per document; a page has many cells, so they get the cell's prefix
            html = html.replace("\"#fn-", "\"#" + context.idPrefix() + "fn-").replace("id=\"fn-", "id=\"" + context.idPrefix() + "fn-")
                    .replace("\"#fnref-", "\"#" + context.idPrefix() + "fnref-").replace("id=\"fnref-", "id=\"" + context.idPrefix() + "fnref-");
        }
        String safe = HtmlPolicies.MARKDOWN.sanitize(html);
        return new RenderedMarkdown(safe, headings, rewrites.text.toString().strip(), rewrites.math);
    }

    /** The first heading's text of {@code markdown}, without rendering it. */
    public Optional<String> firstHeading(String markdown) {
        Node document = parser.parse(markdown);
        String[] found = new String[1];
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Heading heading) {
                if (found[0] == null) {
                    found[0] = plainText(heading);
                }
            }
        });
        return Optional.ofNullable(found[0]).filter(s -> !s.isBlank());
    }

    static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                text.append(c.getLiteral());
            }

            @Override
            public void visit(CustomNode n) {
                if (n instanceof MathNode m) {
                    text.append(m.tex);
                }
                visitChildren(n);
            }
        });
        return text.toString().strip();
    }

    /** Link and image targets rewritten for the site; plain text collected; what is found noted. */
    private final class Rewrites extends AbstractVisitor {
        final MarkdownContext context;
        final StringBuilder text = new StringBuilder();
        boolean math;
        boolean footnotes;

        Rewrites(MarkdownContext context) {
            this.context = context;
        }

        @Override
        public void visit(Text t) {
            text.append(t.getLiteral()).append(' ');
        }

        @Override
        public void visit(Code c) {
            text.append(c.getLiteral()).append(' ');
        }

        @Override
        public void visit(Link link) {
            link.setDestination(notebookLink(link.getDestination()));
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            String destination = image.getDestination();
            if (destination.startsWith("attachment:")) {
                String name = destination.substring("attachment:".length());
                Optional<String> url = context.attachments().apply(name);
                if (url.isPresent()) {
                    image.setDestination(url.get());
                } else {
                    context.problems().accept("image attachment:" + name + " is not attached to the cell");
                    image.setDestination("");
                }
            }
            visitChildren(image);
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof MathNode m) {
                math = true;
                text.append(m.tex).append(' ');
            } else if (node instanceof FootnoteReference) {
                footnotes = true;
            }
            visitChildren(node);
        }

        Resolution resolve(String name) {
            Resolution r = resolver.resolve(name);
            if (r instanceof Resolution.Unresolved u) {
                context.problems().accept("`" + name + "` looks like API but " + u.reason());
            }
            return r;
        }
    }

    /** {@code other.ipynb#x} to {@code other.html#x} for relative links; others unchanged. */
    static String notebookLink(String destination) {
        if (destination.contains(":") || destination.startsWith("//")) {
            return destination;
        }
        int hash = destination.indexOf('#');
        String path = hash < 0 ? destination : destination.substring(0, hash);
        if (!path.toLowerCase(Locale.ROOT).endsWith(".ipynb")) {
            return destination;
        }
        return path.substring(0, path.length() - ".ipynb".length()) + ".html" + (hash < 0 ? "" : destination.substring(hash));
    }

    private static final class MathRenderer implements NodeRenderer {
        private final HtmlWriter html;

        MathRenderer(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(MathNode.class);
        }

        @Override
        public void render(Node node) {
            MathNode math = (MathNode) node;
            html.tag("span", Map.of("class", math.display ? "math math-display" : "math math-inline"));
            html.text(math.tex);
            html.tag("/span");
        }
    }

    private static final class JavaCodeRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final JavaHighlighter highlighter;
        private final String rootPrefix;

        JavaCodeRenderer(HtmlNodeRendererContext context, JavaHighlighter highlighter, String rootPrefix) {
            this.context = context;
            this.highlighter = highlighter;
            this.rootPrefix = rootPrefix;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class);
        }

        @Override
        public void render(Node node) {
            FencedCodeBlock block = (FencedCodeBlock) node;
            String info = block.getInfo() == null ? "" : block.getInfo().strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            HtmlWriter html = context.getWriter();
            html.line();
            html.tag("pre", Map.of("class", "code"));
            if (info.equals("java") || info.equals("jshell")) {
                html.tag("code", Map.of("class", "language-java"));
                html.raw(highlighter.highlight(stripFinalNewline(block.getLiteral()), rootPrefix));
            } else {
                html.tag("code", info.isEmpty() ? Map.of() : Map.of("class", "language-" + info.replaceAll("[^A-Za-z0-9_-]", "")));
                html.text(stripFinalNewline(block.getLiteral()));
            }
            html.tag("/code");
            html.tag("/pre");
            html.line();
        }

        private static String stripFinalNewline(String s) {
            return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        }
    }

    private static final class CodeSpanRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final Rewrites rewrites;

        CodeSpanRenderer(HtmlNodeRendererContext context, Rewrites rewrites) {
            this.context = context;
            this.rewrites = rewrites;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Code.class);
        }

        @Override
        public void render(Node node) {
            String name = ((Code) node).getLiteral();
            HtmlWriter html = context.getWriter();
            if (rewrites.resolve(name) instanceof Resolution.Linked linked) {
                html.raw("<a class=\"api-link\" href=\"" + Html.escape(rewrites.context.rootPrefix() + linked.target().page()
                        + "#" + linked.target().anchor()) + "\" title=\"" + Html.escape(linked.target().title()) + "\">");
                html.tag("code");
                html.text(name);
                html.tag("/code");
                html.raw("</a>");
            } else {
                html.tag("code");
                html.text(name);
                html.tag("/code");
            }
        }
    }
}
