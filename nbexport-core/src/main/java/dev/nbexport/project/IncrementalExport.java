package dev.nbexport.project;

import dev.nbexport.export.ExportException;
import dev.nbexport.export.ExportResult;
import dev.nbexport.export.ExportScope;
import dev.nbexport.export.Exporter;
import dev.nbexport.export.NotebookSource;
import dev.nbexport.io.FileStamp;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.problem.Problem;
import dev.nbexport.sync.FileChange;
import dev.nbexport.sync.SourceSync;
import dev.nbexport.workspace.ProjectNotebook;
import dev.nbexport.workspace.ProjectNotebooks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An export of what changed since the {@link StalenessIndex} was saved, whose files are byte for byte
 * those of a full export. The reasoning, step by step:
 *
 * <ol>
 *   <li>A generated file's content is made from the cells of the notebooks that feed it, and from which
 *       classes its package holds (a name declared in the package needs no import); nothing else of other
 *       notebooks reaches it. The index keeps, for every file, those notebooks.
 *   <li>So a file may differ from what the last export left only when a notebook feeding it changed
 *       (its SHA-256) or went away, when it feeds the file now for the first time, when the file itself
 *       is not as left (its size or time), or when the set of classes of its package changed. Those are
 *       the <em>affected</em> files.
 *   <li>The changed notebooks are read and planned first, to learn which files they feed now and so
 *       which packages change. Then every notebook feeding an affected file is read, and the affected
 *       files are emitted, knowing the classes the other notebooks make from the index. Problems between
 *       notebooks (a class declared twice, a member twice in one target) need two notebooks feeding one
 *       file, so both are read.
 *   <li>The other files stay as they are: no notebook of theirs changed, nor did their package.
 * </ol>
 * Whenever this reasoning cannot vouch for its result — any problem found (the full export reports it
 * the way it always does), a notebook read only for its share of a file planning other files than the
 * index says, other roots than the index's — there is no incremental plan, and the caller exports in
 * full. A {@code .java} file of the roots that the index does not know is read: a generated one is
 * checked for staleness as a full export would, a hand-written one is remembered by its stamp.
 */
final class IncrementalExport {

    private final List<ProjectNotebooks.NotebookFile> files;
    /** The project paths of every notebook of this run. */
    private final Set<String> paths = new HashSet<>();
    private final Exporter exporter;
    private final StalenessIndex index;
    private final ProjectExport.Context context;

    IncrementalExport(ExportRequest request, List<ProjectNotebooks.NotebookFile> files, Exporter exporter,
                      StalenessIndex index) {
        this.files = files;
        files.forEach(f -> paths.add(f.path()));
        this.exporter = exporter;
        this.index = index;
        this.context = new ProjectExport.Context(request);
    }

    /** The plan, or empty when only a full export can be trusted. */
    Optional<ProjectExport> plan() {
        if (!index.roots().equals(context.roots)) {
            return Optional.empty();
        }
        SourceSync.RootFiles onDisk = context.sync.scan(context.roots.values());
        Map<String, ProjectNotebooks.NotebookFile> current = new TreeMap<>();
        files.forEach(f -> current.put(f.path(), f));

        Set<String> changed = new TreeSet<>();
        for (ProjectNotebooks.NotebookFile f : files) {
            if (!f.sha256().equals(index.inputs().get(f.path()))) {
                changed.add(f.path());
            }
        }
        Set<String> gone = new TreeSet<>(index.inputs().keySet());
        gone.removeAll(current.keySet());

        // files not as the last export left them: their notebooks are read again
        Set<GeneratedFile.Id> touched = new TreeSet<>();
        Map<Path, GeneratedFile.Id> known = new HashMap<>();
        index.outputs().forEach((id, output) -> {
            Path path = context.path(id);
            known.put(path, id);
            if (!output.stamp().equals(onDisk.javaFiles().getOrDefault(path, FileStamp.MISSING))) {
                touched.add(id);
                output.notebooks().stream().filter(current::containsKey).forEach(changed::add);
            }
        });
        // .java files the index does not know: generated ones may be stale, hand-written ones are remembered
        Map<Path, FileStamp> others = new HashMap<>();
        List<Path> unknownGenerated = new ArrayList<>();
        onDisk.javaFiles().forEach((path, stamp) -> {
            if (known.containsKey(path)) {
                return;
            }
            if (stamp.equals(index.others().get(path)) || !SourceSync.startsLikeGenerated(path)) {
                others.put(path, stamp);
            } else {
                unknownGenerated.add(path);
            }
        });
        if (changed.isEmpty() && gone.isEmpty() && touched.isEmpty() && unknownGenerated.isEmpty()) {
            Map<GeneratedFile.Id, List<String>> made = new TreeMap<>();
            index.outputs().forEach((id, output) -> made.put(id, output.notebooks()));
            return Optional.of(new ProjectExport(List.of(), new ExportResult(List.of(), List.of()), List.of(), context.sync,
                    List.of(), made, onDisk, others, true));
        }

        try {
            return Optional.ofNullable(plan(changed, gone, touched, unknownGenerated, onDisk, others));
        } catch (ExportException e) {
            return Optional.empty(); // the full export reports every problem, those between notebooks included
        }
    }

