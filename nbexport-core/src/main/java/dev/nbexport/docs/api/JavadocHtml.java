package dev.nbexport.docs.api;

import com.sun.source.doctree.DeprecatedTree;
import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.EntityTree;
import com.sun.source.doctree.IndexTree;
import com.sun.source.doctree.LinkTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.doctree.ReferenceTree;
import com.sun.source.doctree.ReturnTree;
import com.sun.source.doctree.SeeTree;
import com.sun.source.doctree.SinceTree;
import com.sun.source.doctree.SummaryTree;
import com.sun.source.doctree.SystemPropertyTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.doctree.ThrowsTree;
import com.sun.source.util.DocSourcePositions;
import dev.nbexport.docs.api.TypeLinks.Reference;
import dev.nbexport.docs.html.Html;
import dev.nbexport.docs.html.HtmlPolicies;
import dev.nbexport.layout.SourceMap.CellPosition;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A declaration's Javadoc, read by javac's DocTrees, as safe HTML: the description, then
 * {@code @param} (type parameters first), {@code @return}, {@code @throws}, {@code @see},
 * {@code @since} and {@code @deprecated} as a definition list. {@code {@link}} and
 * {@code {@linkplain}} link to the API entry they name, or to the JDK's online Javadoc for a JDK
 * type; {@code {@code}} and {@code {@literal}} are escaped; the HTML Javadoc may contain goes through
 * {@link HtmlPolicies#JAVADOC}. A reference to a name of the project's API that does not exist is a
 * problem, located in the cell and line the comment came from (the generated file's source map).
 */
final class JavadocHtml {

    /**
     * A rendered comment.
     *
     * @param html the safe HTML, empty when the declaration has no comment
     * @param summary the first sentence as plain text
     * @param problems broken references
     */
    record Rendered(String html, String summary, List<Problem> problems) {}

    private static final Map<String, String> ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", "\u00a0");

    private final ApiExtractor.Parse parse;
    private final TypeLinks links;

    JavadocHtml(ApiExtractor.Parse parse, TypeLinks links) {
        this.parse = parse;
        this.links = links;
    }

    Rendered render(ApiDeclaration d, String rootPrefix) {
        DocCommentTree comment = parse.trees().getDocCommentTree(d.path());
        if (comment == null) {
            return new Rendered("", "", List.of());
        }
        Writer w = new Writer(d, comment, rootPrefix);
        StringBuilder html = new StringBuilder();
        String body = w.inline(comment.getFullBody());
        if (!body.isBlank()) {
            html.append("<div class=\"nbx-api-description\">").append(body.strip()).append("</div>");
        }
        List<String[]> typeParameters = new ArrayList<>();
        List<String[]> parameters = new ArrayList<>();
        List<String> returns = new ArrayList<>();
        List<String[]> throwsTags = new ArrayList<>();
        List<String> see = new ArrayList<>();
        List<String> since = new ArrayList<>();
        List<String> deprecated = new ArrayList<>();
        for (DocTree tag : comment.getBlockTags()) {
            switch (tag.getKind()) {
                case PARAM -> {
                    ParamTree p = (ParamTree) tag;
                    (p.isTypeParameter() ? typeParameters : parameters).add(new String[] {
                        "<code>" + Html.escape(p.isTypeParameter() ? "<" + p.getName() + ">" : p.getName().toString()) + "</code>",
                        w.inline(p.getDescription())});
                }
                case RETURN -> returns.add(w.inline(((ReturnTree) tag).getDescription()));
                case THROWS, EXCEPTION -> {
                    ThrowsTree t = (ThrowsTree) tag;
                    throwsTags.add(new String[] {"<code>" + w.reference(t.getExceptionName(), List.of(), t) + "</code>",
                        w.inline(t.getDescription())});
                }
                case SEE -> see.add(w.see((SeeTree) tag));
                case SINCE -> since.add(w.inline(((SinceTree) tag).getBody()));
                case DEPRECATED -> deprecated.add(w.inline(((DeprecatedTree) tag).getBody()));
                default -> { } // @author, @version, @serial, unknown tags: not shown
            }
        }
        StringBuilder tags = new StringBuilder();
        described(tags, "Type parameters", typeParameters);
        described(tags, "Parameters", parameters);
        plain(tags, "Returns", returns);
        described(tags, "Throws", throwsTags);
        plain(tags, "See also", see);
        plain(tags, "Since", since);
        plain(tags, "Deprecated", deprecated);
        if (tags.length() > 0) {
            html.append("<dl class=\"nbx-api-tags\">").append(tags).append("</dl>");
        }
        String safe = html.length() == 0 ? "" : HtmlPolicies.JAVADOC.sanitize(html.toString());
        return new Rendered(safe, w.plain(comment.getFirstSentence()).strip().replaceAll("\\s+", " "), w.problems);
    }

    private static void described(StringBuilder tags, String title, List<String[]> items) {
        if (!items.isEmpty()) {
            tags.append("<dt>").append(title).append("</dt>");
            items.forEach(i -> tags.append("<dd>").append(i[0]).append(i[1].isBlank() ? "" : " – " + i[1].strip()).append("</dd>"));
        }
    }

    private static void plain(StringBuilder tags, String title, List<String> items) {
        if (!items.isEmpty()) {
            tags.append("<dt>").append(title).append("</dt>");
            items.forEach(i -> tags.append("<dd>").append(i.strip()).append("</dd>"));
        }
    }

    /** Writes one comment; collects its problems. */
    private final class Writer {
        final ApiDeclaration declaration;
        final DocCommentTree comment;
        final String rootPrefix;
        final List<Problem> problems = new ArrayList<>();

        Writer(ApiDeclaration declaration, DocCommentTree comment, String rootPrefix) {
            this.declaration = declaration;
            this.comment = comment;
            this.rootPrefix = rootPrefix;
        }

        /** Javadoc's inline content as HTML (Javadoc text is HTML already; the policy cleans it). */
        String inline(List<? extends DocTree> trees) {
            StringBuilder html = new StringBuilder();
            for (DocTree t : trees) {
                switch (t.getKind()) {
                    case TEXT -> html.append(((TextTree) t).getBody());
                    case ENTITY -> html.append('&').append(((EntityTree) t).getName()).append(';');
                    case START_ELEMENT, END_ELEMENT -> html.append(t);
                    case CODE -> html.append("<code>").append(Html.escape(((LiteralTree) t).getBody().getBody())).append("</code>");
                    case LITERAL -> html.append(Html.escape(((LiteralTree) t).getBody().getBody()));
                    case LINK, LINK_PLAIN -> {
                        LinkTree link = (LinkTree) t;
                        String inner = reference(link.getReference(), link.getLabel(), link);
                        html.append(t.getKind() == DocTree.Kind.LINK ? "<code>" + inner + "</code>" : inner);
                    }
                    case RETURN -> html.append("Returns ").append(inline(((ReturnTree) t).getDescription()));
                    case SUMMARY -> html.append(inline(((SummaryTree) t).getSummary()));
                    case INDEX -> html.append(Html.escape(((IndexTree) t).getSearchTerm().toString()));
                    case SYSTEM_PROPERTY -> html.append("<code>").append(Html.escape(((SystemPropertyTree) t).getPropertyName().toString())).append("</code>");
                    case INHERIT_DOC -> { }
                    default -> html.append(Html.escape(t.toString()));
                }
            }
            return html.toString();
        }

        /** Inline content as plain text, for the summary. */
        String plain(List<? extends DocTree> trees) {
            StringBuilder text = new StringBuilder();
            for (DocTree t : trees) {
                switch (t.getKind()) {
                    case TEXT -> text.append(((TextTree) t).getBody());
                    case ENTITY -> text.append(ENTITIES.getOrDefault(((EntityTree) t).getName().toString(), "&" + ((EntityTree) t).getName() + ";"));
                    case CODE, LITERAL -> text.append(((LiteralTree) t).getBody().getBody());
                    case LINK, LINK_PLAIN -> {
                        LinkTree link = (LinkTree) t;
                        text.append(link.getLabel().isEmpty() ? label(link.getReference().getSignature()) : plain(link.getLabel()));
                    }
                    case RETURN -> text.append("Returns ").append(plain(((ReturnTree) t).getDescription()));
                    case SUMMARY -> text.append(plain(((SummaryTree) t).getSummary()));
                    case START_ELEMENT, END_ELEMENT, INHERIT_DOC -> { }
                    default -> text.append(t);
                }
            }
            return text.toString();
        }

        /** A reference, with its label or a readable form of it, linked when it names something with a page. */
        String reference(ReferenceTree reference, List<? extends DocTree> label, DocTree at) {
            String signature = reference.getSignature();
            String text = label.isEmpty() ? Html.escape(label(signature)) : inline(label);
            Reference target = links.reference(signature, declaration);
            if (target instanceof Reference.Entry entry) {
                return "<a class=\"api-link\" href=\"" + Html.escape(entry.link().href(rootPrefix)) + "\" title=\""
                        + Html.escape(entry.link().title()) + "\">" + text + "</a>";
            }
            if (target instanceof Reference.External external) {
                return "<a class=\"nbx-jdk-link\" href=\"" + Html.escape(external.url()) + "\">" + text + "</a>";
            }
            if (target instanceof Reference.Missing missing) {
                problems.add(Problem.warning(location(at), "{@link " + signature + "} in the Javadoc of "
                        + declaration.display() + " names nothing: " + missing.reason()));
            }
            return text;
        }

        String see(SeeTree see) {
            List<? extends DocTree> parts = see.getReference();
            if (!parts.isEmpty() && parts.get(0) instanceof ReferenceTree reference) {
                return "<code>" + reference(reference, parts.subList(1, parts.size()), see) + "</code>";
            }
            return inline(parts); // a quoted string or an <a href>
        }

        /** Where {@code tree} is: the cell and line it was exported from, else the generated file. */
        Location location(DocTree tree) {
            DocSourcePositions positions = parse.trees().getSourcePositions();
            long start = positions.getStartPosition(declaration.file().unit(), comment, tree);
            ParsedFile file = declaration.file();
            int line = start < 0 ? declaration.line() : file.line(start);
            int column = start < 0 ? 0 : file.column(start);
            Optional<CellPosition> cell = file.generated().sourceMap().cellPosition(line, column);
            if (cell.isPresent() && cell.get().line() > 0) {
                return Location.in(cell.get().cell(), cell.get().line(), cell.get().column());
            }
            return cell.map(c -> Location.in(c.cell())).orElseGet(() -> Location.file(file.shownPath(), line));
        }
    }

    /** {@code #wrap(String, int)} → {@code wrap(String, int)}, {@code Slug#of} → {@code Slug.of}. */
    static String label(String signature) {
        return signature.startsWith("#") ? signature.substring(1) : signature.replace('#', '.');
    }
}
