package dev.nbexport.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A goal of {@link ForkedGoal} run in a JVM of its own and killed with {@code SIGKILL}
 * ({@link Process#destroyForcibly}) a given time after it started writing, as {@code kill -9} kills
 * {@code mvn}: no shutdown hook, no {@code finally}, files left as they are at that moment.
 */
public final class KilledRun {

    /** The seed of the kill moments: {@code -Dnbexport.killTrials.seed} repeats a failing run's moments. */
    public static final long SEED = Long.getLong("nbexport.killTrials.seed", 13);
    /** How many kills a test makes: {@code -Dnbexport.killTrials}. */
    public static final int TRIALS = Integer.getInteger("nbexport.killTrials", 4);

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

    /**
     * Kill trials of a goal that rewrites notebooks in {@code project/notebooks} (and files in {@code project/src}):
     * the goal run to its end in a JVM of its own, then {@link #TRIALS} times killed at a random moment while it
     * writes. After each kill every notebook must be the one it was or the one the whole run wrote, byte for
     * byte; then {@code again} (the goal run in this JVM) must leave exactly the whole run's notebooks and
     * {@code src}, and no temporary file anywhere in the project. Fails when no kill landed mid-write, since such
     * trials prove nothing.
     *
     * @param before the notebooks each run starts from, by name; the folder holds nothing else
     * @param others the other files each run starts from, by path relative to the project (the sources, the
     *     index); {@code src} and {@code target} hold nothing else
     * @param afterKill checks of its own after each kill, given the trial's description
     * @return the notebooks the whole run wrote
     */
    public static Map<String, byte[]> notebookTrials(String goal, Path project, Map<String, byte[]> before,
                                                     Map<String, byte[]> others, Consumer<String> afterKill,
                                                     Runnable again) throws IOException {
        Path notebooks = project.resolve("notebooks");
        Path sources = project.resolve("src");
        Path log = Files.createDirectories(project.resolve("logs")).resolve(goal + ".log");
        FileTime[] started = {restore(project, before, others)};
        BooleanSupplier writing = () -> changedSince(notebooks, started[0]);
        Outcome whole = measure(goal, project, writing, goalDone(log), log);
        assertThat(whole.exit()).as("the forked " + goal + "'s exit status; its log:\n" + whole.log()).isZero();
        Map<String, byte[]> after = files(notebooks);
        Map<String, byte[]> sourcesAfter = files(sources);
        assertThat(differences(before, after, true)).as("what the whole " + goal + " changed in the notebooks").isNotEmpty();
        long window = whole.writingNanos();

        Random random = new Random(SEED);
        int midWrite = 0;
        List<String> trials = new ArrayList<>();
        for (int trial = 1; trial <= TRIALS; trial++) {
            started[0] = restore(project, before, others);
            long delay = (long) (random.nextDouble() * window);
            Outcome killed = kill(goal, project, writing, delay, log);
            String at = "trial " + trial + " of " + TRIALS + " (seed " + SEED + "), killed " + TimeUnit.NANOSECONDS.toMillis(delay)
                    + " ms after the first write (a whole " + goal + " writes for " + TimeUnit.NANOSECONDS.toMillis(window) + " ms)";
            assertThat(killed.killed() || killed.exit() == 0).as(at + ": the forked " + goal + " failed; its log:\n" + killed.log()).isTrue();

            int old = 0;
            int fresh = 0;
            int temporary = temporaryFiles(sources).size();
            for (var file : files(notebooks).entrySet()) {
                String name = file.getKey();
                if (name.endsWith(".nbexport.tmp")) {
                    temporary++;
                } else if (Arrays.equals(file.getValue(), after.get(name))) {
                    fresh++;
                } else {
                    assertThat(before).as(at + ": a file after the kill that was not there").containsKey(name);
                    assertThat(new String(file.getValue(), StandardCharsets.UTF_8))
                            .as(at + ": " + name + " after the kill is neither the old notebook nor the one the whole " + goal + " wrote")
                            .isEqualTo(new String(before.get(name), StandardCharsets.UTF_8));
                    old++;
                }
            }
            assertThat(old + fresh).as(at + ": notebooks after the kill").isEqualTo(before.size());
            if (temporary > 0 || (old > 0 && fresh > 0)) {
                midWrite++;
            }
            trials.add(at + ": " + fresh + " written, " + old + " old, " + temporary + " temporary files left");
            afterKill.accept(at);

            again.run();
            assertThat(differences(after, files(notebooks), true))
                    .as(at + ": the notebooks after the next " + goal + " against the whole run's").isEmpty();
            assertThat(differences(sourcesAfter, files(sources), true))
                    .as(at + ": src after the next " + goal + " against the whole run's").isEmpty();
            assertThat(temporaryFiles(project)).as(at + ": temporary files anywhere in the project after the next " + goal).isEmpty();
        }
        assertThat(midWrite).as("no kill landed while " + goal + " was writing, so these trials prove nothing:\n"
                + String.join("\n", trials) + "\nMake the project bigger or the machine is far busier than when the whole "
                + goal + " measured the writing time").isPositive();
        return after;
    }

    /**
     * Puts {@code notebooks} (by name) in the project's notebooks folder and {@code others} (by project path) in
     * theirs, with nothing else in the notebooks folder, {@code src} or {@code target}; returns the notebooks
     * folder's time of change then.
     */
    private static FileTime restore(Path project, Map<String, byte[]> notebooks, Map<String, byte[]> others) throws IOException {
        Path folder = project.resolve("notebooks");
        for (String dir : List.of("notebooks", "src", "target")) {
            delete(project.resolve(dir));
        }
        for (var file : others.entrySet()) {
            Path path = project.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        Files.createDirectories(folder);
        for (var file : notebooks.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        return Files.getLastModifiedTime(folder);
    }

    /** Whether an entry of {@code folder} was created or renamed since {@code before}: a write has begun. */
    public static boolean changedSince(Path folder, FileTime before) {
        try {
            return !Files.getLastModifiedTime(folder).equals(before);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The name of the temporary file a killed writer of {@code fileName} leaves beside it: ours, of a process
     * that has ended ({@code .<name>.<pid>-<16 hex digits>.nbexport.tmp}).
     */
    public static String leftoverOf(String fileName) {
        try {
            Process ended = new ProcessBuilder("true").start();
            ended.waitFor();
            return "." + fileName + "." + ended.pid() + "-00000000000000ff.nbexport.tmp";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
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
