package dev.nbexport.export;

import dev.nbexport.directive.JavaNames;
import dev.nbexport.layout.FileLayout;
import java.util.Optional;

/**
 * A validated export target: a fully qualified class name such as {@code com.acme.text.Slugify}.
 * Every segment is a Java identifier that is not a keyword, so the derived path cannot leave the
 * source root.
 */
public record TargetName(String packageName, String simpleName) implements Comparable<TargetName> {

    /**
     * Parses a target, or says why it is not one.
     *
     * @return the reason the name is invalid, empty when valid
     */
    static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("the target class name is empty");
        }
        if (name.lastIndexOf('.') < 0) {
            return Optional.of("`" + name + "` has no package; exported classes cannot live in the"
                    + " default package");
        }
        String why = JavaNames.rejectQualifiedClassName(name);
        if (why != null) {
            return Optional.of("`" + name + "` is not a fully qualified Java class name (" + why + ")");
        }
        return Optional.empty();
    }

    /** A valid target; use {@link #problem(String)} first for user input. */
    static TargetName parse(String name) {
        problem(name).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        int dot = name.lastIndexOf('.');
        return new TargetName(name.substring(0, dot), name.substring(dot + 1));
    }

    /** {@code com.acme.text.Slugify}. */
    public String qualifiedName() {
        return packageName + "." + simpleName;
    }

    /** A sibling class in the same package. */
    TargetName sibling(String otherSimpleName) {
        return new TargetName(packageName, otherSimpleName);
    }

    /** The class of the tests from the target's test cells: {@code com.acme.text.SlugifyNotebookTest}. */
    TargetName testClass() {
        return sibling(simpleName + "NotebookTest");
    }

    /** {@code com/acme/text/Slugify.java}. */
    public String relativePath() {
        return FileLayout.path(packageName, simpleName);
    }

    @Override
    public int compareTo(TargetName o) {
        // same order as comparing qualified names, without building them
        int c = packageName.compareTo(o.packageName);
        if (c != 0) {
            if (packageName.startsWith(o.packageName) || o.packageName.startsWith(packageName)) {
                return qualifiedName().compareTo(o.qualifiedName());
            }
            return c;
        }
        return simpleName.compareTo(o.simpleName);
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
