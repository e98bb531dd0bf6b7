package dev.nbexport.export;

import dev.nbexport.directive.ExportKind;
import dev.nbexport.export.Exporter.CellWork;
import dev.nbexport.export.Exporter.Placed;
import dev.nbexport.export.Exporter.Plan;
import dev.nbexport.export.ParsedCell.CellImport;
import dev.nbexport.layout.BlockText;
import dev.nbexport.layout.FileLayout;
import dev.nbexport.layout.ImportLine;
import dev.nbexport.layout.Replacement;
import dev.nbexport.export.ParsedCell.Kind;
import dev.nbexport.export.ParsedCell.Snippet;
import dev.nbexport.export.ParsedCell.Word;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/** Writes the planned files: text of each declaration with its modifiers fixed, imports, markers, header. */
final class FileEmitter {

    private static final int PARALLEL_THRESHOLD = 32;
    private static final ImportLine JUNIT_TEST = ImportLine.of("org.junit.jupiter.api.Test");
    private static final ImportLine JUNIT_DISPLAY_NAME = ImportLine.of("org.junit.jupiter.api.DisplayName");

    /** How a declaration's modifiers change on its way out. */
    private enum Role {
        /** loose method or field: {@code static}, {@code public} unless exporti or private. */
        MEMBER,
        /** top-level type: {@code public} unless exporti; no static/private/protected. */
        TYPE,
        /** test class member: as written. */
        AS_IS
    }

    private enum Visibility {
        PUBLIC,
        PACKAGE,
        PRIVATE
    }

    private record MemberSymbol(TargetName owner, Visibility visibility) {
    }

    private record TypeSymbol(TargetName name, boolean isPublic) {
    }

    /** What one notebook exports, as names its code can use unqualified. */
    private static final class Symbols {
        final Map<String, List<TypeSymbol>> types = new HashMap<>();
        final Map<String, List<MemberSymbol>> methods = new HashMap<>();
        final Map<String, List<MemberSymbol>> fields = new HashMap<>();
    }

