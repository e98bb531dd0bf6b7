package dev.nbexport.clean;

import dev.nbexport.NbexportException;
import dev.nbexport.io.AtomicFiles;
import dev.nbexport.io.ProjectPaths;
import dev.nbexport.notebook.NotebookFormatException;
import dev.nbexport.workspace.NotebookFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Cleans every notebook of a project, in parallel. A notebook that cannot be read does not stop the
 * others; all such problems are reported together at the end, and nothing of those files is written.
 */
public final class CleanCommand {

    private CleanCommand() {}

    /**
     * Cleans the notebooks of {@code request}; unless only checking, first removes the temporary files
     * that killed runs of ours left among the notebooks ({@link AtomicFiles#removeLeftovers}), and
     * nothing else.
     */
    public static CleanResult run(CleanRequest request) {
        if (!request.checkOnly()) {
            AtomicFiles.removeLeftovers(request.notebooksDir());
        }
        NotebookCleaner cleaner = new NotebookCleaner(request.options());
        List<Path> files = new NotebookFinder(request.includes(), request.excludes()).find(request.notebooksDir());
        List<String> unclean = Collections.synchronizedList(new ArrayList<>());
        List<NotebookFormatException> broken = Collections.synchronizedList(new ArrayList<>());
        files.parallelStream().forEach(file -> {
            String shown = ProjectPaths.shown(request.projectDir(), file);
            try {
                if (cleaner.cleanFile(file, shown, request.checkOnly())) {
                    unclean.add(shown);
                }
            } catch (NotebookFormatException e) {
                broken.add(e);
            }
        });
        if (!broken.isEmpty()) {
            throw NbexportException.all("reading notebooks (the others were cleaned)", broken);
        }
        List<String> sorted = new ArrayList<>(unclean);
        Collections.sort(sorted);
        return new CleanResult(files.size(), sorted);
    }
}
