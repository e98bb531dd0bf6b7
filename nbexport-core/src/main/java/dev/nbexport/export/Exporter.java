package dev.nbexport.export;

import dev.nbexport.directive.ExportKind;
import dev.nbexport.directive.JavaNames;
import dev.nbexport.export.ParsedCell.Kind;
import dev.nbexport.export.ParsedCell.Snippet;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns classified notebook cells into Java sources: one file per exported type, a
 * {@code final} class of static members per target, and a {@code <Target>NotebookTest} JUnit 5
 * class per target with test cells.
 *
 * <pre>{@code
 * ExportResult result = new Exporter().export(List.of(notebook));
 * for (GeneratedFile file : result.files()) { ... }
 * }</pre>
 *
 * <p>The output depends only on the input's content, not on the order of the notebooks. Every
 * problem found is reported at once, in one {@link ExportException}. Instances are thread-safe.
 */
public final class Exporter {

    /** Below this many cells a batch of its own costs more than it saves. */
    private static final int MIN_BATCH = 64;

    private final CellParser parser;
    private final DefaultImports defaults;

    /**
     * The parses of the previous export, by cell: exporting again with mostly the same cells (as
     * {@code update} does to prove its edits) parses only the cells that changed. Only the last export
     * is kept, so memory stays bounded by one project.
     */
    private volatile Map<ExportCell, CellParser.Result> lastParses = Map.of();

    /**
     * An exporter; cells may use any Java syntax the running JDK's compiler knows.
     *
     * @throws IllegalStateException when Java runs without its compiler (a JRE, not a JDK)
     */
    public Exporter() {
        this.parser = new CellParser();
        this.defaults = DefaultImports.jdk();
    }

