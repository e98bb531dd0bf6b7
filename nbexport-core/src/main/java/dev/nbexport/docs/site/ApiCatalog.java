package dev.nbexport.docs.site;

import java.util.List;

/**
 * Where the docs get the API of exported cells from: the entries each cell defines, and the
 * resolver that links names to them.
 *
 * <p>Phase 2 provides the implementation that reads the exporter's generated files and source map;
 * until then {@link #NONE} is used and pages have no API sections.
 */
public interface ApiCatalog {

    /** No API: no entries, no names resolve. */
    ApiCatalog NONE = new ApiCatalog() {
        @Override
        public List<ApiEntry> entries(String notebook, String cellId, int cellNumber) {
            return List.of();
        }

        @Override
        public LinkResolver resolver() {
            return LinkResolver.NONE;
        }
    };

    /**
     * The public types and members that a cell defines, in declaration order; empty for cells that
     * export nothing public ({@code exporti}, tests, cells not exported).
     *
     * @param notebook the notebook, relative to the notebooks folder with {@code /} separators
     * @param cellId the cell's id, or {@code null} when the notebook predates ids
     * @param cellNumber the cell's 1-based number
     */
    List<ApiEntry> entries(String notebook, String cellId, int cellNumber);

    /** Resolves backtick names and identifiers to entries of this catalog. */
    LinkResolver resolver();
}
