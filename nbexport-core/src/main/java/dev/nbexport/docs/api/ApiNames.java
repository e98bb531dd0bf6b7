package dev.nbexport.docs.api;

import dev.nbexport.docs.site.ApiEntry.Kind;
import dev.nbexport.docs.site.LinkResolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's API by name: what backtick names in markdown and identifiers in code link to.
 *
 * <p>A backtick name is read as a dotted name, {@code #} standing for {@code .}, with an optional
 * parameter list: {@code Slug}, {@code slugify}, {@code Slugify.slugify}, {@code Slug#value},
 * {@code slugPath(List, Style)}, {@code com.acme.text.Slugify}. It links to the entry whose
 * qualified name ends with it, on whole segments; several overloads of one method link to the first
 * unless the parameter types choose one. Anything else in backticks ({@code x + 1},
 * {@code mvn nbexport:docs}) is code, not a name.
 *
 * <p>What is reported (nbdev's users found wrong links worse than none, and JDK names flagged as
 * broken are noise): a name is reported only when it <em>starts</em> with the project's API and then
 * does not resolve: a member that the API type before it lacks ({@code Slugify.slugfy}), a type
 * missing from one of the project's packages ({@code com.acme.text.Slgu}), a parameter list no
 * overload has, or a dotted name that fits several entries; a name ending like a file
 * ({@code Slug.java}, {@code notes.md}) is a file name, not a member. A single name that fits nothing
 * ({@code List}, {@code Pattern}, {@code value}) is plain code, never reported; so is a name of the
 * project's code that is not API (private, {@code exporti}, hidden): it exists, it just has no
 * entry. A single name that fits several entries is not linked.
 *
 * <p>Identifiers in code link only where the code itself says what they are: a capitalised name
 * that is exactly one API type, {@code Type.member} for an API type, and an unqualified call of a
 * static method that only one API type has (a notebook's top-level methods are exported as static
 * members); a local variable that shares a member's name stays plain. Thread-safe once built.
 */
final class ApiNames implements LinkResolver {

    private static final Pattern NAME = Pattern.compile(
            "([A-Za-z_$][\\w$]*(?:[.#][A-Za-z_$][\\w$]*)*)(?:\\(([^()]*)\\))?");
    private static final int MEMBERS_SHOWN = 8;
    /** {@code Slug.java} is a file, not a member {@code java}: the endings of files a project's prose names. */
    private static final Set<String> FILE_EXTENSIONS = Set.of("java", "class", "jar", "ipynb", "md", "html", "xml",
            "json", "txt", "properties", "yml", "yaml", "csv", "css", "js", "kt", "py", "sh", "png", "svg");

    /**
     * What a name can link to.
     *
     * @param declaration the entry's declaration (a record's, for its component)
     * @param link where the entry is
     * @param identity the name that makes two targets the same (overloads share it)
     */
    record Target(ApiDeclaration declaration, ApiLink link, String identity) {}

    private final Map<String, List<Target>> bySuffix = new HashMap<>();
    private final Map<String, Set<String>> memberNames = new HashMap<>();
    private final Set<String> known = new HashSet<>();
    private final Set<String> packages;
    private final Map<String, Resolution> codeAnswers = new ConcurrentHashMap<>();

    /**
     * @param linked every entry's declaration and link, in catalog order
     * @param all every declaration of the generated main files, API or not
     * @param packages the project's packages
     */
    ApiNames(Map<ApiDeclaration, ApiLink> linked, List<ApiDeclaration> all, Set<String> packages) {
        this.packages = Set.copyOf(packages);
        for (ApiDeclaration d : all) {
            suffixes(d.qualifiedName(), known::add);
            d.components().forEach(c -> suffixes(d.qualifiedName() + "." + c, known::add));
        }
        linked.forEach((d, link) -> {
            Target target = new Target(d, link, d.qualifiedName());
            // a constructor is Slug.Slug (Javadoc's Slug#Slug(String)); bare, Slug is the type
            int from = d.kind() == Kind.CONSTRUCTOR ? 2 : 1;
            suffixes(d.qualifiedName(), from, s -> bySuffix.computeIfAbsent(s, k -> new ArrayList<>()).add(target));
            if (!d.kind().isType() && d.kind() != Kind.CONSTRUCTOR) {
                memberNames.computeIfAbsent(d.owner().qualifiedName(), k -> new LinkedHashSet<>()).add(d.name());
            }
        });
        // a record's components link to the record, unless it declares an accessor of that name
        linked.forEach((d, link) -> {
            for (String component : d.components()) {
                String alias = d.qualifiedName() + "." + component;
                if (!bySuffix.containsKey(alias)) {
                    Target target = new Target(d, link, alias);
                    suffixes(alias, s -> bySuffix.computeIfAbsent(s, k -> new ArrayList<>()).add(target));
                    memberNames.computeIfAbsent(d.qualifiedName(), k -> new LinkedHashSet<>()).add(component);
                }
            }
        });
    }

    private static void suffixes(String qualifiedName, Consumer<String> sink) {
        suffixes(qualifiedName, 1, sink);
    }

    /** {@code a.b.C.m} → {@code m}, {@code C.m}, {@code b.C.m}, {@code a.b.C.m}: suffixes of at least {@code min} segments. */
    private static void suffixes(String qualifiedName, int min, Consumer<String> sink) {
        int segments = 1;
        for (int i = qualifiedName.length() - 1; i >= 0; i--) {
            if (qualifiedName.charAt(i) == '.') {
                if (segments >= min) {
                    sink.accept(qualifiedName.substring(i + 1));
                }
                segments++;
            }
        }
        sink.accept(qualifiedName);
    }

    @Override
    public Resolution resolve(String name) {
        String text = name.strip();
        Matcher m = NAME.matcher(text);
        if (!m.matches()) {
            return Resolution.NOT_API;
        }
        String path = m.group(1).replace('#', '.');
        String parameters = m.group(2);
        List<Target> candidates = bySuffix.getOrDefault(path, List.of());
        if (parameters != null) {
            candidates = candidates.stream().filter(t -> t.declaration().kind().isCallable()).toList();
            if (!parameters.isBlank() && !candidates.isEmpty()) {
                List<String> wanted = new ArrayList<>();
                for (String p : parameters.split(",")) {
                    wanted.add(TypeNames.erasedSimpleName(p));
                }
                List<Target> matching = candidates.stream()
                        .filter(t -> t.declaration().parameterTypes().equals(wanted)).toList();
                if (matching.isEmpty()) {
                    Target first = candidates.get(0);
                    return new Resolution.Unresolved("no overload of " + first.declaration().localName() + " takes ("
                            + String.join(", ", wanted) + "): there is " + overloads(candidates));
                }
                candidates = matching;
            }
        }
        Map<String, Target> distinct = distinct(candidates);
        if (distinct.size() == 1) {
            return new Resolution.Linked(distinct.values().iterator().next().link());
        }
        if (distinct.size() > 1) {
            return path.contains(".") ? new Resolution.Unresolved("could be any of "
                    + String.join(", ", distinct.values().stream().map(t -> t.declaration().display()).toList())
                    + ": write the one meant") : Resolution.NOT_API;
        }
        return missing(path);
    }

    /** A name that fits no entry: reported when it starts with the project's API. */
    private Resolution missing(String path) {
        if (!path.contains(".") || known.contains(path)) {
            return Resolution.NOT_API;
        }
        String[] segments = path.split("\\.");
        if (FILE_EXTENSIONS.contains(segments[segments.length - 1])) {
            return Resolution.NOT_API; // a file name: Slug.java
        }
        for (int k = segments.length - 1; k >= 1; k--) {
            String prefix = String.join(".", Arrays.copyOf(segments, k));
            String next = segments[k];
            Map<String, Target> types = distinct(bySuffix.getOrDefault(prefix, List.of()).stream()
                    .filter(t -> t.declaration().kind().isType() && t.identity().equals(t.declaration().qualifiedName()))
                    .toList());
            if (types.size() == 1) {
                ApiDeclaration type = types.values().iterator().next().declaration();
                Set<String> members = memberNames.getOrDefault(type.qualifiedName(), Set.of());
                return new Resolution.Unresolved(type.localName() + " has no public member " + next
                        + (members.isEmpty() ? "" : " (it has " + shown(members) + ")"));
            }
            if (known.contains(prefix)) {
                return Resolution.NOT_API; // inside code that is not API
            }
            if (packages.contains(prefix)) {
                return new Resolution.Unresolved("package " + prefix + " has no public type " + next);
            }
        }
        return Resolution.NOT_API;
    }

    @Override
    public Resolution resolveCode(String qualifier, String identifier, boolean call) {
        if (qualifier == null || identifier.isEmpty()) {
            return Resolution.NOT_API;
        }
        // every page asks about the same few names (a method name common to many types filters a long
        // list each time), and the answer depends on nothing else: it is worked out once per run
        return codeAnswers.computeIfAbsent(qualifier + '\0' + identifier + (call ? "\0(" : ""),
                k -> resolveCodeUncached(qualifier, identifier, call));
    }

    private Resolution resolveCodeUncached(String qualifier, String identifier, boolean call) {
        if (qualifier.isEmpty()) {
            if (Character.isUpperCase(identifier.codePointAt(0))) {
                return only(bySuffix.getOrDefault(identifier, List.of()).stream()
                        .filter(t -> t.declaration().kind().isType() && t.identity().equals(t.declaration().qualifiedName())).toList());
            }
            return call ? only(bySuffix.getOrDefault(identifier, List.of()).stream()
                    .filter(t -> t.declaration().kind() == Kind.METHOD
                            && t.declaration().isStatic()).toList()) : Resolution.NOT_API;
        }
        Map<String, Target> types = distinct(bySuffix.getOrDefault(qualifier, List.of()).stream()
                .filter(t -> t.declaration().kind().isType() && t.identity().equals(t.declaration().qualifiedName())).toList());
        if (types.size() == 1) {
            String owner = types.keySet().iterator().next();
            return only(bySuffix.getOrDefault(owner + "." + identifier, List.of()).stream()
                    .filter(t -> !call || t.declaration().kind().isCallable()).toList());
        }
        if (packages.contains(qualifier)) {
            return only(bySuffix.getOrDefault(qualifier + "." + identifier, List.of()).stream()
                    .filter(t -> t.declaration().kind().isType()).toList());
        }
        return Resolution.NOT_API;
    }

    private static Resolution only(List<Target> candidates) {
        Map<String, Target> distinct = distinct(candidates);
        return distinct.size() == 1 ? new Resolution.Linked(distinct.values().iterator().next().link()) : Resolution.NOT_API;
    }

    /** The first target of each identity, in order. */
    private static Map<String, Target> distinct(List<Target> targets) {
        Map<String, Target> distinct = new LinkedHashMap<>();
        targets.forEach(t -> distinct.putIfAbsent(t.identity(), t));
        return distinct;
    }

    private static String overloads(List<Target> candidates) {
        Set<String> shown = new LinkedHashSet<>();
        candidates.forEach(t -> shown.add(t.declaration().name() + "(" + String.join(", ", t.declaration().parameterTypes()) + ")"));
        return String.join(", ", shown);
    }

    private static String shown(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        return list.size() <= MEMBERS_SHOWN ? String.join(", ", list)
                : String.join(", ", list.subList(0, MEMBERS_SHOWN)) + ", …";
    }
}