    private ProjectExport plan(Set<String> changed, Set<String> gone, Set<GeneratedFile.Id> touched,
                               List<Path> unknownGenerated, SourceSync.RootFiles onDisk, Map<Path, FileStamp> others) {
        // 1. the changed notebooks alone: which files they feed now
        ProjectNotebooks.Loaded first = context.reader.parse(select(changed));
        List<NotebookSource> sources = new ArrayList<>(ProjectExport.sources(first));
        Map<GeneratedFile.Id, List<String>> fedByChanged = exporter.export(sources, new ExportScope(Set.of(), Set.of())).planned();

        // 2. the affected files
        Set<String> replaced = new TreeSet<>(changed);
        replaced.addAll(gone);
        Set<GeneratedFile.Id> affected = new TreeSet<>(touched);
        Set<GeneratedFile.Id> before = index.outputs().keySet();
        Set<GeneratedFile.Id> after = new TreeSet<>(fedByChanged.keySet());
        index.outputs().forEach((id, output) -> {
            if (output.notebooks().stream().anyMatch(replaced::contains)) {
                affected.add(id);
            }
            if (!replaced.containsAll(output.notebooks())) {
                after.add(id); // a notebook that did not change still feeds it
            }
        });
        affected.addAll(fedByChanged.keySet());
        Set<GeneratedFile.Id> both = new TreeSet<>(before);
        both.addAll(after);
        Map<String, Set<String>> classesBefore = classesByPackage(before);
        Map<String, Set<String>> classesAfter = classesByPackage(after);
        for (GeneratedFile.Id id : both) {
            String pkg = id.packageName();
            if (!classesBefore.getOrDefault(pkg, Set.of()).equals(classesAfter.getOrDefault(pkg, Set.of()))) {
                affected.add(id);
            }
        }

        // 3. every notebook feeding an affected file, and the affected files emitted
        Set<String> feeding = new TreeSet<>();
        for (GeneratedFile.Id id : affected) {
            StalenessIndex.Output output = index.outputs().get(id);
            if (output != null) {
                output.notebooks().stream().filter(paths::contains).forEach(feeding::add);
            }
            feeding.addAll(fedByChanged.getOrDefault(id, List.of()));
        }
        feeding.removeAll(changed);
        List<ProjectNotebook> notebooks = new ArrayList<>(first.notebooks());
        List<Problem> directiveWarnings = new ArrayList<>(first.warnings());
        if (!feeding.isEmpty()) {
            ProjectNotebooks.Loaded more = context.reader.parse(select(feeding));
            sources.addAll(ProjectExport.sources(more));
            notebooks.addAll(more.notebooks());
            directiveWarnings.addAll(more.warnings());
        }
        Set<String> read = new HashSet<>(changed);
        read.addAll(feeding);
        Set<GeneratedFile.Id> elsewhere = new HashSet<>();
        index.outputs().forEach((id, output) -> {
            if (output.notebooks().stream().anyMatch(n -> !read.contains(n) && !gone.contains(n))) {
                elsewhere.add(id);
            }
        });
        ExportResult result = exporter.export(sources, new ExportScope(affected, elsewhere));

        // a notebook read for its share of a file makes the files it made before, or the index is not to be trusted
        for (String notebook : feeding) {
            if (!fedBy(result.planned(), notebook).equals(fedBy(index, notebook))) {
                return null;
            }
        }

        Map<GeneratedFile.Id, List<String>> made = new TreeMap<>();
        index.outputs().forEach((id, output) -> {
            if (!affected.contains(id)) {
                made.put(id, output.notebooks());
            }
        });
        result.planned().forEach((id, fed) -> {
            if (affected.contains(id)) {
                made.put(id, fed);
            }
        });
        Set<Path> candidates = new HashSet<>(unknownGenerated);
        affected.forEach(id -> candidates.add(context.path(id)));
        List<FileChange> changes = context.sync.changes(result.files(), context.roots, paths, candidates);

        directiveWarnings.sort(Problem.ORDER);
        List<String> warnings = new ArrayList<>();
        directiveWarnings.stream().map(Problem::describe).forEach(warnings::add);
        result.warnings().stream().map(Problem::describe).forEach(warnings::add);
        return new ProjectExport(notebooks, result, changes, context.sync, warnings, made, onDisk, others, false);
    }

    private List<ProjectNotebooks.NotebookFile> select(Set<String> paths) {
        return files.stream().filter(f -> paths.contains(f.path())).toList();
    }

    /** The simple names of the classes of each package, main and test alike (they share the package). */
    private static Map<String, Set<String>> classesByPackage(Collection<GeneratedFile.Id> ids) {
        Map<String, Set<String>> classes = new HashMap<>();
        ids.forEach(id -> classes.computeIfAbsent(id.packageName(), p -> new TreeSet<>()).add(id.className()));
        return classes;
    }

    private static Set<GeneratedFile.Id> fedBy(Map<GeneratedFile.Id, List<String>> planned, String notebook) {
        Set<GeneratedFile.Id> ids = new TreeSet<>();
        planned.forEach((id, fed) -> {
            if (fed.contains(notebook)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static Set<GeneratedFile.Id> fedBy(StalenessIndex index, String notebook) {
        Set<GeneratedFile.Id> ids = new TreeSet<>();
        index.outputs().forEach((id, output) -> {
            if (output.notebooks().contains(notebook)) {
                ids.add(id);
            }
        });
        return ids;
    }
}
