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

    /**
     * Which file: its source root's kind and its path below the root. Export never makes two files with
     * one id.
     *
     * @param relativePath {@code com/acme/text/Slugify.java}, as {@link FileLayout#path} makes it
     */
    public record Id(Kind kind, String relativePath) implements Comparable<Id> {

        public Id {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(relativePath, "relativePath");
        }

        /** The package of the class the file declares: {@code com.acme.text}. */
        public String packageName() {
            int slash = relativePath.lastIndexOf('/');
            return slash < 0 ? "" : relativePath.substring(0, slash).replace('/', '.');
        }

        /** The simple name of the class the file declares: {@code Slugify}. */
        public String className() {
            String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
            return name.endsWith(".java") ? name.substring(0, name.length() - ".java".length()) : name;
        }

        @Override
        public int compareTo(Id o) {
            int c = kind.compareTo(o.kind);
            return c != 0 ? c : relativePath.compareTo(o.relativePath);
        }

        @Override
        public String toString() {
            return kind + " " + relativePath;
        }
    }

    public GeneratedFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(sourceMap, "sourceMap");
    }

    /** Which file this is. */
    public Id id() {
        return new Id(kind, relativePath);
    }

    /** The cells that contributed, in file order. */
    public List<CellRef> sources() {
        return sourceMap.cells();
    }
}
