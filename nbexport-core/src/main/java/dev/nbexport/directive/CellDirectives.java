package dev.nbexport.directive;

import dev.nbexport.notebook.CellRef;
import dev.nbexport.problem.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DirectiveParser} found in one code cell: its directives, its magics, the Java code
 * that remains, and the problems found. Immutable.
 *
 * <p>The Java code is the cell's lines minus directive lines and magic lines; the other lines are
 * kept unchanged (line endings become {@code \n}), so a column in {@link #javaCode()} is the same
 * column in the cell and {@link #cellLine(int)} maps a line back:
 * <pre>{@code
 * CellDirectives d = DirectiveParser.standard().parse("//| export\n%maven a:b:1\nint x = 1;", List.of(), ref);
 * d.javaCode();   // "int x = 1;"
 * d.cellLine(1);  // 3
 * }</pre>
 *
 * <p>When there are errors, the directives are a best effort: invalid ones are left out, and of
 * a repeated or conflicting pair the first is kept.
 */
public final class CellDirectives {

    private static final int[] NO_LINES = new int[0];

    private final CellRef cell;
    private final Map<Directive, FoundDirective> directives;
    private final List<Magic> magics;
    private final String javaCode;
    private final int[] cellLines;
    private final List<Problem> problems;

    CellDirectives(CellRef cell, EnumMap<Directive, FoundDirective> directives, List<Magic> magics,
                   String javaCode, int[] cellLines, List<Problem> problems) {
        this.cell = Objects.requireNonNull(cell, "cell");
        this.directives = Collections.unmodifiableMap(new EnumMap<>(directives));
        this.magics = List.copyOf(magics);
        this.javaCode = Objects.requireNonNull(javaCode, "javaCode");
        this.cellLines = cellLines;
        this.problems = List.copyOf(problems);
    }

    /**
     * The result for a markdown or raw cell, which has no directives, no magics and no Java code
     * (the parser is meant for code cells only).
     */
    public static CellDirectives none(CellRef cell) {
        return new CellDirectives(cell, new EnumMap<>(Directive.class), List.of(), "", NO_LINES, List.of());
    }

    public CellRef cell() {
        return cell;
    }

    /** The directives in effect, each once, in {@link Directive} order. */
    public Collection<FoundDirective> directives() {
        return directives.values();
    }

    public Optional<FoundDirective> get(Directive directive) {
        return Optional.ofNullable(directives.get(directive));
    }

    public boolean has(Directive directive) {
        return directives.containsKey(directive);
    }

    /** The value of {@code directive}, when it is present and has one. */
    public Optional<String> value(Directive directive) {
        FoundDirective found = directives.get(directive);
        return found == null ? Optional.empty() : found.optionalValue();
    }

    /** How the cell is exported; {@link ExportKind#NONE} when no export or test directive is present. */
    public ExportKind exportKind() {
        for (Directive d : new Directive[] {Directive.EXPORT, Directive.EXPORTI, Directive.EXPORTS, Directive.TEST}) {
            if (directives.containsKey(d)) {
                return d.exportKind();
            }
        }
        return ExportKind.NONE;
    }

    /** The qualified class name an export directive names; empty for the notebook's default target or no export. */
    public Optional<String> exportTarget() {
        ExportKind kind = exportKind();
        if (!kind.exportsCode()) {
            return Optional.empty();
        }
        return value(kind == ExportKind.EXPORT ? Directive.EXPORT
                : kind == ExportKind.EXPORTI ? Directive.EXPORTI : Directive.EXPORTS);
    }

    /** The test method name given with {@code test name}. */
    public Optional<String> testName() {
        return value(Directive.TEST);
    }

    /** The notebook's target class from {@code default_exp}. */
    public Optional<String> defaultExp() {
        return value(Directive.DEFAULT_EXP);
    }

    /** {@code hide}: runs, but is left out of the docs. */
    public boolean hidden() {
        return directives.containsKey(Directive.HIDE);
    }

    /** False only with {@code eval: false}. */
    public boolean evaluated() {
        return !value(Directive.EVAL).orElse("true").equals("false");
    }

    /** {@code parameters}: the papermill-style parameters cell. */
    public boolean isParameters() {
        return directives.containsKey(Directive.PARAMETERS);
    }

    /** {@code skip_exec}: the notebook is not run by {@code nbexport:test}. */
    public boolean skipsNotebook() {
        return directives.containsKey(Directive.SKIP_EXEC);
    }

    /** {@code output: check|ignore}; empty when the cell does not say (the notebook or project setting applies). */
    public Optional<OutputMode> outputMode() {
        return value(Directive.OUTPUT).map(v -> v.equals("check") ? OutputMode.CHECK : OutputMode.IGNORE);
    }

    /** The magics, in line order. */
    public List<Magic> magics() {
        return magics;
    }

    /** The cell magic, when the cell is one ({@code %%loadFromPOM ...}); then it has no Java code. */
    public Optional<Magic> cellMagic() {
        for (Magic m : magics) {
            if (m.kind() == Magic.Kind.CELL) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The cell's Java code: every line except directive and magic lines, joined by {@code \n}. */
    public String javaCode() {
        return javaCode;
    }

    /** Number of lines in {@link #javaCode()} (an empty cell has one empty line; {@link #none} has none). */
    public int javaLineCount() {
        return cellLines.length;
    }

    /** The lines of {@link #javaCode()}; line {@code i} (1-based) is element {@code i - 1}. */
    public List<String> javaLines() {
        List<String> lines = new ArrayList<>(cellLines.length);
        int start = 0;
        for (int i = 0; i < cellLines.length; i++) {
            int nl = javaCode.indexOf('\n', start);
            int end = nl < 0 ? javaCode.length() : nl;
            lines.add(javaCode.substring(start, end));
            start = end + 1;
        }
        return lines;
    }

    /** True when some line of Java code is not blank (comments count as code). */
    public boolean hasCode() {
        return !javaCode.isBlank();
    }

    /**
     * The 1-based cell line of a 1-based line of {@link #javaCode()}, to point javac or parser
     * errors at the cell. Columns need no mapping: lines are kept as they are.
     *
     * @throws IndexOutOfBoundsException when {@code javaLine} is not in {@code 1..javaLineCount()}
     */
    public int cellLine(int javaLine) {
        Objects.checkIndex(javaLine - 1, cellLines.length);
        return cellLines[javaLine - 1];
    }

    /** Every problem found, errors and warnings, in the order found (lines first, then tags). */
    public List<Problem> problems() {
        return problems;
    }

    public boolean hasErrors() {
        for (Problem p : problems) {
            if (p.isError()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return cell + ": " + directives.values() + ", magics " + magics + ", " + problems.size() + " problem(s)";
    }
}