    /**
     * Exports notebooks.
     *
     * @throws ExportException with every problem found, when any cell cannot be exported
     */
    public ExportResult export(List<NotebookSource> notebooks) {
        List<NotebookSource> sorted = new ArrayList<>(notebooks);
        sorted.sort(Comparator.comparing(NotebookSource::notebookPath));
        List<Problem> problems = new ArrayList<>();
        // written by parallel emitters
        Set<Problem> warnings = new java.util.concurrent.ConcurrentSkipListSet<>(Problem.ORDER);

        List<CellWork> work = targets(sorted, problems, warnings);
        parse(work, problems);
        Plan plan = plan(work, problems);
        if (!problems.isEmpty()) {
            throw ExportException.of(problems);
        }
        FileEmitter emitter = new FileEmitter(plan, defaults, warnings);
        List<GeneratedFile> files = emitter.emit();
        problems.addAll(emitter.problems());
        problems.addAll(kernelNames(plan, emitter.freeUses()));
        if (!problems.isEmpty()) {
            throw ExportException.of(problems);
        }
        return new ExportResult(files, new ArrayList<>(warnings));
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
    private List<Problem> kernelNames(Plan plan, Set<FileEmitter.FreeUse> uses) {
        if (uses.isEmpty()) {
            return List.of();
        }
        Map<String, List<CellWork>> plainCells = new HashMap<>();
        List<ExportCell> toRead = new ArrayList<>();
        for (FileEmitter.FreeUse use : uses) {
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
        Map<ExportCell, CellParser.Declared> declared = parser.declaredNames(toRead);
        Map<String, Problem> problems = new TreeMap<>();
        for (FileEmitter.FreeUse use : uses) {
            CellWork user = use.placed().work();
            CellWork source = null;
            for (CellWork w : plainCells.get(user.notebook.notebookPath())) {
                if (w == user) {
                    continue;
                }
                CellParser.Declared names = declared.get(w.cell);
                if (use.call() ? names.methods().contains(use.name()) : names.variables().contains(use.name())) {
                    source = w;
                    break;
                }
            }
            String shown = use.call() ? "`" + use.name() + "(…)`" : "`" + use.name() + "`";
            String where = user.cell.kind() == ExportKind.TEST ? "the generated test" : "the exported code";
            Problem problem;
            if (source != null && source.cell.kind() == ExportKind.TEST) {
                problem = CellParser.problem(user.parsed, use.offset(), shown + " is declared in " + source.cell.cell()
                                + ", another test cell: each test cell becomes a test method of its own, so "
                                + where + " cannot see it",
                        "Declare " + shown + " in this cell too, or export a cell that makes it (`//| export`).");
            } else if (source != null) {
                problem = CellParser.problem(user.parsed, use.offset(), shown + " is declared in " + source.cell.cell()
                                + ", which is not exported: " + where + " cannot see it",
                        "Export that cell too (`//| export`, or `//| exporti` to keep it package-private),"
                                + " or declare " + shown + " in this cell.");
            } else if (use.call() && KERNEL_FUNCTIONS.contains(use.name())) {
                problem = CellParser.problem(user.parsed, use.offset(), shown + " is a function of the notebook's kernel (IJava/JJava);"
                                + " " + where + " runs without a kernel, where it does not exist",
                        "Call it from a cell that is not exported; let the exported code return what the notebook"
                                + " should show.");
            } else {
                continue;
            }
            // one problem per cell and name, at its first use whatever order the uses were found in
            problems.merge(user.cell.cell() + "\0" + use.name() + "\0" + use.call(), problem,
                    (a, b) -> Problem.ORDER.compare(a, b) <= 0 ? a : b);
        }
        return new ArrayList<>(problems.values());
    }

    /** A cell on its way through the export. */
    static final class CellWork {
        final NotebookSource notebook;
        final ExportCell cell;
        final TargetName target;
        ParsedCell parsed;

        CellWork(NotebookSource notebook, ExportCell cell, TargetName target) {
            this.notebook = notebook;
            this.cell = cell;
            this.target = target;
        }

        boolean exporti() {
            return cell.kind() == ExportKind.EXPORTI;
        }
    }

    /** One declaration placed into a file. */
    record Placed(CellWork work, Snippet snippet) {
    }

    /** What goes where. */
    static final class Plan {
        /** target → loose members, in notebook then cell order. */
        final Map<TargetName, List<Placed>> members = new TreeMap<>();
        /** target → test snippets. */
        final Map<TargetName, List<Placed>> tests = new TreeMap<>();
        /** type → its declaration. */
        final Map<TargetName, Placed> types = new TreeMap<>();
        /** notebook path → its cells, in order. */
        final Map<String, List<CellWork>> cellsByNotebook = new LinkedHashMap<>();
        /** test method names chosen for statement cells. */
        final Map<Placed, String> testMethodNames = new HashMap<>();
    }

    private static List<CellWork> targets(List<NotebookSource> notebooks, List<Problem> problems,
            Set<Problem> warnings) {
        List<CellWork> work = new ArrayList<>();
        for (NotebookSource nb : notebooks) {
            TargetName defaultTarget = null;
            if (nb.defaultExp() != null) {
                var problem = TargetName.problem(nb.defaultExp());
                if (problem.isPresent()) {
                    CellRef at = nb.defaultExpCell() != null ? nb.defaultExpCell() : new CellRef(nb.notebookPath(), 1, null);
                    problems.add(Problem.error(Location.in(at, nb.defaultExpLine(), 0), "invalid `default_exp`: " + problem.get(),
                            "Name a class with its package, e.g. `//| default_exp com.acme.text.Slugify`."));
                } else {
                    defaultTarget = TargetName.parse(nb.defaultExp());
                }
            }
            boolean missingIds = false;
            for (ExportCell cell : nb.cells()) {
                TargetName target = null;
                boolean needsTarget = cell.kind() != ExportKind.NONE;
                if (needsTarget && cell.target() != null) {
                    var problem = TargetName.problem(cell.target());
                    if (problem.isPresent()) {
                        problems.add(Problem.error(Location.in(cell.cell(), cell.directiveLine(), 0),
                                "invalid export target: " + problem.get(),
                                "Name a class with its package, e.g. `//| export com.acme.text.Other`."));
                    } else {
                        target = TargetName.parse(cell.target());
                    }
                } else if (needsTarget) {
                    target = defaultTarget;
                    if (nb.defaultExp() == null) {
                        problems.add(Problem.error(Location.in(cell.cell(), cell.directiveLine(), 0),
                                "this cell is exported but the notebook has no `default_exp`",
                                "Add a cell with `//| default_exp com.acme.Name` at the top of the notebook,"
                                        + " or name the target in this cell: `//| export com.acme.Name`."));
                    }
                }
                if (needsTarget && cell.cell().id() == null) {
                    missingIds = true;
                }
                work.add(new CellWork(nb, cell, target));
            }
            if (missingIds) {
                warnings.add(Problem.warning(Location.file(nb.notebookPath()),
                        "cells have no ids, so cell markers use cell numbers, which change when cells move;"
                                + " run `mvn nbexport:clean` to add ids"));
            }
        }
        return work;
    }

    private void parse(List<CellWork> work, List<Problem> problems) {
        Map<ExportCell, CellParser.Result> earlier = lastParses;
        Map<ExportCell, CellParser.Result> now = new HashMap<>();
        List<ExportCell> toParse = new ArrayList<>();
        for (CellWork w : work) {
            CellParser.Result reused = earlier.get(w.cell);
            if (reused != null) {
                now.put(w.cell, reused);
            } else if (!now.containsKey(w.cell)) {
                now.put(w.cell, null);
                toParse.add(w.cell);
            }
        }
        // one javac task per batch; batches run on both cores when there are enough cells
        int batches = Math.max(1, Math.min(toParse.size() / MIN_BATCH,
                4 * Runtime.getRuntime().availableProcessors()));
        List<List<ExportCell>> split = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            split.add(toParse.subList(b * toParse.size() / batches, (b + 1) * toParse.size() / batches));
        }
        var stream = split.stream();
        if (batches > 1) {
            stream = stream.parallel();
        }
        List<List<CellParser.Result>> parsed = stream.map(parser::parseAll).toList();
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < split.get(b).size(); i++) {
                now.put(split.get(b).get(i), parsed.get(b).get(i));
            }
        }
        lastParses = now;
        for (CellWork w : work) {
            CellParser.Result result = now.get(w.cell);
            w.parsed = result.parsed();
            for (Problem p : result.problems()) {
                problems.add(newerKernel(w.notebook, p));
            }
        }
    }

    private static final int RUNNING_JAVA = Runtime.version().feature();

    /**
     * A syntax error in a notebook whose kernel ran a newer Java than the one running the export may
     * be newer syntax, not a mistake: the hint says so.
     */
    private static Problem newerKernel(NotebookSource notebook, Problem problem) {
        if (notebook.kernelJava() <= RUNNING_JAVA || !problem.message().startsWith("Java syntax error")) {
            return problem;
        }
        return new Problem(problem.severity(), problem.where(), problem.message(),
                "The notebook's kernel ran Java " + notebook.kernelJava() + ", but the JDK running this build is Java "
                        + RUNNING_JAVA + ", whose parser may not know the newer syntax: run Maven with JDK "
                        + notebook.kernelJava() + " or newer (JAVA_HOME). Otherwise: " + problem.hint(), problem.detail());
    }

    private static Plan plan(List<CellWork> work, List<Problem> problems) {
        Plan plan = new Plan();
        Map<String, Placed> inNotebook = new HashMap<>();
        Map<String, Placed> inTarget = new HashMap<>();
        Map<String, Placed> testNames = new HashMap<>();
        for (CellWork w : work) {
            plan.cellsByNotebook.computeIfAbsent(w.notebook.notebookPath(), k -> new ArrayList<>()).add(w);
            if (w.target == null || w.parsed == null) {
                continue;
            }
            for (Snippet s : w.parsed.snippets()) {
                Placed placed = new Placed(w, s);
                if (w.cell.kind() == ExportKind.TEST) {
                    plan.tests.computeIfAbsent(w.target, k -> new ArrayList<>()).add(placed);
                    String testKey;
                    if (s.kind() == Kind.STATEMENTS) {
                        String name = testMethodName(w.cell);
                        plan.testMethodNames.put(placed, name);
                        testKey = "method " + name + "()";
                    } else if (s.kind() == Kind.TYPE) {
                        testKey = s.keys().get(0);
                    } else {
                        testKey = s.keys().get(0);
                    }
                    duplicate(testNames, w.target + "Test\0" + testKey, placed, testKey, problems);
                    continue;
                }
                for (String key : s.keys()) {
                    boolean clash = duplicate(inNotebook, w.notebook.notebookPath() + "\0" + key, placed, key, problems);
                    if (!clash && s.kind() != Kind.TYPE) {
                        duplicate(inTarget, w.target + "\0" + key, placed, key, problems);
                    }
                }
                if (s.kind() == Kind.TYPE) {
                    TargetName type = w.target.sibling(s.name());
                    Placed earlier = plan.types.putIfAbsent(type, placed);
                    if (earlier != null && !earlier.work().notebook.notebookPath().equals(w.notebook.notebookPath())) {
                        problems.add(clashProblem(placed, earlier, s.display() + " (" + type + ")"));
                    }
                } else {
                    plan.members.computeIfAbsent(w.target, k -> new ArrayList<>()).add(placed);
                }
            }
        }
        for (Map.Entry<TargetName, Placed> type : plan.types.entrySet()) {
            if (plan.members.containsKey(type.getKey())) {
                Placed p = type.getValue();
                problems.add(Problem.error(Location.in(p.work().cell.cell(), p.snippet().line(), p.snippet().column()),
                        p.snippet().display() + " has the name of the export target class " + type.getKey()
                                + ", which holds the notebook's methods and fields",
                        "Rename the type, or choose another `default_exp`."));
            }
        }
        return plan;
    }

    /** Records {@code placed} under {@code key}; reports a clash with an earlier declaration. */
    private static boolean duplicate(Map<String, Placed> seen, String key, Placed placed, String what,
            List<Problem> problems) {
        Placed earlier = seen.putIfAbsent(key, placed);
        if (earlier == null) {
            return false;
        }
        problems.add(clashProblem(placed, earlier, what));
        return true;
    }

    private static Problem clashProblem(Placed later, Placed earlier, String what) {
        Snippet e = earlier.snippet();
        boolean sameNotebook = earlier.work().notebook == later.work().notebook;
        return Problem.error(Location.in(later.work().cell.cell(), later.snippet().line(), later.snippet().column()),
                what + " is declared again; it is first declared at " + earlier.work().cell.cell().at(e.line(), e.column()),
                sameNotebook
                        ? "JShell keeps the last definition, but exported code would have two: delete or rename one of them."
                        : "Two notebooks export the same name to one place: rename one of them or export it elsewhere.");
    }

    /** {@code //| test slugify lowercases} → {@code slugifyLowercases}; no name → {@code cell3}. */
    static String testMethodName(ExportCell cell) {
        String name = cell.testName();
        if (name == null || name.isBlank()) {
            return "cell" + cell.cell().number();
        }
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isJavaIdentifierPart(c) && c != '$') {
                sb.append(upper && sb.length() > 0 ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        String id = sb.toString();
        if (id.isEmpty() || !Character.isJavaIdentifierStart(id.charAt(0))) {
            id = "test" + (id.isEmpty() ? cell.cell().number() : id);
        }
        return JavaNames.rejectIdentifier(id) == null && !id.equals("yield") ? id : id + "Test";
    }
}
