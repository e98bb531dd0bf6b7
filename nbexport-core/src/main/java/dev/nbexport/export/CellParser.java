package dev.nbexport.export;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import dev.nbexport.directive.ExportKind;
import dev.nbexport.directive.JavaNames;
import dev.nbexport.export.ParsedCell.CellImport;
import dev.nbexport.layout.ImportLine;
import dev.nbexport.export.ParsedCell.Kind;
import dev.nbexport.export.ParsedCell.Modifiers;
import dev.nbexport.export.ParsedCell.Snippet;
import dev.nbexport.export.ParsedCell.UsedNames;
import dev.nbexport.export.ParsedCell.Word;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import java.net.URI;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Splits cells' code into JShell snippets with the running JDK's own Java parser (javac's tree
 * API, the parser JShell itself uses): imports are found by a small lexer and blanked out, the
 * rest is parsed as the body of a synthetic class (declarations) or of a synthetic method (a test
 * cell of statements). Blanking keeps every line and column, and the synthetic opening is one line
 * of known length, so javac's offsets map straight back to the cell.
 *
 * <p>Cells are parsed in batches, one javac task per batch: a task costs about as much to set up as
 * parsing a few notebooks. Only cells javac finds errors in are parsed again, one by one, to say
 * precisely what is wrong. Instances are stateless and thread-safe; each call makes its own tasks.
 */
final class CellParser {

    private static final String BODY_OPEN = "class NbexportCell {\n";
    private static final String BODY_CLOSE = "\n}";
    private static final String BLOCK_OPEN = "class NbexportCell { void nbexportCell() {\n";
    private static final String BLOCK_CLOSE = "\n}}";
    private static final String VAR_FIELD = "compiler.err.restricted.type.not.allowed.here";
    private static final String NO_RETURN_TYPE = "compiler.err.invalid.meth.decl.ret.type.req";
    /**
     * What javac says after a class closed too early: "class, interface, enum, or record expected"
     * (JDK 17), "class, interface, annotation type, enum, record, method or field expected" (JDK 21+).
     */
    private static final Set<String> TYPE_EXPECTED = Set.of("compiler.err.expected4",
            "compiler.err.class.method.or.field.expected");

    private final JavaCompiler javac;

