package dev.nbexport.layout;

import dev.nbexport.notebook.CellRef;
import java.util.List;
import java.util.Objects;

/**
 * One generated Java source file, and where its lines came from.
 *
 * @param kind main or test source
 * @param relativePath path below the source root, {@code /} separators, e.g.
 *     {@code com/acme/text/Slugify.java}
 * @param content the whole file: {@link GeneratedHeader header}, package, imports, code;
 *     {@code \n} line endings and a trailing newline
 * @param sourceMap each block of the file and the cell lines it came from, as written by {@link FileLayout}
 */
public record GeneratedFile(Kind kind, String relativePath, String content, SourceMap sourceMap) {

    /** Which source root a file belongs to. */
    public enum Kind {
        MAIN,
        TEST
    }

    public GeneratedFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(sourceMap, "sourceMap");
    }

    /** The cells that contributed, in file order. */
    public List<CellRef> sources() {
        return sourceMap.cells();
    }
}
