package dev.nbexport.docs.api;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.nbexport.docs.site.ApiEntry;
import java.util.List;

/**
 * One type or member declared in a generated main file, public or not, as javac's parser read it.
 * Only the public ones become {@link ApiEntry}s; the others are still names that exist, so a
 * backtick name of a private member is plain code and not reported as a broken link.
 *
 * @param kind what it declares
 * @param name the simple name; a constructor's is its type's
 * @param packageName the file's package, {@code ""} for the unnamed package
 * @param typePath the type's own dotted path in its package ({@code Outer.Inner}) for a type, its
 *     owner's for a member
 * @param owner the enclosing type, or {@code null} for a top-level type
 * @param api whether it is public API: public or protected (interface and annotation members
 *     implicitly public, enum constants always), in a type that is API itself
 * @param isStatic whether it is static (nested enums, records and interfaces are)
 * @param parameterTypes a callable's parameter types as simple names without type arguments
 *     ({@code String}, {@code int[]}; varargs as arrays), for choosing an overload; empty otherwise
 * @param components a record's component names, in order; empty otherwise
 * @param path the declaration's tree and where it is in its compilation unit
 * @param file the parsed file it is in
 * @param line the 1-based file line where the declaration starts (its first annotation or modifier)
 */
record ApiDeclaration(ApiEntry.Kind kind, String name, String packageName, String typePath, ApiDeclaration owner,
                      boolean api, boolean isStatic, List<String> parameterTypes, List<String> components,
                      TreePath path, ParsedFile file, int line) {

    ApiDeclaration {
        parameterTypes = List.copyOf(parameterTypes);
        components = List.copyOf(components);
    }

    Tree tree() {
        return path.getLeaf();
    }

    /** {@code com.acme.Slug}, {@code com.acme.Slug.of}, {@code com.acme.Slug.Slug} (a constructor). */
    String qualifiedName() {
        String type = packageName.isEmpty() ? typePath : packageName + "." + typePath;
        return kind.isType() ? type : type + "." + name;
    }

    /** The name within the package: {@code Slug}, {@code Slug.of}, {@code Outer.Inner.x}. */
    String localName() {
        return kind.isType() ? typePath : typePath + "." + name;
    }

    /** The type itself, or a member's owner. */
    ApiDeclaration type() {
        return kind.isType() ? this : owner;
    }

    /**
     * Identity: each declaration is made once, for its own tree, so the record's equality (which
     * compares the tree by identity anyway) would only add the cost of hashing the whole parsed file,
     * its text and source map, on every map lookup.
     */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** {@code slugify(String)} for a callable, the local name otherwise: how links are titled. */
    String display() {
        return kind.isCallable() ? localName() + "(" + String.join(", ", parameterTypes) + ")" : localName();
    }
}
