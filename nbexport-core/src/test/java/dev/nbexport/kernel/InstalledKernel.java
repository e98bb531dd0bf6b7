package dev.nbexport.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.nbexport.project.ExportRequest;
import dev.nbexport.run.session.ProjectArtifact;
import dev.nbexport.run.worker.WorkerConfig;
import dev.nbexport.run.worker.WorkerLaunch;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A project's kernel installed for a test, as {@code nbexport:kernel} installs it (through {@link KernelSpecInstaller}),
 * into a {@code JUPYTER_PATH} folder of the test's own: the project's sources compiled into its class path,
 * nbexport's own class path copied into the kernelspec.
 */
final class InstalledKernel {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    final String name;
    final Path project;
    final Path jupyterPath;

    private InstalledKernel(String name, Path project, Path jupyterPath) {
        this.name = name;
        this.project = project;
        this.jupyterPath = jupyterPath;
    }

    /**
     * Skips the test without Debian's Jupyter packages ({@code modules}, e.g. {@code jupyter_client}); on CI
     * ({@code CI=true}) their absence fails it, because {@code .ci/run} installs them.
     */
    static void assumeJupyter(String... modules) throws IOException, InterruptedException {
        boolean available = Files.isExecutable(PYTHON) && python("import " + String.join(", ", modules));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(available).as("CI has Debian's %s", String.join(", ", modules)).isTrue();
        }
        assumeThat(available).as("Debian's python3 with %s", String.join(", ", modules)).isTrue();
    }

    private static boolean python(String code) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", code).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /**
     * Installs the kernel {@code name} for {@code project}: its {@code sources} compiled to {@code target/classes},
     * which with {@code extraClassPath} (and the artifacts those jars are) is what notebook code sees.
     */
    static InstalledKernel install(String name, Path project, List<Path> sources, List<Path> extraClassPath,
                                   List<ProjectArtifact> artifacts, Path jupyterPath) throws IOException {
        Path classes = Files.createDirectories(project.resolve("target/classes"));
        List<String> files = new ArrayList<>();
        for (Path root : sources) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(f -> f.toString().endsWith(".java")).forEach(f -> files.add(f.toString()));
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        args.addAll(files);
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("compiled %s", sources).isZero();
        List<Path> classPath = new ArrayList<>();
        classPath.add(classes);
        classPath.addAll(extraClassPath);
        ExportRequest export = new ExportRequest(project, project.resolve("notebooks"), List.of(), List.of(),
                project.resolve("src/main/java"), project.resolve("src/test/java"), false,
                project.resolve("target/nbexport/export.index"), "test");
        KernelProject recorded = KernelProject.of(name, "test", export, project.resolve("target"), project.resolve("pom.xml"),
                new WorkerConfig(classPath, artifacts), "marked");
        Path kernels = KernelLocation.kernelsDir(Optional.of(jupyterPath), Optional.empty(), Map.of(), "Linux", project);
        KernelInstallResult result = KernelSpecInstaller.run(new KernelInstallRequest(kernels, "Java (" + name + ")",
                WorkerLaunch.currentJava(), List.of(), nbexportClassPath(), recorded, false));
        assertThat(result.action()).isEqualTo(KernelInstallResult.Action.INSTALLED);
        return new InstalledKernel(name, project, jupyterPath);
    }

    /** nbexport-core and its libraries: this test JVM's class path without the test classes and test libraries. */
    static List<Path> nbexportClassPath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String e = entry.replace('\\', '/');
            if (e.contains("/test-classes") || e.matches(".*/(junit|opentest4j|apiguardian|assertj|quicktheories|selenium|"
                    + "byte-buddy|surefire|netty|opentelemetry|failsafe|auto-service|commons-exec|jspecify|guava).*")) {
                continue;
            }
            entries.add(Path.of(entry));
        }
        return entries;
    }

    /** The jar of {@code type}'s classes on this JVM's class path. */
    static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A process of Debian's Jupyter that finds this kernel: {@code JUPYTER_PATH}, and runtime, config and data folders
     * of the test's, so the user's own Jupyter set-up is neither used nor touched.
     */
    ProcessBuilder process(Path logFile, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", Files.createDirectories(jupyterPath.resolve("runtime")).toString());
        pb.environment().put("JUPYTER_CONFIG_DIR", Files.createDirectories(jupyterPath.resolve("config")).toString());
        pb.environment().put("JUPYTER_DATA_DIR", Files.createDirectories(jupyterPath.resolve("data")).toString());
        pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        return pb;
    }
}
