package dev.nbexport.report.parameters;

import dev.nbexport.directive.CellDirectives;
import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import dev.nbexport.problem.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A notebook's parameters: the cell that declares them (the first code cell with the directive
 * {@code //| parameters} or the tag {@code parameters}, as papermill finds it), each declaration's type,
 * default and description, and the fitting of given values to them.
 *
 * <pre>{@code
 * //| parameters
 * // how wide the wrapped text is, in characters
 * int width = 60;
 * List<String> stopWords = List.of("the", "a");   // left out of the counts
 * }</pre>
 */
public final class NotebookParameters {

    /** The tag (and directive) of the cell that declares the parameters. */
    public static final String PARAMETERS_TAG = "parameters";

    private final String notebook;
    private final Optional<Integer> cellIndex;
    private final CellRef cell;
    private final List<DeclaredParameter> declared;
    private final List<Problem> problems;

    private NotebookParameters(String notebook, Optional<Integer> cellIndex, CellRef cell, List<DeclaredParameter> declared,
                               List<Problem> problems) {
        this.notebook = notebook;
        this.cellIndex = cellIndex;
        this.cell = cell;
        this.declared = List.copyOf(declared);
        this.problems = List.copyOf(problems);
    }

    /**
     * Finds and reads the parameters cell of {@code nb}.
     *
     * @param shown the notebook's path as messages show it
     * @param enums where enum types are looked up
     */
    public static NotebookParameters read(Notebook nb, String shown, EnumLookup enums) {
        List<String> otherCells = new ArrayList<>();
        int found = -1;
        CellDirectives directives = null;
        for (int i = 0; i < nb.cells().size(); i++) {
            Cell c = nb.cells().get(i);
            if (!c.isCode()) {
                continue;
            }
            CellDirectives d = DirectiveParser.standard().withUnknownDirectives(Severity.WARNING)
                    .parse(c.source(), c.tags(), nb.cellRef(shown, i));
            if (found < 0 && d.isParameters()) {
                found = i;
                directives = d;
            } else {
                otherCells.add(d.javaCode());
            }
        }
        if (found < 0) {
            return new NotebookParameters(shown, Optional.empty(), null, List.of(), List.of());
        }
        CellRef ref = nb.cellRef(shown, found);
        ParameterCellReader.Result r = new ParameterCellReader().read(directives.javaCode(), otherCells, enums);
        List<Problem> problems = new ArrayList<>();
        if (r.error().isPresent()) {
            ParameterCellReader.SyntaxError e = r.error().get();
            int line = e.line() <= directives.javaLineCount() ? directives.cellLine(e.line()) : 0;
            problems.add(Problem.error(Location.in(ref, line, 0), "the parameters cell is not Java declarations javac can read: "
                    + e.message().lines().findFirst().orElse(""), "Write one typed declaration per parameter, e.g. `int width = 60;`."));
        }
        List<DeclaredParameter> declared = new ArrayList<>();
        for (ParameterCellReader.Declaration d : r.declarations()) {
            declared.add(new DeclaredParameter(d.name(), d.type(), d.defaultSource(), d.defaultJson(), d.description(),
                    directives.cellLine(d.line())));
        }
        return new NotebookParameters(shown, Optional.of(found), ref, declared, problems);
    }

    /** The 0-based index of the parameters cell, when the notebook has one. */
    public Optional<Integer> cellIndex() {
        return cellIndex;
    }

    /** The declarations, in cell order. */
    public List<DeclaredParameter> declared() {
        return declared;
    }

    /** A parameters cell javac cannot read. */
    public List<Problem> problems() {
        return problems;
    }

    public Optional<DeclaredParameter> get(String name) {
        return declared.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The defaults, as papermill's {@code default_parameters} records them. */
    public JsonObject defaults() {
        Map<String, Json> out = new LinkedHashMap<>();
        declared.forEach(p -> out.put(p.name(), p.defaultJson()));
        return new JsonObject(out);
    }

    /**
     * One given value, fitted to its declared type.
     *
     * @param name the parameter
     * @param type the declared type as written (or, without a parameters cell, the type the value looks like)
     * @param value the value as Java and JSON
     */
    public record Given(String name, String type, TypedValue value) {
        /** The injected declaration: {@code int width = 80;}. */
        public String declaration() {
            return type + " " + name + " = " + value.java() + ";";
        }
    }

    /**
     * What fitting the given values gave: the values, in the order given, or the problems (a value that does
     * not fit, an unknown name), each naming the parameter, the value and the type.
     *
     * @param warnings said but not refused: a notebook without a parameters cell
     */
    public record Fitted(List<Given> values, List<Problem> problems, List<Problem> warnings) {
        public Fitted {
            values = List.copyOf(values);
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }

        public JsonObject json() {
            Map<String, Json> out = new LinkedHashMap<>();
            values.forEach(g -> out.put(g.name(), g.value().json()));
            return new JsonObject(out);
        }
    }

    /**
     * Fits {@code values} to the declarations. Without a parameters cell, as papermill does, the values are
     * still injected (at the top of the notebook), each typed by how it looks ({@link #inferred}), with a warning.
     */
    public Fitted fit(Map<String, RawValue> values) {
        List<Given> given = new ArrayList<>();
        List<Problem> refused = new ArrayList<>(problems);
        List<Problem> warnings = new ArrayList<>();
        if (cellIndex.isEmpty()) {
            if (!values.isEmpty()) {
                warnings.add(Problem.warning(Location.file(notebook), "has no parameters cell, so the parameters are injected at"
                        + " the top of the notebook, each typed by how its value looks (" + String.join(", ", values.keySet())
                        + "); tag the cell that declares them `parameters` to give them types"));
            }
            values.forEach((name, raw) -> given.add(inferred(name, raw)));
            return new Fitted(given, refused, warnings);
        }
        for (Map.Entry<String, RawValue> e : values.entrySet()) {
            Optional<DeclaredParameter> p = get(e.getKey());
            if (p.isEmpty()) {
                refused.add(Problem.error(Location.in(cell), "has no parameter `" + e.getKey() + "` (given `" + e.getValue().shown() + "`)",
                        declared.isEmpty() ? "Its parameters cell declares none: declare it there, e.g. `int " + e.getKey() + " = 1;`."
                                : "Its parameters are: " + known() + "."));
                continue;
            }
            DeclaredParameter d = p.get();
            try {
                given.add(new Given(d.name(), d.type().written(), ValueTyping.type(d.type(), e.getValue())));
            } catch (ValueTyping.Refused r) {
                refused.add(Problem.error(Location.in(cell, d.line(), 0), "parameter `" + d.name() + "` is " + article(d.type().written())
                        + ": the value `" + e.getValue().shown() + "` " + r.getMessage(), hint(d.type())));
            }
        }
        return new Fitted(given, refused, warnings);
    }

    private String known() {
        return String.join(", ", declared.stream().map(p -> p.name() + " (" + p.type().written() + ")").toList());
    }

    private static String article(String type) {
        return ("aeiouAEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    private static String hint(ParameterType type) {
        if (type instanceof ParameterType.Scalar s) {
            return "Give " + article(s.written()) + ": " + s.kind().example() + ".";
        }
        if (type instanceof ParameterType.Collection c) {
            return "Give a list of " + c.element().written() + " values, e.g. [" + c.element().kind().example() + ", ...].";
        }
        if (type instanceof ParameterType.Enum e) {
            return "Give one of: " + String.join(", ", e.constants()) + ".";
        }
        return "Leave it out (it keeps its default), or declare it with a supported type: " + ParameterType.SUPPORTED + ".";
    }

    /**
     * A value without a declaration, typed as papermill types Python values: a whole number is an {@code int}
     * (a {@code long} when it does not fit), a decimal a {@code double}, {@code true}/{@code false} a
     * {@code boolean}, anything else a {@code String}; a list is a {@code List} of the one type all its
     * elements have.
     */
    static Given inferred(String name, RawValue raw) {
        List<String> texts = raw instanceof RawValue.Items i ? i.items() : List.of(raw.shown());
        ParameterType.Scalar.Kind kind = null;
        for (String t : texts) {
            ParameterType.Scalar.Kind k = looks(t);
            kind = kind == null || kind == k ? k : numeric(kind) && numeric(k) ? widest(kind, k) : ParameterType.Scalar.Kind.STRING;
        }
        kind = kind == null ? ParameterType.Scalar.Kind.STRING : kind;
        try {
            if (raw instanceof RawValue.Items) {
                String box = switch (kind) {
                    case INT -> "Integer";
                    case LONG -> "Long";
                    case DOUBLE -> "Double";
                    case BOOLEAN -> "Boolean";
                    default -> "String";
                };
                ParameterType.Collection c = new ParameterType.Collection(false, new ParameterType.Scalar(kind, box), "List<" + box + ">");
                return new Given(name, c.written(), ValueTyping.type(c, raw));
            }
            ParameterType.Scalar s = new ParameterType.Scalar(kind, kind.javaName());
            return new Given(name, s.written(), ValueTyping.type(s, raw));
        } catch (ValueTyping.Refused r) {
            throw new IllegalStateException("a value typed by its look did not fit: " + raw.shown(), r);
        }
    }

    private static ParameterType.Scalar.Kind looks(String text) {
        String t = text.strip();
        ParameterType.Scalar.Kind[] tries = {ParameterType.Scalar.Kind.INT, ParameterType.Scalar.Kind.LONG,
                ParameterType.Scalar.Kind.DOUBLE, ParameterType.Scalar.Kind.BOOLEAN};
        for (ParameterType.Scalar.Kind k : tries) {
            try {
                ValueTyping.scalar(new ParameterType.Scalar(k, k.javaName()), t);
                return k;
            } catch (ValueTyping.Refused r) {
                // next
            }
        }
        return ParameterType.Scalar.Kind.STRING;
    }

    private static boolean numeric(ParameterType.Scalar.Kind k) {
        return k == ParameterType.Scalar.Kind.INT || k == ParameterType.Scalar.Kind.LONG || k == ParameterType.Scalar.Kind.DOUBLE;
    }

    private static ParameterType.Scalar.Kind widest(ParameterType.Scalar.Kind a, ParameterType.Scalar.Kind b) {
        return a.ordinal() > b.ordinal() ? a : b;
    }

    /**
     * What {@code -Dnbexport.describe} prints: each parameter with its type, default and description.
     *
     * <pre>
     * notebooks/report.ipynb, cell 2 (id a1b2): 2 parameters
     *   width: int = 60
     *       how wide the wrapped text is, in characters
     *   top: int = 10
     * </pre>
     */
    public String describe() {
        if (cellIndex.isEmpty()) {
            return notebook + ": no parameters cell (tag a cell `parameters`, or start it with `//| parameters`)";
        }
        StringBuilder out = new StringBuilder(cell.toString()).append(": ").append(declared.size())
                .append(declared.size() == 1 ? " parameter" : " parameters");
        for (DeclaredParameter p : declared) {
            out.append("\n  ").append(p.signature());
            if (p.type() instanceof ParameterType.Enum e) {
                out.append("  (one of ").append(String.join(", ", e.constants())).append(")");
            } else if (p.type() instanceof ParameterType.Unsupported u) {
                out.append("  (cannot be given: ").append(u.why()).append(")");
            }
            if (!p.description().isEmpty()) {
                out.append("\n      ").append(p.description());
            }
        }
        problems.forEach(p -> out.append("\n  ").append(p.describe()));
        return out.toString();
    }
}
