package dev.nbexport.export;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.nbexport.export.CellJavac.Parse;
import dev.nbexport.export.ParsedCell.Kind;
import dev.nbexport.export.ParsedCell.Modifiers;
import dev.nbexport.export.ParsedCell.Snippet;
import dev.nbexport.export.ParsedCell.UsedNames;
import dev.nbexport.export.ParsedCell.Word;
import dev.nbexport.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Reads the JShell snippets of a parsed cell from javac's trees: each declaration's extent (with its
 * comments), what it defines (for duplicate checks), where its modifiers are (so the tree can be
 * dropped, see {@link Modifiers}) and the names it uses ({@link NameCollector}).
 */
final class SnippetReader {

    private SnippetReader() {
    }

    /** A test cell's statements, as one snippet: the body of its test method. */
    static Snippet statements(ParsedCell parsed, Parse parse) {
        BlockTree block = parse.methodBody();
        UsedNames used = NameCollector.newUsed();
        NameCollector collector = new NameCollector(used, null, parse::start);
        for (StatementTree s : block.getStatements()) {
            collector.scan(s, null);
        }
        ExportCell cell = parsed.source();
        int firstLine = block.getStatements().isEmpty()
                ? 1
                : parsed.lines().lineOf(parse.start(block.getStatements().get(0)));
        return new Snippet(Kind.STATEMENTS, null, 0, parsed.code().length(), null, List.of(),
                "test statements", cell.cellLine(firstLine), 1, used);
    }

    /** The declarations of a cell parsed as a class body, each a snippet of {@code parsed}; problems for what is not one. */
    static void declarations(ParsedCell parsed, Parse parse, List<Problem> problems) {
        String code = parsed.code();
        List<List<Tree>> members = members((ClassTree) parse.unit.getTypeDecls().get(0));
        int previousEnd = 0;
        List<Snippet> snippets = parsed.snippets();
        for (int i = 0; i < members.size(); i++) {
            List<Tree> group = members.get(i);
            Tree member = group.get(0);
            int begin = parse.start(member);
            if (member instanceof BlockTree) {
                problems.add(CellDiagnosis.statementProblem(parsed, begin));
                continue;
            }
            if (member instanceof MethodTree m && m.getName().contentEquals("<init>")) {
                problems.add(parsed.problem(begin, "a constructor outside a class", "Move the constructor into its class."));
                continue;
            }
            // text since the previous declaration's line (comments, blank lines) goes with this one
            int segmentStart = previousEnd == 0 ? 0
                    : firstLineStartAfter(code, previousEnd, Math.min(begin, skipWhitespace(code, previousEnd)));
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
        int codeLine = parsed.lines().lineOf(begin);
        int line = cell.cellLine(codeLine);
        int column = parsed.lines().columnOf(begin);
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
            return new Snippet(Kind.TYPE, typeModifiers(parsed, parse, type), start, end, name, List.of(SnippetKey.type(name)),
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
                    List.of(SnippetKey.method(name, sig.toString())), "method " + sig, line, column, used);
        }
        if (member instanceof VariableTree) {
            List<SnippetKey> keys = new ArrayList<>();
            for (Tree t : group) {
                VariableTree v = (VariableTree) t;
                String name = v.getName().toString();
                if (CellJavac.isVar(v)) {
                    problems.add(parsed.problem(parse.start(v),
                            "`var " + name + "`: a field exported from JShell needs its type"
                                    + " (javac does not accept `var` for fields)",
                            "Write the type instead of `var`, e.g. `"
                                    + (v.getInitializer() != null ? "List<String> " + name + " = …" : "String " + name)
                                    + "`."));
                    return null;
                }
                keys.add(SnippetKey.field(name));
            }
            VariableTree first = (VariableTree) member;
            return new Snippet(Kind.FIELD, modifiers(parsed, parse, first.getModifiers(), begin), start, end,
                    first.getName().toString(), keys, "field " + first.getName(), line, column, used);
        }
        problems.add(parsed.problem(begin, "cannot export this declaration here", "Move it into a class or interface."));
        return null;
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
                    && c.getParameters().stream().map(SnippetReader::typeText).toList().equals(components)) {
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
            insertAt = skipWhitespace(code, lastAnnotation);
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

    static int skipWhitespace(String code, int i) {
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i;
    }
}
