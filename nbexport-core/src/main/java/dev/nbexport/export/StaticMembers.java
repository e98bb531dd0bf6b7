package dev.nbexport.export;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an {@code import static a.B.*;} can bring into scope, as far as export can tell without the
 * project's classpath: a JDK class's public static members, JUnit's assertion and assumption
 * methods by their names, and anything at all for a class it does not know.
 */
final class StaticMembers {

    private static final Set<String> JUNIT = Set.of("org.junit.jupiter.api.Assertions", "org.junit.jupiter.api.Assumptions");

    /** JDK class → its public static member names, methods prefixed {@code ()}; null when not a JDK class. */
    private static final Map<String, Set<String>> JDK = new ConcurrentHashMap<>();

    private StaticMembers() {
    }

    /** Whether any of the on-demand static imports of {@code classes} may supply {@code name}. */
    static boolean maySupply(List<String> classes, String name, boolean call) {
        for (String className : classes) {
            if (JUNIT.contains(className)) {
                if (call && (name.startsWith("assert") || name.startsWith("assume") || name.startsWith("fail")
                        || name.startsWith("abort"))) {
                    return true;
                }
                continue;
            }
            Set<String> members = className.startsWith("java.") || className.startsWith("javax.")
                    ? JDK.computeIfAbsent(className, StaticMembers::jdkMembers) : null;
            if (members == null || members.contains(call ? "()" + name : name)) {
                return true;
            }
        }
        return false;
    }

    /** The class's public static members, or an empty set... unless it cannot be loaded: then null (unknown). */
    private static Set<String> jdkMembers(String className) {
        try {
            Class<?> type = Class.forName(className, false, ClassLoader.getPlatformClassLoader());
            Set<String> names = new HashSet<>();
            for (Method m : type.getMethods()) {
                if (Modifier.isStatic(m.getModifiers())) {
                    names.add("()" + m.getName());
                }
            }
            for (Field f : type.getFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    names.add(f.getName());
                }
            }
            for (Class<?> nested : type.getClasses()) {
                names.add(nested.getSimpleName());
            }
            return names;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
