package dev.nbexport.export;

import static dev.nbexport.export.CellJavac.BLOCK_CLOSE;
import static dev.nbexport.export.CellJavac.BLOCK_CLOSE_WITH_SEMICOLON;
import static dev.nbexport.export.CellJavac.BLOCK_OPEN;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.nbexport.export.CellJavac.Parse;
import dev.nbexport.layout.LineStarts;
import dev.nbexport.problem.Problem;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Says what is wrong with a cell javac rejected, in the user's terms: a statement in an exported cell,
 * a constructor outside its class, a {@code }} that closes more than the cell opened, or (when no reading
 * of the cell parses) javac's own syntax error. This is the slow path: it parses the failing cell again,
 * alone, in other readings.
 */
final class CellDiagnosis {

    private static final String NO_RETURN_TYPE = "compiler.err.invalid.meth.decl.ret.type.req";
    /**
     * What javac says after a class closed too early: "class, interface, enum, or record expected"
     * (JDK 17), "class, interface, annotation type, enum, record, method or field expected" (JDK 21+).
     */
    private static final Set<String> TYPE_EXPECTED = Set.of("compiler.err.expected4",
            "compiler.err.class.method.or.field.expected");

    private final CellJavac javac;

    CellDiagnosis(CellJavac javac) {
        this.javac = javac;
    }

    /**
     * Where a {@code }} of the cell closes the synthetic class (or method) around it, so that what
     * follows would parse outside it; -1 when the cell stays inside.
     */
    /** Whether javac's error is its complaint about what follows a class that closed too early. */
    static boolean closedTooEarly(Diagnostic<? extends JavaFileObject> error) {
        return TYPE_EXPECTED.contains(error.getCode());
    }

    static int strayBrace(Parse parse, boolean block) {
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

    static Problem strayBraceProblem(ParsedCell parsed, int at) {
        return parsed.problem(at, "Java syntax error: this `}` closes more than the cell opened",
                "Remove the extra `}`: a cell holds whole declarations or statements.");
    }

    /** An export cell javac rejects as a class body: a statement, a constructor, or a syntax error. */
    /**
     * What is wrong with a cell.
     *
     * @param syntaxError whether it is javac's own syntax error (no reading of the cell parses)
     */
    record Finding(Problem problem, boolean syntaxError) {
    }

    Finding explainFailure(ParsedCell parsed, Parse members, Diagnostic<? extends JavaFileObject> error) {
        String code = parsed.code();
        if (NO_RETURN_TYPE.equals(error.getCode())) {
            int at = members.offset(error.getPosition());
            return new Finding(parsed.problem(at, "a constructor outside a class", "Move the constructor into its class."), false);
        }
        Parse block = statements(code);
        if (block.errors.isEmpty()) {
            StatementTree first = firstNonDeclaration(block);
            if (first != null) {
                return new Finding(statementProblem(parsed, block.start(first)), false);
            }
        }
        int statement = statementAt(code, parsed.lines(), members.offset(error.getPosition()));
        if (statement >= 0) {
            return new Finding(statementProblem(parsed, statement), false);
        }
        return new Finding(syntaxError(parsed, members, error,
                "Fix the Java code. Exported cells may hold only imports, types, methods and fields;"
                        + " move statements to a cell without `//| export`."), true);
    }

    /**
     * A statement among declarations fails both parses. If one starts on the line where parsing
     * failed (or one of the next lines), it is the culprit: return where it starts, else -1.
     */
    private int statementAt(String code, LineStarts lines, int failure) {
        int codeLine = lines.lineOf(Math.min(Math.max(failure, 0), code.length()));
        int start = lines.start(codeLine);
        while (start < code.length() && code.charAt(start) != '\n' && Character.isWhitespace(code.charAt(start))) {
            start++;
        }
        int lastLine = Math.min(lines.count(), codeLine + 20);
        for (int line = codeLine; line <= lastLine; line++) {
            int end = lines.next(line);
            if (end <= start) {
                continue;
            }
            Parse statement = end == code.length() ? statements(code.substring(start))
                    : javac.parseOne(BLOCK_OPEN, code.substring(start, end), BLOCK_CLOSE);
            if (statement.errors.isEmpty() && firstNonDeclaration(statement) != null) {
                return start;
            }
        }
        return -1;
    }

    /**
     * The code parsed as statements, as JShell reads a cell: its last expression may lack its {@code ;}
     * (JShell shows its value), so when the code does not parse as it is, it is parsed with one added.
     */
    private Parse statements(String code) {
        Parse block = javac.parseOne(BLOCK_OPEN, code, BLOCK_CLOSE);
        return block.errors.isEmpty() ? block : javac.parseOne(BLOCK_OPEN, code, BLOCK_CLOSE_WITH_SEMICOLON);
    }

    /**
     * javac's own error, for a cell that parses in no reading of it this JDK knows (declarations,
     * statements): the one problem that may be syntax of a newer Java, see {@link CellParser.Result#syntaxError()}.
     */
    static Problem syntaxError(ParsedCell parsed, Parse parse, Diagnostic<? extends JavaFileObject> error, String hint) {
        int at = parse.offset(error.getPosition());
        return parsed.problem(at, "Java syntax error: " + firstLine(error.getMessage(Locale.ROOT)), hint);
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static Problem statementProblem(ParsedCell parsed, int at) {
        return parsed.problem(at,
                "a statement in an exported cell: exported cells may hold only imports, types,"
                        + " methods and fields",
                "Move the statement to a cell without `//| export` (it still runs in the notebook),"
                        + " or turn it into a declaration.");
    }

    /** The first statement of the synthetic method that is not a local variable or local type. */
    static StatementTree firstNonDeclaration(Parse parse) {
        for (StatementTree s : parse.methodBody().getStatements()) {
            if (!(s instanceof VariableTree) && !(s instanceof ClassTree)) {
                return s;
            }
        }
        return null;
    }
}
