package dev.nbexport.docs.site;

import dev.nbexport.notebook.CellRef;
import dev.nbexport.problem.Problem;
import java.util.List;

/**
 * Where the docs get the API of exported cells from: the entries each cell defines, and the
 * resolver that links names to them. {@code docs.api.ProjectApi} reads them from the exporter's
 * generated files and source map; {@link #NONE} is a site without API.
 */
public interface ApiCatalog {

    /** No API: no entries, no names resolve. */
    ApiCatalog NONE = new ApiCatalog() {
        @Override
        public List<ApiEntry> entries(CellRef cell) {
            return List.of();
        }

        @Override
        public LinkResolver resolver() {
            return LinkResolver.NONE;
        }
    };

    /**
     * The public types and members that a cell defines, in declaration order; empty for cells that
     * export nothing public ({@code exporti}, tests, cells not exported, hidden cells).
     *
     * @param cell the cell, its notebook relative to the project as everywhere else
     */
    List<ApiEntry> entries(CellRef cell);

    /**
     * What the author of {@code cell} should fix in the API it defines: a Javadoc {@code {@link}} to
     * a name of the project's API that does not exist. Empty by default.
     */
    default List<Problem> problems(CellRef cell) {
        return List.of();
    }

    /** Resolves backtick names and identifiers to entries of this catalog. */
    LinkResolver resolver();
}
