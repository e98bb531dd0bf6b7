package dev.nbexport.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader never sees half a file: the bytes go to a temporary file beside the
 * target, and the temporary file is renamed over the target in one step. A process killed at any moment
 * leaves the old file or the new one, never a torn one.
 *
 * <p>A process killed between creating its temporary file and renaming it leaves the temporary file
 * behind. Temporary files are named {@code .<name>.<pid>-<random>.nbexport.tmp} (the writer's process id,
 * 16 hex digits), a pattern nothing else uses: the next run removes the ones whose process is gone
 * ({@link #isLeftover}, {@link #removeLeftovers}) in the folders it manages, and nothing else.
 *
 * <p>How much a write survives an operating system crash or power loss is the caller's choice
 * ({@link Durability}).
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** What a write must survive besides its process being killed (which {@link #write} always survives). */
    public enum Durability {
        /**
         * The file's bytes are flushed to disk ({@code fsync}) before it replaces the old file, so an
         * operating system crash or power loss leaves the old file or the new one. For anything that
         * cannot be made again from other files: notebooks, and generated files that hold hand edits.
         */
        DURABLE,
        /**
         * Not flushed: after an operating system crash within the kernel's write-back delay (seconds)
         * a file may be empty or short. For files nbexport makes again from the notebooks (generated
         * sources, its index), where a flush costs more than remaking them after such a crash would.
         */
        REGENERABLE
    }

    /** Ends the name of every temporary file we write. */
    static final String TEMP_SUFFIX = ".nbexport.tmp";
    /** {@code .Name.java.1234-0123456789abcdef.nbexport.tmp}: group 1 is the process id. */
    private static final Pattern TEMP_NAME = Pattern.compile("^\\..+\\.(\\d{1,19})-[0-9a-f]{16}\\.nbexport\\.tmp$");
    /** What follows {@code .<name>.} in a temporary name. */
    private static final Pattern TEMP_TAIL = Pattern.compile("\\d{1,19}-[0-9a-f]{16}\\.nbexport\\.tmp");
    /** Keeps temporary names well below the usual 255-byte limit of a file name. */
    private static final int MAX_NAME_IN_TEMP = 120;
    private static final long PID = ProcessHandle.current().pid();
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /**
     * Writes {@code content} to {@code file}, {@link Durability#DURABLE durably}, unless the file already
     * holds exactly those bytes. Parent directories are created as needed.
     *
     * @return whether the file was written
     */
    public static boolean writeIfChanged(Path file, byte[] content) {
        return writeIfChanged(file, content, Durability.DURABLE);
    }

    /**
     * Writes {@code content} to {@code file} unless the file already holds exactly those bytes. Parent
     * directories are created as needed.
     *
     * @return whether the file was written
     */
    public static boolean writeIfChanged(Path file, byte[] content, Durability durability) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) == content.length
                    && Arrays.equals(Files.readAllBytes(file), content)) {
                return false;
            }
            write(file, content, durability);
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

    /** Replaces {@code file} with {@code content} atomically and {@link Durability#DURABLE durably}. */
    public static void write(Path file, byte[] content) throws IOException {
        write(file, content, Durability.DURABLE);
    }

    /** Replaces {@code file} with {@code content} atomically. */
    public static void write(Path file, byte[] content, Durability durability) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = createTemp(dir, target.getFileName().toString());
        try {
            keepPermissions(target, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (durability == Durability.DURABLE) {
                    channel.force(false);
                }
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

    /** A new empty temporary file for {@code name} in {@code dir}, named so that {@link #isLeftover} knows it. */
    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            Path temp = dir.resolve(temporaryName(name));
            try {
                Files.newByteChannel(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(dir))
                        .close();
                return temp;
            } catch (FileAlreadyExistsException taken) {
                // another writer drew the same number: draw again
            }
        }
    }

    /** A fresh temporary name for a file named {@code name}: {@code .Name.java.<pid>-<16 hex digits>.nbexport.tmp}. */
    static String temporaryName(String name) {
        String shown = name.length() > MAX_NAME_IN_TEMP ? name.substring(0, MAX_NAME_IN_TEMP) : name;
        return "." + shown + "." + PID + "-" + String.format("%016x", ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX;
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {OWNER_ONLY} : new FileAttribute<?>[0];
    }

    /**
     * Whether {@code file} is a temporary file of ours that no running process is writing: its name has
     * our pattern and names a process that is gone. A temporary file of this very process, or of a live
     * one, may be about to be renamed and is not a leftover.
     */
    public static boolean isLeftover(Path file) {
        Path name = file.getFileName();
        if (name == null || !name.toString().endsWith(TEMP_SUFFIX)) {
            return false;
        }
        Matcher m = TEMP_NAME.matcher(name.toString());
        if (!m.matches()) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return false;
        }
        return pid != PID && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /**
     * Removes the {@link #isLeftover leftover} temporary files in {@code folder} and the folders below it
     * (hidden folders such as {@code .git} left out; symbolic links not followed), and nothing else.
     *
     * @return the files removed
     */
    public static List<Path> removeLeftovers(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path name = dir.getFileName();
                    return !dir.equals(folder) && name != null && name.toString().startsWith(".")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isLeftover(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // unreadable: not ours to tidy
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return removeLeftovers(found);
    }

    /**
     * Removes the {@link #isLeftover leftover} temporary files of the one file {@code file} (those named
     * {@code .<its name>.<pid>-<16 hex digits>.nbexport.tmp} beside it), and nothing else: for a file such
     * as an index whose folder holds other things.
     *
     * @return the files removed
     */
    public static List<Path> removeLeftoversOf(Path file) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        String name = target.getFileName().toString();
        String prefix = "." + (name.length() > MAX_NAME_IN_TEMP ? name.substring(0, MAX_NAME_IN_TEMP) : name) + ".";
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, entry -> {
            String entryName = entry.getFileName().toString();
            return entryName.startsWith(prefix) && TEMP_TAIL.matcher(entryName.substring(prefix.length())).matches();
        })) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            return List.of(); // unreadable: left for a later run
        }
        return removeLeftovers(found);
    }

    /**
     * Removes those of {@code files} that are {@link #isLeftover leftovers}; one that cannot be removed
     * (a read-only checkout) is left for a later run.
     *
     * @return the files removed
     */
    public static List<Path> removeLeftovers(Collection<Path> files) {
        List<Path> removed = new ArrayList<>();
        for (Path file : files) {
            try {
                if (isLeftover(file) && Files.deleteIfExists(file)) {
                    removed.add(file);
                }
            } catch (IOException e) {
                // left for a later run
            }
        }
        return removed;
    }
}
