package dev.nbexport.export;

import dev.nbexport.export.ParsedCell.Kind;
import java.util.Objects;

/**
 * What a snippet defines in JShell's namespace, where a later definition replaces an earlier one: a
 * type by its name, a method by its name and erased parameter types (overloads are different snippets),
 * a field by its name.
 *
 * @param kind type, method or field
 * @param name the simple name
 * @param signature how it is told apart and named in messages: {@code Slug}, {@code slugify(String)}, {@code x}
 */
record SnippetKey(Kind kind, String name, String signature) {

    SnippetKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signature, "signature");
    }

    static SnippetKey type(String name) {
        return new SnippetKey(Kind.TYPE, name, name);
    }

    /** @param signature e.g. {@code slugify(String)} */
    static SnippetKey method(String name, String signature) {
        return new SnippetKey(Kind.METHOD, name, signature);
    }

    static SnippetKey field(String name) {
        return new SnippetKey(Kind.FIELD, name, name);
    }

    /** {@code type Slug}, {@code method slugify(String)}, {@code field x}: how messages name it. */
    @Override
    public String toString() {
        return switch (kind) {
            case TYPE -> "type ";
            case METHOD -> "method ";
            case FIELD -> "field ";
            case STATEMENTS -> "statements ";
        } + signature;
    }
}
