package dev.nbexport.export;

import static dev.nbexport.export.CellJavac.BLOCK_CLOSE;
import static dev.nbexport.export.CellJavac.BLOCK_OPEN;
import static dev.nbexport.export.CellJavac.BODY_CLOSE;
import static dev.nbexport.export.CellJavac.BODY_OPEN;

import com.sun.source.tree.CompilationUnitTree;
import dev.nbexport.directive.ExportKind;
import dev.nbexport.export.CellJavac.Batch;
import dev.nbexport.export.CellJavac.Parse;
import dev.nbexport.export.CellJavac.Source;
import dev.nbexport.export.ParsedCell.CellImport;
import dev.nbexport.export.ParsedCell.Snippet;
import dev.nbexport.layout.LineStarts;
import dev.nbexport.problem.Problem;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Splits cells' code into JShell snippets with the running JDK's own Java parser ({@link CellJavac}):
 * imports are found by a small lexer and blanked out ({@link ImportScanner}), the rest is parsed as the
 * body of a synthetic class (declarations) or of a synthetic method (a test cell of statements), and
 * the snippets are read from the trees ({@link SnippetReader}). Blanking keeps every line and column.
 *
 * <p>Cells are parsed in batches, one javac task per batch. Only cells javac finds errors in are
 * parsed again, one by one, to say precisely what is wrong ({@link CellDiagnosis}). Instances are
 * stateless and thread-safe; each call makes its own tasks.
 */
final class CellParser {

    private final CellJavac javac;
    private final CellDiagnosis diagnosis;

    /** @throws IllegalStateException when Java runs without its compiler (a JRE, not a JDK) */
    CellParser() {
        this.javac = new CellJavac();
        this.diagnosis = new CellDiagnosis(javac);
    }

    /** The parser behind it, for other readings of cells ({@link KernelNames}). */
    CellJavac javac() {
        return javac;
    }

    /**
     * A cell's parse and what is wrong with it.
     *
     * @param syntaxError the one of {@code problems} that is javac's own syntax error, for a cell this JDK
     *     parses in no reading (so it may be syntax of a newer Java), or {@code null}
     */
    record Result(ParsedCell parsed, List<Problem> problems, Problem syntaxError) {
    }

    /** Parses cells with one javac task; results in the order of {@code cells}. */
    List<Result> parseAll(List<ExportCell> cells) {
        List<Result> results = new ArrayList<>(cells.size());
        List<Source> sources = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (ExportCell cell : cells) {
            List<Problem> problems = new ArrayList<>(0);
            ParsedCell parsed = prepare(cell, problems);
            if (parsed.code().isBlank() || cell.kind() == ExportKind.NONE) {
                results.add(new Result(parsed, List.copyOf(problems), null));
                continue;
            }
            boolean test = cell.kind() == ExportKind.TEST;
            Source source = new Source(sources.size(), test ? BLOCK_OPEN : BODY_OPEN, parsed.code(), test ? BLOCK_CLOSE : BODY_CLOSE);
            sources.add(source);
            pending.add(new Pending(parsed, problems, results.size(), source));
            results.add(null);
        }
        if (!sources.isEmpty()) {
            Batch batch = javac.parse(sources);
            for (Pending p : pending) {
                results.set(p.result(), finish(p, batch));
            }
        }
        return results;
    }

    /** A cell between the import scan and javac. */
    private record Pending(ParsedCell parsed, List<Problem> problems, int result, Source source) {
    }

    /** The cell's code with {@code \n} line breaks and its imports blanked out, and its imports. */
    static ParsedCell prepare(ExportCell cell, List<Problem> problems) {
        String code = cell.code();
        if (code.indexOf('\r') >= 0) {
            code = code.replace("\r\n", "\n").replace('\r', '\n');
        }
        LineStarts lines = LineStarts.of(code);
        char[] masked = code.toCharArray();
        BitSet importLines = new BitSet();
        List<CellImport> imports = ImportScanner.scan(cell, code, masked, lines, importLines, problems);
        List<Snippet> snippets = cell.kind() == ExportKind.NONE ? List.of() : new ArrayList<>();
        return new ParsedCell(cell, new String(masked), lines, imports, importLines, snippets);
    }

    /** The cell's snippets from javac's parse in the batch, or what is wrong with it. */
    private Result finish(Pending p, Batch batch) {
        ParsedCell parsed = p.parsed();
        Source source = p.source();
        CompilationUnitTree unit = batch.units.get(source);
        Parse first = new Parse(source, unit, batch.positions, batch.errors.getOrDefault(source, List.of()));
        boolean test = parsed.source().kind() == ExportKind.TEST;
        int stray = first.errors.isEmpty() || CellDiagnosis.closedTooEarly(first.errors.get(0))
                ? CellDiagnosis.strayBrace(first, test) : -1;
        if (stray >= 0) {
            return result(p, CellDiagnosis.strayBraceProblem(parsed, stray), null);
        }
        if (test) {
            if (first.errors.isEmpty()) {
                parsed.snippets().add(SnippetReader.statements(parsed, first));
                return result(p, null, null);
            }
            Parse members = javac.parseOne(BODY_OPEN, parsed.code(), BODY_CLOSE);
            if (!members.declarationErrors().isEmpty()) {
                Parse furthest = first.errorOffset() >= members.errorOffset() ? first : members;
                return result(p, null, CellDiagnosis.syntaxError(parsed, furthest, furthest.errors.get(0),
                        "A test cell holds either statements or declarations (such as @Test methods),"
                                + " not both; fix the Java code."));
            }
            int escaped = CellDiagnosis.strayBrace(members, false);
            if (escaped >= 0) {
                return result(p, CellDiagnosis.strayBraceProblem(parsed, escaped), null);
            }
            SnippetReader.declarations(parsed, members, p.problems());
            return result(p, null, null);
        }
        List<Diagnostic<? extends JavaFileObject>> errors = first.declarationErrors();
        if (errors.isEmpty()) {
            SnippetReader.declarations(parsed, first, p.problems());
            return result(p, null, null);
        }
        CellDiagnosis.Finding finding = diagnosis.explainFailure(parsed, first, errors.get(0));
        return finding.syntaxError() ? result(p, null, finding.problem()) : result(p, finding.problem(), null);
    }

    /** The cell's result with one more problem, or its syntax error (a problem too); either may be null. */
    private static Result result(Pending p, Problem problem, Problem syntaxError) {
        List<Problem> problems = new ArrayList<>(p.problems());
        if (problem != null) {
            problems.add(problem);
        }
        if (syntaxError != null) {
            problems.add(syntaxError);
        }
        return new Result(p.parsed(), List.copyOf(problems), syntaxError);
    }
}
