package dev.nbexport.merge;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs the real git, isolated from the user's and the system's git configuration. */
public final class Git {

    /** What a command printed and how it exited. */
    public record Run(int exit, String out, String err) {}

    private Git() {}

    public static Run run(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_EDITOR", "true");
        env.put("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z");
        env.put("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z");
        env.put("LC_ALL", "C");
        try {
            Path err = Files.createTempFile("git", ".err");
            try {
                Process git = builder.redirectError(err.toFile()).start();
                git.getOutputStream().close();
                String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!git.waitFor(120, TimeUnit.SECONDS)) {
                    git.destroyForcibly();
                    throw new IllegalStateException("git " + String.join(" ", args) + " did not finish");
                }
                return new Run(git.exitValue(), out, Files.readString(err));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Makes {@code dir} a new repository on branch {@code main} that can commit (test author, no signing). */
    public static void init(Path dir) {
        ok(dir, "init", "-q", "-b", "main");
        ok(dir, "config", "user.name", "Test");
        ok(dir, "config", "user.email", "test@example.com");
        ok(dir, "config", "commit.gpgsign", "false");
    }

    /** Commits everything in the work tree of {@code dir}. */
    public static void commitAll(Path dir, String message) {
        ok(dir, "add", "-A");
        ok(dir, "commit", "-q", "-m", message);
    }

    /** The class path of nbexport's git drivers as users configure it: only nbexport-core and Jackson. */
    public static String driverClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.replace('\\', '/').endsWith("nbexport-core/target/classes") || entry.contains("jackson-core"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Runs git and fails unless it exits 0. */
    public static String ok(Path dir, String... args) {
        Run run = run(dir, args);
        if (run.exit() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " exited " + run.exit() + ":\n" + run.out() + run.err());
        }
        return run.out();
    }

    /**
     * {@code git merge-file -p}: the conflicted text git writes for these three versions, labelled
     * {@code HEAD}, {@code base}, {@code feature}.
     */
    static String mergeFile(Path dir, String base, String ours, String theirs, boolean diff3) {
        try {
            Path b = Files.writeString(dir.resolve("merge-base"), base);
            Path o = Files.writeString(dir.resolve("merge-ours"), ours);
            Path t = Files.writeString(dir.resolve("merge-theirs"), theirs);
            List<String> args = new ArrayList<>(List.of("merge-file", "-p", "-L", "HEAD", "-L", "base", "-L", "feature"));
            if (diff3) {
                args.add("--diff3");
            }
            args.addAll(List.of(o.toString(), b.toString(), t.toString()));
            return run(dir, args.toArray(String[]::new)).out();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
