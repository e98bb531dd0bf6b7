package dev.nbexport.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes files so that a reader never sees half a file: the bytes go to a temporary file beside the
 * target, are flushed to disk, and the temporary file is renamed over the target in one step.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /**
     * Writes {@code content} to {@code file} unless the file already holds exactly those bytes.
     * Parent directories are created as needed.
     *
     * @return whether the file was written
     */
    public static boolean writeIfChanged(Path file, byte[] content) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) == content.length
                    && Arrays.equals(Files.readAllBytes(file), content)) {
                return false;
            }
            write(file, content);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * A temporary file is created readable by its owner only; the file it replaces keeps its own
     * permissions, and a new file gets the usual {@code rw-r--r--}.
     */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.exists(target)
                    ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temp, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to keep
        }
    }

    /** How many writes wait for their disk flush at once in {@link #runAll}. */
    private static final int WRITERS = 8;

    /**
     * Runs independent writes, several at a time when there are many: each atomic write waits for its
     * own flush to disk, and those waits overlap. The first failure is rethrown after all have ended.
     */
    public static void runAll(List<Runnable> writes) {
        if (writes.size() < 4) {
            writes.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(WRITERS, writes.size()));
        try {
            List<Future<?>> done = new ArrayList<>();
            writes.forEach(w -> done.add(pool.submit(w)));
            RuntimeException failure = null;
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        } finally {
            pool.shutdown();
        }
    }

    /** Replaces {@code file} with {@code content} atomically. */
    public static void write(Path file, byte[] content) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            keepPermissions(target, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (NoSuchFileException ignored) {
                // already moved
            }
        }
    }
}
