package dev.nbexport.layout;

import dev.nbexport.notebook.CellRef;
import java.util.List;
import java.util.Objects;

/**
 * One generated Java source file.
 *
 * @param kind main or test source
 * @param relativePath path below the source root, {@code /} separators, e.g.
 *     {@code com/acme/text/Slugify.java}
 * @param content the whole file: {@link GeneratedHeader header}, package, imports, code;
 *     {@code \n} line endings and a trailing newline
 * @param sources the cells that contributed, in file order
 */
public record GeneratedFile(Kind kind, String relativePath, String content, List<CellRef> sources) {

    /** Which source root a file belongs to. */
    public enum Kind {
        MAIN,
        TEST
    }

    public GeneratedFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(content, "content");
        sources = List.copyOf(sources);
    }
}
