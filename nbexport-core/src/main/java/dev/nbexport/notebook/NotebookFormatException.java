package dev.nbexport.notebook;

import dev.nbexport.NbexportException;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;

/**
 * A file that is not a notebook nbexport can read: broken JSON, an nbformat version before 4, a field
 * of the wrong type. The message names the file and where in it (line:column, or the JSON path and
 * cell); nothing has been written when this is thrown.
 */
public final class NotebookFormatException extends NbexportException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String where;

    NotebookFormatException(String file, String where, String problem, String hint) {
        super(Problem.error(Location.file(file), (where.isEmpty() ? "" : where + ": ") + problem, hint));
        this.file = file;
        this.where = where;
    }

    /** The notebook, as named to the user. */
    public String file() {
        return file;
    }

    /** Where in the file: {@code line 12:5}, or {@code cell 3 (id ab12), field source}. */
    public String where() {
        return where;
    }
}
