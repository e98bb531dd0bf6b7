package dev.nbexport.workspace;

import dev.nbexport.directive.CellDirectives;
import dev.nbexport.notebook.Notebook;
import java.nio.file.Path;
import java.util.List;

/**
 * A notebook of the project, read once with the directives of each of its cells: what every goal
 * (export, check, update, docs, test) starts from.
 *
 * @param file where it is
 * @param path its path relative to the project, {@code /} separators, as shown to the user and
 *     written in cell markers
 * @param sha256 the SHA-256 of the file's bytes
 * @param notebook the notebook
 * @param directives the directives of each cell, by cell index (markdown and raw cells have none)
 */
public record ProjectNotebook(Path file, String path, String sha256, Notebook notebook, List<CellDirectives> directives) {

    public ProjectNotebook {
        directives = List.copyOf(directives);
    }
}
