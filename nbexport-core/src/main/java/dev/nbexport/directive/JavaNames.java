package dev.nbexport.directive;

import java.util.Set;

/** Checks that names given in directives and export targets are names javac accepts. */
public final class JavaNames {

    /** Keywords and literals (JLS 3.9, 3.10.3, 3.10.8), including {@code _} since Java 9. */
    private static final Set<String> RESERVED = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
            "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public",
            "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "_",
            "true", "false", "null");

    /** Contextual keywords that cannot name a type (JLS 3.9 TypeIdentifier). */
    private static final Set<String> NOT_TYPE_NAMES = Set.of("var", "yield", "record", "sealed", "permits");

    private JavaNames() {
    }

    /** Why {@code name} is not a Java identifier, or {@code null} when it is. */
    public static String rejectIdentifier(String name) {
        if (name.isEmpty()) {
            return "it is empty";
        }
        int first = name.codePointAt(0);
        if (!Character.isJavaIdentifierStart(first)) {
            return "it cannot start with `" + new String(Character.toChars(first)) + "`";
        }
        for (int i = Character.charCount(first); i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!Character.isJavaIdentifierPart(cp)) {
                return "`" + new String(Character.toChars(cp)) + "` cannot be part of a name";
            }
            i += Character.charCount(cp);
        }
        if (RESERVED.contains(name)) {
            return "`" + name + "` is a Java keyword";
        }
        return null;
    }

    /**
     * Why {@code name} is not a package-qualified class name ({@code com.acme.Slugify}), or
     * {@code null} when it is.
     */
    public static String rejectQualifiedClassName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return "it needs a package, e.g. `com.acme." + name + "`";
        }
        int start = 0;
        while (true) {
            int end = name.indexOf('.', start);
            String part = end < 0 ? name.substring(start) : name.substring(start, end);
            if (part.isEmpty()) {
                return "it has an empty part between dots";
            }
            String why = rejectIdentifier(part);
            if (why != null) {
                return why;
            }
            if (end < 0) {
                if (NOT_TYPE_NAMES.contains(part)) {
                    return "`" + part + "` cannot name a class";
                }
                return null;
            }
            start = end + 1;
        }
    }
}
