package dev.nbexport.io;

import java.nio.file.Path;

/**
 * Paths as nbexport shows them to the user and writes them into markers and headers: relative to the
 * project with {@code /} separators whatever the platform.
 */
public final class ProjectPaths {

    private ProjectPaths() {}

    /** {@code path} with {@code /} separators. */
    public static String slashes(Path path) {
        return path.toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    /**
     * {@code file} as shown to the user and written in markers and headers: relative to
     * {@code projectDir} with {@code /} separators when inside it, else absolute.
     */
    public static String shown(Path projectDir, Path file) {
        Path base = projectDir.toAbsolutePath().normalize();
        Path path = file.toAbsolutePath().normalize();
        return path.startsWith(base) ? slashes(base.relativize(path)) : path.toString();
    }
}
