package dev.nbexport.export;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParseStart;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.Providers;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.nodeTypes.NodeWithModifiers;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import dev.nbexport.directive.ExportKind;
import dev.nbexport.directive.JavaNames;
import dev.nbexport.export.ParsedCell.ImportLine;
import dev.nbexport.export.ParsedCell.Kind;
import dev.nbexport.export.ParsedCell.Modifiers;
import dev.nbexport.export.ParsedCell.Snippet;
import dev.nbexport.export.ParsedCell.UsedNames;
import dev.nbexport.export.ParsedCell.Word;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a cell's code into JShell snippets with one JavaParser parse (two only when the first
 * form fails): imports are found by a small lexer and blanked out, the rest is parsed as the body
 * of a synthetic class (declarations) or of a synthetic method (a test cell of statements).
 * Blanking keeps every line and column, so positions map straight back to the cell.
 *
 * <p>Not thread-safe (JavaParser is not); use one per thread.
 */
final class CellParser {

    private static final String BODY_OPEN = "class NbexportCell {\n";
    private static final String BLOCK_OPEN = "class NbexportCell { void nbexportCell() {\n";
    /** Both openings are one line: cell code starts on line 2 of the parsed text. */
    static final int WRAPPER_LINES = 1;

    private final JavaParser parser;

