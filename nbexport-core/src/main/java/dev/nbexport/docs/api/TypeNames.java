package dev.nbexport.docs.api;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a type name in a generated file refers to, the way javac would find it without attribution:
 * a type parameter in scope, the enclosing types and their nested types, the file's single-type
 * imports, the file's package, its on-demand imports, {@code java.lang}. Names that are none of the
 * project's types and none of the JDK's are {@link Target#UNKNOWN} (a library's type): they are
 * shown, not linked.
 */
final class TypeNames {

    /** What a type name refers to. */
    sealed interface Target {
        Target UNKNOWN = new Unknown();

        /** A type the project's notebooks export. */
        record Project(ApiDeclaration type) implements Target {}

        /** A type of the JDK, with its online Javadoc. */
        record Jdk(String qualifiedName, String url) implements Target {}

        /** A type parameter, a library's type, or nothing. */
        record Unknown() implements Target {}
    }

    private final Map<String, ApiDeclaration> types = new HashMap<>();
    private final Set<String> packages = new HashSet<>();
    private final JdkDocs jdk;

    /** @param declarations every declaration of the project's generated main files */
    TypeNames(List<ApiDeclaration> declarations, JdkDocs jdk) {
        this.jdk = jdk;
        for (ApiDeclaration d : declarations) {
            if (d.kind().isType()) {
                types.putIfAbsent(d.qualifiedName(), d);
                packages.add(d.packageName());
            }
        }
    }

    /** The project's type of qualified name {@code qualifiedName}, public or not. */
    Optional<ApiDeclaration> projectType(String qualifiedName) {
        return Optional.ofNullable(types.get(qualifiedName));
    }

    /** The project's packages that hold a type. */
    Set<String> packages() {
        return packages;
    }

    /**
     * What the (possibly dotted) type name {@code name} means where {@code context} is declared: in
     * its signature, or its Javadoc.
     */
    Target resolve(String name, ApiDeclaration context) {
        if (name.isEmpty()) {
            return Target.UNKNOWN;
        }
        int dot = name.indexOf('.');
        String head = dot < 0 ? name : name.substring(0, dot);
        String rest = dot < 0 ? "" : name.substring(dot);
        if (dot < 0 && typeParameters(context).contains(head)) {
            return Target.UNKNOWN;
        }
        Optional<String> headType = qualify(head, context);
        return target(headType.map(q -> q + rest).orElse(name));
    }

    private Target target(String qualifiedName) {
        ApiDeclaration project = types.get(qualifiedName);
        if (project != null) {
            return new Target.Project(project);
        }
        Optional<String> url = jdk.url(qualifiedName);
        return url.<Target>map(u -> new Target.Jdk(qualifiedName, u)).orElse(Target.UNKNOWN);
    }

    /** The qualified name of the type that the simple name {@code simple} means in {@code context}. */
    private Optional<String> qualify(String simple, ApiDeclaration context) {
        for (ApiDeclaration t = context.type(); t != null; t = t.owner()) {
            if (t.name().equals(simple)) {
                return Optional.of(t.qualifiedName());
            }
            String nested = t.qualifiedName() + "." + simple;
            if (types.containsKey(nested)) {
                return Optional.of(nested);
            }
        }
        ParsedFile file = context.file();
        String imported = file.singleTypeImports().get(simple);
        if (imported != null) {
            return Optional.of(imported);
        }
        String pkg = file.packageName();
        String samePackage = pkg.isEmpty() ? simple : pkg + "." + simple;
        if (types.containsKey(samePackage)) {
            return Optional.of(samePackage);
        }
        for (String onDemand : file.onDemandImports()) {
            String candidate = onDemand + "." + simple;
            if (types.containsKey(candidate) || jdk.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return jdk.exists("java.lang." + simple) ? Optional.of("java.lang." + simple) : Optional.empty();
    }

    /** The type parameters in scope at {@code context}: its own, and its enclosing types' up to a static one. */
    private static Set<String> typeParameters(ApiDeclaration context) {
        Set<String> names = new HashSet<>();
        if (context.tree() instanceof MethodTree method) {
            method.getTypeParameters().forEach(p -> names.add(p.getName().toString()));
        }
        for (ApiDeclaration t = context.type(); t != null; t = t.owner()) {
            for (TypeParameterTree p : ((ClassTree) t.tree()).getTypeParameters()) {
                names.add(p.getName().toString());
            }
            if (t.isStatic()) {
                break;
            }
        }
        return names;
    }

    /** A parameter's type as overloads are told apart by hand: simple name, no type arguments, varargs as {@code []}. */
    static String erasedSimpleName(Tree type) {
        if (type instanceof IdentifierTree id) {
            return id.getName().toString();
        }
        if (type instanceof MemberSelectTree select) {
            return select.getIdentifier().toString();
        }
        if (type instanceof ParameterizedTypeTree parameterized) {
            return erasedSimpleName(parameterized.getType());
        }
        if (type instanceof ArrayTypeTree array) {
            return erasedSimpleName(array.getType()) + "[]";
        }
        if (type instanceof AnnotatedTypeTree annotated) {
            return erasedSimpleName(annotated.getUnderlyingType());
        }
        return String.valueOf(type);
    }

    /**
     * A parameter type as a reader writes it ({@code List<String>}, {@code java.lang.String},
     * {@code int...}, {@code String text}) to the form of {@link #erasedSimpleName(Tree)}.
     */
    static String erasedSimpleName(String written) {
        String type = written.strip();
        int space = type.lastIndexOf(' ');
        if (space > 0 && !type.endsWith("...") && !type.endsWith("]") && !type.substring(space).contains(">")) {
            type = type.substring(0, space).strip(); // a parameter name after the type
        }
        StringBuilder erased = new StringBuilder();
        int depth = 0;
        for (char c : type.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                erased.append(c);
            }
        }
        String result = erased.toString().replace("...", "[]");
        int brackets = result.indexOf('[');
        String base = brackets < 0 ? result : result.substring(0, brackets);
        return base.substring(base.lastIndexOf('.') + 1) + (brackets < 0 ? "" : result.substring(brackets));
    }
}
