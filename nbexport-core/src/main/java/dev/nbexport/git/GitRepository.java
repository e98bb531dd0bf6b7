package dev.nbexport.git;

import dev.nbexport.NbexportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * A git repository, used through the {@code git} command on the PATH: its top folder, its config,
 * and the notebooks of a commit.
 *
 * <pre>{@code
 * GitRepository repo = GitRepository.containing(projectDir);
 * String commit = repo.commit("HEAD~1").orElseThrow();
 * Map<String, String> blobs = repo.files(commit, "notebooks");   // path -> blob id
 * Map<String, byte[]> content = repo.read(blobs.values());
 * }</pre>
 */
public final class GitRepository {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path top;

    private GitRepository(Path top) {
        this.top = top;
    }

    /**
     * The repository {@code dir} is in.
     *
     * @throws NbexportException when {@code dir} is not inside a git repository or git is missing
     */
    public static GitRepository containing(Path dir) {
        return new GitRepository(Path.of(text(dir, List.of("rev-parse", "--show-toplevel")).strip()));
    }

    /** The repository's top folder (its work tree), as git names it (symbolic links resolved). */
    public Path top() {
        return top;
    }

    /** The commit {@code revision} names ({@code HEAD~1}, a branch, a tag, an id), or empty when it names none. */
    public Optional<String> commit(String revision) {
        if (revision.isBlank() || revision.startsWith("-")) {
            return Optional.empty(); // never let a revision pass as an option
        }
        Result result = run(top, List.of("rev-parse", "--verify", "--quiet", revision + "^{commit}"), null);
        return result.exit() == 0 ? Optional.of(utf8(result.out()).strip()) : Optional.empty();
    }

    /**
     * The files of {@code commit} under {@code folder} (relative to {@link #top()}, {@code /}
     * separators; empty for all), as their path relative to the top mapped to their blob id, sorted by path.
     */
    public Map<String, String> files(String commit, String folder) {
        List<String> args = new ArrayList<>(List.of("ls-tree", "-r", "-z", "--full-tree", commit));
        if (!folder.isEmpty()) {
            args.add("--");
            args.add(folder);
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String entry : utf8(ok(top, args, null)).split("\0")) {
            // <mode> SP <type> SP <object> TAB <path>
            int tab = entry.indexOf('\t');
            String[] info = tab < 0 ? new String[0] : entry.substring(0, tab).split(" ");
            if (info.length == 3 && info[1].equals("blob")) {
                files.put(entry.substring(tab + 1), info[2]);
            }
        }
        return files;
    }

    /** The content of each blob, by id, read with one {@code git cat-file --batch}. */
    public Map<String, byte[]> read(Collection<String> blobIds) {
        Map<String, byte[]> content = new LinkedHashMap<>();
        if (blobIds.isEmpty()) {
            return content;
        }
        StringBuilder request = new StringBuilder();
        blobIds.forEach(id -> request.append(id).append('\n'));
        byte[] out = ok(top, List.of("cat-file", "--batch"), request.toString().getBytes(StandardCharsets.UTF_8));
        int at = 0;
        for (String id : blobIds) {
            // <id> SP <type> SP <size> LF <content> LF, or <id> SP missing LF
            int lineEnd = indexOf(out, (byte) '\n', at);
            String[] header = new String(out, at, lineEnd - at, StandardCharsets.UTF_8).split(" ");
            if (header.length != 3) {
                throw new IllegalStateException("git cat-file --batch: no object " + id + ": " + String.join(" ", header));
            }
            int size = Integer.parseInt(header[2]);
            byte[] blob = new byte[size];
            System.arraycopy(out, lineEnd + 1, blob, 0, size);
            content.put(id, blob);
            at = lineEnd + 1 + size + 1;
        }
        return content;
    }

    /** Runs {@code git args} in the top folder; its standard output, or an error naming the command. */
    String run(String... args) {
        return utf8(ok(top, List.of(args), null));
    }

    private static String text(Path dir, List<String> args) {
        return utf8(ok(dir, args, null));
    }

    private static byte[] ok(Path dir, List<String> args, byte[] input) {
        Result result = run(dir, args, input);
        if (result.exit() != 0) {
            throw new NbexportException("`git " + String.join(" ", args) + "` failed in " + dir + ": "
                    + result.err().strip(), "Run this inside a git repository, with git on the PATH.");
        }
        return result.out();
    }

    private record Result(int exit, byte[] out, String err) {}

    private static Result run(Path dir, List<String> args, byte[] input) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new NbexportException("cannot run git: " + e.getMessage(), "Install git and put it on the PATH.");
        }
        try {
            // stderr is read, and stdin written (cat-file answers while it reads), each on its own
            // thread, so that no pipe fills up while this one waits on another
            FutureTask<byte[]> err = background(() -> readAll(process.getErrorStream()));
            FutureTask<byte[]> feed = null;
            if (input == null) {
                process.getOutputStream().close();
            } else {
                feed = background(() -> feed(process.getOutputStream(), input));
            }
            byte[] out = process.getInputStream().readAllBytes();
            if (feed != null) {
                feed.get();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new NbexportException("`git " + String.join(" ", args) + "` did not finish in "
                        + TIMEOUT_SECONDS + " s", "Check that the repository is not locked by another git command.");
            }
            return new Result(process.exitValue(), out, new String(err.get(), StandardCharsets.UTF_8));
        } catch (ExecutionException e) {
            throw new UncheckedIOException("cannot talk to git " + String.join(" ", args),
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot talk to git " + String.join(" ", args), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git", e);
        }
    }

    private static FutureTask<byte[]> background(Callable<byte[]> work) {
        FutureTask<byte[]> task = new FutureTask<>(work);
        Thread thread = new Thread(task, "git-io");
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    private static byte[] readAll(InputStream stream) throws IOException {
        try (stream) {
            return stream.readAllBytes();
        }
    }

    private static byte[] feed(OutputStream stdin, byte[] input) throws IOException {
        try (stdin) {
            stdin.write(input);
        }
        return input;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException("git cat-file --batch: output ended early");
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
