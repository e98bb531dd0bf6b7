package dev.nbexport.export;

import static dev.nbexport.export.CellJavac.BLOCK_CLOSE;
import static dev.nbexport.export.CellJavac.BLOCK_OPEN;
import static dev.nbexport.export.CellJavac.BODY_CLOSE;
import static dev.nbexport.export.CellJavac.BODY_OPEN;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.nbexport.directive.ExportKind;
import dev.nbexport.directive.JavaNames;
import dev.nbexport.export.CellJavac.Batch;
import dev.nbexport.export.CellJavac.Source;
import dev.nbexport.export.Exporter.CellWork;
import dev.nbexport.export.Exporter.Plan;
import dev.nbexport.export.ParsedCell.Kind;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names exported code uses that only the notebook's kernel session had: a variable or method of a cell
 * that is not exported (or of another test cell), and the kernel's own functions. Each gets a problem
 * at its first use, naming the cell that declares it.
 */
final class KernelNames {

    private final CellJavac javac;

    KernelNames(CellJavac javac) {
        this.javac = javac;
    }

    /** A name used by a cell, as a call or not: at most one problem each. */
    private record NameUse(CellRef cell, String name, boolean call) {
    }

    /**
     * Functions the IJava and JJava kernels put in every notebook (static imports of their runtime):
     * exported code and generated tests run without a kernel, so they do not exist there.
     */
    static final Set<String> KERNEL_FUNCTIONS = Set.of("display", "render", "updateDisplay", "printf", "eval",
            "lineMagic", "cellMagic", "getKernelInstance", "kernel");

    /**
     * Problems for names exported code uses but only the kernel session had: variables and methods of
     * cells that are not exported, and the kernel's own functions. Other unresolved names are left to
     * javac, which names them itself.
     */
    List<Problem> problems(Plan plan, List<FileImports.FreeUse> uses) {
        if (uses.isEmpty()) {
            return List.of();
        }
        Map<String, List<CellWork>> plainCells = new HashMap<>();
        List<ExportCell> toRead = new ArrayList<>();
        for (FileImports.FreeUse use : uses) {
            String notebook = use.placed().work().notebook.notebookPath();
            plainCells.computeIfAbsent(notebook, nb -> {
                // cells the kernel ran whose declarations no generated class holds for others: plain cells,
                // and test cells of statements (each becomes a method of its own)
                List<CellWork> plain = plan.cellsByNotebook.get(nb).stream()
                        .filter(w -> !w.cell.code().isBlank() && (w.cell.kind() == ExportKind.NONE
                                || (w.cell.kind() == ExportKind.TEST && w.parsed != null
                                        && w.parsed.snippets().stream().anyMatch(x -> x.kind() == Kind.STATEMENTS))))
                        .toList();
                plain.forEach(w -> toRead.add(w.cell));
                return plain;
            });
        }
        Map<ExportCell, Declared> declared = declaredNames(toRead);
        Map<NameUse, Problem> problems = new HashMap<>();
        for (FileImports.FreeUse use : uses) {
            CellWork user = use.placed().work();
            CellWork source = null;
            for (CellWork w : plainCells.get(user.notebook.notebookPath())) {
                if (w == user) {
                    continue;
                }
                Declared names = declared.get(w.cell);
                if (use.call() ? names.methods().contains(use.name()) : names.variables().contains(use.name())) {
                    source = w;
                    break;
                }
            }
            String shown = use.call() ? "`" + use.name() + "(…)`" : "`" + use.name() + "`";
            String where = user.cell.kind() == ExportKind.TEST ? "the generated test" : "the exported code";
            Problem problem;
            if (source != null && source.cell.kind() == ExportKind.TEST) {
                problem = user.parsed.problem(use.offset(), shown + " is declared in " + source.cell.cell()
                                + ", another test cell: each test cell becomes a test method of its own, so "
                                + where + " cannot see it",
                        "Declare " + shown + " in this cell too, or export a cell that makes it (`//| export`).");
            } else if (source != null) {
                problem = user.parsed.problem(use.offset(), shown + " is declared in " + source.cell.cell()
                                + ", which is not exported: " + where + " cannot see it",
                        "Export that cell too (`//| export`, or `//| exporti` to keep it package-private),"
                                + " or declare " + shown + " in this cell.");
            } else if (use.call() && KERNEL_FUNCTIONS.contains(use.name())) {
                problem = user.parsed.problem(use.offset(), shown + " is a function of the notebook's kernel (IJava/JJava);"
                                + " " + where + " runs without a kernel, where it does not exist",
                        "Call it from a cell that is not exported; let the exported code return what the notebook"
                                + " should show.");
            } else {
                continue;
            }
            // one problem per cell and name, at its first use whatever order the uses were found in
            problems.merge(new NameUse(user.cell.cell(), use.name(), use.call()), problem,
                    (a, b) -> Problem.ORDER.compare(a, b) <= 0 ? a : b);
        }
        return new ArrayList<>(problems.values());
    }

    /** What a cell that is not exported declares at its top level, as JShell would keep it. */
    private record Declared(Set<String> variables, Set<String> methods) {
    }

    /**
     * The variables and methods that cells declare at their top level. A kernel cell may mix
     * declarations and statements, which neither a class body nor a block allows, so both parses are
     * read, javac's error recovery included: the result is evidence for a message, not a verdict.
     */
    private Map<ExportCell, Declared> declaredNames(List<ExportCell> cells) {
        List<Source> sources = new ArrayList<>();
        for (ExportCell cell : cells) {
            String code = CellParser.prepare(cell, new ArrayList<>()).code();
            sources.add(new Source(sources.size(), BODY_OPEN, code, BODY_CLOSE));
            sources.add(new Source(sources.size(), BLOCK_OPEN, code, BLOCK_CLOSE));
        }
        Map<ExportCell, Declared> declared = new IdentityHashMap<>();
        if (sources.isEmpty()) {
            return declared;
        }
        Batch batch = javac.parse(sources);
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
}
