package dev.nbexport.export;

import dev.nbexport.export.Exporter.Placed;
import dev.nbexport.export.Exporter.Plan;
import dev.nbexport.export.ParsedCell.Kind;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.layout.ImportLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * What the notebooks of an export declare for each other's code: by notebook, the types and loose
 * members its cells export (names its code can use unqualified); by package, the classes generated in
 * it. Built once per export, then only read, by every file's {@link FileImports} in parallel.
 */
final class ExportedSymbols {

    enum Visibility {
        PUBLIC,
        PACKAGE,
        PRIVATE
    }

    /** A loose member exported to the class {@code owner}. */
    record MemberSymbol(TargetName owner, Visibility visibility) {
    }

    /** An exported type. */
    record TypeSymbol(TargetName name, boolean isPublic) {
    }

    /** What one notebook exports, as names its code can use unqualified. */
    private static final class Symbols {
        final Map<String, List<TypeSymbol>> types = new HashMap<>();
        final Map<String, List<MemberSymbol>> methods = new HashMap<>();
        final Map<String, List<MemberSymbol>> fields = new HashMap<>();
    }

    private final Map<String, Symbols> byNotebook = new HashMap<>();
    /** package → simple names of every class generated in it. */
    private final Map<String, Set<String>> packageTypes = new HashMap<>();

    /**
     * @param elsewhere files made by notebooks outside this export: their classes are in their packages too
     */
    ExportedSymbols(Plan plan, Set<GeneratedFile.Id> elsewhere) {
        for (GeneratedFile.Id file : elsewhere) {
            packageTypes.computeIfAbsent(file.packageName(), k -> new HashSet<>()).add(file.className());
        }
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
                Visibility v = isPrivate(p) ? Visibility.PRIVATE : p.work().exporti() ? Visibility.PACKAGE : Visibility.PUBLIC;
                Symbols symbols = symbols(p);
                Map<String, List<MemberSymbol>> map = p.snippet().kind() == Kind.METHOD ? symbols.methods : symbols.fields;
                for (SnippetKey key : p.snippet().keys()) {
                    List<MemberSymbol> list = map.computeIfAbsent(key.name(), k -> new ArrayList<>());
                    MemberSymbol symbol = new MemberSymbol(target, v);
                    if (!list.contains(symbol)) {
                        list.add(symbol);
                    }
                }
            }
        }
        for (TargetName target : plan.tests.keySet()) {
            packageTypes.computeIfAbsent(target.packageName(), k -> new HashSet<>()).add(target.testClass().simpleName());
        }
    }

    private Symbols symbols(Placed p) {
        return byNotebook.computeIfAbsent(p.work().notebook.notebookPath(), k -> new Symbols());
    }

    private static boolean isPrivate(Placed p) {
        return p.snippet().modifiers() != null && p.snippet().modifiers().has(Modifier.PRIVATE);
    }

    /** The simple names of the classes generated in {@code pkg}. */
    Set<String> inPackage(String pkg) {
        return packageTypes.getOrDefault(pkg, Set.of());
    }

    /** The first type named {@code name} that the notebooks export, or null. */
    TypeSymbol type(Set<String> notebooks, String name) {
        for (String notebook : notebooks) {
            Symbols symbols = byNotebook.get(notebook);
            List<TypeSymbol> list = symbols == null ? null : symbols.types.get(name);
            if (list != null && !list.isEmpty()) {
                return list.get(0);
            }
        }
        return null;
    }

    /** The loose members named {@code name} that the notebooks export, in notebook order. */
    List<MemberSymbol> members(Set<String> notebooks, String name, boolean method) {
        List<MemberSymbol> members = new ArrayList<>(1);
        for (String notebook : notebooks) {
            Symbols symbols = byNotebook.get(notebook);
            if (symbols != null) {
                members.addAll((method ? symbols.methods : symbols.fields).getOrDefault(name, List.of()));
            }
        }
        return members;
    }

    /** The static imports of the exported members named {@code name} that code in {@code pkg} can see. */
    List<ImportLine> staticImports(List<MemberSymbol> members, String name, TargetName membersInScope, String pkg) {
        List<ImportLine> imports = new ArrayList<>(members.size());
        for (MemberSymbol m : members) {
            if (!m.owner().equals(membersInScope) && visible(m, membersInScope, pkg)) {
                imports.add(ImportLine.ofStatic(m.owner().qualifiedName() + "." + name));
            }
        }
        return imports;
    }

    /** Whether code in {@code pkg}, in class {@code membersInScope} (or null), may use the member. */
    static boolean visible(MemberSymbol m, TargetName membersInScope, String pkg) {
        return m.owner().equals(membersInScope) || m.visibility() == Visibility.PUBLIC
                || (m.visibility() == Visibility.PACKAGE && m.owner().packageName().equals(pkg));
    }
}
