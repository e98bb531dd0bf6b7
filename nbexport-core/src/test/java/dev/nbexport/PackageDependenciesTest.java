package dev.nbexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure of nbexport-core, read from its compiled main classes (every class a class
 * file names in its constant pool: types, descriptors, generic signatures), so it covers imports,
 * fully qualified names and types that appear only in signatures alike.
 *
 * <p>{@link #MAY_USE} is the rule: each package and the packages it may use, which also documents the
 * layers (see {@code docs/architecture.md}). A new package gets a row here; rows for packages that do
 * not exist yet are allowed, so a branch that adds one merges without touching this test. A package's
 * subpackages ({@code docs.site}) follow its row and may use each other.
 */
class PackageDependenciesTest {

    private static final String ROOT = "(root)";

    /** Package (relative to {@code dev.nbexport}) → the packages its classes may use. */
    private static final Map<String, Set<String>> MAY_USE = new TreeMap<>();

    static {
        // goals: one command per goal, what the Mojos call
        allow("project", "export", "sync", "update", "layout", "workspace", "directive", "notebook", "json", "io",
                "problem", ROOT);
        allow("clean", "workspace", "notebook", "json", "io", "problem", ROOT);
        allow("merge", "notebook", "json", "io", "problem", ROOT);
        allow("git", "io", "problem", ROOT);
        // being built on other branches: the runner, the docs site, the notebook diff
        allow("run", "workspace", "layout", "directive", "notebook", "json", "io", "problem", ROOT);
        // docs reads the API from the same in-memory export check runs (project.ProjectExport)
        allow("docs", "project", "export", "workspace", "layout", "directive", "notebook", "json", "io", "problem", ROOT);
        // the project's Jupyter kernel: the runner's session behind a protocol layer (kernel.wire), the goals as magics
        allow("kernel", "run", "project", "directive", "notebook", "json", "io", "problem", ROOT);
        // nbexport:run: parameters, execution with the runner's workers, the report with the docs' renderer
        allow("report", "run", "docs", "directive", "notebook", "json", "io", "problem", ROOT);
        allow("diff", "merge", "git", "workspace", "directive", "notebook", "json", "io", "problem", ROOT);
        // what the goals are made of
        allow("update", "sync", "layout", "workspace", "directive", "notebook", "io", "problem", ROOT);
        allow("sync", "layout", "io", "problem", ROOT);
        allow("export", "layout", "directive", "notebook", "problem", ROOT);
        // shared below them
        allow("workspace", "directive", "notebook", "io", "problem", ROOT);
        allow("layout", "notebook", "io", "problem", ROOT);
        allow("directive", "notebook", "problem", ROOT);
        allow("notebook", "json", "io", "problem", ROOT);
        allow("json");
        allow("io");
        allow(ROOT, "problem");
        allow("problem");
    }

    private static void allow(String pkg, String... uses) {
        MAY_USE.put(pkg, Set.of(uses));
    }

    private static final Pattern CLASS_NAME = Pattern.compile("dev/nbexport/((?:[a-z][a-z0-9_]*/)*)([A-Z][\\w$]*)");

    /** Main class (binary name, {@code /} separators) → the nbexport classes it names. */
    private static final Map<String, Set<String>> USES = new TreeMap<>();
    /** Main class → the classes of other libraries than the JDK it names. */
    private static final Map<String, Set<String>> LIBRARIES = new TreeMap<>();
    private static final Pattern LIBRARY_CLASS =
            Pattern.compile("(?:^|(?<=[^\\w/])|(?<=L))(?:com|org|io|net)/(?:[a-z]\\w*/)+[A-Z][\\w$]*");

    @BeforeAll
    static void readClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(NbexportException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/').replaceAll("\\.class$", "");
                Set<String> libraries = new TreeSet<>();
                USES.put(name, referencedClasses(file, libraries));
                LIBRARIES.put(name, libraries);
            }
        }
        assertThat(USES).as("main classes found in %s", classes).containsKey("dev/nbexport/NbexportException");
    }

    @Test
    void everyPackageUsesOnlyWhatItsRowAllows() {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> c : USES.entrySet()) {
            String from = packageOf(c.getKey());
            Set<String> allowed = MAY_USE.get(feature(from));
            if (allowed == null) {
                violations.add(from + " (" + c.getKey() + ") has no row in MAY_USE: say which packages it may use");
                continue;
            }
            for (String used : c.getValue()) {
                String to = feature(packageOf(used));
                if (!to.equals(feature(from)) && !allowed.contains(to)) {
                    violations.add(from + " may not use " + packageOf(used) + ": " + c.getKey() + " uses " + used);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /**
     * git starts the merge driver once per conflicting notebook with only nbexport-core and jackson-core
     * on its class path (see {@code SetupGitMojo}): nothing it can reach may use another library.
     */
    @Test
    void theMergeDriverNeedsNoLibraryButJackson() {
        Set<String> reachable = new TreeSet<>();
        List<String> todo = new ArrayList<>(List.of("merge"));
        while (!todo.isEmpty()) {
            String pkg = todo.remove(todo.size() - 1);
            if (reachable.add(pkg)) {
                todo.addAll(MAY_USE.get(pkg));
            }
        }
        List<String> violations = new ArrayList<>();
        LIBRARIES.forEach((cls, libraries) -> {
            if (reachable.contains(feature(packageOf(cls)))) {
                libraries.stream().filter(l -> !l.startsWith("com/fasterxml/jackson/core/"))
                        .forEach(l -> violations.add(cls + " uses " + l));
            }
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void packagesHaveNoCycles() {
        Map<String, Set<String>> graph = new TreeMap<>();
        USES.forEach((cls, used) -> {
            String from = packageOf(cls);
            Set<String> edges = graph.computeIfAbsent(from, k -> new TreeSet<>());
            used.stream().map(PackageDependenciesTest::packageOf).filter(to -> !to.equals(from)).forEach(edges::add);
        });
        List<String> cycles = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1: on the path, 2: done
        for (String start : graph.keySet()) {
            findCycles(start, graph, state, new ArrayList<>(), cycles);
        }
        assertThat(cycles).isEmpty();
    }

    @Test
    void noTwoMainClassesShareASimpleName() {
        Map<String, List<String>> bySimpleName = new TreeMap<>();
        for (String cls : USES.keySet()) {
            if (cls.indexOf('$') < 0 && !cls.endsWith("/package-info")) {
                bySimpleName.computeIfAbsent(cls.substring(cls.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(cls);
            }
        }
        bySimpleName.values().removeIf(classes -> classes.size() == 1);
        assertThat(bySimpleName).isEmpty();
    }

    @Test
    void theRuleItselfHasNoCycles() {
        List<String> cycles = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>();
        for (String start : MAY_USE.keySet()) {
            findCycles(start, MAY_USE, state, new ArrayList<>(), cycles);
        }
        assertThat(cycles).isEmpty();
    }

    private static void findCycles(String node, Map<String, ? extends Set<String>> graph, Map<String, Integer> state,
            List<String> path, List<String> cycles) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return;
        }
        if (s != null) {
            cycles.add(String.join(" -> ", path.subList(path.indexOf(node), path.size())) + " -> " + node);
            return;
        }
        state.put(node, 1);
        path.add(node);
        Set<String> next = graph.get(node);
        for (String n : next == null ? Set.<String>of() : next) {
            findCycles(n, graph, state, path, cycles);
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
    }

    /** {@code docs.site} → {@code docs}: the package whose row a package follows. */
    private static String feature(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    /** {@code dev/nbexport/layout/SourceMap$Block} → {@code layout}; the root package is {@value #ROOT}. */
    private static String packageOf(String binaryName) {
        String pkg = binaryName.substring(0, binaryName.lastIndexOf('/'));
        return pkg.equals("dev/nbexport") ? ROOT : pkg.substring("dev/nbexport/".length()).replace('/', '.');
    }

    /**
     * Every {@code dev/nbexport/...} class the class file's constant pool names (its own package
     * included); the classes of other libraries go to {@code libraries}.
     */
    private static Set<String> referencedClasses(Path classFile, Set<String> libraries) {
        Set<String> names = new TreeSet<>();
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // magic
            data.readUnsignedShort(); // minor
            data.readUnsignedShort(); // major
            int count = data.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> {
                        String text = data.readUTF();
                        Matcher m = CLASS_NAME.matcher(text);
                        while (m.find()) {
                            names.add("dev/nbexport/" + m.group(1) + m.group(2));
                        }
                        Matcher library = LIBRARY_CLASS.matcher(text);
                        while (library.find()) {
                            libraries.add(library.group());
                        }
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
                    case 5, 6 -> {
                        data.skipBytes(8);
                        i++; // takes two entries
                    }
                    case 7, 8, 16, 19, 20 -> data.skipBytes(2);
                    case 15 -> data.skipBytes(3);
                    default -> throw new IllegalStateException(classFile + ": unknown constant pool tag " + tag);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
