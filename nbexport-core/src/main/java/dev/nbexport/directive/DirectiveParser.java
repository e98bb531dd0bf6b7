package dev.nbexport.directive;

import dev.nbexport.notebook.CellRef;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import dev.nbexport.problem.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the directives, magics and Java code of one code cell, in one pass over its lines.
 *
 * <h2>Directive lines</h2>
 * Directives are {@code //|} comment lines at the top of a code cell, Quarto/nbdev style:
 * {@code //| hide}, {@code //| export com.acme.text.Other}, {@code //| eval: false}; whitespace
 * around the parts is optional. Blank lines may come before and between them. The first line
 * that is neither blank nor a {@code //|} line ends them: a {@code //| export} further down is an
 * ordinary Java comment (with a warning when only comments, magics or blank lines come before it,
 * since that is almost always a mistake).
 *
 * <h2>Tags</h2>
 * The same names work as Jupyter cell tags, so cells can be tagged in JupyterLab: {@code export},
 * {@code hide}, and with a value {@code eval:false} or {@code eval=false}. Tags that are not
 * directive names are ignored: other tools use tags too ({@code injected-parameters},
 * {@code remove-cell}, ...). A comment beats a tag: when both set a directive (or both set how the
 * cell is exported, e.g. {@code //| test} and tag {@code export}) the comment wins, with a warning
 * if they disagree.
 *
 * <h2>Unknown directives are errors</h2>
 * A misspelt {@code //| exprot} would otherwise silently leave code out of the library, so an
 * unknown name is an {@link Severity#ERROR error}, with a "did you mean" suggestion. Quarto's own cell options are
 * recognised and ignored so notebooks rendered by Quarto still work: {@code label}, {@code echo},
 * {@code warning}, {@code error}, {@code include} and names starting {@code fig-}, {@code tbl-},
 * {@code code-}, {@code lst-} (with their indented YAML continuation lines). {@code eval} and
 * {@code output} are nbexport's: {@code eval} means the same as in Quarto, {@code output} takes
 * {@code check} or {@code ignore}.
 *
 * <h2>Magics</h2>
 * As in the IJava/JJava kernels: a line starting {@code %%name} as the first line after the
 * directives makes the whole rest of the cell a cell magic; a line starting {@code %name}
 * (after optional whitespace) anywhere else is a line magic. Neither is Java. A {@code %%} line
 * further down is an error (the kernel would not run it). Inline magics after {@code =}, which
 * JJava also accepts, are not recognised: such a line is Java here and fails to compile later.
 *
 * <h2>Problems</h2>
 * Parsing never throws on bad input: problems are returned in {@link CellDirectives#problems()},
 * so a caller can report all problems of a notebook (or project) at once. Markdown and raw cells have no directives: use
 * {@link CellDirectives#none(CellRef)} for them, not this parser.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DirectiveParser {

    private static final DirectiveParser STANDARD = new DirectiveParser(Severity.ERROR);

    private static final String MARK = "//|";
    private static final String DIRECTIVE_LIST = Arrays.stream(Directive.values())
            .map(Directive::key).reduce((a, b) -> a + ", " + b).orElseThrow();
    private static final Set<String> QUARTO_OPTIONS = Set.of("label", "echo", "warning", "error", "include");
    private static final String[] QUARTO_PREFIXES = {"fig-", "tbl-", "code-", "lst-"};
    private static final Set<String> YAML_BLOCK_STARTS = Set.of("", "|", ">", "|-", ">-", "|+", ">+");

    private final Severity unknownDirectives;

    private DirectiveParser(Severity unknownDirectives) {
        this.unknownDirectives = unknownDirectives;
    }

    /** Unknown directives are errors. */
    public static DirectiveParser standard() {
        return STANDARD;
    }

    /**
     * A parser that reports unknown {@code //|} directive names with {@code severity}: running a notebook
     * does not depend on them, so the runner only warns, while export stops on them.
     */
    public DirectiveParser withUnknownDirectives(Severity severity) {
        return severity == unknownDirectives ? this : new DirectiveParser(Objects.requireNonNull(severity));
    }

    /**
     * Parses one code cell.
     *
     * @param source the cell's source; lines end with {@code \n} or {@code \r\n}; {@code null} is empty
     * @param tags the cell's {@code metadata.tags}, possibly empty or {@code null}
     * @param cell where the cell is, for messages
     */
    public CellDirectives parse(String source, List<String> tags, CellRef cell) {
        Objects.requireNonNull(cell, "cell");
        Scan scan = new Scan(source == null ? "" : source, cell, unknownDirectives);
        scan.lines();
        if (tags != null && !tags.isEmpty()) {
            scan.tags(tags);
        }
        return scan.result();
    }

    /** The state of parsing one cell. */
    private static final class Scan {

        private enum State { HEADER, BODY, CELL_MAGIC, SWALLOW }

        private final String src;
        private final CellRef cell;
        private final List<Problem> problems = new ArrayList<>(0);
        private final EnumMap<Directive, FoundDirective> found = new EnumMap<>(Directive.class);
        private final List<Magic> magics = new ArrayList<>(0);
        private final StringBuilder java;
        private int[] cellLines = new int[16];
        private int javaCount;

        private State state = State.HEADER;
        /** Still before the first line of real code: only comments, magics and blank lines so far. */
        private boolean prelude = true;
        /** Indent of a Quarto option that opened a YAML block, or -1. */
        private int quartoIndent = -1;
        private boolean sawDirectiveLine;
        /** The export/test directive in effect, from either source. */
        private FoundDirective exportFound;

        private String cellMagicName;
        private String cellMagicArgs;
        private int cellMagicLine;
        private StringBuilder cellMagicBody;

        private final Severity unknownDirectives;

        Scan(String src, CellRef cell, Severity unknownDirectives) {
            this.src = src;
            this.cell = cell;
            this.unknownDirectives = unknownDirectives;
            this.java = new StringBuilder(src.length());
        }

        void lines() {
            int len = src.length();
            int start = 0;
            int lineNo = 0;
            while (true) {
                int nl = src.indexOf('\n', start);
                int end = nl < 0 ? len : nl;
                int contentEnd = end > start && src.charAt(end - 1) == '\r' ? end - 1 : end;
                line(start, contentEnd, ++lineNo);
                if (nl < 0) {
                    break;
                }
                start = nl + 1;
            }
            if (cellMagicName != null) {
                magics.add(new Magic(Magic.Kind.CELL, cellMagicName, cellMagicArgs, cellMagicLine,
                        cellMagicBody.toString()));
            }
        }

        private void line(int s, int e, int lineNo) {
            switch (state) {
                case CELL_MAGIC:
                    if (lineNo > cellMagicLine + 1) {
                        cellMagicBody.append('\n');
                    }
                    cellMagicBody.append(src, s, e);
                    return;
                case SWALLOW:
                    return;
                case HEADER:
                    int first = skipWhitespace(s, e);
                    if (first == e) {
                        javaLine(s, e, lineNo);
                    } else if (src.startsWith(MARK, first)) {
                        directiveLine(s, first, e, lineNo);
                    } else {
                        state = State.BODY;
                        if (src.startsWith("%%", first)) {
                            cellMagic(s, first, e, lineNo);
                        } else {
                            bodyLine(s, first, e, lineNo);
                        }
                    }
                    return;
                default:
                    bodyLine(s, skipWhitespace(s, e), e, lineNo);
            }
        }

        private void bodyLine(int s, int first, int e, int lineNo) {
            if (first < e && src.charAt(first) == '%') {
                if (first + 1 < e && src.charAt(first + 1) == '%') {
                    int nameEnd = wordEnd(first + 2, e);
                    String magic = src.substring(first, nameEnd);
                    problem(Severity.ERROR, lineNo, first - s + 1,
                            "cell magic `" + magic + "` is not at the top of the cell; the kernel only runs a cell magic"
                                    + " on a cell's first line",
                            "Move `" + magic + "` and the lines it applies to into a cell of their own.");
                    return;
                }
                int nameEnd = wordEnd(first + 1, e);
                if (nameEnd > first + 1) {
                    magics.add(new Magic(Magic.Kind.LINE, src.substring(first + 1, nameEnd),
                            src.substring(nameEnd, e).strip(), lineNo, ""));
                    return;
                }
            }
            if (prelude && first < e) {
                if (src.startsWith(MARK, first)) {
                    problem(Severity.WARNING, lineNo, first - s + 1,
                            "`" + src.substring(first, e).strip() + "` is not at the top of the cell, so it is an"
                                    + " ordinary comment, not a directive",
                            "Move the `//|` lines above any magic or comment, to the very top of the cell.");
                } else if (!src.startsWith("//", first)) {
                    prelude = false;
                }
            }
            javaLine(s, e, lineNo);
        }

        private void cellMagic(int s, int first, int e, int lineNo) {
            int nameEnd = wordEnd(first + 2, e);
            if (nameEnd == first + 2) {
                problem(Severity.ERROR, lineNo, first - s + 1,
                        "`" + src.substring(first, e).strip() + "` is not a cell magic: the name is missing",
                        "Write the magic's name right after `%%`, e.g. `%%loadFromPOM`.");
                state = State.SWALLOW;
                return;
            }
            cellMagicName = src.substring(first + 2, nameEnd);
            cellMagicArgs = src.substring(nameEnd, e).strip();
            cellMagicLine = lineNo;
            cellMagicBody = new StringBuilder();
            state = State.CELL_MAGIC;
            if (sawDirectiveLine) {
                problem(Severity.WARNING, lineNo, first - s + 1,
                        "cell magic `%%" + cellMagicName + "` comes after `//|` lines, so the IJava/JJava kernel"
                                + " will not run it in Jupyter (it only runs a cell magic on the cell's first line)",
                        "Start the cell with the magic and give this cell's directives as cell tags (e.g. tag `hide`).");
            }
        }

        private void directiveLine(int lineStart, int first, int e, int lineNo) {
            sawDirectiveLine = true;
            int afterMark = first + MARK.length();
            int nameStart = skipWhitespace(afterMark, e);
            if (quartoIndent >= 0) {
                if (nameStart == e || nameStart - afterMark > quartoIndent || src.charAt(nameStart) == '-') {
                    return; // YAML continuation of a Quarto option
                }
                quartoIndent = -1;
            }
            if (nameStart == e) {
                return; // an empty //| line
            }
            int nameEnd = nameStart;
            while (nameEnd < e && isNameChar(src.charAt(nameEnd))) {
                nameEnd++;
            }
            char after = nameEnd < e ? src.charAt(nameEnd) : ' ';
            if (nameEnd == nameStart || !(after == ':' || Character.isWhitespace(after))) {
                String text = src.substring(first, trimEnd(first, e));
                boolean equals = after == '=' && nameEnd > nameStart;
                problem(Severity.ERROR, lineNo, (nameEnd == nameStart ? nameStart : nameEnd) - lineStart + 1,
                        "`" + text + "` is not a directive line",
                        equals
                                ? "Write `//| " + src.substring(nameStart, nameEnd) + ": "
                                        + src.substring(nameEnd + 1, trimEnd(nameEnd + 1, e)).strip() + "`."
                                : "Write `//| name`, `//| name value` or `//| name: value`; directives are: "
                                        + DIRECTIVE_LIST + ".");
                return;
            }
            String name = src.substring(nameStart, nameEnd);
            int valueStart = skipWhitespace(nameEnd, e);
            if (valueStart < e && src.charAt(valueStart) == ':') {
                valueStart = skipWhitespace(valueStart + 1, e);
            }
            String value = src.substring(valueStart, trimEnd(valueStart, e));
            int nameColumn = nameStart - lineStart + 1;
            Directive directive = Directive.lookup(name);
            if (directive == null) {
                if (isQuartoOption(name)) {
                    if (YAML_BLOCK_STARTS.contains(value)) {
                        quartoIndent = nameStart - afterMark;
                    }
                    return;
                }
                Directive close = ClosestName.of(name);
                problem(unknownDirectives, lineNo, nameColumn,
                        "unknown directive `" + name + "`" + (close == null ? "" : " (did you mean `" + close.key() + "`?)"),
                        "Fix the name or delete the line: a misspelt directive would silently leave code out."
                                + " Directives are: " + DIRECTIVE_LIST + ".");
                return;
            }
            String why = rejectValue(directive, value);
            if (why != null) {
                int column = value.isEmpty() ? nameColumn : valueStart - lineStart + 1;
                problem(Severity.ERROR, lineNo, column, why, "Write e.g. `" + directive.exampleLine() + "`.");
                return;
            }
            FoundDirective f = FoundDirective.ofComment(directive, value, lineNo);
            FoundDirective previous = found.get(directive);
            if (previous == null && directive.exportKind() != ExportKind.NONE) {
                previous = exportFound;
            }
            if (previous != null) {
                clash(previous, f, cell.location(lineNo, nameColumn));
                return;
            }
            add(f);
        }

        void tags(List<String> tags) {
            Set<String> seen = tags.size() > 1 ? new HashSet<>() : null;
            for (String tag : tags) {
                if (tag == null || seen != null && !seen.add(tag)) {
                    continue;
                }
                int sep = separator(tag);
                Directive directive = Directive.lookup(sep < 0 ? tag.strip() : tag.substring(0, sep).strip());
                if (directive == null) {
                    continue; // someone else's tag
                }
                String value = sep < 0 ? "" : tag.substring(sep + 1).strip();
                Location where = Location.inPart(cell, "tag `" + tag + "`");
                FoundDirective previous = found.get(directive);
                if (previous == null && directive.exportKind() != ExportKind.NONE) {
                    previous = exportFound;
                }
                if (previous != null && !previous.fromTag()) {
                    if (previous.directive() != directive || !previous.value().equals(value)) {
                        problems.add(new Problem(Severity.WARNING, where,
                                "ignored, because line " + previous.line() + " sets `"
                                        + previous.directive().key() + "` and a comment beats a tag",
                                "Remove the tag or the `//|` line so they do not disagree.", ""));
                    }
                    continue;
                }
                String why = rejectValue(directive, value);
                if (why != null) {
                    problems.add(Problem.error(where, why,
                            "Change the tag to e.g. `" + directive.key()
                                    + (directive.arity() == Directive.Arity.NONE ? "" : ":" + exampleValue(directive))
                                    + "`."));
                    continue;
                }
                FoundDirective f = FoundDirective.ofTag(directive, value, tag);
                if (previous != null) {
                    clash(previous, f, where);
                    continue;
                }
                add(f);
            }
        }

        private void add(FoundDirective f) {
            found.put(f.directive(), f);
            if (f.directive().exportKind() != ExportKind.NONE) {
                exportFound = f;
            }
        }

        /** {@code later} repeats or contradicts {@code earlier}, from the same source; the earlier one stays. */
        private void clash(FoundDirective earlier, FoundDirective later, Location where) {
            if (earlier.directive() == later.directive()) {
                problems.add(Problem.error(where,
                        "`" + later.directive().key() + "` is given twice, at " + earlier.where() + " and " + later.where(),
                        "Keep one of them."));
            } else {
                problems.add(Problem.error(where,
                        "`" + earlier.directive().key() + "` (" + earlier.where() + ") and `"
                                + later.directive().key() + "` (" + later.where()
                                + ") cannot both be given: a cell is exported one way, or is a test",
                        "Keep one; split the cell if it holds both library code and a test."));
            }
        }

        private static String rejectValue(Directive directive, String value) {
            if (value.isEmpty()) {
                return directive.arity() == Directive.Arity.REQUIRED ? "`" + directive.key() + "` needs a value" : null;
            }
            if (directive.arity() == Directive.Arity.NONE) {
                return "`" + directive.key() + "` takes no value, but has `" + value + "`";
            }
            return directive.rejectValue(value);
        }

        private static String exampleValue(Directive directive) {
            String line = directive.exampleLine();
            return line.substring(line.lastIndexOf(' ') + 1);
        }

        private void problem(Severity severity, int line, int column, String what, String hint) {
            problems.add(new Problem(severity, cell.location(line, column), what, hint, ""));
        }

        private void javaLine(int s, int e, int lineNo) {
            if (javaCount > 0) {
                java.append('\n');
            }
            java.append(src, s, e);
            if (javaCount == cellLines.length) {
                cellLines = Arrays.copyOf(cellLines, javaCount * 2);
            }
            cellLines[javaCount++] = lineNo;
        }

        CellDirectives result() {
            return new CellDirectives(cell, found, magics, java.toString(), Arrays.copyOf(cellLines, javaCount), problems);
        }

        private int skipWhitespace(int i, int e) {
            while (i < e && Character.isWhitespace(src.charAt(i))) {
                i++;
            }
            return i;
        }

        private int trimEnd(int s, int e) {
            while (e > s && Character.isWhitespace(src.charAt(e - 1))) {
                e--;
            }
            return e;
        }

        /** End of a run of {@code \w} characters (as the kernels' magic patterns), from {@code i}. */
        private int wordEnd(int i, int e) {
            while (i < e && isWordChar(src.charAt(i))) {
                i++;
            }
            return i;
        }

        private static boolean isWordChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }

        private static boolean isNameChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '-';
        }

        private static boolean isQuartoOption(String name) {
            if (QUARTO_OPTIONS.contains(name)) {
                return true;
            }
            for (String prefix : QUARTO_PREFIXES) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        private static int separator(String tag) {
            for (int i = 0; i < tag.length(); i++) {
                char c = tag.charAt(i);
                if (c == ':' || c == '=') {
                    return i;
                }
            }
            return -1;
        }
    }
}
