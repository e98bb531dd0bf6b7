package dev.nbexport.docs.api;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import dev.nbexport.docs.api.TypeNames.Target;
import dev.nbexport.docs.html.Html;
import dev.nbexport.docs.site.ApiEntry.Kind;
import dev.nbexport.docs.site.LinkResolver.ApiLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names in signatures and Javadoc to links: a type name to its API entry or its JDK page, and a
 * Javadoc reference ({@code Slug#of(String)}, {@code #wrap}, {@code java.util.List}) to what it names,
 * or to the reason it names nothing.
 */
final class TypeLinks {

    /** What a Javadoc reference names. */
    sealed interface Reference {
        /** An API entry of the site. */
        record Entry(ApiLink link) implements Reference {}

        /** A JDK type's online page (a member links its type's page). */
        record External(String url) implements Reference {}

        /** Something the site has no page for: a library's type, code that is not API. */
        record Plain() implements Reference {}

        /** A name of the project's API that does not exist. */
        record Missing(String reason) implements Reference {}
    }

    /** Members every object has (and every enum, record): never reported as missing. */
    private static final Set<String> OBJECT_MEMBERS = Set.of("equals", "hashCode", "toString", "getClass", "notify",
            "notifyAll", "wait", "clone", "finalize");
    private static final Set<String> ENUM_MEMBERS = Set.of("name", "ordinal", "compareTo", "values", "valueOf",
            "getDeclaringClass", "describeConstable");

    private final TypeNames types;
    private final Map<ApiDeclaration, ApiLink> links;
    private final Map<String, List<ApiDeclaration>> members = new HashMap<>();

    /**
     * @param links the link of every declaration that has an entry
     * @param all every declaration, API or not
     */
    TypeLinks(TypeNames types, Map<ApiDeclaration, ApiLink> links, List<ApiDeclaration> all) {
        this.types = types;
        this.links = new IdentityHashMap<>(links);
        for (ApiDeclaration d : all) {
            if (d.owner() != null) {
                members.computeIfAbsent(d.owner().qualifiedName(), k -> new ArrayList<>()).add(d);
            }
        }
    }

    /** The type name {@code name}, written where {@code context} is declared, as HTML: a link when it has a page. */
    String typeLink(String name, ApiDeclaration context, String rootPrefix, String cssClass) {
        Target target = types.resolve(name, context);
        if (target instanceof Target.Project project && links.get(project.type()) != null) {
            return link(links.get(project.type()).href(rootPrefix), links.get(project.type()).title(), cssClass + " api-link", name);
        }
        if (target instanceof Target.Jdk jdk) {
            return link(jdk.url(), jdk.qualifiedName(), cssClass + " nbx-jdk-link", name);
        }
        return "<span class=\"" + cssClass + "\">" + Html.escape(name) + "</span>";
    }

    static String link(String href, String title, String cssClass, String text) {
        return "<a class=\"" + cssClass + "\" href=\"" + Html.escape(href) + "\" title=\"" + Html.escape(title) + "\">"
                + Html.escape(text) + "</a>";
    }

    /** What the Javadoc reference {@code signature} in the Javadoc of {@code context} names. */
    Reference reference(String signature, ApiDeclaration context) {
        String text = signature.strip();
        int hash = text.indexOf('#');
        String typePart = hash < 0 ? text : text.substring(0, hash);
        String memberPart = hash < 0 ? null : text.substring(hash + 1);
        Target type = typePart.isEmpty() ? new Target.Project(context.type()) : types.resolve(typePart, context);
        if (type instanceof Target.Jdk jdk) {
            return new Reference.External(jdk.url());
        }
        if (!(type instanceof Target.Project project)) {
            return inProjectNamespace(typePart, context)
                    ? new Reference.Missing("no type " + typePart + " in the project's API") : new Reference.Plain();
        }
        if (memberPart == null) {
            ApiLink link = links.get(project.type());
            return link == null ? new Reference.Plain() : new Reference.Entry(link);
        }
        int paren = memberPart.indexOf('(');
        String name = paren < 0 ? memberPart : memberPart.substring(0, paren);
        List<String> parameters = null;
        if (paren >= 0 && memberPart.endsWith(")")) {
            parameters = new ArrayList<>();
            String inside = memberPart.substring(paren + 1, memberPart.length() - 1);
            if (!inside.isBlank()) {
                for (String p : inside.split(",")) {
                    parameters.add(TypeNames.erasedSimpleName(p));
                }
            }
        }
        ApiDeclaration member = member(project.type(), name, parameters);
        if (member != null) {
            ApiLink link = links.get(member);
            return link == null ? new Reference.Plain() : new Reference.Entry(link);
        }
        if (project.type().components().contains(name) && links.get(project.type()) != null) {
            return new Reference.Entry(links.get(project.type())); // a record component's accessor
        }
        return fullyKnown(project.type(), 0) && !OBJECT_MEMBERS.contains(name)
                && !(project.type().kind() == Kind.ENUM && ENUM_MEMBERS.contains(name))
                ? new Reference.Missing(project.type().localName() + " has no member " + memberPart)
                : new Reference.Plain();
    }

    /** The member {@code name} of {@code type} or its project supertypes (an overload chosen by {@code parameters} if given). */
    private ApiDeclaration member(ApiDeclaration type, String name, List<String> parameters) {
        ApiDeclaration first = null;
        for (ApiDeclaration m : members.getOrDefault(type.qualifiedName(), List.of())) {
            if (m.name().equals(name) && (m.kind() != Kind.CONSTRUCTOR || name.equals(type.name()))) {
                if (parameters == null || !m.kind().isCallable() || m.parameterTypes().equals(parameters)) {
                    return m;
                }
                first = first == null ? m : first;
            }
        }
        if (first != null) {
            return null; // the member exists, without that overload
        }
        for (ApiDeclaration supertype : supertypes(type)) {
            ApiDeclaration inherited = member(supertype, name, parameters);
            if (inherited != null) {
                return inherited;
            }
        }
        return null;
    }

    private List<ApiDeclaration> supertypes(ApiDeclaration type) {
        List<ApiDeclaration> result = new ArrayList<>();
        for (Tree t : supertypeTrees(type)) {
            if (types.resolve(erased(t), type) instanceof Target.Project p) {
                result.add(p.type());
            }
        }
        return result;
    }

    /** Whether every supertype of {@code type} is the project's or {@code Object}: then a member it lacks is missing. */
    private boolean fullyKnown(ApiDeclaration type, int depth) {
        if (depth > 20) {
            return false;
        }
        for (Tree t : supertypeTrees(type)) {
            Target target = types.resolve(erased(t), type);
            if (!(target instanceof Target.Project p) || !fullyKnown(p.type(), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static List<Tree> supertypeTrees(ApiDeclaration type) {
        ClassTree tree = (ClassTree) type.tree();
        List<Tree> supertypes = new ArrayList<>(tree.getImplementsClause());
        if (tree.getExtendsClause() != null) {
            supertypes.add(tree.getExtendsClause());
        }
        return supertypes;
    }

    private static String erased(Tree type) {
        String written = type.toString();
        int angle = written.indexOf('<');
        return angle < 0 ? written : written.substring(0, angle);
    }

    /** Whether a name that resolves to nothing is clearly meant as the project's: a project type or package before a dot. */
    private boolean inProjectNamespace(String name, ApiDeclaration context) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String prefix = name.substring(0, dot);
        return types.resolve(prefix, context) instanceof Target.Project || types.packages().contains(prefix);
    }
}
