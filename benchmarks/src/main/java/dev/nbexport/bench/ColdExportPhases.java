package dev.nbexport.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.export.ExportResult;
import dev.nbexport.export.Exporter;
import dev.nbexport.export.NotebookSource;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.project.ProjectExport;
import dev.nbexport.sync.FileChange;
import dev.nbexport.sync.SourceSync;
import dev.nbexport.workspace.NotebookFinder;
import dev.nbexport.workspace.ProjectNotebooks;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a cold export's time goes: runs the export of a project once in a fresh JVM, phase by phase
 * (the same calls {@code ProjectExport.plan} and {@code ExportCommand} make), and prints for each
 * phase its wall time, the CPU time of the whole process (JIT compiler and GC threads included), the
 * JIT's own compile time, GC time and the classes loaded. Run it in a fresh JVM each time: the point
 * is the cold start a Maven build pays.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.nbexport.bench.ColdExportPhases PROJECT [NOTEBOOKS_DIR] [--write] [--repeat N]
 * </pre>
 *
 * {@code --write} also writes the files into {@code PROJECT/src/main/java} and {@code src/test/java}
 * (which should not exist yet); {@code --repeat N} runs the whole export N times in the same JVM, to
 * show the warm cost next to the cold one.
 */
public final class ColdExportPhases {

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

    private ColdExportPhases() {
    }

    public static void main(String[] args) {
        Path project = Path.of(args[0]).toAbsolutePath().normalize();
        Path notebooksDir = project.resolve("notebooks");
        boolean write = false;
        int repeat = 1;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--write" -> write = true;
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                default -> notebooksDir = Path.of(args[i]).toAbsolutePath().normalize();
            }
        }
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s %7s %8s%n", "phase", "wall ms", "cpu ms", "jit ms", "gc ms", "classes");
        for (int run = 1; run <= repeat; run++) {
            if (repeat > 1) {
                System.out.println("run " + run);
            }
            once(project, notebooksDir, write && run == 1);
        }
    }

    private static void once(Path project, Path notebooksDir, boolean write) {
        Phase total = new Phase("total");
        List<Path> found = measure("find notebooks", () -> new NotebookFinder(List.of(), List.of()).find(notebooksDir));
        ProjectNotebooks reader = new ProjectNotebooks(project, DirectiveParser.standard());
        List<ProjectNotebooks.NotebookFile> files = measure("read bytes + SHA-256", () -> reader.read(found));
        ProjectNotebooks.Loaded loaded = measure("JSON + directives", () -> reader.parse(files));
        List<NotebookSource> sources = measure("classify cells", () -> ProjectExport.sources(loaded));
        Exporter exporter = measure("javac set-up (new Exporter)", Exporter::new);
        ExportResult result = measure("export (parse, plan, emit)", () -> exporter.export(sources));
        Map<GeneratedFile.Kind, Path> roots = new EnumMap<>(GeneratedFile.Kind.class);
        roots.put(GeneratedFile.Kind.MAIN, project.resolve("src/main/java"));
        roots.put(GeneratedFile.Kind.TEST, project.resolve("src/test/java"));
        SourceSync sync = new SourceSync(project, reader.path(notebooksDir));
        List<FileChange> changes = measure("compare with the roots", () -> sync.plan(result.files(), roots, null, List.of()));
        if (write) {
            measure("write " + changes.size() + " files", () -> {
                sync.apply(changes, false);
                return null;
            });
        }
        total.print();
    }

    private static <T> T measure(String name, Supplier<T> work) {
        Phase phase = new Phase(name);
        T result = work.get();
        phase.print();
        return result;
    }

    /** Counters at the start of a phase. */
    private static final class Phase {
        final String name;
        final long wall = System.nanoTime();
        final long cpu = OS.getProcessCpuTime();
        final long jit = JIT.getTotalCompilationTime();
        final long gc = gcMillis();
        final long classes = CLASSES.getTotalLoadedClassCount();

        Phase(String name) {
            this.name = name;
        }

        void print() {
            System.out.printf(Locale.ROOT, "%-28s %8d %8d %8d %7d %8d%n", name, (System.nanoTime() - wall) / 1_000_000,
                    (OS.getProcessCpuTime() - cpu) / 1_000_000, JIT.getTotalCompilationTime() - jit, gcMillis() - gc,
                    CLASSES.getTotalLoadedClassCount() - classes);
        }

        private static long gcMillis() {
            long sum = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                sum += Math.max(0, gc.getCollectionTime());
            }
            return sum;
        }
    }
}
