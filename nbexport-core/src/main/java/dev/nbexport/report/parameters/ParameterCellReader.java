package dev.nbexport.report.parameters;

import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Reads the declarations of a parameters cell with javac's own parser (the tree API, as the exporter does):
 * each variable's type, name, initializer and the comment above it (or after it on its line). Statements
 * other than declarations are left alone. Only parses: nothing is compiled or run.
 *
 * <p>The cell is read as the body of a method (local declarations, what JShell makes of a cell), and when
 * that fails as the body of a class (fields with modifiers); an enum type is looked up on the project's class
 * path by its qualified name or through the {@code import}s of the notebook's code cells.
 */
final class ParameterCellReader {

    private static final String BLOCK_OPEN = "class NbexportParameters { void parameters() {\n";
    private static final String BLOCK_CLOSE = "\n}}";
    private static final String BODY_OPEN = "class NbexportParameters {\n";
    private static final String BODY_CLOSE = "\n}";

    /** What was read: the declarations, or the first syntax error (1-based line of the code). */
    record Result(List<Declaration> declarations, Optional<SyntaxError> error) {}

    record SyntaxError(int line, String message) {}

    /**
     * One declaration, in lines of the code given.
     *
     * @param line the 1-based line of the code it starts on
     */
    record Declaration(String name, ParameterType type, String defaultSource, Json defaultJson, String description, int line) {}

    private final JavaCompiler javac;

