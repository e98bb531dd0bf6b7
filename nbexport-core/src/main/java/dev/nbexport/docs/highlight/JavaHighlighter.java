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
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

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
 * <p>Identifiers that the {@link LinkResolver} links ({@link LinkResolver#resolveCode}) become links
 * to their API entry; the tokens around an identifier say how it is used: the dotted names before it
 * ({@code Style.SNAKE}, {@code Slugify::slugify}), a member of an expression ({@code slug.value()}),
 * or a call. Instances are stateless and thread-safe.
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
        return String.join("\n", highlightLines(code, rootPrefix));
    }

    /**
     * As {@link #highlight}, one string per line of {@code code}: every element opened on a line is
     * closed on it (a comment or text block over several lines has a span on each), so each line can
     * have an element, and an anchor, of its own.
     */
    public List<String> highlightLines(String code, String rootPrefix) {
        List<Token> tokens = new ArrayList<>();
        int consumed = 0;
        try {
            var manager = new GeneratedJavaParserTokenManager(new SimpleCharStream(new StringProvider(code)));
            for (Token t = manager.getNextToken(); ; t = manager.getNextToken()) {
                for (Token special : inOrder(t.specialToken)) {
                    tokens.add(special);
                    consumed += special.image.length();
                }
                if (t.kind == GeneratedJavaParserConstants.EOF) {
                    break; // its special tokens are the comments and spaces at the end
                }
                tokens.add(t);
                consumed += t.image.length();
            }
        } catch (TokenMgrException e) {
            // an unterminated string or comment: what follows is shown as it is
        }
        List<Integer> significant = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (isCode(tokens.get(i).kind)) {
                significant.add(i);
            }
        }
        Lines lines = new Lines();
        int next = 0;
        for (int i = 0; i < tokens.size(); i++) {
            while (next < significant.size() && significant.get(next) < i) {
                next++;
            }
            boolean isSignificant = next < significant.size() && significant.get(next) == i;
            emit(tokens, significant, isSignificant ? next : -1, tokens.get(i), lines, rootPrefix);
        }
        if (consumed < code.length()) {
            lines.text(code.substring(Math.min(consumed, code.length())), null);
        }
        return lines.done();
    }

    private static Iterable<Token> inOrder(Token lastSpecial) {
        Deque<Token> specials = new ArrayDeque<>();
        for (Token s = lastSpecial; s != null; s = s.specialToken) {
            specials.push(s);
        }
        return specials;
    }

    private void emit(List<Token> tokens, List<Integer> significant, int index, Token token, Lines lines, String rootPrefix) {
        String image = token.image;
        String css = cssClass(token.kind, image);
        if (css != null && (css.equals("tok-id") || css.equals("tok-type")) && index >= 0) {
            Resolution r = resolver.resolveCode(qualifier(tokens, significant, index), image,
                    index + 1 < significant.size() && tokens.get(significant.get(index + 1)).kind == GeneratedJavaParserConstants.LPAREN);
            if (r instanceof Resolution.Linked linked) {
                lines.raw("<a class=\"" + css + " api-link\" href=\"" + Html.escape(linked.target().href(rootPrefix))
                        + "\" title=\"" + Html.escape(linked.target().title()) + "\">" + Html.escape(image) + "</a>");
                return;
            }
        }
        lines.text(image, css);
    }

    /**
     * The dotted names before the identifier at {@code significant.get(index)}: {@code ""} when it
     * stands alone, {@code null} when it is a member of an expression.
     */
    private static String qualifier(List<Token> tokens, List<Integer> significant, int index) {
        StringBuilder names = new StringBuilder();
        int j = index - 1;
        while (j >= 1 && isSelector(tokens.get(significant.get(j)).kind)
                && isIdentifier(tokens.get(significant.get(j - 1)))) {
            names.insert(0, names.length() == 0 ? "" : ".").insert(0, tokens.get(significant.get(j - 1)).image);
            j -= 2;
        }
        if (j >= 0 && isSelector(tokens.get(significant.get(j)).kind)) {
            return null;
        }
        return names.toString();
    }

    private static boolean isSelector(int kind) {
        return kind == GeneratedJavaParserConstants.DOT || kind == GeneratedJavaParserConstants.DOUBLECOLON;
    }

    private static boolean isIdentifier(Token token) {
        return TokenTypes.getCategory(token.kind) == JavaToken.Category.IDENTIFIER && !isContextualKeyword(token.image);
    }

    /** Not a comment or white space: the tokens whose neighbours tell how an identifier is used. */
    private static boolean isCode(int kind) {
        return !TokenTypes.isComment(kind) && !TokenTypes.isWhitespace(kind);
    }

    /** The HTML of each line, as it is written. */
    private static final class Lines {
        private final List<String> done = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();

        void raw(String html) {
            line.append(html);
        }

        /** {@code text} escaped, each of its lines in a span of class {@code css} (none when {@code null}). */
        void text(String text, String css) {
            int from = 0;
            while (true) {
                int newline = text.indexOf('\n', from);
                String piece = text.substring(from, newline < 0 ? text.length() : newline);
                if (!piece.isEmpty()) {
                    if (css == null) {
                        line.append(Html.escape(piece));
                    } else {
                        line.append("<span class=\"").append(css).append("\">").append(Html.escape(piece)).append("</span>");
                    }
                }
                if (newline < 0) {
                    return;
                }
                done.add(line.toString());
                line.setLength(0);
                from = newline + 1;
            }
        }

        List<String> done() {
            done.add(line.toString());
            return done;
        }
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
