package dev.nbexport.workspace;

import dev.nbexport.io.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a project's notebooks: files under the notebooks folder matching the include globs and none
 * of the exclude globs, always leaving out Jupyter's {@code .ipynb_checkpoints} and hidden folders.
 * Globs are matched against the path relative to the notebooks folder with {@code /} separators;
 * {@code **}{@code /} also matches zero folders, as in Maven and Ant.
 */
public final class NotebookFinder {

    /** Every notebook below the folder. */
    public static final List<String> DEFAULT_INCLUDES = List.of("**/*.ipynb");

    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;

    public NotebookFinder(List<String> includes, List<String> excludes) {
        this.includes = matchers(includes.isEmpty() ? DEFAULT_INCLUDES : includes);
        this.excludes = matchers(excludes);
    }

    /**
     * The matching notebooks, sorted by their path relative to {@code root}; empty when the folder
     * does not exist.
     */
    public List<Path> find(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.startsWith(".") || name.equals("__pycache__"));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Path relative = root.relativize(file);
                    if (attrs.isRegularFile() && matchesAny(includes, relative) && !matchesAny(excludes, relative)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list notebooks in " + root, e);
        }
        found.sort((a, b) -> ProjectPaths.slashes(root.relativize(a)).compareTo(ProjectPaths.slashes(root.relativize(b))));
        return List.copyOf(found);
    }

    /**
     * Whether {@link #find} would pick the file at {@code relative} (to the notebooks folder, {@code /}
     * separators), for notebooks that are not on disk, such as those of a git commit.
     */
    public boolean matches(String relative) {
        String[] parts = relative.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].startsWith(".") || parts[i].equals("__pycache__")) {
                return false;
            }
        }
        Path path = Path.of(relative);
        return matchesAny(includes, path) && !matchesAny(excludes, path);
    }

    private static boolean matchesAny(List<PathMatcher> matchers, Path relative) {
        for (PathMatcher matcher : matchers) {
            if (matcher.matches(relative)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        FileSystem fs = FileSystems.getDefault();
        List<PathMatcher> result = new ArrayList<>();
        for (String glob : globs) {
            String pattern = glob.replace('\\', '/');
            result.add(fs.getPathMatcher("glob:" + pattern));
            // "**/x" also matches "x" at the top, as in Maven's include patterns
            while (pattern.startsWith("**/")) {
                pattern = pattern.substring(3);
                result.add(fs.getPathMatcher("glob:" + pattern));
            }
        }
        return List.copyOf(result);
    }
}