    CellParser() {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("nbexport needs a JDK, not a JRE: the Java compiler (module jdk.compiler)"
                    + " is missing from " + System.getProperty("java.home")
                    + ". Run Maven with a JDK 17 or newer (set JAVA_HOME).");
        }
    }

    /** A cell's parse and what is wrong with it. */
    record Result(ParsedCell parsed, List<Problem> problems) {
    }

    /** Parses cells with one javac task; results in the order of {@code cells}. */
    List<Result> parseAll(List<ExportCell> cells) {
        List<Result> results = new ArrayList<>(cells.size());
        List<Source> sources = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (ExportCell cell : cells) {
            List<Problem> problems = new ArrayList<>(0);
            Pending p = prepare(cell, problems);
            if (p.parsed.code().isBlank() || cell.kind() == ExportKind.NONE) {
                results.add(new Result(p.parsed, List.copyOf(problems)));
                continue;
            }
            p.problems = problems;
            p.result = results.size();
            results.add(null);
            p.source = new Source(sources.size(), cell.kind() == ExportKind.TEST ? BLOCK_OPEN : BODY_OPEN,
                    p.parsed.code(), cell.kind() == ExportKind.TEST ? BLOCK_CLOSE : BODY_CLOSE);
            sources.add(p.source);
            pending.add(p);
        }
        if (!sources.isEmpty()) {
            Batch batch = parse(sources);
            for (Pending p : pending) {
                finish(p, batch);
                results.set(p.result, new Result(p.parsed, List.copyOf(p.problems)));
            }
        }
        return results;
    }

    /** A cell between the import scan and javac. */
    private static final class Pending {
        final ParsedCell parsed;
        List<Problem> problems;
        int result;
        Source source;

        Pending(ParsedCell parsed) {
            this.parsed = parsed;
        }
    }

    /** The cell's code with \n line breaks and its imports blanked out, and its imports. */
    private static Pending prepare(ExportCell cell, List<Problem> problems) {
        String code = cell.code();
        if (code.indexOf('\r') >= 0) {
            code = code.replace("\r\n", "\n").replace('\r', '\n');
        }
        int[] lineStarts = lineStarts(code);
        char[] masked = code.toCharArray();
        BitSet importLines = new BitSet();
        List<CellImport> imports = scanImports(cell, code, masked, lineStarts, importLines, problems);
        List<Snippet> snippets = cell.kind() == ExportKind.NONE ? List.of() : new ArrayList<>();
        return new Pending(new ParsedCell(cell, new String(masked), lineStarts, imports, importLines, snippets));
    }

    private void finish(Pending p, Batch batch) {
        ExportCell cell = p.parsed.source();
        Source source = p.source;
        CompilationUnitTree unit = batch.units.get(source);
        Parse first = new Parse(source, unit, batch.positions, batch.errors.getOrDefault(source, List.of()));
        // without errors, or with javac's complaint about what follows a class closed too early
        int stray = first.errors.isEmpty() || TYPE_EXPECTED.contains(first.errors.get(0).getCode())
                ? strayBrace(first, cell.kind() == ExportKind.TEST) : -1;
        if (stray >= 0) {
            p.problems.add(strayBraceProblem(p.parsed, stray));
            return;
        }
        if (cell.kind() == ExportKind.TEST) {
            if (first.errors.isEmpty()) {
                p.parsed.snippets().add(statements(p.parsed, first));
                return;
            }
            Parse members = parseOne(BODY_OPEN, p.parsed.code(), BODY_CLOSE);
            if (members.declarationErrors().isEmpty()) {
                int escaped = strayBrace(members, false);
                if (escaped >= 0) {
                    p.problems.add(strayBraceProblem(p.parsed, escaped));
                    return;
                }
                declarations(p.parsed, members, p.problems);
            } else {
                Parse furthest = first.errorOffset() >= members.errorOffset() ? first : members;
                syntaxError(p.parsed, furthest, furthest.errors.get(0), p.problems,
                        "A test cell holds either statements or declarations (such as @Test methods),"
                                + " not both; fix the Java code.");
            }
            return;
        }
        List<Diagnostic<? extends JavaFileObject>> errors = first.declarationErrors();
        if (errors.isEmpty()) {
            declarations(p.parsed, first, p.problems);
            return;
        }
        explainFailure(p.parsed, first, errors.get(0), p.problems);
    }

    /**
     * Where a {@code }} of the cell closes the synthetic class (or method) around it, so that what
     * follows would parse outside it; -1 when the cell stays inside.
     */
    private static int strayBrace(Parse parse, boolean block) {
        List<? extends Tree> types = parse.unit.getTypeDecls();
        ClassTree wrapper = (ClassTree) types.get(0);
        if (block) {
            if (wrapper.getMembers().isEmpty()) {
                return -1;
            }
            if (wrapper.getMembers().size() != 1 || types.size() != 1) {
                return parse.end(wrapper.getMembers().get(0)) - 1;
            }
        } else if (types.size() != 1) {
            return parse.end(wrapper) - 1;
        }
        return -1;
    }

    private static Problem strayBraceProblem(ParsedCell parsed, int at) {
        return problem(parsed, at, "Java syntax error: this `}` closes more than the cell opened",
                "Remove the extra `}`: a cell holds whole declarations or statements.");
    }

    /** An export cell javac rejects as a class body: a statement, a constructor, or a syntax error. */
    private void explainFailure(ParsedCell parsed, Parse members, Diagnostic<? extends JavaFileObject> error,
            List<Problem> problems) {
        String code = parsed.code();
        if (NO_RETURN_TYPE.equals(error.getCode())) {
            int at = members.offset(error.getPosition());
            problems.add(problem(parsed, at, "a constructor outside a class", "Move the constructor into its class."));
            return;
        }
        Parse block = parseOne(BLOCK_OPEN, code, BLOCK_CLOSE);
        if (block.errors.isEmpty()) {
            StatementTree first = firstNonDeclaration(block);
            if (first != null) {
                statementProblem(parsed, block.start(first), problems);
                return;
            }
        }
        int statement = statementAt(code, parsed.lineStarts(), members.offset(error.getPosition()));
        if (statement >= 0) {
            statementProblem(parsed, statement, problems);
            return;
        }
        syntaxError(parsed, members, error, problems,
                "Fix the Java code. Exported cells may hold only imports, types, methods and fields;"
                        + " move statements to a cell without `//| export`.");
    }

    /**
     * A statement among declarations fails both parses. If one starts on the line where parsing
     * failed (or one of the next lines), it is the culprit: return where it starts, else -1.
     */
    private int statementAt(String code, int[] lineStarts, int failure) {
        int codeLine = lineOf(lineStarts, Math.min(Math.max(failure, 0), code.length()));
        int start = lineStarts[codeLine - 1];
        while (start < code.length() && code.charAt(start) != '\n' && Character.isWhitespace(code.charAt(start))) {
            start++;
        }
        int lastLine = Math.min(lineStarts.length, codeLine + 20);
        for (int line = codeLine; line <= lastLine; line++) {
            int end = line < lineStarts.length ? lineStarts[line] : code.length();
            if (end <= start) {
                continue;
            }
            Parse statement = parseOne(BLOCK_OPEN, code.substring(start, end), BLOCK_CLOSE);
            if (statement.errors.isEmpty() && firstNonDeclaration(statement) != null) {
                return start;
            }
        }
        return -1;
    }

    private static void syntaxError(ParsedCell parsed, Parse parse, Diagnostic<? extends JavaFileObject> error,
            List<Problem> problems, String hint) {
        int at = parse.offset(error.getPosition());
        problems.add(problem(parsed, at, "Java syntax error: " + firstLine(error.getMessage(Locale.ROOT)), hint));
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static void statementProblem(ParsedCell parsed, int at, List<Problem> problems) {
        problems.add(problem(parsed, at,
                "a statement in an exported cell: exported cells may hold only imports, types,"
                        + " methods and fields",
                "Move the statement to a cell without `//| export` (it still runs in the notebook),"
                        + " or turn it into a declaration."));
    }

    /** A problem at an offset of the cell's code, located by the cell's line and column. */
    static Problem problem(ParsedCell parsed, int offset, String message, String hint) {
        String code = parsed.code();
        int at = Math.min(Math.max(offset, 0), code.length());
        int codeLine = lineOf(parsed.lineStarts(), at);
        int column = at - parsed.lineStarts()[codeLine - 1] + 1;
        ExportCell cell = parsed.source();
        return Problem.error(Location.in(cell.cell(), cell.cellLine(codeLine), column), message, hint);
    }

    /** The first statement of the synthetic method that is not a local variable or local type. */
    private static StatementTree firstNonDeclaration(Parse parse) {
        for (StatementTree s : methodBody(parse).getStatements()) {
            if (!(s instanceof VariableTree) && !(s instanceof ClassTree)) {
                return s;
            }
        }
        return null;
    }

    private static BlockTree methodBody(Parse parse) {
        ClassTree wrapper = (ClassTree) parse.unit.getTypeDecls().get(0);
        return ((MethodTree) wrapper.getMembers().get(0)).getBody();
    }

    private static Snippet statements(ParsedCell parsed, Parse parse) {
        BlockTree block = methodBody(parse);
        UsedNames used = NameCollector.newUsed();
        NameCollector collector = new NameCollector(used, null, parse::start);
        for (StatementTree s : block.getStatements()) {
            collector.scan(s, null);
        }
        ExportCell cell = parsed.source();
        int firstLine = block.getStatements().isEmpty()
                ? 1
                : lineOf(parsed.lineStarts(), parse.start(block.getStatements().get(0)));
        return new Snippet(Kind.STATEMENTS, null, 0, parsed.code().length(), null, List.of(),
                "test statements", cell.cellLine(firstLine), 1, used);
    }

    private static void declarations(ParsedCell parsed, Parse parse, List<Problem> problems) {
        String code = parsed.code();
        List<List<Tree>> members = members((ClassTree) parse.unit.getTypeDecls().get(0));
        int previousEnd = 0;
        List<Snippet> snippets = parsed.snippets();
        for (int i = 0; i < members.size(); i++) {
            List<Tree> group = members.get(i);
            Tree member = group.get(0);
            int begin = parse.start(member);
            if (member instanceof BlockTree) {
                statementProblem(parsed, begin, problems);
                continue;
            }
            if (member instanceof MethodTree m && m.getName().contentEquals("<init>")) {
                problems.add(problem(parsed, begin, "a constructor outside a class", "Move the constructor into its class."));
                continue;
            }
            // text since the previous declaration's line (comments, blank lines) goes with this one
            int segmentStart = previousEnd == 0 ? 0
                    : firstLineStartAfter(code, previousEnd, Math.min(begin, FileEmitter.skipWhitespace(code, previousEnd)));
            int end = parse.end(group.get(group.size() - 1));
            int eol = code.indexOf('\n', end);
            int lineEnd = eol < 0 ? code.length() : eol;
            if (code.substring(end, lineEnd).strip().startsWith("//")) {
                end = lineEnd; // a trailing comment on the declaration's last line
            }
            if (i == members.size() - 1 && !code.substring(end).isBlank()) {
                end = code.length(); // comments after the last declaration stay with it
            }
            UsedNames used = NameCollector.newUsed();
            NameCollector collector = new NameCollector(used, member, parse::start);
            for (Tree t : group) {
                collector.scan(t, null);
            }
            Snippet snippet = snippet(parsed, parse, group, segmentStart, end, begin, used, problems);
            if (snippet != null) {
                snippets.add(snippet);
            }
            previousEnd = end;
        }
    }

    /** The synthetic class's members; {@code int a, b;} (two trees sharing modifiers) is one group. */
    private static List<List<Tree>> members(ClassTree wrapper) {
        List<List<Tree>> groups = new ArrayList<>();
        ModifiersTree previous = null;
        for (Tree member : wrapper.getMembers()) {
            if (member instanceof VariableTree v && v.getModifiers() == previous && !groups.isEmpty()) {
                groups.get(groups.size() - 1).add(member);
                continue;
            }
            List<Tree> group = new ArrayList<>(1);
            group.add(member);
            groups.add(group);
            previous = member instanceof VariableTree v ? v.getModifiers() : null;
        }
        return groups;
    }

    /** The first line start after {@code from} (skipping the rest of the previous line). */
    private static int firstLineStartAfter(String code, int from, int limit) {
        int nl = code.indexOf('\n', from);
        return nl < 0 || nl + 1 > limit ? limit : nl + 1;
    }

    private static Snippet snippet(ParsedCell parsed, Parse parse, List<Tree> group, int start, int end, int begin,
            UsedNames used, List<Problem> problems) {
        ExportCell cell = parsed.source();
        int codeLine = lineOf(parsed.lineStarts(), begin);
        int line = cell.cellLine(codeLine);
        int column = begin - parsed.lineStarts()[codeLine - 1] + 1;
        Tree member = group.get(0);
        if (member instanceof ClassTree type) {
            String kind = switch (type.getKind()) {
                case ANNOTATION_TYPE -> "annotation";
                case ENUM -> "enum";
                case RECORD -> "record";
                case INTERFACE -> "interface";
                default -> "class";
            };
            String name = type.getSimpleName().toString();
            return new Snippet(Kind.TYPE, typeModifiers(parsed, parse, type), start, end, name, List.of("type " + name),
                    kind + " " + name, line, column, used);
        }
        if (member instanceof MethodTree method) {
            String name = method.getName().toString();
            StringBuilder sig = new StringBuilder(name).append('(');
            for (int i = 0; i < method.getParameters().size(); i++) {
                sig.append(i == 0 ? "" : ", ").append(typeText(method.getParameters().get(i)));
            }
            sig.append(')');
            return new Snippet(Kind.METHOD, modifiers(parsed, parse, method.getModifiers(), begin), start, end, name,
                    List.of("method " + sig), "method " + sig, line, column, used);
        }
        if (member instanceof VariableTree) {
            List<String> keys = new ArrayList<>();
            for (Tree t : group) {
                VariableTree v = (VariableTree) t;
                String name = v.getName().toString();
                if (isVar(v)) {
                    problems.add(problem(parsed, parse.start(v),
                            "`var " + name + "`: a field exported from JShell needs its type"
                                    + " (javac does not accept `var` for fields)",
                            "Write the type instead of `var`, e.g. `"
                                    + (v.getInitializer() != null ? "List<String> " + name + " = …" : "String " + name)
                                    + "`."));
                    return null;
                }
                keys.add("field " + name);
            }
            VariableTree first = (VariableTree) member;
            return new Snippet(Kind.FIELD, modifiers(parsed, parse, first.getModifiers(), begin), start, end,
                    first.getName().toString(), keys, "field " + first.getName(), line, column, used);
        }
        problems.add(problem(parsed, begin, "cannot export this declaration here", "Move it into a class or interface."));
        return null;
    }

    /** {@code var x = …} as a field: javac reports it; export says what to write instead. */
    private static boolean isVar(VariableTree v) {
        Tree type = v.getType();
        return type == null || (type instanceof com.sun.source.tree.IdentifierTree id && id.getName().contentEquals("var"));
    }

    /** A parameter's type as JShell and javac tell overloads apart: erased, {@code String...} as {@code String[]}. */
    private static String typeText(VariableTree parameter) {
        return erase(parameter.getType().toString()).replace("...", "[]");
    }

    /** A type's modifiers and, for a record, those of its canonical constructors. */
    private static Modifiers typeModifiers(ParsedCell parsed, Parse parse, ClassTree type) {
        int begin = parse.start(type);
        Modifiers own = modifiers(parsed, parse, type.getModifiers(), begin);
        if (type.getKind() != Tree.Kind.RECORD) {
            return own;
        }
        // javac's record tree lists the components as its non-static fields (a record may declare no others)
        List<String> components = new ArrayList<>();
        for (Tree m : type.getMembers()) {
            if (m instanceof VariableTree v && !v.getModifiers().getFlags().contains(Modifier.STATIC)) {
                components.add(typeText(v));
            }
        }
        List<Modifiers> canonical = new ArrayList<>();
        for (Tree m : type.getMembers()) {
            // a compact constructor's tree carries the components as its parameters
            if (m instanceof MethodTree c && c.getName().contentEquals("<init>")
                    && c.getParameters().stream().map(CellParser::typeText).toList().equals(components)) {
                canonical.add(modifiers(parsed, parse, c.getModifiers(), parse.start(c)));
            }
        }
        return new Modifiers(own.words(), own.insertAt(), canonical);
    }

    /** The declaration's modifiers as offsets in the cell's code, so the tree can be dropped. */
    private static Modifiers modifiers(ParsedCell parsed, Parse parse, ModifiersTree tree, int declarationStart) {
        String code = parsed.code();
        int from = parse.start(tree);
        int to = parse.end(tree);
        if (from < 0 || to <= from) {
            return new Modifiers(List.of(), declarationStart);
        }
        List<int[]> annotations = new ArrayList<>(tree.getAnnotations().size());
        int lastAnnotation = -1;
        for (AnnotationTree a : tree.getAnnotations()) {
            int end = parse.end(a);
            annotations.add(new int[] {parse.start(a), end});
            lastAnnotation = Math.max(lastAnnotation, end);
        }
        List<Word> words = new ArrayList<>(tree.getFlags().size());
        int i = from;
        outer:
        while (i < to) {
            for (int[] a : annotations) {
                if (i == a[0]) {
                    i = a[1];
                    continue outer;
                }
            }
            char c = code.charAt(i);
            if (c == '/' && i + 1 < to && code.charAt(i + 1) == '/') {
                int eol = code.indexOf('\n', i);
                i = eol < 0 ? to : eol;
            } else if (c == '/' && i + 1 < to && code.charAt(i + 1) == '*') {
                int close = code.indexOf("*/", i + 2);
                i = close < 0 ? to : close + 2;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < to && (Character.isJavaIdentifierPart(code.charAt(j))
                        || (code.charAt(j) == '-' && code.startsWith("non-sealed", i)))) {
                    j++;
                }
                Modifier keyword = modifier(code.substring(i, j));
                if (keyword != null) {
                    words.add(new Word(keyword, i, j));
                }
                i = j;
            } else {
                i++;
            }
        }
        int insertAt;
        if (!words.isEmpty()) {
            insertAt = words.get(0).start();
        } else if (lastAnnotation >= 0) {
            insertAt = FileEmitter.skipWhitespace(code, lastAnnotation);
        } else {
            insertAt = declarationStart;
        }
        return new Modifiers(words, insertAt);
    }

    private static final Map<String, Modifier> MODIFIERS = new HashMap<>();

    static {
        for (Modifier m : Modifier.values()) {
            MODIFIERS.put(m.toString(), m);
        }
    }

    private static Modifier modifier(String word) {
        return MODIFIERS.get(word);
    }

    /** {@code Map<String, List<X>>} → {@code Map}: JShell and javac tell overloads apart by erasure. */
    private static String erase(String type) {
        StringBuilder sb = new StringBuilder(type.length());
        int depth = 0;
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** What a cell that is not exported declares at its top level, as JShell would keep it. */
    record Declared(Set<String> variables, Set<String> methods) {
    }

    /**
     * The variables and methods that cells declare at their top level. A kernel cell may mix
     * declarations and statements, which neither a class body nor a block allows, so both parses are
     * read, javac's error recovery included: the result is evidence for a message, not a verdict.
     */
    Map<ExportCell, Declared> declaredNames(List<ExportCell> cells) {
        List<Source> sources = new ArrayList<>();
        for (ExportCell cell : cells) {
            String code = prepare(cell, new ArrayList<>()).parsed.code();
            sources.add(new Source(sources.size(), BODY_OPEN, code, BODY_CLOSE));
            sources.add(new Source(sources.size(), BLOCK_OPEN, code, BLOCK_CLOSE));
        }
        Map<ExportCell, Declared> declared = new IdentityHashMap<>();
        if (sources.isEmpty()) {
            return declared;
        }
        Batch batch = parse(sources);
        for (int i = 0; i < cells.size(); i++) {
            Declared names = new Declared(new HashSet<>(), new HashSet<>());
            ClassTree body = (ClassTree) batch.units.get(sources.get(2 * i)).getTypeDecls().get(0);
            for (Tree member : body.getMembers()) {
                if (member instanceof VariableTree v) {
                    addName(names.variables(), v.getName().toString());
                } else if (member instanceof MethodTree m) {
                    addName(names.methods(), m.getName().toString());
                }
            }
            ClassTree wrapper = (ClassTree) batch.units.get(sources.get(2 * i + 1)).getTypeDecls().get(0);
            if (!wrapper.getMembers().isEmpty() && wrapper.getMembers().get(0) instanceof MethodTree method
                    && method.getBody() != null) {
                for (StatementTree statement : method.getBody().getStatements()) {
                    if (statement instanceof VariableTree v) {
                        addName(names.variables(), v.getName().toString());
                    }
                }
            }
            declared.put(cells.get(i), names);
        }
        return declared;
    }

    private static void addName(Set<String> names, String name) {
        if (JavaNames.rejectIdentifier(name) == null) {
            names.add(name);
        }
    }

    // ---- javac ----

    /** The text javac parses for one cell: the cell's code inside a one-line synthetic opening. */
    private static final class Source extends SimpleJavaFileObject {
        final String open;
        final String text;

        Source(int index, String open, String code, String close) {
            super(URI.create("string:///NbexportCell" + index + ".java"), JavaFileObject.Kind.SOURCE);
            this.open = open;
            this.text = open + code + close;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** What one javac task parsed. */
    private static final class Batch {
        final Map<Source, CompilationUnitTree> units = new IdentityHashMap<>();
        final Map<Source, List<Diagnostic<? extends JavaFileObject>>> errors = new IdentityHashMap<>();
        SourcePositions positions;
    }

    private Batch parse(List<Source> sources) {
        Batch batch = new Batch();
        // javac may hand back its own wrappers of the sources: match them by their (per-batch unique) URIs
        Map<URI, Source> byUri = new HashMap<>();
        sources.forEach(source -> byUri.put(source.toUri(), source));
        JavacTask task = (JavacTask) javac.getTask(null, null, d -> {
            Source s = d.getSource() == null ? null : byUri.get(d.getSource().toUri());
            if (d.getKind() == Diagnostic.Kind.ERROR && s != null) {
                batch.errors.computeIfAbsent(s, k -> new ArrayList<>()).add(d);
            }
        }, List.of("-proc:none", "-Xlint:none"), null, sources);
        Iterable<? extends CompilationUnitTree> units;
        try {
            units = task.parse();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // the sources are in memory
        }
        for (CompilationUnitTree unit : units) {
            batch.units.put(byUri.get(unit.getSourceFile().toUri()), unit);
        }
        batch.positions = Trees.instance(task).getSourcePositions();
        return batch;
    }

    /** One cell parsed alone, on the slow path that explains errors. */
    private Parse parseOne(String open, String code, String close) {
        Source source = new Source(0, open, code, close);
        Batch batch = parse(List.of(source));
        return new Parse(source, batch.units.get(source), batch.positions, batch.errors.getOrDefault(source, List.of()));
    }

    /** A parsed cell: offsets are converted from the wrapped text to the cell's code. */
    private static final class Parse {
        final Source source;
        final CompilationUnitTree unit;
        final SourcePositions positions;
        final List<Diagnostic<? extends JavaFileObject>> errors;

        Parse(Source source, CompilationUnitTree unit, SourcePositions positions,
                List<Diagnostic<? extends JavaFileObject>> errors) {
            this.source = source;
            this.unit = unit;
            this.positions = positions;
            this.errors = errors;
        }

        int offset(long position) {
            return position < 0 ? -1 : (int) position - source.open.length();
        }

        int start(Tree tree) {
            return offset(positions.getStartPosition(unit, tree));
        }

        int end(Tree tree) {
            return offset(positions.getEndPosition(unit, tree));
        }

        int errorOffset() {
            return errors.isEmpty() ? -1 : offset(errors.get(0).getPosition());
        }

        /**
         * The errors, less javac's "'var' is not allowed here" for fields: export reports those
         * itself, with the fix.
         */
        List<Diagnostic<? extends JavaFileObject>> declarationErrors() {
            if (errors.isEmpty()) {
                return errors;
            }
            List<Integer> varFields = new ArrayList<>();
            for (Tree member : ((ClassTree) unit.getTypeDecls().get(0)).getMembers()) {
                if (member instanceof VariableTree v && isVar(v)) {
                    varFields.add(start(v));
                }
            }
            List<Diagnostic<? extends JavaFileObject>> left = new ArrayList<>(errors.size());
            for (Diagnostic<? extends JavaFileObject> d : errors) {
                if (!(VAR_FIELD.equals(d.getCode()) && varFields.contains(offset(d.getPosition())))) {
                    left.add(d);
                }
            }
            return left;
        }
    }

    // ---- lexing ----

    static int[] lineStarts(String code) {
        int count = 1;
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }

    /**
     * Finds the cell's {@code import} declarations outside comments and literals, blanks them out
     * in {@code masked} (newlines kept) and returns them.
     */
    static List<CellImport> scanImports(ExportCell cell, String code, char[] masked, int[] lineStarts, BitSet importLines,
            List<Problem> problems) {
        List<CellImport> imports = new ArrayList<>();
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            char next = i + 1 < n ? code.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                int eol = code.indexOf('\n', i);
                i = eol < 0 ? n : eol;
            } else if (c == '/' && next == '*') {
                int close = code.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '"' && code.startsWith("\"\"\"", i)) {
                i = skipTextBlock(code, i + 3);
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(code, i + 1, c);
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(code.charAt(j))) {
                    j++;
                }
                if (j - i == 6 && code.startsWith("import", i) && (i == 0 || !Character.isJavaIdentifierPart(code.charAt(i - 1)))) {
                    int semi = code.indexOf(';', j);
                    int stop = semi < 0 ? n : semi + 1;
                    ImportLine line = importLine(code.substring(j, semi < 0 ? n : semi));
                    int codeLine = lineOf(lineStarts, i);
                    int column = i - lineStarts[codeLine - 1] + 1;
                    if (line == null || semi < 0) {
                        problems.add(Problem.error(Location.in(cell.cell(), cell.cellLine(codeLine), column),
                                "Java syntax error: malformed import `" + code.substring(i, stop).strip() + "`",
                                "Write it as `import a.b.C;`, `import a.b.*;` or `import static a.b.C.m;`."));
                    } else {
                        imports.add(new CellImport(line, cell.cellLine(codeLine), column));
                    }
                    importLines.set(codeLine, lineOf(lineStarts, Math.max(i, stop - 1)) + 1);
                    for (int k = i; k < stop; k++) {
                        if (masked[k] != '\n') {
                            masked[k] = ' ';
                        }
                    }
                    i = stop;
                } else {
                    i = j;
                }
            } else {
                i++;
            }
        }
        return imports;
    }

    private static ImportLine importLine(String text) {
        String rest = text.strip();
        boolean isStatic = false;
        if (rest.startsWith("static") && rest.length() > 6 && Character.isWhitespace(rest.charAt(6))) {
            isStatic = true;
            rest = rest.substring(6).strip();
        }
        StringBuilder name = new StringBuilder(rest.length());
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (!Character.isWhitespace(c)) {
                name.append(c);
            }
        }
        String qualified = name.toString();
        boolean onDemand = qualified.endsWith(".*");
        if (onDemand) {
            qualified = qualified.substring(0, qualified.length() - 2);
        }
        for (String segment : qualified.split("\\.", -1)) {
            if (JavaNames.rejectIdentifier(segment) != null) {
                return null;
            }
        }
        if (!onDemand && qualified.indexOf('.') < 0) {
            return null;
        }
        return new ImportLine(qualified, isStatic, onDemand);
    }

    static int lineOf(int[] lineStarts, int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    private static int skipTextBlock(String code, int i) {
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"' && code.startsWith("\"\"\"", i)) {
                return i + 3;
            } else {
                i++;
            }
        }
        return n;
    }

    private static int skipQuoted(String code, int i, char quote) {
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return n;
    }
}
