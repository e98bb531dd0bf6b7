package dev.nbexport.project;

import dev.nbexport.io.Sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StalenessIndexTest {

    private static final FileTime LONG_AGO = FileTime.fromMillis(978_307_200_000L); // 2001-01-01

    @TempDir
    Path dir;

    private Path indexFile;
    private Path output;
    private Map<String, String> inputs;

    @BeforeEach
    void setUp() throws Exception {
        indexFile = dir.resolve("target/nbexport/export.index");
        output = dir.resolve("src/main/java/com/acme/Text.java");
        Files.createDirectories(output.getParent());
        Files.writeString(output, "class Text {}\n");
        inputs = Map.of("notebooks/01_text.ipynb", Sha256.hex("{}".getBytes(StandardCharsets.UTF_8)),
                "notebooks/02 with\ttab.ipynb", Sha256.hex("[]".getBytes(StandardCharsets.UTF_8)));
    }

    private StalenessIndex saved() {
        StalenessIndex index = new StalenessIndex("f1", inputs, Map.of(output.toString(), StalenessIndex.stamp(output)));
        index.save(indexFile);
        return index;
    }

    @Test
    void whatIsSavedLoadsBackTheSame() {
        StalenessIndex index = saved();

        StalenessIndex loaded = StalenessIndex.load(indexFile);

        assertThat(loaded.fingerprint()).isEqualTo("f1");
        assertThat(loaded.inputs()).isEqualTo(index.inputs());
        assertThat(loaded.outputs()).isEqualTo(index.outputs());
    }

    @Test
    void theFileIsSortedTextOneEntryALine() throws Exception {
        saved();

        assertThat(Files.readAllLines(indexFile)).containsExactly(
                "fingerprint\tf1",
                "input\t" + inputs.get("notebooks/01_text.ipynb") + "\tnotebooks/01_text.ipynb",
                "input\t" + inputs.get("notebooks/02 with\ttab.ipynb") + "\tnotebooks/02 with\ttab.ipynb",
                "output\t" + StalenessIndex.stamp(output) + "\t" + output);
    }

    @Test
    void savingTheSameIndexAgainLeavesTheFileAlone() throws Exception {
        saved();
        Files.setLastModifiedTime(indexFile, LONG_AGO);

        saved();

        assertThat(Files.getLastModifiedTime(indexFile)).isEqualTo(LONG_AGO);
    }

    @Test
    void aMissingIndexIsEmptyAndNeverUpToDate() {
        StalenessIndex index = StalenessIndex.load(dir.resolve("nope/export.index"));

        assertThat(index.fingerprint()).isEmpty();
        assertThat(index.inputs()).isEmpty();
        assertThat(index.outputs()).isEmpty();
        assertThat(index.upToDate("", Map.of())).isFalse();
    }

    @Test
    void aDamagedIndexIsEmpty() throws Exception {
        saved();
        Files.writeString(indexFile, Files.readString(indexFile) + "input\tonly-two-fields\n");

        assertThat(StalenessIndex.load(indexFile).inputs()).isEmpty();

        Files.writeString(indexFile, "\u0000\u0001 garbage from a crashed write");
        assertThat(StalenessIndex.load(indexFile).fingerprint()).isEmpty();
        assertThat(StalenessIndex.load(indexFile).upToDate("f1", inputs)).isFalse();
    }

    @Test
    void anIndexThatIsADirectoryIsEmpty() throws Exception {
        Files.createDirectories(indexFile);

        assertThat(StalenessIndex.load(indexFile).fingerprint()).isEmpty();
    }

    @Test
    void upToDateWhenFingerprintInputsAndOutputsAreAsLeft() {
        saved();

        assertThat(StalenessIndex.load(indexFile).upToDate("f1", inputs)).isTrue();
    }

    @Test
    void notUpToDateWhenTheConfigurationChanged() {
        saved();

        assertThat(StalenessIndex.load(indexFile).upToDate("f2", inputs)).isFalse();
    }

    @Test
    void notUpToDateWhenANotebookChangedAppearedOrWentAway() {
        saved();
        StalenessIndex index = StalenessIndex.load(indexFile);

        Map<String, String> changed = new java.util.TreeMap<>(inputs);
        changed.put("notebooks/01_text.ipynb", Sha256.hex("{ }".getBytes(StandardCharsets.UTF_8)));
        assertThat(index.upToDate("f1", changed)).isFalse();

        Map<String, String> added = new java.util.TreeMap<>(inputs);
        added.put("notebooks/03_new.ipynb", Sha256.hex(new byte[0]));
        assertThat(index.upToDate("f1", added)).isFalse();

        assertThat(index.upToDate("f1", Map.of("notebooks/01_text.ipynb", inputs.get("notebooks/01_text.ipynb")))).isFalse();
    }

    @Test
    void notUpToDateWhenAnOutputWasTouchedEditedOrDeleted() throws Exception {
        saved();
        StalenessIndex index = StalenessIndex.load(indexFile);

        Files.setLastModifiedTime(output, LONG_AGO);
        assertThat(index.upToDate("f1", inputs)).as("touched").isFalse();

        saved();
        Files.writeString(output, "class Text { int edited; }\n");
        Files.setLastModifiedTime(output, LONG_AGO);
        saved();
        Files.writeString(output, "class Text { int edited; }\n// more\n");
        Files.setLastModifiedTime(output, LONG_AGO); // same time, other size
        assertThat(StalenessIndex.load(indexFile).upToDate("f1", inputs)).as("edited").isFalse();

        saved();
        Files.delete(output);
        assertThat(StalenessIndex.load(indexFile).upToDate("f1", inputs)).as("deleted").isFalse();
    }

    @Test
    void aMissingFileIsStampedMissing() {
        assertThat(StalenessIndex.stamp(dir.resolve("nope.java"))).isEqualTo("missing");
    }

    @Test
    void sha256IsLowerCaseHexOfAllParts() {
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("a".getBytes(StandardCharsets.UTF_8), "bc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8)));
    }
}
