package dev.nbexport.report;

import dev.nbexport.report.parameters.EnumLookup;
import java.lang.reflect.Field;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Enums of the project's class path, read without initialising them (no notebook or library code runs in the
 * build): a class is loaded, not initialised, and its constants are its enum-constant fields in declaration order.
 */
final class ClassPathEnums implements EnumLookup, AutoCloseable {

    private final URLClassLoader loader;

    ClassPathEnums(List<Path> classPath) {
        List<URL> urls = new ArrayList<>();
        for (Path p : classPath) {
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a class path entry: " + p, e);
            }
        }
        this.loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    @Override
    public Optional<List<String>> constants(String qualifiedName) {
        try {
            Class<?> c = Class.forName(qualifiedName, false, loader);
            if (!c.isEnum()) {
                return Optional.empty();
            }
            List<String> names = new ArrayList<>();
            for (Field f : c.getDeclaredFields()) {
                if (f.isEnumConstant()) {
                    names.add(f.getName());
                }
            }
            return Optional.of(names);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws java.io.IOException {
        loader.close();
    }
}
