package dev.nbexport.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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

    /** A process id that has just ended. */
    private static long deadProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void temporaryFilesAreNamedForTheFileTheWriterAndOurPattern() throws Exception {
        Path file = dir.resolve("Text.java");
        String name = AtomicFiles.temporaryName(file.getFileName().toString());

        assertThat(name).matches("\\.Text\\.java\\." + ProcessHandle.current().pid() + "-[0-9a-f]{16}\\.nbexport\\.tmp");
        assertThat(AtomicFiles.isLeftover(dir.resolve(name))).as("ours, but this process is alive").isFalse();
    }

    @Test
    void removesOnlyLeftoversOfDeadWritersAndNothingThatMerelyLooksLikeOne() throws Exception {
        long dead = deadProcess();
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        Path sub = Files.createDirectories(dir.resolve("com/acme"));
        Path leftover = Files.writeString(sub.resolve(".Text.java." + dead + "-0123456789abcdef.nbexport.tmp"), "half a fi");
        Path notebookLeftover = Files.writeString(dir.resolve(".01 text.ipynb." + dead + "-fedcba9876543210.nbexport.tmp"), "{");
        List<Path> lookalikes = List.of(
                sub.resolve(".Text.java." + alive + "-0123456789abcdef.nbexport.tmp"), // a live writer's
                sub.resolve(".Text.java.4474837361926393.tmp"),                        // what the JDK's createTempFile names
                sub.resolve(".Text.java." + dead + "-0123456789abcdef.tmp"),            // not our suffix
                sub.resolve("Text.java." + dead + "-0123456789abcdef.nbexport.tmp"),    // not hidden
                sub.resolve(".Text.java." + dead + "-0123456789ABCDEF.nbexport.tmp"),   // not our hex
                sub.resolve(".Text.java." + dead + "-0123456789abcde.nbexport.tmp"),    // 15 digits
                sub.resolve(".Text.java.x" + dead + "-0123456789abcdef.nbexport.tmp"),  // no process id
                sub.resolve("notes.nbexport.tmp"),
                sub.resolve("Text.java"));
        for (Path lookalike : lookalikes) {
            Files.writeString(lookalike, "not ours");
        }
        Path hidden = Files.createDirectories(dir.resolve(".git"));
        Path inHidden = Files.writeString(hidden.resolve(".HEAD." + dead + "-0123456789abcdef.nbexport.tmp"), "x");
        Path folderNamedLikeOne = Files.createDirectories(sub.resolve(".Words.java." + dead + "-0123456789abcdef.nbexport.tmp"));

        List<Path> removed = AtomicFiles.removeLeftovers(dir);

        assertThat(removed).containsExactlyInAnyOrder(leftover, notebookLeftover);
        assertThat(leftover).doesNotExist();
        assertThat(notebookLeftover).doesNotExist();
        for (Path lookalike : lookalikes) {
            assertThat(lookalike).hasContent("not ours");
        }
        assertThat(inHidden).as("hidden folders are not ours").exists();
        assertThat(folderNamedLikeOne).isDirectory();
    }

    @Test
    void theLeftoversOfOneFileAreItsOwnDeadWritersTemporaryFilesBesideItAndNothingElse() throws Exception {
        long dead = deadProcess();
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        Path index = dir.resolve("nbexport/export.index");
        Files.createDirectories(index.getParent());
        Path leftover = Files.writeString(dir.resolve("nbexport/.export.index." + dead + "-0123456789abcdef.nbexport.tmp"), "half");
        List<Path> others = List.of(
                dir.resolve("nbexport/.export.index." + alive + "-0123456789abcdef.nbexport.tmp"),  // a live writer's
                dir.resolve("nbexport/.test.index." + dead + "-0123456789abcdef.nbexport.tmp"),    // another file's
                dir.resolve("nbexport/.export.index.bak." + dead + "-0123456789abcdef.nbexport.tmp"), // export.index.bak's
                dir.resolve("nbexport/.export.index." + dead + "-0123456789abcdef.tmp"),            // not our suffix
                dir.resolve(".export.index." + dead + "-0123456789abcdef.nbexport.tmp"));           // not beside it
        for (Path other : others) {
            Files.writeString(other, "not this one's");
        }

        assertThat(AtomicFiles.removeLeftoversOf(index)).containsExactly(leftover);

        assertThat(leftover).doesNotExist();
        for (Path other : others) {
            assertThat(other).hasContent("not this one's");
        }
        assertThat(AtomicFiles.removeLeftoversOf(dir.resolve("nope/export.index"))).isEmpty();
    }

    @Test
    void aLongNamesLeftoverIsFoundByItsShortenedName() throws Exception {
        long dead = deadProcess();
        String name = "n".repeat(150) + ".ipynb";
        Path leftover = dir.resolve(AtomicFiles.temporaryName(name).replace("." + ProcessHandle.current().pid() + "-", "." + dead + "-"));
        Files.writeString(leftover, "{");

        assertThat(AtomicFiles.removeLeftoversOf(dir.resolve(name))).containsExactly(leftover);
    }

    @Test
    void aMissingFolderHasNoLeftovers() {
        assertThat(AtomicFiles.removeLeftovers(dir.resolve("nope"))).isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
