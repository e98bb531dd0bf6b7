package dev.nbexport.docs.highlight;

import com.github.javaparser.GeneratedJavaParserConstants;
import com.github.javaparser.GeneratedJavaParserTokenManager;
import com.github.javaparser.JavaToken;
import com.github.javaparser.SimpleCharStream;
import com.github.javaparser.StringProvider;
import com.github.javaparser.Token;
import com.github.javaparser.TokenMgrException;
import com.github.javaparser.TokenTypes;
import dev.nbexport.docs.html.Html;
import dev.nbexport.docs.site.LinkResolver.Resolution;
import dev.nbexport.docs.site.LinkResolver;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Java syntax highlighting at build time, as HTML spans.
 *
 * <p>Cells are JShell fragments (a bare expression, a method without a class), which no Java parser
 * accepts as a compilation unit; a lexer needs no grammar around them. JavaParser's token manager is
 * that lexer: it is the one generated from JavaParser's grammar, knows every token of current Java
 * (text blocks, {@code record}, {@code sealed}, {@code ->}) and keeps whitespace and comments as
 * "special" tokens, so the tokens' images put together give back the source exactly. Where the
 * lexer gives up (an unterminated string or comment) the rest is shown as plain text.
 *
 * <p>Identifiers that the {@link LinkResolver} links become links to their API entry.
 * Instances are stateless and thread-safe.
 */
public final class JavaHighlighter {

    private final LinkResolver resolver;

    public JavaHighlighter(LinkResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The code as HTML: escaped, with {@code <span class="tok-…">} around tokens and links around
     * resolved identifiers. No {@code <pre>} around it.
     *
     * @param rootPrefix the path from the page to the site root ({@code ""} or {@code ../}), for links
     */
    public String highlight(String code, String rootPrefix) {
        StringBuilder html = new StringBuilder(code.length() * 2);
        int consumed = 0;
        try {
            var tokens = new GeneratedJavaParserTokenManager(new SimpleCharStream(new StringProvider(code)));
            for (Token t = tokens.getNextToken(); ; t = tokens.getNextToken()) {
                for (Token special : inOrder(t.specialToken)) {
                    consumed += emit(special, html, rootPrefix);
                }
                if (t.kind == GeneratedJavaParserConstants.EOF) {
                    break; // its special tokens are the comments and spaces at the end
                }
                consumed += emit(t, html, rootPrefix);
            }
        } catch (TokenMgrException e) {
            // an unterminated string or comment: what follows is shown as it is
        }
        if (consumed < code.length()) {
            html.append(Html.escape(code.substring(Math.min(consumed, code.length()))));
        }
        return html.toString();
    }

    private static Iterable<Token> inOrder(Token lastSpecial) {
        Deque<Token> specials = new ArrayDeque<>();
        for (Token s = lastSpecial; s != null; s = s.specialToken) {
            specials.push(s);
        }
        return specials;
    }

    private int emit(Token token, StringBuilder html, String rootPrefix) {
        String image = token.image;
        String css = cssClass(token.kind, image);
        if (css == null) {
            html.append(Html.escape(image));
        } else if (css.equals("tok-id") || css.equals("tok-type")) {
            Resolution r = resolver.resolve(image);
            if (r instanceof Resolution.Linked linked) {
                html.append("<a class=\"").append(css).append(" api-link\" href=\"")
                        .append(Html.escape(rootPrefix + linked.target().page() + "#" + linked.target().anchor()))
                        .append("\" title=\"").append(Html.escape(linked.target().title())).append("\">")
                        .append(Html.escape(image)).append("</a>");
            } else {
                span(html, css, image);
            }
        } else {
            span(html, css, image);
        }
        return image.length();
    }

    private static void span(StringBuilder html, String css, String text) {
        html.append("<span class=\"").append(css).append("\">").append(Html.escape(text)).append("</span>");
    }

    /** The CSS class of a token, or {@code null} for whitespace and plain punctuation. */
    static String cssClass(int kind, String image) {
        if (TokenTypes.isComment(kind)) {
            return "tok-com";
        }
        if (TokenTypes.isWhitespace(kind)) {
            return null;
        }
        JavaToken.Category category = TokenTypes.getCategory(kind);
        switch (category) {
            case KEYWORD:
                return "tok-kw";
            case LITERAL:
                return kind == GeneratedJavaParserConstants.STRING_LITERAL
                        || kind == GeneratedJavaParserConstants.TEXT_BLOCK_LITERAL
                        || kind == GeneratedJavaParserConstants.CHARACTER_LITERAL ? "tok-str"
                        : kind == GeneratedJavaParserConstants.TRUE || kind == GeneratedJavaParserConstants.FALSE
                                || kind == GeneratedJavaParserConstants.NULL ? "tok-kw" : "tok-num";
            case IDENTIFIER:
                if (isContextualKeyword(image)) {
                    return "tok-kw";
                }
                return Character.isUpperCase(image.codePointAt(0)) ? "tok-type" : "tok-id";
            case OPERATOR:
                return "tok-op";
            case SEPARATOR:
                return kind == GeneratedJavaParserConstants.AT ? "tok-ann" : null;
            default:
                return null;
        }
    }

    /** Restricted identifiers that read as keywords ({@code var x}, {@code yield}); the lexer calls them identifiers. */
    private static boolean isContextualKeyword(String image) {
        return switch (image) {
            case "var", "yield", "permits", "sealed" -> true;
            default -> false;
        };
    }
}
