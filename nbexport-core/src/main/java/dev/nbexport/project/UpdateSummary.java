package dev.nbexport.project;

import java.util.List;

/**
 * What {@code nbexport:update} did.
 *
 * @param editedFiles the generated files found edited by hand
 * @param updatedCells the cells whose code changed, as {@code notebooks/a.ipynb, cell 3 (id c3)}
 * @param notebooksWritten the notebooks rewritten
 * @param filesWritten the generated files rewritten (their content is unchanged; only the hash line,
 *     so that export and check see them as generated again)
 * @param importsMoved imports added by hand to a generated file and the cell each went to
 * @param millis how long it took
 */
public record UpdateSummary(List<String> editedFiles, List<String> updatedCells, List<String> notebooksWritten,
                            List<String> filesWritten, List<String> importsMoved, long millis) {

    public UpdateSummary {
        editedFiles = List.copyOf(editedFiles);
        updatedCells = List.copyOf(updatedCells);
        notebooksWritten = List.copyOf(notebooksWritten);
        filesWritten = List.copyOf(filesWritten);
        importsMoved = List.copyOf(importsMoved);
    }

    /** The one line a build prints. */
    public String line() {
        if (editedFiles.isEmpty()) {
            return "No generated file was edited by hand; nothing to update (" + millis + " ms).";
        }
        return "Moved the hand edits of " + editedFiles.size() + (editedFiles.size() == 1 ? " file" : " files")
                + " into " + updatedCells.size() + (updatedCells.size() == 1 ? " cell" : " cells") + " of "
                + notebooksWritten.size() + (notebooksWritten.size() == 1 ? " notebook" : " notebooks")
                + " (" + millis + " ms).";
    }
}
