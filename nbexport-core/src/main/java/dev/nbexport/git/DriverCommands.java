package dev.nbexport.git;

import dev.nbexport.NbexportException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command lines git runs for nbexport's drivers, and the class data archive that makes the diff
 * driver start faster.
 *
 * <p>git starts the diff driver ({@code textconv}) once per notebook and side of every
 * {@code git diff}, {@code git log -p} and {@code git show}, so its JVM is set up for start-up
 * (measured in {@code docs/benchmarks.md}): C1 only, the serial collector, no perf data file, and an
 * application class data archive (AppCDS) of the classes one call loads, Jackson's included, already
 * parsed and verified. The archive is made with the {@code java} and the class path the command uses;
 * when it no longer fits them (another JDK, other jars) the JVM silently runs without it, which is why
 * the command turns off the JVM's own logging: git would show its warnings as part of the notebook.
 *
 * @param java the {@code java} command, e.g. {@code java} (found on the PATH, as git will)
 * @param classpath the drivers' class path: nbexport-core and jackson-core
 */
public record DriverCommands(String java, List<String> classpath) {

    /** The diff driver's JVM options, besides the archive. */
    public static final String DIFF_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData";

    static final String MERGE_MAIN = "dev.nbexport.merge.MergeDriverMain";
    static final String DIFF_MAIN = "dev.nbexport.diff.DiffDriverMain";
    private static final String TRAINING_NOTEBOOK = "diff-driver-training.ipynb";
    private static final long TIMEOUT_SECONDS = 60;

    public DriverCommands {
        classpath = List.copyOf(classpath);
    }

    /** The merge driver, with git's {@code %O %A %B %L %P}. */
    public String mergeDriver() {
        return quote(java) + " -cp " + quote(String.join(File.pathSeparator, classpath)) + " " + MERGE_MAIN
                + " merge-driver %O %A %B %L %P";
    }

    /** The diff driver; git appends the file. {@code archive} is the class data archive, or {@code null} for none. */
    public String textconv(Path archive) {
        return quote(java) + " " + String.join(" ", jvmOptions(archive)) + " -cp "
                + quote(String.join(File.pathSeparator, classpath)) + " " + DIFF_MAIN + " textconv";
    }

    private static List<String> jvmOptions(Path archive) {
        List<String> options = new ArrayList<>(List.of(DIFF_JVM_OPTIONS.split(" ")));
        if (archive != null) {
            options.add(quote("-XX:SharedArchiveFile=" + archive));
            options.add("-Xlog:disable");
        }
        return options;
    }

    /**
     * Makes sure {@code archive} holds a class data archive the diff driver can use, creating it by
     * running the driver once on a small notebook with every kind of cell and output. An archive that
     * already works is kept as it is.
     *
     * @return {@code null} when the archive is ready, else why there is none (the driver works without it)
     * @throws NbexportException when {@code java} cannot be run at all
     */
    public String prepareArchive(Path archive) {
        try {
            Path training = Files.createTempFile("nbexport-training", ".ipynb");
            try {
                try (InputStream notebook = DriverCommands.class.getResourceAsStream(TRAINING_NOTEBOOK)) {
                    Files.copy(notebook, training, StandardCopyOption.REPLACE_EXISTING);
                }
                if (Files.isRegularFile(archive) && runs(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive), training) == null) {
                    return null;
                }
                Files.createDirectories(archive.getParent());
                Path fresh = archive.resolveSibling(archive.getFileName() + ".new");
                Files.deleteIfExists(fresh);
                String failure = runs(List.of("-XX:ArchiveClassesAtExit=" + fresh), training);
                if (failure == null && !Files.isRegularFile(fresh)) {
                    failure = "the JVM wrote no archive";
                }
                if (failure == null) {
                    // -Xshare:on fails instead of running without the archive: proof that it fits
                    failure = runs(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + fresh), training);
                }
                if (failure != null) {
                    Files.deleteIfExists(fresh);
                    return failure;
                }
                Files.move(fresh, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return null;
            } finally {
                Files.deleteIfExists(training);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the class data archive " + archive, e);
        }
    }

    /** Runs the diff driver on {@code notebook} with {@code extra} JVM options; {@code null} when it succeeds, else what went wrong. */
    private String runs(List<String> extra, Path notebook) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(List.of(DIFF_JVM_OPTIONS.split(" ")));
        command.addAll(extra);
        command.add("-Xlog:disable");
        command.add("-Xlog:all=error:stderr:none");
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), DIFF_MAIN, "textconv", notebook.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new NbexportException("cannot run `" + java + "`, which git will run for the merge and diff drivers: "
                    + e.getMessage(), "Put a JDK 17 or newer on the PATH, then run setup-git again.");
        }
        try {
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "the JVM did not finish in " + TIMEOUT_SECONDS + " s";
            }
            String message = new String(err, StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? null
                    : "java exited " + process.exitValue() + (message.isEmpty() ? "" : ": " + message.replace('\n', ' '));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running java", e);
        }
    }

    /** {@code value} as one word of a shell command line (git runs drivers with the shell). */
    public static String quote(String value) {
        return value.matches("[A-Za-z0-9_./:=@%+-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
