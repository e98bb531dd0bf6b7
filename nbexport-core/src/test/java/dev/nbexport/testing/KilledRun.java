package dev.nbexport.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A goal of {@link ForkedGoal} run in a JVM of its own and killed with {@code SIGKILL}
 * ({@link Process#destroyForcibly}) a given time after it started writing, as {@code kill -9} kills
 * {@code mvn}: no shutdown hook, no {@code finally}, files left as they are at that moment.
 */
public final class KilledRun {

    /** How long a forked run may take to start writing, or to end, before the test gives up on it. */
    private static final long TIMEOUT_SECONDS = 120;

    private KilledRun() {}

    /**
     * One forked run.
     *
     * @param killed whether it was still running when killed (else it had ended on its own)
     * @param exit its exit status ({@code 137}-ish when killed)
     * @param writingNanos from the moment it was seen to start writing to its kill, or to the end of its writing
     * @param log what it printed
     */
    public record Outcome(boolean killed, int exit, long writingNanos, String log) {}

    /**
     * Runs {@code goal} on {@code project} in a new JVM (this JVM's {@code java} and class path) and
     * kills it {@code killAfterNanos} after {@code writing} first holds. The log goes to {@code log}.
     */
    public static Outcome kill(String goal, Path project, BooleanSupplier writing, long killAfterNanos, Path log) {
        return run(goal, project, writing, () -> false, killAfterNanos, log);
    }

    /**
     * Runs {@code goal} on {@code project} in a new JVM to its end, and measures how long it writes: from
     * when {@code writing} first holds to when {@code written} does (or the JVM ends).
     */
    public static Outcome measure(String goal, Path project, BooleanSupplier writing, BooleanSupplier written, Path log) {
        return run(goal, project, writing, written, -1, log);
    }

    private static Outcome run(String goal, Path project, BooleanSupplier writing, BooleanSupplier written,
                               long killAfterNanos, Path log) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a quick start and little CPU taken from the test on a small machine
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), ForkedGoal.class.getName(), goal, project.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!writing.getAsBoolean() && process.isAlive()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the forked " + goal + " did not start writing within " + TIMEOUT_SECONDS
                            + " s; its log:\n" + read(log));
                }
                LockSupport.parkNanos(200_000);
            }
            long started = System.nanoTime();
            boolean killed = false;
            long ended;
            if (killAfterNanos >= 0) {
                long killAt = started + killAfterNanos;
                while (System.nanoTime() < killAt && process.isAlive()) {
                    LockSupport.parkNanos(Math.min(200_000, Math.max(0, killAt - System.nanoTime())));
                }
                killed = process.isAlive();
                process.destroyForcibly();
                ended = System.nanoTime();
            } else {
                while (!written.getAsBoolean() && process.isAlive()) {
                    LockSupport.parkNanos(200_000);
                }
                ended = System.nanoTime();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the forked " + goal + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            return new Outcome(killed, process.exitValue(), ended - started, read(log));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            process.destroyForcibly();
        }
    }

    /** The regular files under {@code dir} (hidden ones too), by path relative to it, with their bytes. */
    public static Map<String, byte[]> files(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Every file under {@code dir}, in hidden folders too, whose name is one of our temporary names'. */
    public static List<String> temporaryFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".nbexport.tmp"))
                    .map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How {@code actual} differs from {@code expected}, one line per file ({@code missing}, {@code extra},
     * {@code differs: n bytes, expected m}), at most 20 lines and a count of the rest.
     */
    public static List<String> differences(Map<String, byte[]> expected, Map<String, byte[]> actual, boolean missingCounts) {
        List<String> lines = new ArrayList<>();
        for (var e : expected.entrySet()) {
            byte[] found = actual.get(e.getKey());
            if (found == null) {
                if (missingCounts) {
                    lines.add("missing " + e.getKey());
                }
            } else if (!Arrays.equals(found, e.getValue())) {
                lines.add("differs " + e.getKey() + ": " + found.length + " bytes, expected " + e.getValue().length);
            }
        }
        for (String path : actual.keySet()) {
            if (!expected.containsKey(path)) {
                lines.add("extra " + path);
            }
        }
        if (lines.size() > 20) {
            int more = lines.size() - 20;
            lines = new ArrayList<>(lines.subList(0, 20));
            lines.add("... and " + more + " more");
        }
        return lines;
    }

    /** Deletes {@code dir} and everything in it, if it is there. */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the run writing {@code log} printed that its goal returned ({@link ForkedGoal#DONE}). */
    public static BooleanSupplier goalDone(Path log) {
        return () -> {
            try {
                return Files.size(log) > 0 && read(log).contains(ForkedGoal.DONE);
            } catch (IOException e) {
                return false;
            }
        };
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
