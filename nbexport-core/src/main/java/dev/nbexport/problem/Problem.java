package dev.nbexport.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Something wrong (or worth knowing) that the user can act on: how bad it is, where it is, what it is
 * and what to do. Every goal reports its problems as this type, and shows them with {@link #describe()}
 * and {@link #list(String, List)}, so all messages look alike.
 *
 * <pre>{@code
 * Problem p = Problem.error(Location.in(cell, 2, 5), "unknown directive `exprot` (did you mean `export`?)",
 *         "Directives are ...");
 * p.toString();  // notebooks/01_slugify.ipynb, cell 3 (id e443df78), line 2:5: unknown directive ...
 * }</pre>
 *
 * @param severity whether the goal must stop
 * @param where where it is
 * @param message what is wrong, without the location
 * @param hint what to do about it; empty when there is nothing more to say
 * @param detail more lines to show after the message, such as a diff; empty when none
 */
public record Problem(Severity severity, Location where, String message, String hint, String detail) {

    /** By place (notebook or file, cell, line, column), then message: the order problems are listed in. */
    public static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.place())
            .thenComparingInt(p -> p.cell() == null ? 0 : p.cell().number())
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::message);

    private static final String NL = System.lineSeparator();

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
        detail = detail == null ? "" : detail;
    }

    /** An error without detail. */
    public static Problem error(Location where, String message, String hint) {
        return new Problem(Severity.ERROR, where, message, hint, "");
    }

    /** A warning without hint or detail. */
    public static Problem warning(Location where, String message) {
        return new Problem(Severity.WARNING, where, message, "", "");
    }

    /** The same problem with more lines to show, such as a diff. */
    public Problem withDetail(String moreLines) {
        return new Problem(severity, where, message, hint, moreLines);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Where, as shown: {@code notebooks/x.ipynb, cell 3 (id ab12), line 2:5}; empty for {@link Location#none()}. */
    public String location() {
        return where.toString();
    }

    /** The cell it is in, or {@code null} when it is not in a cell. */
    public CellAddress cell() {
        return where instanceof Location.InCell c ? c.cell() : null;
    }

    /** The 1-based line (of the cell, or the first of the file's lines); 0 when not known. */
    public int line() {
        if (where instanceof Location.InCell c) {
            return c.line();
        }
        return where instanceof Location.InFile f && !f.lines().isEmpty() ? f.lines().get(0) : 0;
    }

    /** The 1-based column in a cell; 0 when not known. */
    public int column() {
        return where instanceof Location.InCell c ? c.column() : 0;
    }

    /** {@code location: message}, or the message alone when it has no location. */
    @Override
    public String toString() {
        return where.isNone() ? message : where + ": " + message;
    }

    /** As shown to the user: {@link #toString()}, the detail lines, then the hint indented by two spaces. */
    public String describe() {
        return toString() + (detail.isEmpty() ? "" : NL + detail) + (hint.isEmpty() ? "" : NL + "  " + hint);
    }

    /**
     * The one way a list of problems is shown: the heading and a colon, then each problem on its own
     * lines, {@code "- "} before its first line and two spaces before the others.
     */
    public static String list(String heading, List<Problem> problems) {
        StringBuilder sb = new StringBuilder(heading).append(':');
        for (Problem p : problems) {
            sb.append(NL).append("- ").append(p.describe().replace(NL, NL + "  "));
        }
        return sb.toString();
    }

    /** The file or notebook the problem is in, for sorting. */
    private String place() {
        if (where instanceof Location.InCell c) {
            return c.cell().notebook();
        }
        return where instanceof Location.InFile f ? f.file() : "";
    }
}
