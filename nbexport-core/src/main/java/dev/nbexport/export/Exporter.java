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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
    private final KernelNames kernelNames;

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
        this.kernelNames = new KernelNames(parser.javac());
    }

    /**
     * Exports notebooks.
     *
     * @throws ExportException with every problem found, when any cell cannot be exported
     */
    public ExportResult export(List<NotebookSource> notebooks) {
        return export(notebooks, ExportScope.all());
    }

    /**
     * Exports notebooks, emitting the files {@code scope} asks for. The result plans every file of the
     * notebooks given; the problems are those of the notebooks given and of the files emitted.
     *
     * @throws ExportException with every problem found, when any cell cannot be exported
     */
    public ExportResult export(List<NotebookSource> notebooks, ExportScope scope) {
        List<NotebookSource> sorted = new ArrayList<>(notebooks);
        sorted.sort(Comparator.comparing(NotebookSource::notebookPath));
        List<Problem> problems = new ArrayList<>();
        Set<Problem> warnings = new TreeSet<>(Problem.ORDER);

        List<CellWork> work = targets(sorted, problems, warnings);
        parse(work, problems);
        Plan plan = plan(work, problems);
        if (!problems.isEmpty()) {
            throw ExportException.of(problems);
        }
        FileEmitter.Emitted emitted = new FileEmitter(plan, DefaultImports.jdk(), scope).emit();
        problems.addAll(emitted.problems());
        problems.addAll(kernelNames.problems(plan, emitted.freeUses()));
        warnings.addAll(emitted.warnings());
        if (!problems.isEmpty()) {
            throw ExportException.of(problems);
        }
        return new ExportResult(emitted.files(), new ArrayList<>(warnings), plan.files());
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

        /** Every file planned, with the notebooks whose declarations go into it, in file order. */
        Map<GeneratedFile.Id, List<String>> files() {
            Map<GeneratedFile.Id, List<String>> files = new TreeMap<>();
            members.forEach((target, placed) -> files.put(new GeneratedFile.Id(GeneratedFile.Kind.MAIN, target.relativePath()),
                    notebooksOf(placed)));
            types.forEach((type, placed) -> files.put(new GeneratedFile.Id(GeneratedFile.Kind.MAIN, type.relativePath()),
                    List.of(placed.work().notebook.notebookPath())));
            tests.forEach((target, placed) -> files.put(new GeneratedFile.Id(GeneratedFile.Kind.TEST, target.testClass().relativePath()),
                    notebooksOf(placed)));
            return files;
        }

        private static List<String> notebooksOf(List<Placed> placed) {
            Set<String> notebooks = new LinkedHashSet<>();
            placed.forEach(p -> notebooks.add(p.work().notebook.notebookPath()));
            return List.copyOf(notebooks);
        }
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
                problems.add(p == result.syntaxError() ? newerKernel(w.notebook, p) : p);
            }
        }
    }

    private static final int RUNNING_JAVA = Runtime.version().feature();

    /**
     * A cell this JDK parses in no reading, from a notebook whose kernel ran a newer Java than the one
     * running the export, may be newer syntax, not a mistake: the hint says so. (A cell that parses as
     * statements is a statement in an exported cell whatever the kernel.)
     */
    private static Problem newerKernel(NotebookSource notebook, Problem problem) {
        if (notebook.kernelJava() <= RUNNING_JAVA) {
            return problem;
        }
        return new Problem(problem.severity(), problem.where(), problem.message(),
                "The notebook's kernel ran Java " + notebook.kernelJava() + ", but the JDK running this build is Java "
                        + RUNNING_JAVA + ", whose parser may not know the newer syntax: run Maven with JDK "
                        + notebook.kernelJava() + " or newer (JAVA_HOME). Otherwise: " + problem.hint(), problem.detail());
    }

    private static Plan plan(List<CellWork> work, List<Problem> problems) {
        Plan plan = new Plan();
        Map<Scoped<String>, Placed> inNotebook = new HashMap<>();
        Map<Scoped<TargetName>, Placed> inTarget = new HashMap<>();
        Map<Scoped<TargetName>, Placed> testNames = new HashMap<>();
        for (CellWork w : work) {
            plan.cellsByNotebook.computeIfAbsent(w.notebook.notebookPath(), k -> new ArrayList<>()).add(w);
            if (w.target == null || w.parsed == null) {
                continue;
            }
            for (Snippet s : w.parsed.snippets()) {
                Placed placed = new Placed(w, s);
                if (w.cell.kind() == ExportKind.TEST) {
                    plan.tests.computeIfAbsent(w.target, k -> new ArrayList<>()).add(placed);
                    SnippetKey testKey;
                    if (s.kind() == Kind.STATEMENTS) {
                        String name = testMethodName(w.cell);
                        plan.testMethodNames.put(placed, name);
                        testKey = SnippetKey.method(name, name + "()");
                    } else {
                        testKey = s.keys().get(0);
                    }
                    duplicate(testNames, new Scoped<>(w.target.testClass(), testKey), placed, problems);
                    continue;
                }
                for (SnippetKey key : s.keys()) {
                    boolean clash = duplicate(inNotebook, new Scoped<>(w.notebook.notebookPath(), key), placed, problems);
                    if (!clash && s.kind() != Kind.TYPE) {
                        duplicate(inTarget, new Scoped<>(w.target, key), placed, problems);
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

    /** A name in one namespace: a notebook's JShell session, a target class, a test class. */
    private record Scoped<S>(S scope, SnippetKey key) {
    }

    /** Records {@code placed} under {@code key}; reports a clash with an earlier declaration. */
    private static <S> boolean duplicate(Map<Scoped<S>, Placed> seen, Scoped<S> key, Placed placed, List<Problem> problems) {
        Placed earlier = seen.putIfAbsent(key, placed);
        if (earlier == null) {
            return false;
        }
        problems.add(clashProblem(placed, earlier, key.key().toString()));
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
