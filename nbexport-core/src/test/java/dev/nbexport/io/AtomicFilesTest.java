package dev.nbexport.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesNewFileWithUsualPermissionsAndParents() throws Exception {
        Path file = dir.resolve("a/b/New.java");

        assertThat(AtomicFiles.writeIfChanged(file, bytes("class New {}"))).isTrue();

        assertThat(file).hasContent("class New {}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void replacingAFileKeepsItsPermissions() throws Exception {
        Path file = dir.resolve("run.sh");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));

        AtomicFiles.writeIfChanged(file, bytes("new"));

        assertThat(file).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rwxr-x---");
    }

    @Test
    void sameContentIsNotWrittenAgain() throws Exception {
        Path file = dir.resolve("same.txt");
        Files.writeString(file, "same");
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(file, old);

        assertThat(AtomicFiles.writeIfChanged(file, bytes("same"))).isFalse();

        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        AtomicFiles.writeIfChanged(dir.resolve("x.txt"), bytes("1"));
        AtomicFiles.writeIfChanged(dir.resolve("x.txt"), bytes("2"));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("x.txt"));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
