package dev.nbexport.run.session;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.PathsHandler;

/**
 * The magics JJava 1.0-a6 registers, as nbexport runs them. {@code %classpath} (and the deprecated
 * {@code %jars}) add to the class path as in the kernel; {@code %load} evaluates a file. {@code %maven},
 * {@code %addMavenDependency}, {@code %loadFromPOM} and {@code %%loadFromPOM} download nothing: they check that
 * the project already has each artifact ({@link DependencyCheck}) and fail naming the {@code <dependency>} to
 * add. {@code %mavenRepo} has nothing to do. Any other magic fails as in the kernel ("Undefined line magic").
 */
final class NotebookMagics {

    private NotebookMagics() {}

    static MagicsRegistry registry(NotebookSession session, DependencyCheck check) {
        MagicsRegistry registry = new MagicsRegistry();
        LineMagic<String, BaseKernel> classpath = (kernel, args) -> session.addToClasspath(resolve(args));
        registry.registerLineMagic("classpath", classpath);
        registry.registerLineMagic("jars", (kernel, args) -> {
            System.err.println("'%jars' magic is deprecated and will be removed in the future versions of JJava. "
                    + "A more generic '%classpath' should be used in its place.");
            return classpath.eval(kernel, args);
        });
        LineMagic<List<String>, BaseKernel> maven = (kernel, args) -> checkAll(session, check, mavenArgs(args));
        registry.registerLineMagic("maven", maven);
        registry.registerLineMagic("addMavenDependency", (kernel, args) -> {
            System.err.println("'%addMavenDependency' magic is deprecated and will be removed in the future versions"
                    + " of JJava. '%maven' should be used in its place.");
            return maven.eval(kernel, args);
        });
        registry.registerLineMagic("mavenRepo", (kernel, args) -> {
            MagicsArgs.builder().required("id").required("url").build().parse(args);
            return null; // nothing is downloaded, so a repository changes nothing
        });
        registry.registerLineMagic("loadFromPOM", (kernel, args) -> {
            if (args.isEmpty()) {
                throw new IllegalArgumentException("Loading from POM requires at least the path to the POM file");
            }
            Map<String, List<String>> parsed = MagicsArgs.builder().required("pomPath")
                    .onlyKnownKeywords().onlyKnownFlags().build().parse(args);
            Path pom = Path.of(parsed.get("pomPath").get(0));
            return checkAll(session, check, DependencyCheck.dependenciesOf(Files.readString(pom)));
        });
        CellMagic<List<String>, BaseKernel> pomCell = (kernel, args, body) ->
                checkAll(session, check, DependencyCheck.dependenciesOf(body));
        registry.registerCellMagic("loadFromPOM", pomCell);
        registry.registerLineMagic("load", (kernel, args) -> {
            Map<String, List<String>> parsed = MagicsArgs.builder().required("source").build().parse(args);
            return kernel.evalRaw(Files.readString(loadable(parsed.get("source").get(0))));
        });
        return registry;
    }

    private static String resolve(List<String> args) {
        return args.stream()
                .flatMap(a -> PathsHandler.resolveGlobs(a).stream())
                .map(p -> p.toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static List<DependencyCheck.Wanted> mavenArgs(List<String> args) {
        Map<String, List<String>> parsed = MagicsArgs.builder().varargs("deps").keyword("from")
                .onlyKnownKeywords().onlyKnownFlags().build().parse(args);
        List<DependencyCheck.Wanted> wanted = new ArrayList<>();
        for (String coordinates : parsed.getOrDefault("deps", List.of())) {
            wanted.add(DependencyCheck.Wanted.parse(coordinates).orElseThrow(() -> new IllegalArgumentException(
                    "`" + coordinates + "` is not groupId:artifactId:version")));
        }
        return wanted;
    }

    private static List<String> checkAll(NotebookSession session, DependencyCheck check,
                                         List<DependencyCheck.Wanted> wanted) {
        List<String> found = new ArrayList<>();
        for (DependencyCheck.Wanted w : wanted) {
            var missing = check.check(w);
            if (missing.isPresent()) {
                session.missingDependency(missing.get());
                throw new IllegalStateException(missing.get().message());
            }
            found.add(w.toString());
        }
        return found;
    }

    /** JJava's {@code %load}: the file as named, else with one of the kernel's script extensions. */
    private static Path loadable(String name) throws IOException {
        for (String extension : List.of("", ".jsh", ".jshell", ".java", ".jjava")) {
            Path p = Path.of(name + extension);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException("cannot find a file to load: " + name);
    }
}
