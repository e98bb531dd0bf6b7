package dev.nbexport.export;

import dev.nbexport.export.Exporter.CellWork;
import dev.nbexport.export.Exporter.Placed;
import dev.nbexport.export.Exporter.Plan;
import dev.nbexport.export.ParsedCell.Kind;
import dev.nbexport.export.ParsedCell.Snippet;
import dev.nbexport.export.ParsedCell.Word;
import dev.nbexport.layout.BlockText;
import dev.nbexport.layout.FileLayout;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.layout.ImportLine;
import dev.nbexport.layout.Replacement;
import dev.nbexport.problem.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the planned files with {@link FileLayout}: each block's text (each declaration with its
 * modifiers fixed for its place), and the imports it needs ({@link FileImports}). Files are independent
 * and emitted in parallel when there are many.
 */
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

    /**
     * What the export wrote and found.
     *
     * @param files the files, sorted by kind then path
     * @param freeUses names the files' code uses that nothing in them declares or imports
     * @param problems exported names used where they are not accessible
     * @param warnings imports carried over from cells that are not exported
     */
    record Emitted(List<GeneratedFile> files, List<FileImports.FreeUse> freeUses, List<Problem> problems,
                   List<Problem> warnings) {
    }

    /** One file and what resolving its names found. */
    private record Output(GeneratedFile file, FileImports.Result imports) {
    }

    private final Plan plan;
    private final DefaultImports defaults;
    private final ExportedSymbols symbols;

    private final ExportScope scope;

    FileEmitter(Plan plan, DefaultImports defaults, ExportScope scope) {
        this.plan = plan;
        this.defaults = defaults;
        this.scope = scope;
        this.symbols = new ExportedSymbols(plan, scope.elsewhere());
    }

    /** The files the scope asks for. */
    Emitted emit() {
        List<java.util.function.Supplier<Output>> jobs = new ArrayList<>();
        for (Map.Entry<TargetName, List<Placed>> e : plan.members.entrySet()) {
            if (scope.emits(new GeneratedFile.Id(GeneratedFile.Kind.MAIN, e.getKey().relativePath()))) {
                jobs.add(() -> targetClass(e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<TargetName, Placed> e : plan.types.entrySet()) {
            if (scope.emits(new GeneratedFile.Id(GeneratedFile.Kind.MAIN, e.getKey().relativePath()))) {
                jobs.add(() -> typeFile(e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<TargetName, List<Placed>> e : plan.tests.entrySet()) {
            if (scope.emits(new GeneratedFile.Id(GeneratedFile.Kind.TEST, e.getKey().testClass().relativePath()))) {
                jobs.add(() -> testFile(e.getKey(), e.getValue()));
            }
        }
        // files are independent; the order is restored by the sort below
        var stream = jobs.stream();
        if (jobs.size() >= PARALLEL_THRESHOLD) {
            stream = stream.parallel();
        }
        List<Output> outputs = stream.map(java.util.function.Supplier::get).toList();
        List<GeneratedFile> files = new ArrayList<>(outputs.size());
        Set<FileImports.FreeUse> freeUses = new LinkedHashSet<>();
        Set<Problem> problems = new LinkedHashSet<>();
        List<Problem> warnings = new ArrayList<>();
        for (Output o : outputs) {
            files.add(o.file());
            freeUses.addAll(o.imports().freeUses());
            problems.addAll(o.imports().problems());
            warnings.addAll(o.imports().warnings());
        }
        files.sort(Comparator.comparing(GeneratedFile::kind).thenComparing(GeneratedFile::relativePath));
        return new Emitted(files, List.copyOf(freeUses), List.copyOf(problems), warnings);
    }

    private FileImports.Result imports(GeneratedFile.Kind kind, TargetName fileName, TargetName target,
            TargetName membersInScope, List<Placed> parts, List<ImportLine> extra) {
        return FileImports.of(plan, symbols, defaults, kind, fileName, target, membersInScope, parts, extra);
    }

    private Output targetClass(TargetName target, List<Placed> members) {
        List<BlockText> blocks = new ArrayList<>();
        for (List<Placed> group : byCell(members)) {
            blocks.add(groupText(group, Role.MEMBER));
        }
        FileImports.Result imports = imports(GeneratedFile.Kind.MAIN, target, target, target, members, List.of());
        return new Output(FileLayout.memberClass(target.packageName(), target.simpleName(), imports.imports(), blocks), imports);
    }

    private Output typeFile(TargetName type, Placed placed) {
        FileImports.Result imports = imports(GeneratedFile.Kind.MAIN, type, placed.work().target, null, List.of(placed), List.of());
        return new Output(FileLayout.typeFile(type.packageName(), type.simpleName(), imports.imports(),
                groupText(List.of(placed), Role.TYPE)), imports);
    }

    private Output testFile(TargetName target, List<Placed> tests) {
        TargetName testClass = target.testClass();
        List<FileLayout.TestBlock> blocks = new ArrayList<>();
        boolean displayName = false;
        for (List<Placed> group : byCell(tests)) {
            CellWork w = group.get(0).work();
            FileLayout.TestCase method = null;
            if (group.get(0).snippet().kind() == Kind.STATEMENTS) {
                displayName = true;
                String label = (w.cell.testName() == null || w.cell.testName().isBlank() ? "" : w.cell.testName().strip() + " - ")
                        + w.cell.cell();
                method = new FileLayout.TestCase(plan.testMethodNames.get(group.get(0)), label);
            }
            blocks.add(new FileLayout.TestBlock(groupText(group, Role.AS_IS), method));
        }
        List<ImportLine> junit = displayName ? List.of(JUNIT_DISPLAY_NAME, JUNIT_TEST) : List.of(JUNIT_TEST);
        FileImports.Result imports = imports(GeneratedFile.Kind.TEST, testClass, target, null, tests, junit);
        return new Output(FileLayout.testClass(testClass.packageName(), testClass.simpleName(), imports.imports(), blocks),
                imports);
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
                edits.add(Replacement.remove(m.start(), SnippetReader.skipWhitespace(code, m.end())));
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
                edits.add(Replacement.remove(m.start(), SnippetReader.skipWhitespace(code, m.end())));
            }
        }
        edits.add(Replacement.insert(member.insertAt(), "public "));
    }
}