    ParameterCellReader() {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("nbexport needs a JDK, not a JRE: the Java compiler (module jdk.compiler) is missing from "
                    + System.getProperty("java.home"));
        }
    }

    /**
     * @param code the parameters cell's Java lines (directives and magics removed), joined by {@code \n}
     * @param otherCells the notebook's other code cells, for their imports
     */
    Result read(String code, List<String> otherCells, EnumLookup enums) {
        Parsed block = parse(BLOCK_OPEN, code, BLOCK_CLOSE);
        Parsed parsed = block;
        if (block.error.isPresent()) {
            Parsed body = parse(BODY_OPEN, code, BODY_CLOSE);
            if (body.error.isPresent()) {
                return new Result(List.of(), block.error);
            }
            parsed = body;
        }
        List<String> lines = List.of(code.split("\n", -1));
        Imports imports = new Imports(code, otherCells);
        List<Declaration> out = new ArrayList<>();
        for (VariableTree v : parsed.variables) {
            int start = (int) parsed.positions.getStartPosition(parsed.unit, v) - parsed.openLength;
            int end = (int) parsed.positions.getEndPosition(parsed.unit, v) - parsed.openLength;
            int line = lineOf(code, start);
            ExpressionTree init = v.getInitializer();
            String defaultSource = init == null ? "" : source(parsed, init);
            ParameterType type = type(v, parsed, init, imports, enums);
            Json defaultJson = init == null ? Json.JsonNull.NULL : literal(init).orElse(Json.string(defaultSource));
            out.add(new Declaration(v.getName().toString(), type, defaultSource, defaultJson,
                    description(lines, line, code, end), line));
        }
        return new Result(out, Optional.empty());
    }

    private ParameterType type(VariableTree v, Parsed parsed, ExpressionTree init, Imports imports, EnumLookup enums) {
        Tree t = v.getType();
        if (t == null || t instanceof IdentifierTree id && id.getName().contentEquals("var")) {
            Optional<ParameterType.Scalar.Kind> kind = init instanceof LiteralTree l ? literalKind(l.getValue()) : Optional.empty();
            if (kind.isPresent()) {
                return new ParameterType.Scalar(kind.get(), kind.get().javaName());
            }
            return new ParameterType.Unsupported("var", "declared with `var` and an initializer that is not a literal: write its type");
        }
        String written = source(parsed, t);
        if (t instanceof PrimitiveTypeTree || t instanceof IdentifierTree || t instanceof MemberSelectTree) {
            ParameterType.Scalar.Kind kind = ParameterType.Scalar.Kind.of(written);
            if (kind != null) {
                return new ParameterType.Scalar(kind, written);
            }
            for (String candidate : imports.candidates(written)) {
                Optional<List<String>> constants = enums.constants(candidate);
                if (constants.isPresent()) {
                    return new ParameterType.Enum(written, constants.get());
                }
            }
            return new ParameterType.Unsupported(written, written + " is not a type nbexport:run can give values"
                    + " (supported: " + ParameterType.SUPPORTED + ")");
        }
        if (t instanceof ParameterizedTypeTree p && p.getTypeArguments().size() == 1) {
            String base = source(parsed, p.getType());
            boolean list = base.equals("List") || base.equals("java.util.List");
            boolean set = base.equals("Set") || base.equals("java.util.Set");
            ParameterType.Scalar.Kind element = ParameterType.Scalar.Kind.of(source(parsed, p.getTypeArguments().get(0)));
            if ((list || set) && element != null && !(p.getTypeArguments().get(0) instanceof PrimitiveTypeTree)) {
                return new ParameterType.Collection(set, new ParameterType.Scalar(element, source(parsed, p.getTypeArguments().get(0))), written);
            }
        }
        if (t instanceof ArrayTypeTree) {
            return new ParameterType.Unsupported(written, "arrays are not supported: declare a List (e.g. List<String>)");
        }
        return new ParameterType.Unsupported(written, written + " is not a type nbexport:run can give values"
                + " (supported: " + ParameterType.SUPPORTED + ")");
    }

    private static Optional<ParameterType.Scalar.Kind> literalKind(Object value) {
        if (value instanceof Integer) {
            return Optional.of(ParameterType.Scalar.Kind.INT);
        } else if (value instanceof Long) {
            return Optional.of(ParameterType.Scalar.Kind.LONG);
        } else if (value instanceof Double) {
            return Optional.of(ParameterType.Scalar.Kind.DOUBLE);
        } else if (value instanceof Float) {
            return Optional.of(ParameterType.Scalar.Kind.FLOAT);
        } else if (value instanceof Boolean) {
            return Optional.of(ParameterType.Scalar.Kind.BOOLEAN);
        } else if (value instanceof Character) {
            return Optional.of(ParameterType.Scalar.Kind.CHAR);
        } else if (value instanceof String) {
            return Optional.of(ParameterType.Scalar.Kind.STRING);
        }
        return Optional.empty();
    }

    /** The JSON of a literal initializer, a negated number, or {@code List.of}/{@code Set.of} of those. */
    private static Optional<Json> literal(ExpressionTree e) {
        if (e instanceof LiteralTree l) {
            Object v = l.getValue();
            if (v == null) {
                return Optional.of(Json.JsonNull.NULL);
            } else if (v instanceof Boolean b) {
                return Optional.of(Json.JsonBoolean.of(b));
            } else if (v instanceof Integer || v instanceof Long) {
                return Optional.of(Json.JsonNumber.of(((Number) v).longValue()));
            } else if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                return Double.isFinite(d) ? Optional.of(new Json.JsonNumber(v.toString())) : Optional.empty();
            }
            return Optional.of(Json.string(v.toString()));
        }
        if (e instanceof UnaryTree u && u.getKind() == Tree.Kind.UNARY_MINUS) {
            return literal(u.getExpression()).filter(j -> j instanceof Json.JsonNumber)
                    .map(j -> new Json.JsonNumber("-" + ((Json.JsonNumber) j).text()));
        }
        if (e instanceof MethodInvocationTree m && m.getMethodSelect() instanceof MemberSelectTree s
                && s.getIdentifier().contentEquals("of")
                && List.of("List", "Set", "java.util.List", "java.util.Set").contains(s.getExpression().toString())) {
            List<Json> items = new ArrayList<>();
            for (ExpressionTree arg : m.getArguments()) {
                Optional<Json> item = literal(arg);
                if (item.isEmpty()) {
                    return Optional.empty();
                }
                items.add(item.get());
            }
            return Optional.of(new JsonArray(items));
        }
        return Optional.empty();
    }

    /**
     * The comment that says what a parameter is: the {@code //} lines (or the {@code /* *}{@code /} block)
     * right above its first line, else a {@code //} comment after it on its last line.
     */
    private static String description(List<String> lines, int line, String code, int end) {
        List<String> above = new ArrayList<>();
        int i = line - 2;
        if (i >= 0 && lines.get(i).strip().endsWith("*/")) {
            int last = i;
            while (i >= 0 && !lines.get(i).contains("/*")) {
                i--;
            }
            if (i >= 0) {
                for (int k = i; k <= last; k++) {
                    String l = lines.get(k).strip();
                    if (k == i) {
                        l = l.substring(l.indexOf("/*") + 2);
                        l = l.startsWith("*") ? l.substring(1) : l;
                    }
                    if (k == last) {
                        l = l.substring(0, l.lastIndexOf("*/"));
                    }
                    l = l.strip();
                    l = l.startsWith("*") ? l.substring(1).strip() : l;
                    if (!l.isEmpty()) {
                        above.add(l);
                    }
                }
                return String.join(" ", above);
            }
            i = last;
        }
        while (i >= 0 && lines.get(i).strip().startsWith("//")) {
            String l = lines.get(i).strip().substring(2);
            above.add(0, (l.startsWith("|") ? "" : l).strip());
            i--;
        }
        above.removeIf(String::isEmpty);
        if (!above.isEmpty()) {
            return String.join(" ", above);
        }
        int lineEnd = code.indexOf('\n', end);
        String rest = code.substring(Math.min(end, code.length()), lineEnd < 0 ? code.length() : lineEnd).strip();
        rest = rest.startsWith(";") ? rest.substring(1).strip() : rest;
        return rest.startsWith("//") ? rest.substring(2).strip() : "";
    }

    private static int lineOf(String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String source(Parsed parsed, Tree tree) {
        int start = (int) parsed.positions.getStartPosition(parsed.unit, tree);
        int end = (int) parsed.positions.getEndPosition(parsed.unit, tree);
        return parsed.text.substring(start, end);
    }

    private static final class Parsed {
        String text;
        int openLength;
        CompilationUnitTree unit;
        SourcePositions positions;
        List<VariableTree> variables = new ArrayList<>();
        Optional<SyntaxError> error = Optional.empty();
    }

    private Parsed parse(String open, String code, String close) {
        Parsed p = new Parsed();
        p.text = open + code + close;
        p.openLength = open.length();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostics, List.of("-proc:none"), null,
                List.of(new Source("NbexportParameters", p.text)));
        try {
            p.unit = task.parse().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.positions = Trees.instance(task).getSourcePositions();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                int line = (int) d.getLineNumber() - 1;
                p.error = Optional.of(new SyntaxError(Math.max(1, line), d.getMessage(Locale.ROOT)));
                return p;
            }
        }
        ClassTree c = (ClassTree) p.unit.getTypeDecls().get(0);
        for (Tree member : c.getMembers()) {
            if (member instanceof VariableTree v) {
                p.variables.add(v);
            } else if (member instanceof MethodTree m && m.getName().contentEquals("parameters") && open.equals(BLOCK_OPEN)) {
                BlockTree body = m.getBody();
                body.getStatements().stream().filter(s -> s instanceof VariableTree).forEach(s -> p.variables.add((VariableTree) s));
            }
        }
        return p;
    }

    /** Candidate qualified names of a type as written, from the notebook's imports. */
    private final class Imports {
        private final List<String> cells;
        private List<String> imported;

        Imports(String parametersCell, List<String> otherCells) {
            this.cells = new ArrayList<>(otherCells);
            this.cells.add(0, parametersCell);
        }

        List<String> candidates(String written) {
            List<String> out = new ArrayList<>();
            if (written.contains(".")) {
                out.add(written);
                // a nested type: com.acme.Outer.Inner is com.acme.Outer$Inner
                int dot = written.lastIndexOf('.');
                out.add(written.substring(0, dot) + "$" + written.substring(dot + 1));
                return out;
            }
            for (String i : imported()) {
                if (i.endsWith(".*")) {
                    out.add(i.substring(0, i.length() - 1) + written);
                } else if (i.endsWith("." + written)) {
                    out.add(i);
                }
            }
            return out;
        }

        private List<String> imported() {
            if (imported == null) {
                imported = new ArrayList<>();
                List<JavaFileObject> files = new ArrayList<>();
                for (int i = 0; i < cells.size(); i++) {
                    files.add(new Source("NbexportCell" + i, cells.get(i)));
                }
                JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, files);
                try {
                    for (CompilationUnitTree unit : task.parse()) {
                        for (ImportTree it : unit.getImports()) {
                            if (!it.isStatic()) {
                                imported.add(it.getQualifiedIdentifier().toString());
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return imported;
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String name, String text) {
            super(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
