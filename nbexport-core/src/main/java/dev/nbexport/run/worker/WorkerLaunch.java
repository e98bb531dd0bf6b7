package dev.nbexport.run.worker;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How to start a worker JVM: the {@code java} to use, its options, and nbexport's own class path (found from
 * where nbexport's classes and the few libraries a worker needs were loaded, so it works the same from a
 * Maven plugin, a test or an IDE).
 *
 * @param java the {@code java} executable
 * @param jvmArgs options for the worker JVM
 * @param config the worker's configuration file ({@link WorkerConfig})
 */
public record WorkerLaunch(Path java, List<String> jvmArgs, Path config) {

    /** Start-up is most of a short notebook's time: C1 only, serial GC, no AWT window. */
    public static final List<String> DEFAULT_JVM_ARGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Djava.awt.headless=true");

    public WorkerLaunch {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** The JDK running this JVM. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath()));
        command.add(WorkerMain.class.getName());
        command.add(config.toAbsolutePath().toString());
        return command;
    }

    /** Where nbexport's worker classes and their libraries are, on this machine. */
    static List<String> classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String marker : List.of("dev.nbexport.run.worker.WorkerMain", "com.fasterxml.jackson.core.JsonFactory",
                "org.dflib.jjava.jupyter.kernel.BaseKernel", "com.google.gson.Gson", "org.zeromq.ZMQ",
                "org.slf4j.LoggerFactory", "org.objectweb.asm.ClassVisitor")) {
            try {
                Class<?> c = Class.forName(marker, false, WorkerLaunch.class.getClassLoader());
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("cannot find " + marker + " to start a notebook worker", e);
            }
        }
        return List.copyOf(entries);
    }
}