    private final Plan plan;
    private final DefaultImports defaults;
    private final Set<Problem> warnings;
    private final Map<String, Symbols> symbolsByNotebook = new HashMap<>();
    /** package → simple names of every class generated in it. */
    private final Map<String, Set<String>> packageTypes = new HashMap<>();
    /** Names the code uses that nothing in its generated file declares or imports; written by parallel emitters. */
    private final Set<FreeUse> freeUses = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Uses of package-private exports from another package; written by parallel emitters. */
    private final Set<Problem> problems = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A name a snippet uses that its generated file cannot resolve: it came from the notebook's
     * kernel session (another cell, or the kernel's own helpers), or it is a plain mistake.
     *
     * @param offset where the name is first used, in the cell's code
     */
    record FreeUse(Placed placed, String name, boolean call, int offset) {
    }

    FileEmitter(Plan plan, DefaultImports defaults, Set<Problem> warnings) {
        this.plan = plan;
        this.defaults = defaults;
        this.warnings = warnings;
        index();
    }

    private void index() {
        for (Map.Entry<TargetName, Placed> e : plan.types.entrySet()) {
            TargetName type = e.getKey();
            packageTypes.computeIfAbsent(type.packageName(), k -> new HashSet<>()).add(type.simpleName());
            symbols(e.getValue()).types.computeIfAbsent(type.simpleName(), k -> new ArrayList<>())
                    .add(new TypeSymbol(type, !e.getValue().work().exporti()));
        }
        for (Map.Entry<TargetName, List<Placed>> e : plan.members.entrySet()) {
            TargetName target = e.getKey();
            packageTypes.computeIfAbsent(target.packageName(), k -> new HashSet<>()).add(target.simpleName());
            for (Placed p : e.getValue()) {
                Visibility v = isPrivate(p.snippet()) ? Visibility.PRIVATE
                        : p.work().exporti() ? Visibility.PACKAGE : Visibility.PUBLIC;
                Symbols symbols = symbols(p);
                Map<String, List<MemberSymbol>> map = p.snippet().kind() == Kind.METHOD ? symbols.methods : symbols.fields;
                for (String key : p.snippet().keys()) {
                    String name = p.snippet().kind() == Kind.METHOD ? p.snippet().name() : key.substring("field ".length());
                    List<MemberSymbol> list = map.computeIfAbsent(name, k -> new ArrayList<>());
                    MemberSymbol symbol = new MemberSymbol(target, v);
                    if (!list.contains(symbol)) {
                        list.add(symbol);
                    }
                }
            }
        }
        for (TargetName target : plan.tests.keySet()) {
            packageTypes.computeIfAbsent(target.packageName(), k -> new HashSet<>()).add(testClass(target).simpleName());
        }
    }

    private Symbols symbols(Placed p) {
        return symbolsByNotebook.computeIfAbsent(p.work().notebook.notebookPath(), k -> new Symbols());
    }

    private static boolean isPrivate(Snippet s) {
        return s.modifiers() != null && s.modifiers().has(Modifier.PRIVATE);
    }

    static TargetName testClass(TargetName target) {
        return target.sibling(target.simpleName() + "NotebookTest");
    }

    List<GeneratedFile> emit() {
        List<java.util.function.Supplier<GeneratedFile>> jobs = new ArrayList<>();
        for (Map.Entry<TargetName, List<Placed>> e : plan.members.entrySet()) {
            jobs.add(() -> targetClass(e.getKey(), e.getValue()));
        }
        for (Map.Entry<TargetName, Placed> e : plan.types.entrySet()) {
            jobs.add(() -> typeFile(e.getKey(), e.getValue()));
        }
        for (Map.Entry<TargetName, List<Placed>> e : plan.tests.entrySet()) {
            jobs.add(() -> testFile(e.getKey(), e.getValue()));
        }
        // files are independent; the order is restored by the sort below
        var stream = jobs.stream();
        if (jobs.size() >= PARALLEL_THRESHOLD) {
            stream = stream.parallel();
        }
        List<GeneratedFile> files = new ArrayList<>(stream.map(java.util.function.Supplier::get).toList());
        files.sort(Comparator.comparing(GeneratedFile::kind).thenComparing(GeneratedFile::relativePath));
        return files;
    }

    /** After {@link #emit}: names used that the generated files cannot resolve. */
    Set<FreeUse> freeUses() {
        return freeUses;
    }

    /** After {@link #emit}: exported names used where they are not accessible. */
    Set<Problem> problems() {
        return problems;
    }

    private GeneratedFile targetClass(TargetName target, List<Placed> members) {
        List<BlockText> blocks = new ArrayList<>();
        for (List<Placed> group : byCell(members)) {
            blocks.add(groupText(group, Role.MEMBER));
        }
        return FileLayout.memberClass(target.packageName(), target.simpleName(),
                imports(GeneratedFile.Kind.MAIN, target, target, target, members, List.of()), blocks);
    }

    private GeneratedFile typeFile(TargetName type, Placed placed) {
        return FileLayout.typeFile(type.packageName(), type.simpleName(),
                imports(GeneratedFile.Kind.MAIN, type, placed.work().target, null, List.of(placed), List.of()),
                groupText(List.of(placed), Role.TYPE));
    }

    private GeneratedFile testFile(TargetName target, List<Placed> tests) {
        TargetName testClass = testClass(target);
        List<FileLayout.TestBlock> blocks = new ArrayList<>();
        boolean displayName = false;
        for (List<Placed> group : byCell(tests)) {
            CellWork w = group.get(0).work();
            FileLayout.TestMethod method = null;
            if (group.get(0).snippet().kind() == Kind.STATEMENTS) {
                displayName = true;
                String label = (w.cell.testName() == null || w.cell.testName().isBlank() ? "" : w.cell.testName().strip() + " - ")
                        + w.cell.cell();
                method = new FileLayout.TestMethod(plan.testMethodNames.get(group.get(0)), label);
            }
            blocks.add(new FileLayout.TestBlock(groupText(group, Role.AS_IS), method));
        }
        List<ImportLine> junit = displayName ? List.of(JUNIT_DISPLAY_NAME, JUNIT_TEST) : List.of(JUNIT_TEST);
        return FileLayout.testClass(testClass.packageName(), testClass.simpleName(),
                imports(GeneratedFile.Kind.TEST, testClass, target, null, tests, junit), blocks);
    }

    /** Consecutive declarations from one cell form one block under one marker. */
    private static List<List<Placed>> byCell(List<Placed> placed) {
        List<List<Placed>> groups = new ArrayList<>();
        for (Placed p : placed) {
            if (!groups.isEmpty()) {
                List<Placed> last = groups.get(groups.size() - 1);
                if (last.get(0).work() == p.work() && p.snippet().kind() != Kind.STATEMENTS) {
                    last.add(p);
                    continue;
                }
            }
            List<Placed> group = new ArrayList<>();
            group.add(p);
            groups.add(group);
        }
        return groups;
    }

    /** The block's text: declarations with their own comments and spacing, edges trimmed, unindented. */
    private static BlockText groupText(List<Placed> group, Role role) {
        ParsedCell cell = group.get(0).work().parsed;
        BlockText.Builder text = cell.blockText();
        List<Snippet> all = cell.snippets();
        Snippet previous = null;
        for (Placed p : group) {
            Snippet s = p.snippet();
            if (previous != null) {
                if (all.indexOf(previous) + 1 == all.indexOf(s)) {
                    text.copy(previous.end(), s.segmentStart(), List.of());
                } else {
                    text.separate();
                }
            }
            text.copy(s.segmentStart(), s.end(), modifierEdits(cell.code(), s, role, p.work().exporti()));
            previous = s;
        }
        return text.build();
    }

    /** The edits that change the snippet's modifiers for its role. */
    private static List<Replacement> modifierEdits(String code, Snippet s, Role role, boolean exporti) {
        if (role == Role.AS_IS || s.kind() == Kind.STATEMENTS) {
            return List.of();
        }
        ParsedCell.Modifiers modifiers = s.modifiers();
        List<Replacement> edits = new ArrayList<>();
        int insertAt = modifiers.insertAt();
        Word access = null;
        boolean hasStatic = false;
        boolean hasPublic = false;
        boolean isPrivate = false;
        for (Word m : modifiers.words()) {
            Modifier k = m.keyword();
            boolean remove;
            if (role == Role.TYPE) {
                remove = k == Modifier.STATIC || k == Modifier.PRIVATE || k == Modifier.PROTECTED
                        || (exporti && k == Modifier.PUBLIC);
                hasPublic |= k == Modifier.PUBLIC;
            } else {
                remove = k == Modifier.PROTECTED || (exporti && k == Modifier.PUBLIC);
                hasStatic |= k == Modifier.STATIC;
                if (!remove && (k == Modifier.PUBLIC || k == Modifier.PRIVATE)) {
                    access = m;
                    isPrivate |= k == Modifier.PRIVATE;
                }
            }
            if (remove) {
                edits.add(Replacement.remove(m.start(), skipWhitespace(code, m.end())));
            }
        }
        if (role == Role.TYPE) {
            if (!exporti && !hasPublic) {
                edits.add(Replacement.insert(insertAt, "public "));
            }
            if (!exporti) {
                modifiers.canonicalConstructors().forEach(c -> makePublic(code, c, edits));
            }
        } else if (access != null) {
            if (!hasStatic) {
                edits.add(Replacement.insert(access.end(), " static"));
            }
        } else {
            String prefix = (exporti || isPrivate ? "" : "public ") + (hasStatic ? "" : "static ");
            if (!prefix.isEmpty()) {
                edits.add(Replacement.insert(insertAt, prefix));
            }
        }
        return edits;
    }

    /** Edits that make a member {@code public}: its weaker access keyword goes, {@code public} comes in. */
    private static void makePublic(String code, ParsedCell.Modifiers member, List<Replacement> edits) {
        if (member.has(Modifier.PUBLIC)) {
            return;
        }
        for (Word m : member.words()) {
            if (m.keyword() == Modifier.PRIVATE || m.keyword() == Modifier.PROTECTED) {
                edits.add(Replacement.remove(m.start(), skipWhitespace(code, m.end())));
            }
        }
        edits.add(Replacement.insert(member.insertAt(), "public "));
    }

    static int skipWhitespace(String code, int i) {
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i;
    }

    // ---- imports ----

    /**
     * The imports a file needs.
     *
     * @param fileName the class the file declares
     * @param target the export target the content belongs to (which cells' imports are its own)
     * @param membersInScope the target class whose members the code sees unqualified, or null
     */
    private Set<ImportLine> imports(GeneratedFile.Kind kind, TargetName fileName, TargetName target,
            TargetName membersInScope, List<Placed> parts, List<ImportLine> extraImports) {
        String pkg = fileName.packageName();
        Set<String> types = new TreeSet<>();
        Set<String> names = new TreeSet<>();
        Set<String> methods = new TreeSet<>();
        Set<String> declared = new HashSet<>();
        Set<String> notebooks = new LinkedHashSet<>();
        for (Placed p : parts) {
            var used = p.snippet().used();
            types.addAll(used.types());
            names.addAll(used.names());
            methods.addAll(used.methods());
            declared.addAll(used.declared());
            notebooks.add(p.work().notebook.notebookPath());
        }
        declared.add(fileName.simpleName());
        Set<ImportLine> result = new TreeSet<>();
        for (ImportLine extra : extraImports) {
            result.add(extra);
            declared.add(extra.simpleName());
        }

        // imports written in the notebooks: the target's own cells first, then the others (carried)
        Map<String, ImportFrom> single = new HashMap<>();
        Map<String, List<ImportFrom>> staticSingle = new HashMap<>();
        List<ImportFrom> carriedOnDemand = new ArrayList<>();
        for (String notebook : notebooks) {
            for (CellWork w : plan.cellsByNotebook.get(notebook)) {
                boolean own = target.equals(w.target) && (kind == GeneratedFile.Kind.MAIN
                        ? w.cell.kind().exportsCode() : w.cell.kind() == ExportKind.TEST);
                for (CellImport written : w.parsed.imports()) {
                    ImportLine line = written.line();
                    ImportFrom from = new ImportFrom(written, w, own);
                    if (line.onDemand()) {
                        if (own) {
                            result.add(line);
                        } else {
                            carriedOnDemand.add(from);
                        }
                    } else if (line.isStatic()) {
                        staticSingle.computeIfAbsent(line.simpleName(), k -> new ArrayList<>()).add(from);
                    } else {
                        single.merge(line.simpleName(), from, (a, b) -> a.own && !b.own ? a : b);
                    }
                }
            }
        }

        Set<String> referenced = new TreeSet<>(types);
        referenced.addAll(names);
        Set<String> samePackage = packageTypes.getOrDefault(pkg, Set.of());
        boolean unresolvedType = false;
        for (String name : referenced) {
            if (declared.contains(name) || samePackage.contains(name)) {
                continue;
            }
            TypeSymbol exported = exportedType(notebooks, name);
            if (exported != null) {
                if (exported.isPublic()) {
                    result.add(ImportLine.of(exported.name().qualifiedName()));
                }
                continue;
            }
            ImportFrom written = single.get(name);
            if (written != null) {
                use(written, result, kind, fileName, name);
                continue;
            }
            var qualified = defaults.qualify(name);
            if (qualified.isPresent()) {
                result.add(ImportLine.of(qualified.get()));
            } else if (types.contains(name) && !defaults.isJavaLang(name)) {
                unresolvedType = true;
            }
        }

        boolean unresolvedMethod = false;
        for (String name : methods) {
            if (declared.contains(name)) {
                continue;
            }
            boolean found = staticMembers(notebooks, name, true, membersInScope, pkg, result);
            for (ImportFrom written : staticSingle.getOrDefault(name, List.of())) {
                use(written, result, kind, fileName, name);
                found = true;
            }
            // a call inside a class with a supertype may be to an inherited method: no reason to carry imports
            unresolvedMethod |= !found && parts.stream().anyMatch(p -> p.snippet().used().freeCalls().containsKey(name));
        }
        for (String name : names) {
            if (declared.contains(name)) {
                continue;
            }
            staticMembers(notebooks, name, false, membersInScope, pkg, result);
            for (ImportFrom written : staticSingle.getOrDefault(name, List.of())) {
                use(written, result, kind, fileName, name);
            }
        }
        for (ImportFrom from : carriedOnDemand) {
            boolean testOnly = kind == GeneratedFile.Kind.MAIN && from.line().name().startsWith("org.junit.");
            if (!testOnly && (from.line().isStatic() ? unresolvedMethod : unresolvedType)) {
                use(from, result, kind, fileName, null);
            }
        }
        boolean typeOnDemand = result.stream().anyMatch(i -> i.onDemand() && !i.isStatic())
                || carriedOnDemand.stream().anyMatch(f -> !f.line().isStatic());
        List<String> staticOnDemand = new ArrayList<>();
        result.stream().filter(i -> i.isStatic() && i.onDemand()).forEach(i -> staticOnDemand.add(i.name()));
        carriedOnDemand.stream().filter(f -> f.line().isStatic()).map(f -> f.line().name())
                .filter(c -> kind == GeneratedFile.Kind.TEST || !c.startsWith("org.junit."))
                .forEach(staticOnDemand::add);
        for (Placed p : parts) {
            var used = p.snippet().used();
            for (Map.Entry<String, Integer> use : used.freeNames().entrySet()) {
                String name = use.getKey();
                // an on-demand import may supply any class; by convention class names are capitalised
                boolean maybeClass = typeOnDemand && Character.isUpperCase(name.charAt(0));
                if (!used.variables().contains(name) && !declared.contains(name) && !samePackage.contains(name)
                        && exportedType(notebooks, name) == null && !single.containsKey(name)
                        && !staticSingle.containsKey(name) && defaults.qualify(name).isEmpty()
                        && !defaults.isJavaLang(name) && !maybeClass && !StaticMembers.maySupply(staticOnDemand, name, false)
                        && !accessibleMember(p, notebooks, name, false, membersInScope, pkg)) {
                    freeUses.add(new FreeUse(p, name, false, use.getValue()));
                }
            }
            for (Map.Entry<String, Integer> call : used.freeCalls().entrySet()) {
                String name = call.getKey();
                if (!declared.contains(name) && !staticSingle.containsKey(name)
                        && !StaticMembers.maySupply(staticOnDemand, name, true)
                        && !accessibleMember(p, notebooks, name, true, membersInScope, pkg)) {
                    freeUses.add(new FreeUse(p, name, true, call.getValue()));
                }
            }
            for (String type : used.types()) {
                TypeSymbol exported = declared.contains(type) || samePackage.contains(type) ? null : exportedType(notebooks, type);
                if (exported != null && !exported.isPublic() && !exported.name().packageName().equals(pkg)) {
                    problems.add(notAccessible(p, "class " + exported.name(), pkg));
                }
            }
        }
        return result;
    }

    /**
     * Whether the notebooks export a loose member {@code name} that code in {@code pkg} can use; a
     * problem is recorded when they export one that is package-private elsewhere.
     */
    private boolean accessibleMember(Placed user, Set<String> notebooks, String name, boolean method,
            TargetName membersInScope, String pkg) {
        List<MemberSymbol> members = members(notebooks, name, method);
        if (members.stream().anyMatch(m -> visible(m, membersInScope, pkg))) {
            return true;
        }
        if (!members.isEmpty()) {
            MemberSymbol hidden = members.get(members.size() - 1);
            problems.add(notAccessible(user, (method ? "method " : "field ") + hidden.owner() + "." + name, pkg));
            return true;
        }
        return false;
    }

    private static Problem notAccessible(Placed user, String what, String pkg) {
        Snippet s = user.snippet();
        return Problem.error(Location.in(user.work().cell.cell(), s.line(), s.column()),
                what + " is exported package-private (`//| exporti`, or `private`), but this code in package "
                        + pkg + " uses it",
                "Export it with `//| export` to make it public, or export both cells to the same package.");
    }

    private record ImportFrom(CellImport written, CellWork work, boolean own) {
        ImportLine line() {
            return written.line();
        }
    }

    private void use(ImportFrom from, Set<ImportLine> result, GeneratedFile.Kind kind, TargetName file, String name) {
        if (result.add(from.line()) && !from.own && kind == GeneratedFile.Kind.MAIN && !from.work.cell.kind().exportsCode()) {
            warnings.add(Problem.warning(Location.in(from.work.cell.cell()),
                    "`" + from.line().render() + "` (line " + from.written.cellLine() + ") is in a cell that is not exported;"
                            + " it was carried into " + file.relativePath()
                            + (name == null ? ", whose code may need it" : ", which uses `" + name + "`")
                            + ". Put the import in an exported cell to make this explicit."));
        }
    }

    private TypeSymbol exportedType(Set<String> notebooks, String name) {
        for (String notebook : notebooks) {
            Symbols symbols = symbolsByNotebook.get(notebook);
            List<TypeSymbol> list = symbols == null ? null : symbols.types.get(name);
            if (list != null && !list.isEmpty()) {
                return list.get(0);
            }
        }
        return null;
    }

    /** Adds static imports of the notebooks' loose members named {@code name}; true when there is one. */
    private boolean staticMembers(Set<String> notebooks, String name, boolean method, TargetName membersInScope,
            String pkg, Set<ImportLine> result) {
        List<MemberSymbol> members = members(notebooks, name, method);
        for (MemberSymbol m : members) {
            if (!m.owner().equals(membersInScope) && visible(m, membersInScope, pkg)) {
                result.add(ImportLine.ofStatic(m.owner().qualifiedName() + "." + name));
            }
        }
        return !members.isEmpty();
    }

    /** The loose members named {@code name} that the notebooks export, in notebook order. */
    private List<MemberSymbol> members(Set<String> notebooks, String name, boolean method) {
        List<MemberSymbol> members = new ArrayList<>(1);
        for (String notebook : notebooks) {
            Symbols symbols = symbolsByNotebook.get(notebook);
            if (symbols != null) {
                members.addAll((method ? symbols.methods : symbols.fields).getOrDefault(name, List.of()));
            }
        }
        return members;
    }

    /** Whether code in {@code pkg}, in class {@code membersInScope} (or null), may use the member. */
    private static boolean visible(MemberSymbol m, TargetName membersInScope, String pkg) {
        return m.owner().equals(membersInScope) || m.visibility() == Visibility.PUBLIC
                || (m.visibility() == Visibility.PACKAGE && m.owner().packageName().equals(pkg));
    }
}
