package dev.nbexport.docs.markdown;

import java.util.Set;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * Reads {@code $…$} and {@code $$…$$} inside paragraphs and headings as {@link MathNode}s, before
 * emphasis and escapes could touch them ({@code $a_1 * b_2$} keeps its underscores and stars).
 *
 * <p>As in Pandoc and Jupyter, inline math must not start with a space after the opening {@code $}
 * nor end with one before the closing {@code $}, and the closing {@code $} must not be followed by a
 * digit; so prices ({@code costs $5 and $10}) stay text. Code spans are parsed first, so {@code `$x$`}
 * is code, and inline math never reaches into a code span. A {@code \$} is a dollar sign, also inside math.
 */
final class MathParser implements InlineContentParser {

    static final InlineContentParserFactory FACTORY = new InlineContentParserFactory() {
        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('$');
        }

        @Override
        public InlineContentParser create() {
            return new MathParser();
        }
    };

    @Override
    public ParsedInline tryParse(InlineParserState state) {
        Scanner scanner = state.scanner();
        Position start = scanner.position();
        scanner.next(); // the first $
        boolean display = scanner.next('$');
        Position contentStart = scanner.position();
        while (scanner.hasNext()) {
            char c = scanner.peek();
            if (c == '\\') {
                scanner.next();
                if (scanner.hasNext()) {
                    scanner.next();
                }
                continue;
            }
            if (c == '`' && !display) {
                break; // a code span starts inside: `$` there is code, not the end of math
            }
            if (c != '$') {
                scanner.next();
                continue;
            }
            Position contentEnd = scanner.position();
            String tex = scanner.getSource(contentStart, contentEnd).getContent();
            scanner.next();
            if (display) {
                if (!scanner.next('$')) {
                    continue; // a single $ inside display math
                }
                if (tex.isBlank()) {
                    break;
                }
                return ParsedInline.of(new MathNode(tex.strip(), true), scanner.position());
            }
            if (tex.isEmpty() || Character.isWhitespace(tex.charAt(0))
                    || Character.isWhitespace(tex.charAt(tex.length() - 1)) || Character.isDigit(scanner.peek())) {
                break;
            }
            return ParsedInline.of(new MathNode(tex, false), scanner.position());
        }
        scanner.setPosition(start);
        return ParsedInline.none();
    }
}
