package dev.nbexport.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.nbexport.NbexportException;
import dev.nbexport.git.GitRepository;
import dev.nbexport.io.ProjectPaths;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookFormatException;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.workspace.NotebookFinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two versions of a project's notebooks, cell by cell (see {@link DiffRequest} for what can
 * be compared): the notebooks of a git commit with those of another commit or of the working tree, or
 * two notebook files. Notebooks are paired by path; a renamed notebook is one removed and one added.
 * A version that is not a readable notebook (broken JSON, conflict markers) is compared as text,
 * with a warning line, rather than failing the whole comparison.
 *
 * <pre>{@code
 * DiffResult result = DiffCommand.run(new DiffRequest(project, project.resolve("notebooks"),
 *         List.of(), List.of(), "HEAD", null, false));
 * result.differing().forEach(file -> file.lines().forEach(System.out::println));
 * }</pre>
 */
public final class DiffCommand {

    /** How the working tree is named in the output. */
    public static final String WORKING_TREE = "working tree";

    private static final String BOTH_KINDS =
            "Compare two notebook files, or two git revisions, or a revision and the working tree.";

    private DiffCommand() {}

    /**
     * Runs the comparison; nothing is written.
     *
     * @throws NbexportException when {@code from} or {@code to} names neither a file nor a git
     *     revision, or only one of them is a file
     */
    public static DiffResult run(DiffRequest request) {
        Path project = request.projectDir();
        Path fromFile = project.resolve(request.from());
        if (Files.isRegularFile(fromFile)) {
            return files(request, fromFile);
        }
        GitRepository repository = GitRepository.containing(project);
        Version from = commit(repository, request, request.from(), "from");
        Version to;
        if (request.to() == null) {
            to = workingTree(request);
        } else if (Files.isRegularFile(project.resolve(request.to()))) {
            throw new NbexportException("cannot compare the git revision " + request.from() + " with the file " + request.to(),
                    BOTH_KINDS);
        } else {
            to = commit(repository, request, request.to(), "to");
        }
        Set<String> names = new TreeSet<>(from.blobs().keySet());
        names.addAll(to.names());
        // equal blob ids are equal notebooks, never read; the others are read with one git call
        List<String> changed = new ArrayList<>();
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : names) {
            String fromId = from.blobs().get(name);
            String toId = to.blobs().get(name);
            if (fromId == null || !fromId.equals(toId)) {
                changed.add(name);
                if (fromId != null) {
                    wanted.add(fromId);
                }
                if (toId != null) {
                    wanted.add(toId);
                }
            }
        }
        Map<String, byte[]> blobs = repository.read(wanted);
        List<FileDiff> differing = new ArrayList<>();
        for (String name : changed) {
            FileDiff diff = compare(name, from.content(name, blobs), from.label(), name, to.content(name, blobs), to.label(),
                    request.sourcesOnly());
            if (diff != null) {
                differing.add(diff);
            }
        }
        return new DiffResult(from.label(), to.label(), names.size(), differing);
    }

    private static DiffResult files(DiffRequest request, Path fromFile) {
        if (request.to() == null) {
            throw new NbexportException("cannot compare the file " + request.from() + " with the working tree: a file is compared with another file",
                    "Name the second notebook too (nbexport.diff.to, or the second argument of the command line),"
                            + " or compare a git revision with the working tree.");
        }
        Path toFile = request.projectDir().resolve(request.to());
        if (!Files.isRegularFile(toFile)) {
            throw new NbexportException("cannot compare the file " + request.from() + " with " + request.to()
                    + ", which is not a file", BOTH_KINDS);
        }
        String fromName = ProjectPaths.shown(request.projectDir(), fromFile);
        String toName = ProjectPaths.shown(request.projectDir(), toFile);
        FileDiff diff = compare(fromName, read(fromFile), null, toName, read(toFile), null, request.sourcesOnly());
        return new DiffResult(fromName, toName, 1, diff == null ? List.of() : List.of(diff));
    }

    /**
     * Compares two versions of one notebook; {@code null} when they do not differ.
     *
     * @param from the first version's bytes, or {@code null} when it did not exist
     * @param fromLabel what the first version is ({@code HEAD (1a2b3c4)}), or {@code null} when the name says it
     */
    static FileDiff compare(String fromName, byte[] from, String fromLabel, String toName, byte[] to, String toLabel,
            boolean sourcesOnly) {
        if (from != null && to != null && Arrays.equals(from, to)) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        lines.add("--- " + (from == null ? "/dev/null" : fromName + (fromLabel == null ? "" : " (" + fromLabel + ")")));
        lines.add("+++ " + (to == null ? "/dev/null" : toName + (toLabel == null ? "" : " (" + toLabel + ")")));
        Notebook a;
        Notebook b;
        try {
            a = from == null ? null : NotebookReader.parse(from, fromName);
            b = to == null ? null : NotebookReader.parse(to, toName);
        } catch (NotebookFormatException e) {
            return asText(toName, from, to, lines);
        }
        NotebookDiff diff = NotebookDiff.of(a, b, sourcesOnly);
        if (!diff.differs()) {
            return null;
        }
        lines.addAll(DiffText.lines(diff));
        String summary = a == null ? "added (" + ValueSummary.plural(b.cells().size(), "cell") + ")"
                : b == null ? "removed (" + ValueSummary.plural(a.cells().size(), "cell") + ")"
                : diff.summary();
        return new FileDiff(toName, summary, lines);
    }

    /** A version that is not a readable notebook: its text view is its text, after the warning line. */
    private static FileDiff asText(String name, byte[] from, byte[] to, List<String> lines) {
        List<String> a = from == null ? List.of() : NotebookText.of(from).lines().toList();
        List<String> b = to == null ? List.of() : NotebookText.of(to).lines().toList();
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("from", "to", a, DiffUtils.diff(a, b), DiffText.CONTEXT);
        lines.add("## not a readable notebook: compared as text");
        lines.addAll(unified.subList(Math.min(2, unified.size()), unified.size()));
        return new FileDiff(name, "compared as text: not a readable notebook", lines);
    }

    /** One side of the comparison: a commit's notebooks by their blob ids, or the working tree's files. */
    private record Version(String label, Map<String, String> blobs, Map<String, Path> files) {

        Set<String> names() {
            Set<String> names = new TreeSet<>(blobs.keySet());
            names.addAll(files.keySet());
            return names;
        }

        byte[] content(String name, Map<String, byte[]> read) {
            String id = blobs.get(name);
            if (id != null) {
                return read.get(id);
            }
            Path file = files.get(name);
            return file == null ? null : DiffCommand.read(file);
        }
    }

    private static Version commit(GitRepository repository, DiffRequest request, String revision, String side) {
        String commit = repository.commit(revision).orElseThrow(() -> new NbexportException(
                "`" + revision + "` (the version to compare " + side + ") is neither a notebook file nor a git revision of "
                        + repository.top(),
                "Give a notebook file, or a commit, branch or tag such as HEAD, HEAD~1 or main (`git log --oneline` lists commits)."));
        Path notebooks = real(request.notebooksDir());
        Path project = real(request.projectDir());
        if (!notebooks.startsWith(repository.top())) {
            throw new NbexportException("the notebooks folder " + notebooks + " is not inside the git repository " + repository.top(),
                    "Point nbexport.notebooks at a folder of the repository.");
        }
        String folder = ProjectPaths.slashes(repository.top().relativize(notebooks));
        NotebookFinder finder = new NotebookFinder(request.includes(), request.excludes());
        Map<String, String> blobs = new TreeMap<>();
        repository.files(commit, folder).forEach((path, id) -> {
            Path file = repository.top().resolve(path);
            if (finder.matches(ProjectPaths.slashes(notebooks.relativize(file)))) {
                blobs.put(ProjectPaths.shown(project, file), id);
            }
        });
        return new Version(revision + " (" + commit.substring(0, 7) + ")", blobs, Map.of());
    }

    private static Version workingTree(DiffRequest request) {
        Map<String, Path> files = new TreeMap<>();
        for (Path file : new NotebookFinder(request.includes(), request.excludes()).find(request.notebooksDir())) {
            files.put(ProjectPaths.shown(request.projectDir(), file), file);
        }
        return new Version(WORKING_TREE, Map.of(), files);
    }

    /** {@code path} with symbolic links resolved as far as it exists, so it compares with git's top folder. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + existing, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
