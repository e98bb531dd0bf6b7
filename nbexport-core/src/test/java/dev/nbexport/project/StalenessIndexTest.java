package dev.nbexport.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.nbexport.io.FileStamp;
import dev.nbexport.io.Sha256;
import dev.nbexport.layout.GeneratedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StalenessIndexTest {

    private static final FileTime LONG_AGO = FileTime.fromMillis(978_307_200_000L); // 2001-01-01

    @TempDir
    Path dir;

    private Path indexFile;
    private Path mainRoot;
    private Path output;
    private Map<String, String> inputs;
    private final GeneratedFile.Id text = new GeneratedFile.Id(GeneratedFile.Kind.MAIN, "com/acme/Text.java");

    @BeforeEach
    void setUp() throws Exception {
        indexFile = dir.resolve("target/nbexport/export.index");
        mainRoot = dir.resolve("src/main/java");
        output = mainRoot.resolve(text.relativePath());
        Files.createDirectories(output.getParent());
        Files.writeString(output, "class Text {}\n");
        inputs = Map.of("notebooks/01_text.ipynb", Sha256.hex("{}".getBytes(StandardCharsets.UTF_8)),
                "notebooks/02 with\ttab.ipynb", Sha256.hex("[]".getBytes(StandardCharsets.UTF_8)));
    }

    private StalenessIndex saved() {
        StalenessIndex index = new StalenessIndex("f1",
                Map.of(GeneratedFile.Kind.MAIN, mainRoot, GeneratedFile.Kind.TEST, dir.resolve("src/test/java")), inputs,
                Map.of("notebooks/01_text.ipynb", new FileStamp(2, 978_307_200_123_456_789L)),
                Map.of(text, new StalenessIndex.Output(FileStamp.of(output),
                        List.of("notebooks/02 with\ttab.ipynb", "notebooks/01_text.ipynb"))),
                Map.of(mainRoot.resolve("com/acme/HandWritten.java"), new FileStamp(12, 34)));
        index.save(indexFile);
        return index;
    }

    @Test
    void whatIsSavedLoadsBackTheSame() {
        StalenessIndex index = saved();

        StalenessIndex loaded = StalenessIndex.load(indexFile);

        assertThat(loaded.fingerprint()).isEqualTo("f1");
        assertThat(loaded.roots()).isEqualTo(index.roots());
        assertThat(loaded.inputs()).isEqualTo(index.inputs());
        assertThat(loaded.inputStamps()).isEqualTo(index.inputStamps())
                .containsExactly(Map.entry("notebooks/01_text.ipynb", new FileStamp(2, 978_307_200_123_456_789L)));
        assertThat(loaded.outputs()).isEqualTo(index.outputs());
        assertThat(loaded.outputs().get(text).notebooks()).as("the file's order, not sorted")
                .containsExactly("notebooks/02 with\ttab.ipynb", "notebooks/01_text.ipynb");
        assertThat(loaded.others()).isEqualTo(index.others());
        assertThat(loaded.writtenFiles()).containsExactly(output);
    }

    @Test
    void theFileIsVersionedSortedTextOneEntryALineEndingInAChecksum() throws Exception {
        saved();

        List<String> lines = Files.readAllLines(indexFile);
        String body = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
        assertThat(lines).containsExactly(
                "nbexport-index\t3",
                "fingerprint\tf1",
                "root\tMAIN\t" + mainRoot,
                "root\tTEST\t" + dir.resolve("src/test/java"),
                "input\t" + inputs.get("notebooks/01_text.ipynb") + "\t2:978307200123456789\tnotebooks/01_text.ipynb",
                "input\t" + inputs.get("notebooks/02 with\ttab.ipynb") + "\t-\tnotebooks/02 with\ttab.ipynb",
                "output\t" + FileStamp.of(output) + "\tMAIN\tcom/acme/Text.java",
                "source\tMAIN\tcom/acme/Text.java\tnotebooks/02 with\ttab.ipynb",
                "source\tMAIN\tcom/acme/Text.java\tnotebooks/01_text.ipynb",
                "other\t12:34\t" + mainRoot.resolve("com/acme/HandWritten.java"),
                "crc32c\t" + crc32c(body));
    }

    @Test
    void savingTheSameIndexAgainLeavesTheFileAlone() throws Exception {
        saved();
        Files.setLastModifiedTime(indexFile, LONG_AGO);

        saved();

        assertThat(Files.getLastModifiedTime(indexFile)).isEqualTo(LONG_AGO);
    }

    @Test
    void aMissingIndexIsEmptyAndMatchesNoConfiguration() {
        StalenessIndex index = StalenessIndex.load(dir.resolve("nope/export.index"));

        assertThat(index.fingerprint()).isEmpty();
        assertThat(index.inputs()).isEmpty();
        assertThat(index.outputs()).isEmpty();
        assertThat(index.matches("")).isFalse();
    }

    @Test
    void matchesOnlyTheConfigurationThatSavedIt() {
        saved();

        assertThat(StalenessIndex.load(indexFile).matches("f1")).isTrue();
        assertThat(StalenessIndex.load(indexFile).matches("f2")).isFalse();
    }

    @Test
    void aDamagedIndexIsEmpty() throws Exception {
        saved();
        String good = Files.readString(indexFile);

        Files.writeString(indexFile, good.replace("input\t", "input\t0"));
        assertThat(StalenessIndex.load(indexFile).fingerprint()).as("checksum no longer matches").isEmpty();

        Files.writeString(indexFile, good.substring(0, good.length() / 2));
        assertThat(StalenessIndex.load(indexFile).fingerprint()).as("torn").isEmpty();

        Files.writeString(indexFile, "\u0000\u0001 garbage from a crashed write");
        assertThat(StalenessIndex.load(indexFile).fingerprint()).isEmpty();
        assertThat(StalenessIndex.load(indexFile).matches("f1")).isFalse();
    }

    @Test
    void anIndexOfAnotherFormatIsEmpty() throws Exception {
        // what version 1 wrote: no format line, no checksum
        Files.createDirectories(indexFile.getParent());
        Files.writeString(indexFile, "fingerprint\tf1\ninput\t" + inputs.get("notebooks/01_text.ipynb")
                + "\tnotebooks/01_text.ipynb\noutput\t14:978307200000\t" + output + "\n");
        assertThat(StalenessIndex.load(indexFile).matches("f1")).isFalse();

        saved();
        Files.writeString(indexFile, Files.readString(indexFile).replace("nbexport-index\t3", "nbexport-index\t4"));
        assertThat(StalenessIndex.load(indexFile).matches("f1")).as("a later version").isFalse();
    }

    @Test
    void anIndexThatIsADirectoryIsEmpty() throws Exception {
        Files.createDirectories(indexFile);

        assertThat(StalenessIndex.load(indexFile).fingerprint()).isEmpty();
    }

    @Test
    void aFileStampIsItsSizeAndTimeOrMissing() throws Exception {
        Files.setLastModifiedTime(output, LONG_AGO);

        assertThat(FileStamp.of(output)).hasToString("14:978307200000000000");
        assertThat(FileStamp.of(dir.resolve("nope.java"))).isEqualTo(FileStamp.MISSING).hasToString("missing");
        assertThat(FileStamp.parse("14:978307200000000000")).isEqualTo(FileStamp.of(output));
        assertThat(FileStamp.parse("missing")).isEqualTo(FileStamp.MISSING);
        assertThat(FileStamp.parse("14-12")).isNull();
    }

    @Test
    void aFileStampKeepsTheFileSystemsNanoseconds() throws Exception {
        Files.setLastModifiedTime(output, FileTime.from(978_307_200_123_456_789L, TimeUnit.NANOSECONDS));
        FileStamp stamp = FileStamp.of(output);
        Files.setLastModifiedTime(output, FileTime.from(978_307_200_123_456_790L, TimeUnit.NANOSECONDS));

        assertThat(FileStamp.of(output)).as("one nanosecond later (where the file system keeps nanoseconds)")
                .isNotEqualTo(stamp);
    }

    @Test
    void aStampForANotebookWithoutAHashIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StalenessIndex("f1", Map.of(),
                Map.of(), Map.of("notebooks/x.ipynb", new FileStamp(1, 2)), Map.of(), Map.of()));
    }

    private static String crc32c(String text) {
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    @Test
    void sha256IsLowerCaseHexOfAllParts() {
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("a".getBytes(StandardCharsets.UTF_8), "bc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8)));
    }
}
