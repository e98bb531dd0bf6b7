package dev.nbexport.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * A file's size and modification time (in nanoseconds, as precise as the file system keeps it): how a
 * later run tells, without reading it, that a file is as an earlier run left it. Text form
 * {@code size:nanos}, or {@code missing}.
 */
public record FileStamp(long size, long modifiedNanos) {

    /** The stamp of a file that does not exist. */
    public static final FileStamp MISSING = new FileStamp(-1, -1);

    /** The stamp of a file from its attributes. */
    public static FileStamp of(BasicFileAttributes attributes) {
        return new FileStamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    /** The stamp of {@code file} now, or {@link #MISSING}. */
    public static FileStamp of(Path file) {
        try {
            return of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            return MISSING;
        }
    }

    /** The stamp written as {@link #toString()}, or {@code null} when {@code text} is not one. */
    public static FileStamp parse(String text) {
        if (text.equals("missing")) {
            return MISSING;
        }
        int colon = text.indexOf(':');
        try {
            return colon < 0 ? null : new FileStamp(Long.parseLong(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return equals(MISSING) ? "missing" : size + ":" + modifiedNanos;
    }
}
