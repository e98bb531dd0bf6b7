package dev.nbexport.docs.api;

import java.lang.module.ModuleDescriptor;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDK's own types and where their Javadoc is online: {@code java.util.List} →
 * {@code https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/List.html}. The
 * site is offline, so nothing is fetched; the link is plain, for readers who are online.
 *
 * <p>Covers the packages that the JDK's {@code java.*} modules export (so {@code javax.sql} too),
 * read from the running JDK's module graph, and links the documentation of the running JDK's feature
 * release. A class is only linked once the JDK is known to have it. Thread-safe.
 */
final class JdkDocs {

    private static final String BASE = "https://docs.oracle.com/en/java/javase/";

    private final Map<String, String> moduleOfPackage = new HashMap<>();
    private final String base = BASE + Runtime.version().feature() + "/docs/api/";
    private final Map<String, Optional<String>> urls = new ConcurrentHashMap<>();

    JdkDocs() {
        for (Module module : ModuleLayer.boot().modules()) {
            if (module.getName().startsWith("java.")) {
                for (ModuleDescriptor.Exports exports : module.getDescriptor().exports()) {
                    if (!exports.isQualified()) {
                        moduleOfPackage.put(exports.source(), module.getName());
                    }
                }
            }
        }
    }

    /** Whether {@code qualifiedName} ({@code java.util.Map.Entry}) is a type of the JDK's API. */
    boolean exists(String qualifiedName) {
        return url(qualifiedName).isPresent();
    }

    /** The online Javadoc page of the JDK type {@code qualifiedName}, if it is one. */
    Optional<String> url(String qualifiedName) {
        return urls.computeIfAbsent(qualifiedName, this::find);
    }

    private Optional<String> find(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        // the package is the longest prefix that the JDK exports: java.util in java.util.Map.Entry
        while (dot > 0) {
            String pkg = qualifiedName.substring(0, dot);
            String module = moduleOfPackage.get(pkg);
            if (module != null) {
                String type = qualifiedName.substring(dot + 1);
                return isClass(pkg + "." + type.replace('.', '$'))
                        ? Optional.of(base + module + "/" + pkg.replace('.', '/') + "/" + type + ".html")
                        : Optional.empty();
            }
            dot = pkg.lastIndexOf('.');
        }
        return Optional.empty();
    }

    private static boolean isClass(String binaryName) {
        try {
            Class.forName(binaryName, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
