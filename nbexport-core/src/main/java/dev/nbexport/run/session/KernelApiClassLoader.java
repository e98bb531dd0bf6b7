package dev.nbexport.run.session;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of notebook code's class loader: the JDK and the kernel's notebook API
 * ({@code org.dflib.jjava.*}), nothing else. In JJava notebook code sees the same (the kernel shades its
 * own libraries), so a project's dependencies never meet nbexport's own (Jackson, ...) on the class path.
 */
final class KernelApiClassLoader extends ClassLoader {

    private static final String API_PACKAGE = "org.dflib.jjava.";
    private static final String API_RESOURCES = "org/dflib/jjava/";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader kernelLoader;

    KernelApiClassLoader(ClassLoader kernelLoader) {
        super("nbexport-kernel-api", ClassLoader.getPlatformClassLoader());
        this.kernelLoader = kernelLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(API_PACKAGE)) {
            return kernelLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return name.startsWith(API_RESOURCES) ? kernelLoader.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith(API_RESOURCES) ? kernelLoader.getResources(name)
                : name.startsWith("META-INF/services/") ? Collections.emptyEnumeration() : super.getResources(name);
    }
}
