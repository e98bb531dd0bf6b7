package dev.nbexport.run;

import dev.nbexport.io.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A hash of what is on a class path, by content: each jar's bytes, and for a folder of compiled classes each
 * file's path and bytes, in order. Recompiling to the same bytes keeps it; any changed class changes it.
 */
final class ClassPathFingerprint {

    private ClassPathFingerprint() {}

    static String of(List<Path> classPath) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try {
            for (Path entry : classPath) {
                digest.update(entry.toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isDirectory(entry)) {
                    try (Stream<Path> files = Files.walk(entry)) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            digest.update(entry.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                            digest.update(Sha256.hex(Files.readAllBytes(f)).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                } else if (Files.isRegularFile(entry)) {
                    digest.update(Sha256.hex(Files.readAllBytes(entry)).getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class path", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
