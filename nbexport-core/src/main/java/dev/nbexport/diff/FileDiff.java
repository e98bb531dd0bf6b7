package dev.nbexport.diff;

import java.util.List;

/**
 * The differences of one notebook between the two versions compared.
 *
 * @param name the notebook as shown to the user, e.g. {@code notebooks/01_core.ipynb}
 * @param summary one line: {@code 1 cell changed, 1 added}, {@code added (4 cells)}, ...
 * @param lines the diff to read: {@code ---} and {@code +++} lines naming the versions, then
 *     {@link DiffText}'s lines
 */
public record FileDiff(String name, String summary, List<String> lines) {

    public FileDiff {
        lines = List.copyOf(lines);
    }
}
