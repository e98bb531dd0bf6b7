package dev.nbexport.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names a notebook can use without importing them: what JShell's default start-up script and
 * the kernels' own start-up imports bring in, read from the running JDK's class list (not a
 * hand-written list).
 *
 * <p>JShell's {@code DEFAULT} start-up imports all of {@link #PACKAGES} but {@code java.time}, which
 * JJava's start-up adds. The IJava and JJava kernels also import their runtime's functions
 * ({@code display}, {@code render}, …) statically; those have no meaning outside the kernel and are
 * reported when exported code calls them (see {@link KernelNames#KERNEL_FUNCTIONS}).
 */
final class DefaultImports {

    /** Packages imported on demand in the kernels' sessions (JShell's DEFAULT start-up script, and JJava's). */
    static final List<String> PACKAGES = List.of(
            "java.io", "java.math", "java.net", "java.nio.file", "java.time", "java.util",
            "java.util.concurrent", "java.util.function", "java.util.prefs", "java.util.regex",
            "java.util.stream");

    private static final Object AMBIGUOUS = new Object();

    /** Candidate simple name → package, or {@link #AMBIGUOUS}. Public-ness is checked on use. */
    private final Map<String, Object> packageByName;
    private final Set<String> javaLang;
    private final Map<String, Optional<String>> resolved = new ConcurrentHashMap<>();
    private final FileSystem jrt;

    private DefaultImports(FileSystem jrt) {
        this.jrt = jrt;
        Map<String, Object> byName = new HashMap<>();
        for (String pkg : PACKAGES) {
            for (String name : classNames(pkg)) {
                byName.merge(name, pkg, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
            }
        }
        this.packageByName = byName;
        this.javaLang = new HashSet<>(classNames("java.lang"));
    }

    private static final class Holder {
        static final DefaultImports JDK = new DefaultImports(FileSystems.getFileSystem(URI.create("jrt:/")));
    }

    /** The default imports of the running JDK, scanned once. */
    static DefaultImports jdk() {
        return Holder.JDK;
    }

    /**
     * The fully qualified name a simple name has through JShell's default imports: empty when the
     * name is not one of them, is in {@code java.lang} (which wins), is ambiguous, or is not public.
     */
    Optional<String> qualify(String simpleName) {
        Optional<String> cached = resolved.get(simpleName);
        if (cached != null) {
            return cached;
        }
        Optional<String> result = Optional.empty();
        Object pkg = packageByName.get(simpleName);
        if (pkg instanceof String p && !javaLang.contains(simpleName) && isPublic(p, simpleName)) {
            result = Optional.of(p + "." + simpleName);
        }
        resolved.put(simpleName, result);
        return result;
    }

    /** Whether {@code java.lang} has a type of this simple name. */
    boolean isJavaLang(String simpleName) {
        return javaLang.contains(simpleName);
    }

    private List<String> classNames(String pkg) {
        Path modules = jrt.getPath("/packages", pkg);
        if (!Files.isDirectory(modules)) {
            return List.of();
        }
        List<String> names = new java.util.ArrayList<>();
        try (DirectoryStream<Path> links = Files.newDirectoryStream(modules)) {
            for (Path link : links) {
                Path dir = jrt.getPath("/modules", link.getFileName().toString(), pkg.replace('.', '/'));
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.class")) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        name = name.substring(0, name.length() - ".class".length());
                        if (name.indexOf('$') < 0 && !name.equals("package-info") && !name.equals("module-info")) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list JDK package " + pkg, e);
        }
        return names;
    }

    /** Reads the access flags of a JDK class file, without loading the class. */
    private boolean isPublic(String pkg, String simpleName) {
        Path modules = jrt.getPath("/packages", pkg);
        try (DirectoryStream<Path> links = Files.newDirectoryStream(modules)) {
            for (Path link : links) {
                Path file = jrt.getPath("/modules", link.getFileName().toString(),
                        pkg.replace('.', '/'), simpleName + ".class");
                if (Files.exists(file)) {
                    return (ClassFiles.accessFlags(Files.readAllBytes(file)) & 0x0001) != 0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JDK class " + pkg + "." + simpleName, e);
        }
        return false;
    }

    /** Just enough of the class file format to find a class's access flags. */
    static final class ClassFiles {
        private ClassFiles() {
        }

        static int accessFlags(byte[] b) {
            int pos = 8; // magic, minor, major
            int count = u2(b, pos);
            pos += 2;
            for (int i = 1; i < count; i++) {
                int tag = b[pos] & 0xff;
                pos += 1;
                switch (tag) {
                    case 1 -> pos += 2 + u2(b, pos); // Utf8
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> pos += 4;
                    case 5, 6 -> {
                        pos += 8;
                        i++; // takes two slots
                    }
                    case 7, 8, 16, 19, 20 -> pos += 2;
                    case 15 -> pos += 3;
                    default -> throw new IllegalStateException("unknown constant pool tag " + tag);
                }
            }
            return u2(b, pos);
        }

        private static int u2(byte[] b, int pos) {
            return ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
        }
    }
}
