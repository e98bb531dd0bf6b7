package dev.nbexport.export;

import dev.nbexport.directive.ExportKind;
import dev.nbexport.export.ExportedSymbols.MemberSymbol;
import dev.nbexport.export.ExportedSymbols.TypeSymbol;
import dev.nbexport.export.Exporter.CellWork;
import dev.nbexport.export.Exporter.Placed;
import dev.nbexport.export.Exporter.Plan;
import dev.nbexport.export.ParsedCell.CellImport;
import dev.nbexport.export.ParsedCell.Snippet;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.layout.ImportLine;
import dev.nbexport.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The imports one generated file needs, and what its code uses that no import can give it. Names the
 * code uses are resolved in this order: declared in the file or its package, exported by the
 * notebooks, imported in the notebooks' cells (the target's own cells first; an import only a cell
 * that is not exported has is carried over, with a warning), imported by JShell's defaults.
 *
 * <p>One instance per file, confined to the thread that emits the file: the result is a value, so
 * files are resolved in parallel without shared state.
 */
final class FileImports {

    /**
     * A name a snippet uses that its generated file cannot resolve: it came from the notebook's
     * kernel session (another cell, or the kernel's own helpers), or it is a plain mistake.
     *
     * @param offset where the name is first used, in the cell's code
     */
    record FreeUse(Placed placed, String name, boolean call, int offset) {
    }

    /**
     * What resolving a file's names found.
     *
     * @param imports the file's imports
     * @param freeUses names no declaration, export or import supplies
     * @param problems uses of package-private exports from another package
     * @param warnings imports carried over from cells that are not exported
     */
    record Result(Set<ImportLine> imports, List<FreeUse> freeUses, List<Problem> problems, List<Problem> warnings) {
    }

    private record ImportFrom(CellImport written, CellWork work, boolean own) {
        ImportLine line() {
            return written.line();
        }
    }

    private final Plan plan;
    private final ExportedSymbols symbols;
    private final DefaultImports defaults;
    private final GeneratedFile.Kind kind;
    private final TargetName fileName;
    private final TargetName membersInScope;
    private final List<Placed> parts;
    private final String pkg;

    private final Set<String> types = new TreeSet<>();
    private final Set<String> names = new TreeSet<>();
    private final Set<String> methods = new TreeSet<>();
    private final Set<String> declared = new HashSet<>();
    private final Set<String> notebooks = new LinkedHashSet<>();
    private final Set<ImportLine> imports = new TreeSet<>();
    private final Map<String, ImportFrom> single = new HashMap<>();
    private final Map<String, List<ImportFrom>> staticSingle = new HashMap<>();
    private final List<ImportFrom> carriedOnDemand = new ArrayList<>();
    private final List<FreeUse> freeUses = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    /**
     * @param fileName the class the file declares
     * @param target the export target the content belongs to (which cells' imports are its own)
     * @param membersInScope the target class whose members the code sees unqualified, or null
     * @param parts the declarations in the file
     * @param extraImports imports the file has anyway (JUnit's, in the test class)
     */
    static Result of(Plan plan, ExportedSymbols symbols, DefaultImports defaults, GeneratedFile.Kind kind,
            TargetName fileName, TargetName target, TargetName membersInScope, List<Placed> parts,
            List<ImportLine> extraImports) {
        FileImports file = new FileImports(plan, symbols, defaults, kind, fileName, membersInScope, parts);
        for (ImportLine extra : extraImports) {
            file.imports.add(extra);
            file.declared.add(extra.simpleName());
        }
        file.collectWritten(target);
        boolean unresolvedType = file.resolveTypes();
        boolean unresolvedMethod = file.resolveMembers();
        file.carryOnDemand(unresolvedType, unresolvedMethod);
        file.findFreeUses();
        return new Result(file.imports, file.freeUses, file.problems, file.warnings);
    }

    private FileImports(Plan plan, ExportedSymbols symbols, DefaultImports defaults, GeneratedFile.Kind kind,
            TargetName fileName, TargetName membersInScope, List<Placed> parts) {
        this.plan = plan;
        this.symbols = symbols;
        this.defaults = defaults;
        this.kind = kind;
        this.fileName = fileName;
        this.membersInScope = membersInScope;
        this.parts = parts;
        this.pkg = fileName.packageName();
        for (Placed p : parts) {
            var used = p.snippet().used();
            types.addAll(used.types());
            names.addAll(used.names());
            methods.addAll(used.methods());
            declared.addAll(used.declared());
            notebooks.add(p.work().notebook.notebookPath());
        }
        declared.add(fileName.simpleName());
    }

