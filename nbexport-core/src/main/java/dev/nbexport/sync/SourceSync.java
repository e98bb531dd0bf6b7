package dev.nbexport.sync;

import dev.nbexport.NbexportException;
import dev.nbexport.io.AtomicFiles;
import dev.nbexport.io.FileStamp;
import dev.nbexport.io.ProjectPaths;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.layout.GeneratedHeader;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares exported files with the source roots and brings the roots in line.
 *
 * <p>The rules that keep the user's work safe: a file is only overwritten or removed when its header
 * shows nbexport generated it and its hash shows nobody edited it since; a file nbexport did not
 * generate is never touched; a generated file is stale, and removed, only when it came from this
 * project's notebooks folder. Every refusal is found before anything is written.
 */
public final class SourceSync {

    private final Path projectDir;
    private final String notebooksPrefix;

    /**
     * @param projectDir the project, for paths shown to the user
     * @param notebooksPath the notebooks folder relative to the project ({@code notebooks}); only
     *     generated files whose notebooks lie under it count as this project's
     */
    public SourceSync(Path projectDir, String notebooksPath) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.notebooksPrefix = notebooksPath.isEmpty() || notebooksPath.endsWith("/") ? notebooksPath : notebooksPath + "/";
    }

    /**
     * What is in the source roots: every {@code .java} file with its stamp, and the temporary files a killed
     * run of ours left ({@link AtomicFiles#isLeftover}). Symbolic links are not followed.
     *
     * @param javaFiles absolute, normalized paths
     */
    public record RootFiles(Map<Path, FileStamp> javaFiles, List<Path> leftovers) {

        public RootFiles {
            javaFiles = Map.copyOf(javaFiles);
            leftovers = List.copyOf(leftovers);
        }
    }

    /** Lists the {@code roots}, in one walk each. */
    public RootFiles scan(Collection<Path> roots) {
        Map<Path, FileStamp> javaFiles = new HashMap<>();
        List<Path> leftovers = new ArrayList<>();
        for (Path root : roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList()) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            String name = file.getFileName().toString();
                            if (name.endsWith(".java")) {
                                javaFiles.put(file, FileStamp.of(attrs));
                            } else if (AtomicFiles.isLeftover(file)) {
                                leftovers.add(file);
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
        return new RootFiles(javaFiles, leftovers);
    }

    /**
     * What exporting {@code files} into the roots would change; nothing is written.
     *
     * @param notebooks the notebooks this run exported (project paths); a generated file is stale only
     *     when each notebook it names is one of them or no longer exists, so files of notebooks left out by
     *     includes/excludes are kept. {@code null}: every notebook under the notebooks folder counts
     * @param previouslyWritten files the previous run wrote (from the staleness index): those no longer
     *     generated are stale too, even outside today's roots (after switching output folders)
     */
    public List<FileChange> plan(List<GeneratedFile> files, Map<GeneratedFile.Kind, Path> roots, Set<String> notebooks,
                                 Collection<Path> previouslyWritten) {
        Set<Path> candidates = new HashSet<>(scan(roots.values()).javaFiles().keySet());
        previouslyWritten.forEach(p -> candidates.add(p.toAbsolutePath().normalize()));
        return changes(files, roots, notebooks, candidates);
    }

    /**
     * What writing {@code files} into the roots would change, and which of {@code candidates} (other
     * files: of the roots, or that an earlier run wrote) are generated files that are now stale; nothing
     * is written.
     *
     * @param notebooks as for {@link #plan(List, Map, Set, Collection)}
     */
    public List<FileChange> changes(List<GeneratedFile> files, Map<GeneratedFile.Kind, Path> roots, Set<String> notebooks,
                                    Collection<Path> candidates) {
        List<FileChange> changes = new ArrayList<>();
        Set<Path> wanted = new HashSet<>();
        List<Path> rootPaths = roots.values().stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        for (GeneratedFile file : files) {
            Path root = roots.get(file.kind()).toAbsolutePath().normalize();
            Path target = root.resolve(file.relativePath()).normalize();
            wanted.add(target);
            changes.add(compare(root, target, file.content()));
        }
        for (Path candidate : candidates.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList()) {
            if (!wanted.contains(candidate) && Files.isRegularFile(candidate) && startsLikeGenerated(candidate)) {
                Path root = rootPaths.stream().filter(candidate::startsWith).findFirst().orElse(candidate.getParent());
                stale(root, candidate, notebooks).ifPresent(changes::add);
            }
        }
        changes.sort(Comparator.comparing(FileChange::shown));
        return List.copyOf(changes);
    }

    /**
     * Carries out {@code changes}: writes created and updated files atomically, removes stale ones
     * (and the folders that become empty). Refused changes are carried out only with {@code force};
     * without it, nothing at all is written when any change is refused.
     *
     * @throws NbexportException naming every refused file and what to do
     */
    public void apply(List<FileChange> changes, boolean force) {
        List<FileChange> refused = changes.stream().filter(c -> c.action().refused()).toList();
        if (!refused.isEmpty() && !force) {
            throw refusal(refused);
        }
        List<Runnable> writes = new ArrayList<>();
        for (FileChange change : changes) {
            switch (change.action()) {
                case CREATE, UPDATE, OVERWRITE_HAND_EDIT, FOREIGN_FILE -> writes.add(() -> write(change));
                case REMOVE, REMOVE_HAND_EDIT, UNCHANGED -> { }
            }
        }
        AtomicFiles.runAll(writes);
        // removals one by one: each may tidy folders another removal shares
        for (FileChange change : changes) {
            if (change.action() == FileChange.Action.REMOVE || change.action() == FileChange.Action.REMOVE_HAND_EDIT) {
                remove(change.root(), change.file());
            }
        }
    }

    /**
     * Writes a generated file, {@link AtomicFiles.Durability#REGENERABLE without flushing it}: it is made
     * again from the notebooks, and one flush per file cost more than the rest of writing it (see
     * {@code docs/architecture.md}). After an operating system crash a file written last may be empty,
     * which the next export replaces ({@link #compare}).
     */
    private static void write(FileChange change) {
        try {
            AtomicFiles.write(change.file(), change.wanted().getBytes(StandardCharsets.UTF_8), AtomicFiles.Durability.REGENERABLE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + change.file(), e);
        }
    }

    /** The removal of a generated file no longer exported, when it is this run's to remove. */
    private Optional<FileChange> stale(Path root, Path file, Set<String> notebooks) {
        String content = read(file);
        GeneratedHeader header = GeneratedHeader.parse(content).orElseThrow();
        if (!ours(header, notebooks)) {
            return Optional.empty();
        }
        FileChange.Action action = header.intact() ? FileChange.Action.REMOVE : FileChange.Action.REMOVE_HAND_EDIT;
        return Optional.of(new FileChange(root, file, shown(file), action, content, null));
    }

    private FileChange compare(Path root, Path target, String wanted) {
        if (!Files.exists(target)) {
            return new FileChange(root, target, shown(target), FileChange.Action.CREATE, null, wanted);
        }
        String current = read(target);
        if (current.equals(wanted) || sameButLineEndings(current, wanted)) {
            return new FileChange(root, target, shown(target), FileChange.Action.UNCHANGED, current, wanted);
        }
        if (current.isEmpty()) {
            // nothing in it to keep: what a crash leaves of a file written just before it, or a placeholder
            return new FileChange(root, target, shown(target), FileChange.Action.CREATE, current, wanted);
        }
        // a file edited by hand whose notebook already holds the same edit (an update killed between writing the
        // notebook and the file's hash line leaves this) differs from export's only in its hash: nothing to lose
        FileChange.Action action = GeneratedHeader.parse(current)
                .map(h -> h.intact() || (h.recordedHash() != null && GeneratedHeader.sameButHash(current, wanted))
                        ? FileChange.Action.UPDATE : FileChange.Action.OVERWRITE_HAND_EDIT)
                .orElse(FileChange.Action.FOREIGN_FILE);
        return new FileChange(root, target, shown(target), action, current, wanted);
    }

    /** A checkout with {@code \r\n} line ends (git's autocrlf) holds the same file; rewriting it would be churn. */
    private static boolean sameButLineEndings(String current, String wanted) {
        return current.indexOf('\r') >= 0 && current.replace("\r\n", "\n").equals(wanted);
    }

    /**
     * Whether a generated file is this run's: every notebook its header names lies under the notebooks
     * folder and is either one this run read or gone from disk (deleted or renamed).
     */
    private boolean ours(GeneratedHeader header, Set<String> notebooks) {
        if (header.notebooks().isEmpty()) {
            return false;
        }
        for (String notebook : header.notebooks()) {
            if (!notebook.startsWith(notebooksPrefix)) {
                return false;
            }
            if (notebooks != null && !notebooks.contains(notebook) && Files.exists(projectDir.resolve(notebook))) {
                return false;
            }
        }
        return true;
    }

    private NbexportException refusal(List<FileChange> refused) {
        List<Problem> problems = new ArrayList<>();
        for (FileChange change : refused) {
            problems.add(Problem.error(Location.file(change.shown()), switch (change.action()) {
                case OVERWRITE_HAND_EDIT -> "generated file edited by hand; export would overwrite the edit";
                case REMOVE_HAND_EDIT -> "generated file edited by hand whose cells are gone; export would delete it";
                default -> "not generated by nbexport, but an exported type or class belongs there";
            }, ""));
        }
        boolean foreign = refused.stream().anyMatch(c -> c.action() == FileChange.Action.FOREIGN_FILE);
        boolean edited = refused.stream().anyMatch(c -> c.action() != FileChange.Action.FOREIGN_FILE);
        String hint = (edited ? "Run `mvn nbexport:update` to move hand edits back into the notebooks, then export again. " : "")
                + (foreign ? "Rename or move the hand-written file, or export that cell to another class. " : "")
                + "To discard the files as they are, run with -Dnbexport.force.";
        return new NbexportException(refused.size() == 1 ? "Export stopped to keep your work"
                : "Export stopped to keep your work in " + refused.size() + " files", problems, hint);
    }

    /** Whether the file starts as every generated file does ({@link GeneratedHeader#FIRST_LINE}). */
    public static boolean startsLikeGenerated(Path file) {
        byte[] prefix = GeneratedHeader.FIRST_LINE.getBytes(StandardCharsets.UTF_8);
        byte[] head = new byte[prefix.length + 3];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            String start = new String(head, 0, n, StandardCharsets.UTF_8);
            return start.startsWith(GeneratedHeader.FIRST_LINE) || start.startsWith("\uFEFF" + GeneratedHeader.FIRST_LINE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void remove(Path root, Path file) {
        try {
            Files.deleteIfExists(file);
            // tidy the package folders our removal emptied, never beyond them
            Path dir = file.getParent();
            while (dir != null && dir.startsWith(root) && !dir.equals(root)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        break;
                    }
                }
                Files.delete(dir);
                dir = dir.getParent();
            }
        } catch (DirectoryNotEmptyException | NoSuchFileException e) {
            // someone else is writing there: leave the folder
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private String shown(Path file) {
        return ProjectPaths.shown(projectDir, file);
    }
}
