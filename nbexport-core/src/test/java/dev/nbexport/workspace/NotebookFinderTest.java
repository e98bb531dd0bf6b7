package dev.nbexport.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.io.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookFinderTest {

    @TempDir
    Path root;

    private List<String> find(List<String> includes, List<String> excludes) {
        return new NotebookFinder(includes, excludes).find(root).stream()
                .map(p -> ProjectPaths.slashes(root.relativize(p))).toList();
    }

    private void touch(String... paths) throws Exception {
        for (String path : paths) {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "{}");
        }
    }

    @Test
    void findsNotebooksAtEveryDepthSortedByPath() throws Exception {
        touch("b.ipynb", "a/z.ipynb", "a.ipynb", "a/b/c.ipynb", "notes.md");

        assertThat(find(List.of(), List.of())).containsExactly("a.ipynb", "a/b/c.ipynb", "a/z.ipynb", "b.ipynb");
    }

    @Test
    void skipsCheckpointsAndHiddenFolders() throws Exception {
        touch("x.ipynb", ".ipynb_checkpoints/x-checkpoint.ipynb", "sub/.ipynb_checkpoints/y-checkpoint.ipynb", ".hidden/h.ipynb");

        assertThat(find(List.of(), List.of())).containsExactly("x.ipynb");
    }

    @Test
    void honoursIncludesAndExcludes() throws Exception {
        touch("00_core.ipynb", "01_text.ipynb", "scratch/try.ipynb", "drafts/d.ipynb");

        assertThat(find(List.of("0*.ipynb", "scratch/**"), List.of("01_*"))).containsExactly("00_core.ipynb", "scratch/try.ipynb");
        assertThat(find(List.of(), List.of("drafts/**", "scratch/*.ipynb"))).containsExactly("00_core.ipynb", "01_text.ipynb");
    }

    @Test
    void matchesPathsNotOnDiskAsFindWouldPickThem() throws Exception {
        List<String> paths = List.of("00_core.ipynb", "01_text.ipynb", "scratch/try.ipynb", ".ipynb_checkpoints/00_core-checkpoint.ipynb",
                "sub/.hidden/h.ipynb", "notes.md");
        touch(paths.toArray(String[]::new));
        NotebookFinder finder = new NotebookFinder(List.of(), List.of("scratch/**"));

        assertThat(paths.stream().filter(finder::matches)).containsExactlyElementsOf(find(List.of(), List.of("scratch/**")));
    }

    @Test
    void missingFolderHasNoNotebooks() {
        assertThat(new NotebookFinder(List.of(), List.of()).find(root.resolve("nope"))).isEmpty();
    }
}
