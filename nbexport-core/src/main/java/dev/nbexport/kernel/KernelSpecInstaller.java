package dev.nbexport.kernel;

import dev.nbexport.NbexportException;
import dev.nbexport.io.AtomicFiles;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code nbexport:kernel}: writes a project's kernelspec, the folder Jupyter finds kernels by:
 *
 * <pre>
 * kernels/textkit/
 *   kernel.json           argv (java, nbexport's class path, {@link KernelMain}), display name, language, interrupt mode
 *   nbexport-kernel.json  {@link KernelProject}: the project's class path and what the %nbexport magics need
 *   lib/                  nbexport's own jars, copied: the kernel runs after mvn clean, and on the nbexport it was
 *                         installed with even when the local repository changes
 * </pre>
 *
 * <p>Running it again rewrites only the files whose bytes change and removes only its own files that are no longer
 * wanted; a folder of that name that nbexport did not write is never touched.
 */
public final class KernelSpecInstaller {

    /** Jupyter's rule for kernel names. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]+");

    private KernelSpecInstaller() {}

    public static KernelInstallResult run(KernelInstallRequest request) {
        String name = request.project().name();
        if (!NAME.matcher(name).matches()) {
            throw new NbexportException("`" + name + "` is not a kernel name Jupyter accepts",
                    "Use lowercase letters, digits, '.', '_' and '-' (-Dnbexport.kernel.name=...).");
        }
        Path dir = request.kernelDir();
        if (Files.exists(dir) && !Files.isRegularFile(dir.resolve(KernelProject.FILE_NAME))) {
            throw new NbexportException(dir + " holds a kernel that nbexport did not install",
                    "Choose another name with -Dnbexport.kernel.name=..., or remove that kernel (jupyter kernelspec remove "
                            + name + ").");
        }
        try {
            return request.uninstall() ? uninstall(name, dir) : install(request, name, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kernel in " + dir, e);
        }
    }

    private static KernelInstallResult uninstall(String name, Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return new KernelInstallResult(name, dir, KernelInstallResult.Action.ABSENT, List.of());
        }
        List<String> removed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!Files.isDirectory(p)) {
                    removed.add(relative(dir, p));
                }
                Files.delete(p);
            }
        }
        return new KernelInstallResult(name, dir, KernelInstallResult.Action.REMOVED, sorted(removed));
    }

    private static KernelInstallResult install(KernelInstallRequest request, String name, Path dir) throws IOException {
        boolean existed = Files.exists(dir);
        AtomicFiles.removeLeftovers(dir);
        Map<String, Path> libraries = libraryNames(request.libraries());
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Path> lib : libraries.entrySet()) {
            copyIfChanged(lib.getValue(), dir.resolve(lib.getKey()), dir, changed);
        }
        Path libDir = dir.resolve("lib");
        if (Files.isDirectory(libDir)) {
            try (Stream<Path> files = Files.walk(libDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    String rel = relative(dir, p);
                    boolean wanted = libraries.keySet().stream().anyMatch(k -> rel.equals(k) || rel.startsWith(k + "/") || k.startsWith(rel + "/"))
                            || p.equals(libDir);
                    if (!wanted) {
                        if (!Files.isDirectory(p)) {
                            changed.add(rel);
                        }
                        Files.delete(p);
                    }
                }
            }
        }
        if (AtomicFiles.writeIfChanged(dir.resolve("kernel.json"), kernelJson(request, libraries.keySet()))) {
            changed.add("kernel.json");
        }
        if (AtomicFiles.writeIfChanged(dir.resolve(KernelProject.FILE_NAME), request.project().json())) {
            changed.add(KernelProject.FILE_NAME);
        }
        KernelInstallResult.Action action = !existed ? KernelInstallResult.Action.INSTALLED
                : changed.isEmpty() ? KernelInstallResult.Action.UNCHANGED : KernelInstallResult.Action.UPDATED;
        return new KernelInstallResult(name, dir, action, sorted(changed));
    }

    /**
     * The kernelspec: Jupyter substitutes {@code {resource_dir}} (this folder) and {@code {connection_file}}. The
     * language and the kernel's {@code language_info} are JJava's, so notebooks saved with this kernel read as JJava
     * notebooks everywhere; {@code metadata.nbexport} says which kernel semantics the kernel follows.
     */
    static byte[] kernelJson(KernelInstallRequest request, Iterable<String> libraries) {
        List<Json> argv = new ArrayList<>();
        argv.add(Json.string(request.java().toString()));
        request.jvmArgs().forEach(a -> argv.add(Json.string(a)));
        argv.add(Json.string("-cp"));
        List<String> cp = new ArrayList<>();
        libraries.forEach(l -> cp.add("{resource_dir}/" + l));
        argv.add(Json.string(String.join(File.pathSeparator, cp)));
        argv.add(Json.string(KernelMain.class.getName()));
        argv.add(Json.string("{connection_file}"));
        argv.add(Json.string("{resource_dir}/" + KernelProject.FILE_NAME));
        JsonObject spec = JsonObject.EMPTY
                .with("argv", new JsonArray(argv))
                .with("display_name", Json.string(request.displayName()))
                .with("language", Json.string("java"))
                .with("interrupt_mode", Json.string("message"))
                .with("env", JsonObject.EMPTY)
                .with("metadata", JsonObject.EMPTY.with("nbexport", JsonObject.EMPTY
                        .with("kernel", Json.string("jjava"))
                        .with("project", Json.string(request.project().export().projectDir().toString()))));
        return (JsonWriter.write(spec) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code lib/<file name>} for each library, in class path order; a folder of classes keeps its module's name. */
    private static Map<String, Path> libraryNames(List<Path> libraries) {
        Map<String, Path> names = new LinkedHashMap<>();
        for (Path lib : libraries) {
            String base = Files.isDirectory(lib) && lib.getParent() != null && lib.getParent().getParent() != null
                    ? lib.getParent().getParent().getFileName() + "-" + lib.getFileName() : lib.getFileName().toString();
            String key = "lib/" + base;
            for (int n = 2; names.containsKey(key); n++) {
                key = "lib/" + n + "-" + base;
            }
            names.put(key, lib);
        }
        return names;
    }

    private static void copyIfChanged(Path source, Path target, Path dir, List<String> changed) throws IOException {
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    copyIfChanged(p, target.resolve(source.relativize(p).toString()), dir, changed);
                }
            }
            return;
        }
        if (Files.isRegularFile(target) && Files.size(target) == Files.size(source) && Files.mismatch(source, target) < 0) {
            return;
        }
        AtomicFiles.write(target, Files.readAllBytes(source));
        changed.add(relative(dir, target));
    }

    private static String relative(Path dir, Path p) {
        return dir.relativize(p).toString().replace(File.separatorChar, '/');
    }

    private static List<String> sorted(List<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }
}