    /** The imports written in the notebooks: the target's own cells' and the others' (which may be carried). */
    private void collectWritten(TargetName target) {
        for (String notebook : notebooks) {
            for (CellWork w : plan.cellsByNotebook.get(notebook)) {
                boolean own = target.equals(w.target) && (kind == GeneratedFile.Kind.MAIN
                        ? w.cell.kind().exportsCode() : w.cell.kind() == ExportKind.TEST);
                for (CellImport written : w.parsed.imports()) {
                    ImportLine line = written.line();
                    ImportFrom from = new ImportFrom(written, w, own);
                    if (line.onDemand()) {
                        if (own) {
                            imports.add(line);
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
    }

    /** Imports for the types and other names the code refers to; whether some type stays unresolved. */
    private boolean resolveTypes() {
        Set<String> referenced = new TreeSet<>(types);
        referenced.addAll(names);
        Set<String> samePackage = symbols.inPackage(pkg);
        boolean unresolvedType = false;
        for (String name : referenced) {
            if (declared.contains(name) || samePackage.contains(name)) {
                continue;
            }
            TypeSymbol exported = symbols.type(notebooks, name);
            if (exported != null) {
                if (exported.isPublic()) {
                    imports.add(ImportLine.of(exported.name().qualifiedName()));
                }
                continue;
            }
            ImportFrom written = single.get(name);
            if (written != null) {
                use(written, name);
                continue;
            }
            var qualified = defaults.qualify(name);
            if (qualified.isPresent()) {
                imports.add(ImportLine.of(qualified.get()));
            } else if (types.contains(name) && !defaults.isJavaLang(name)) {
                unresolvedType = true;
            }
        }
        return unresolvedType;
    }

    /** Static imports for the loose members the code calls or reads; whether some call stays unresolved. */
    private boolean resolveMembers() {
        boolean unresolvedMethod = false;
        for (String name : methods) {
            if (declared.contains(name)) {
                continue;
            }
            List<MemberSymbol> members = symbols.members(notebooks, name, true);
            imports.addAll(symbols.staticImports(members, name, membersInScope, pkg));
            boolean found = !members.isEmpty();
            for (ImportFrom written : staticSingle.getOrDefault(name, List.of())) {
                use(written, name);
                found = true;
            }
            // a call inside a class with a supertype may be to an inherited method: no reason to carry imports
            unresolvedMethod |= !found && parts.stream().anyMatch(p -> p.snippet().used().freeCalls().containsKey(name));
        }
        for (String name : names) {
            if (declared.contains(name)) {
                continue;
            }
            imports.addAll(symbols.staticImports(symbols.members(notebooks, name, false), name, membersInScope, pkg));
            for (ImportFrom written : staticSingle.getOrDefault(name, List.of())) {
                use(written, name);
            }
        }
        return unresolvedMethod;
    }

    /** On-demand imports of cells that are not the target's own, carried when something is left unresolved. */
    private void carryOnDemand(boolean unresolvedType, boolean unresolvedMethod) {
        for (ImportFrom from : carriedOnDemand) {
            boolean testOnly = kind == GeneratedFile.Kind.MAIN && from.line().name().startsWith("org.junit.");
            if (!testOnly && (from.line().isStatic() ? unresolvedMethod : unresolvedType)) {
                use(from, null);
            }
        }
    }

    /** Names only the kernel session could have supplied, and exports used where they are not accessible. */
    private void findFreeUses() {
        Set<String> samePackage = symbols.inPackage(pkg);
        boolean typeOnDemand = imports.stream().anyMatch(i -> i.onDemand() && !i.isStatic())
                || carriedOnDemand.stream().anyMatch(f -> !f.line().isStatic());
        List<String> staticOnDemand = new ArrayList<>();
        imports.stream().filter(i -> i.isStatic() && i.onDemand()).forEach(i -> staticOnDemand.add(i.name()));
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
                        && symbols.type(notebooks, name) == null && !single.containsKey(name)
                        && !staticSingle.containsKey(name) && defaults.qualify(name).isEmpty()
                        && !defaults.isJavaLang(name) && !maybeClass && !StaticMembers.maySupply(staticOnDemand, name, false)
                        && !accessibleMember(p, name, false)) {
                    freeUses.add(new FreeUse(p, name, false, use.getValue()));
                }
            }
            for (Map.Entry<String, Integer> call : used.freeCalls().entrySet()) {
                String name = call.getKey();
                if (!declared.contains(name) && !staticSingle.containsKey(name)
                        && !StaticMembers.maySupply(staticOnDemand, name, true)
                        && !accessibleMember(p, name, true)) {
                    freeUses.add(new FreeUse(p, name, true, call.getValue()));
                }
            }
            for (String type : used.types()) {
                TypeSymbol exported = declared.contains(type) || samePackage.contains(type) ? null : symbols.type(notebooks, type);
                if (exported != null && !exported.isPublic() && !exported.name().packageName().equals(pkg)) {
                    problems.add(notAccessible(p, "class " + exported.name()));
                }
            }
        }
    }

    /**
     * Whether the notebooks export a loose member {@code name} that this file's code can use; a
     * problem is recorded when they export one that is package-private elsewhere.
     */
    private boolean accessibleMember(Placed user, String name, boolean method) {
        List<MemberSymbol> members = symbols.members(notebooks, name, method);
        if (members.stream().anyMatch(m -> ExportedSymbols.visible(m, membersInScope, pkg))) {
            return true;
        }
        if (!members.isEmpty()) {
            MemberSymbol hidden = members.get(members.size() - 1);
            problems.add(notAccessible(user, (method ? "method " : "field ") + hidden.owner() + "." + name));
            return true;
        }
        return false;
    }

    private Problem notAccessible(Placed user, String what) {
        Snippet s = user.snippet();
        return Problem.error(user.work().cell.cell().location(s.line(), s.column()),
                what + " is exported package-private (`//| exporti`, or `private`), but this code in package "
                        + pkg + " uses it",
                "Export it with `//| export` to make it public, or export both cells to the same package.");
    }

    /** Imports what a cell wrote; a main file taking it from a cell that is not exported says so. */
    private void use(ImportFrom from, String name) {
        if (imports.add(from.line()) && !from.own && kind == GeneratedFile.Kind.MAIN && !from.work.cell.kind().exportsCode()) {
            warnings.add(Problem.warning(from.work.cell.cell().location(0, 0),
                    "`" + from.line().render() + "` (line " + from.written.cellLine() + ") is in a cell that is not exported;"
                            + " it was carried into " + fileName.relativePath()
                            + (name == null ? ", whose code may need it" : ", which uses `" + name + "`")
                            + ". Put the import in an exported cell to make this explicit."));
        }
    }
}