    /**
     * A parser without JavaParser's language-level validators: the cells already compiled in the
     * kernel, the grammar still rejects syntax errors, and validation costs about 40% of the parse.
     * Checks that matter for export (such as {@code var} fields) are done here.
     */
    CellParser() {
        this.parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(null)
                .setAttributeComments(true)
                .setStoreTokens(true));
    }

    /** Parses one cell, adding what is wrong with it to {@code problems}. */
    ParsedCell parse(ExportCell cell, List<ExportProblem> problems) {
        String code = cell.code();
        if (code.indexOf('\r') >= 0) {
            code = code.replace("\r\n", "\n").replace('\r', '\n');
        }
        int[] lineStarts = lineStarts(code);
        char[] masked = code.toCharArray();
        List<ImportLine> imports = scanImports(cell, code, masked, lineStarts, problems);
        if (cell.kind() == ExportKind.NONE) {
            return new ParsedCell(cell, code, lineStarts, imports, List.of());
        }
        // from here on the code has its imports blanked out; declarations are sliced from it
        String body = new String(masked);
        List<Snippet> snippets = new ArrayList<>();
        ParsedCell parsed = new ParsedCell(cell, body, lineStarts, imports, snippets);
        if (body.isBlank()) {
            return parsed;
        }
        if (cell.kind() == ExportKind.TEST) {
            ParseResult<CompilationUnit> block = parser.parse(BLOCK_OPEN + body + "\n}}");
            if (block.isSuccessful()) {
                snippets.add(statements(parsed, body, block.getResult().orElseThrow()));
                return parsed;
            }
            ParseResult<CompilationUnit> members = parser.parse(BODY_OPEN + body + "\n}");
            if (members.isSuccessful()) {
                declarations(parsed, members.getResult().get(), true, problems);
            } else {
                syntaxError(cell, furthest(block, members), problems,
                        "A test cell holds either statements or declarations (such as @Test methods),"
                                + " not both; fix the Java code.");
            }
            return parsed;
        }
        ParseResult<CompilationUnit> members = parser.parse(BODY_OPEN + body + "\n}");
        if (members.isSuccessful()) {
            declarations(parsed, members.getResult().get(), false, problems);
            return parsed;
        }
        ParseResult<CompilationUnit> block = parser.parse(BLOCK_OPEN + body + "\n}}");
        if (block.isSuccessful()) {
            Statement first = firstNonDeclaration(block.getResult().orElseThrow());
            if (first != null) {
                statementProblem(cell, first.getBegin().orElseThrow(), problems);
                return parsed;
            }
        }
        Optional<Position> statement = problemPosition(members).flatMap(p -> statementAt(body, lineStarts, p));
        if (statement.isPresent()) {
            statementProblem(cell, statement.get(), problems);
            return parsed;
        }
        syntaxError(cell, members, problems,
                "Fix the Java code. Exported cells may hold only imports, types, methods and fields;"
                        + " move statements to a cell without `//| export`.");
        return parsed;
    }

    private static ParseResult<CompilationUnit> furthest(ParseResult<CompilationUnit> a, ParseResult<CompilationUnit> b) {
        Position pa = problemPosition(a).orElse(Position.HOME);
        Position pb = problemPosition(b).orElse(Position.HOME);
        return pb.isAfter(pa) ? b : a;
    }

    private static Optional<Position> problemPosition(ParseResult<CompilationUnit> result) {
        if (result.getProblems().isEmpty()) {
            return Optional.empty();
        }
        Problem problem = result.getProblem(0);
        Optional<TokenRange> location = problem.getLocation();
        if (location.isEmpty()) {
            return Optional.empty();
        }
        JavaToken token = location.get().getBegin();
        if (problem.getMessage().startsWith("Parse error")) {
            // the location starts at the last token read; the offending one comes next
            Optional<JavaToken> next = token.getNextToken();
            while (next.isPresent() && next.get().getCategory().isWhitespaceOrComment()) {
                next = next.get().getNextToken();
            }
            if (next.isPresent() && next.get().getRange().isPresent()) {
                token = next.get();
            }
        }
        return token.getRange().map(r -> r.begin);
    }

    /**
     * A statement among declarations fails both parses. If one starts on the line where parsing
     * failed, it is the culprit: return where it starts.
     */
    private Optional<Position> statementAt(String body, int[] lineStarts, Position failure) {
        int codeLine = failure.line - WRAPPER_LINES;
        if (codeLine < 1 || codeLine > lineStarts.length) {
            return Optional.empty();
        }
        int start = lineStarts[codeLine - 1];
        while (start < body.length() && body.charAt(start) != '\n' && Character.isWhitespace(body.charAt(start))) {
            start++;
        }
        int lastLine = Math.min(lineStarts.length, codeLine + 20);
        for (int line = codeLine; line <= lastLine; line++) {
            int end = line < lineStarts.length ? lineStarts[line] : body.length();
            if (end <= start) {
                continue;
            }
            if (parser.parse(ParseStart.STATEMENT, Providers.provider(body.substring(start, end))).isSuccessful()) {
                return Optional.of(new Position(failure.line, start - lineStarts[codeLine - 1] + 1));
            }
        }
        return Optional.empty();
    }

    private void syntaxError(ExportCell cell, ParseResult<CompilationUnit> result, List<ExportProblem> problems, String hint) {
        Problem problem = result.getProblem(0);
        Position pos = problemPosition(result).orElse(new Position(WRAPPER_LINES + 1, 0));
        int codeLine = Math.max(1, pos.line - WRAPPER_LINES);
        codeLine = Math.min(codeLine, Math.max(1, lineCount(cell.code())));
        problems.add(new ExportProblem(cell.cell(), cell.cellLine(codeLine), pos.column,
                "Java syntax error: " + shorten(problem.getMessage()), hint));
    }

    private static int lineCount(String code) {
        int n = 1;
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** JavaParser lists every token it expected; a handful helps, sixty do not. */
    private static String shorten(String message) {
        int nl = message.indexOf('\n');
        String first = nl < 0 ? message : message.substring(0, nl);
        int expected = first.indexOf(", expected one of");
        if (expected > 0 && first.length() - expected > 120) {
            return first.substring(0, expected) + ".";
        }
        return first;
    }

    private static void statementProblem(ExportCell cell, Position pos, List<ExportProblem> problems) {
        int codeLine = pos.line - WRAPPER_LINES;
        problems.add(new ExportProblem(cell.cell(), cell.cellLine(codeLine), pos.column,
                "a statement in an exported cell: exported cells may hold only imports, types,"
                        + " methods and fields",
                "Move the statement to a cell without `//| export` (it still runs in the notebook),"
                        + " or turn it into a declaration."));
    }

    private static Statement firstNonDeclaration(CompilationUnit cu) {
        MethodDeclaration method = (MethodDeclaration) cu.getType(0).getMember(0);
        for (Statement s : method.getBody().orElseThrow().getStatements()) {
            boolean declaration = s instanceof LocalClassDeclarationStmt
                    || s instanceof LocalRecordDeclarationStmt
                    || (s instanceof ExpressionStmt e && e.getExpression() instanceof VariableDeclarationExpr);
            if (!declaration) {
                return s;
            }
        }
        return null;
    }

    private Snippet statements(ParsedCell parsed, String body, CompilationUnit cu) {
        MethodDeclaration method = (MethodDeclaration) cu.getType(0).getMember(0);
        BlockStmt block = method.getBody().orElseThrow();
        UsedNames used = newUsed();
        for (Statement s : block.getStatements()) {
            collect(s, used);
        }
        ExportCell cell = parsed.source();
        int firstLine = block.getStatements().isEmpty()
                ? 1
                : block.getStatement(0).getBegin().orElseThrow().line - WRAPPER_LINES;
        return new Snippet(Kind.STATEMENTS, null, 0, body.length(), null, List.of(),
                "test statements", cell.cellLine(firstLine), 1, used);
    }

    private void declarations(ParsedCell parsed, CompilationUnit cu, boolean test, List<ExportProblem> problems) {
        ExportCell cell = parsed.source();
        String code = parsed.code();
        List<BodyDeclaration<?>> members = cu.getType(0).getMembers();
        int previousEnd = 0;
        List<Snippet> snippets = parsed.snippets();
        for (int i = 0; i < members.size(); i++) {
            BodyDeclaration<?> member = members.get(i);
            Position begin = member.getBegin().orElseThrow();
            int codeLine = begin.line - WRAPPER_LINES;
            int line = cell.cellLine(codeLine);
            if (member instanceof InitializerDeclaration || member instanceof ConstructorDeclaration) {
                if (member instanceof InitializerDeclaration) {
                    statementProblem(cell, begin, problems);
                } else {
                    problems.add(new ExportProblem(cell.cell(), line, begin.column,
                            "a constructor outside a class", "Move the constructor into its class."));
                }
                continue;
            }
            int declStart = parsed.offset(begin, WRAPPER_LINES);
            Optional<Comment> comment = member.getComment();
            if (comment.isPresent() && comment.get().getBegin().isPresent()) {
                declStart = Math.min(declStart, parsed.offset(comment.get().getBegin().get(), WRAPPER_LINES));
            }
            // text since the previous declaration's line (comments, blank lines) goes with this one
            int segmentStart = previousEnd == 0 ? 0 : firstLineStartAfter(code, previousEnd, declStart);
            int end = parsed.offset(member.getEnd().orElseThrow(), WRAPPER_LINES) + 1;
            int eol = code.indexOf('\n', end);
            int lineEnd = eol < 0 ? code.length() : eol;
            if (code.substring(end, lineEnd).strip().startsWith("//")) {
                end = lineEnd; // a trailing comment on the declaration's last line
            }
            if (i == members.size() - 1 && !code.substring(end).isBlank()) {
                end = code.length(); // comments after the last declaration stay with it
            }
            UsedNames used = newUsed();
            collect(member, used);
            Snippet snippet = snippet(parsed, member, segmentStart, end, line, begin.column, used, test, problems);
            if (snippet != null) {
                snippets.add(snippet);
            }
            previousEnd = end;
        }
    }

    /** The first line start after {@code from} (skipping the rest of the previous line). */
    private static int firstLineStartAfter(String code, int from, int limit) {
        int nl = code.indexOf('\n', from);
        return nl < 0 || nl + 1 > limit ? limit : nl + 1;
    }

    private Snippet snippet(ParsedCell parsed, BodyDeclaration<?> member, int start, int end, int line, int column,
            UsedNames used, boolean test, List<ExportProblem> problems) {
        ExportCell cell = parsed.source();
        if (member instanceof TypeDeclaration<?> type) {
            String kind = type instanceof AnnotationDeclaration ? "annotation"
                    : type.isEnumDeclaration() ? "enum"
                    : type.isRecordDeclaration() ? "record"
                    : type.isClassOrInterfaceDeclaration() && type.asClassOrInterfaceDeclaration().isInterface()
                            ? "interface" : "class";
            String name = type.getNameAsString();
            return new Snippet(Kind.TYPE, typeModifiers(parsed, type), start, end, name, List.of("type " + name),
                    kind + " " + name, line, column, used);
        }
        if (member instanceof MethodDeclaration method) {
            StringBuilder sig = new StringBuilder(method.getNameAsString()).append('(');
            for (int i = 0; i < method.getParameters().size(); i++) {
                Parameter p = method.getParameter(i);
                sig.append(i == 0 ? "" : ", ").append(erase(p.getType().asString()));
                if (p.isVarArgs()) {
                    sig.append("[]");
                }
            }
            sig.append(')');
            return new Snippet(Kind.METHOD, modifiers(parsed, method), start, end, method.getNameAsString(),
                    List.of("method " + sig), "method " + sig, line, column, used);
        }
        if (member instanceof FieldDeclaration field) {
            List<String> keys = new ArrayList<>();
            for (VariableDeclarator v : field.getVariables()) {
                if (isVar(v.getType())) {
                    Position at = v.getType().getBegin().orElseThrow();
                    problems.add(new ExportProblem(cell.cell(), cell.cellLine(at.line - WRAPPER_LINES), at.column,
                            "`var " + v.getNameAsString() + "`: a field exported from JShell needs its type"
                                    + " (javac does not accept `var` for fields)",
                            "Write the type instead of `var`, e.g. `"
                                    + v.getInitializer().map(x -> "List<String> " + v.getNameAsString() + " = …")
                                            .orElse("String " + v.getNameAsString())
                                    + "`."));
                    return null;
                }
                keys.add("field " + v.getNameAsString());
            }
            String first = field.getVariable(0).getNameAsString();
            return new Snippet(Kind.FIELD, modifiers(parsed, field), start, end, first, keys, "field " + first, line, column, used);
        }
        problems.add(new ExportProblem(cell.cell(), line, column,
                "cannot export this declaration here", "Move it into a class or interface."));
        return null;
    }

    /** The declaration's modifiers as offsets in the cell's code, so the tree can be dropped. */
    /** A type's modifiers and, for a record, those of its canonical constructors. */
    private static Modifiers typeModifiers(ParsedCell parsed, TypeDeclaration<?> type) {
        Modifiers own = modifiers(parsed, type);
        if (!(type instanceof RecordDeclaration record)) {
            return own;
        }
        List<Modifiers> canonical = new ArrayList<>();
        record.getCompactConstructors().forEach(c -> canonical.add(modifiers(parsed, c)));
        List<String> components = record.getParameters().stream().map(p -> erase(p.getType().asString())).toList();
        for (ConstructorDeclaration c : record.getConstructors()) {
            if (c.getParameters().stream().map(p -> erase(p.getType().asString())).toList().equals(components)) {
                canonical.add(modifiers(parsed, c));
            }
        }
        return new Modifiers(own.words(), own.insertAt(), canonical);
    }

    private static <N extends Node & NodeWithModifiers<?> & NodeWithAnnotations<?>> Modifiers modifiers(ParsedCell parsed, N node) {
        List<Word> words = new ArrayList<>(node.getModifiers().size());
        int first = Integer.MAX_VALUE;
        for (Modifier m : node.getModifiers()) {
            int start = parsed.offset(m.getBegin().orElseThrow(), WRAPPER_LINES);
            words.add(new Word(m.getKeyword(), start, parsed.offset(m.getEnd().orElseThrow(), WRAPPER_LINES) + 1));
            first = Math.min(first, start);
        }
        int insertAt;
        if (!words.isEmpty()) {
            insertAt = first;
        } else if (!node.getAnnotations().isEmpty()) {
            int last = 0;
            for (AnnotationExpr a : node.getAnnotations()) {
                last = Math.max(last, parsed.offset(a.getEnd().orElseThrow(), WRAPPER_LINES) + 1);
            }
            insertAt = FileEmitter.skipWhitespace(parsed.code(), last);
        } else {
            insertAt = parsed.offset(node.getBegin().orElseThrow(), WRAPPER_LINES);
        }
        return new Modifiers(words, insertAt);
    }

    /** Without the Java 10 post-processor, {@code var} parses as a class type named var. */
    private static boolean isVar(Type type) {
        return type.isVarType()
                || (type instanceof ClassOrInterfaceType t && t.getScope().isEmpty()
                        && t.getTypeArguments().isEmpty() && t.getNameAsString().equals("var"));
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

    private static UsedNames newUsed() {
        return new UsedNames(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
    }

    /** One walk over the snippet's tree, collecting the names it uses and declares. */
    private static void collect(Node root, UsedNames used) {
        root.walk(n -> {
            if (n instanceof ClassOrInterfaceType t) {
                if (t.getScope().isEmpty()) {
                    used.types().add(t.getNameAsString());
                }
            } else if (n instanceof NameExpr e) {
                used.names().add(e.getNameAsString());
            } else if (n instanceof MethodCallExpr m) {
                if (m.getScope().isEmpty()) {
                    used.methods().add(m.getNameAsString());
                }
            } else if (n instanceof AnnotationExpr a) {
                Name name = a.getName();
                while (name.getQualifier().isPresent()) {
                    name = name.getQualifier().get();
                }
                if (name == a.getName()) {
                    used.types().add(name.getIdentifier());
                }
            } else if (n instanceof TypeDeclaration<?> t) {
                used.declared().add(t.getNameAsString());
                if (t instanceof RecordDeclaration r) {
                    r.getParameters().forEach(p -> used.declared().add(p.getNameAsString()));
                }
            } else if (n instanceof TypeParameter p) {
                used.declared().add(p.getNameAsString());
            } else if (n instanceof MethodDeclaration m && m != root) {
                used.declared().add(m.getNameAsString());
            }
        });
    }

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
    static List<ImportLine> scanImports(ExportCell cell, String code, char[] masked, int[] lineStarts,
            List<ExportProblem> problems) {
        List<ImportLine> imports = new ArrayList<>();
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
                    ImportLine line = importLine(code.substring(j, semi < 0 ? n : semi), lineStarts, i);
                    int codeLine = lineOf(lineStarts, i);
                    int column = i - lineStarts[codeLine - 1] + 1;
                    if (line == null || semi < 0) {
                        problems.add(new ExportProblem(cell.cell(), cell.cellLine(codeLine), column,
                                "Java syntax error: malformed import `" + code.substring(i, stop).strip() + "`",
                                "Write it as `import a.b.C;`, `import a.b.*;` or `import static a.b.C.m;`."));
                    } else {
                        imports.add(new ImportLine(line.name(), line.isStatic(), line.onDemand(),
                                cell.cellLine(codeLine), column));
                    }
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

    private static ImportLine importLine(String text, int[] lineStarts, int offset) {
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
        return new ImportLine(qualified, isStatic, onDemand, 0, 0);
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
