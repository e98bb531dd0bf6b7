package dev.nbexport.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.NbexportException;
import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.io.FileStamp;
import dev.nbexport.io.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectNotebooksTest {

    private static final FileTime LONG_AGO = FileTime.fromMillis(978_307_200_000L);

    @TempDir
    Path project;

    private Path notebook(String content, FileTime time) throws Exception {
        Path file = project.resolve("notebooks/a.ipynb");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, time);
        return file;
    }

    private ProjectNotebooks reader() {
        return new ProjectNotebooks(project, DirectiveParser.standard());
    }

    @Test
    void aFileLeftAloneIsStampedAndAFreshlySavedOneIsNot() throws Exception {
        Path old = notebook("{}", LONG_AGO);
        ProjectNotebooks.NotebookFile read = reader().read(List.of(old)).get(0);
        assertThat(read.stamp()).isEqualTo(FileStamp.of(old));
        assertThat(read.sha256()).isEqualTo(Sha256.hex("{}".getBytes(StandardCharsets.UTF_8)));

        Path fresh = notebook("{}", FileTime.fromMillis(System.currentTimeMillis()));
        assertThat(reader().read(List.of(fresh)).get(0).stamp()).as("saved just now: its stamp vouches for nothing yet").isNull();
    }

    @Test
    void aRecordedStampStandsForTheRecordedHashAndAnotherStampMeansReading() throws Exception {
        Path file = notebook("{\"a\": 1}", LONG_AGO);
        FileStamp stamp = FileStamp.of(file);
        String recorded = Sha256.hex("{\"a\": 0}".getBytes(StandardCharsets.UTF_8)); // what the file held when recorded

        ProjectNotebooks.NotebookFile known = reader().read(List.of(file),
                Map.of("notebooks/a.ipynb", new ProjectNotebooks.Recorded(recorded, stamp))).get(0);
        assertThat(known.sha256()).as("not read: the recorded hash").isEqualTo(recorded);
        assertThatThrownBy(known::bytes).as("its bytes, once asked for, are checked against that hash")
                .isInstanceOf(NbexportException.class)
                .hasMessageContaining("notebooks/a.ipynb changed while nbexport was reading the notebooks");

        Files.setLastModifiedTime(file, FileTime.fromMillis(LONG_AGO.toMillis() + 1000));
        ProjectNotebooks.NotebookFile reread = reader().read(List.of(file),
                Map.of("notebooks/a.ipynb", new ProjectNotebooks.Recorded(recorded, stamp))).get(0);
        assertThat(reread.sha256()).isEqualTo(Sha256.hex("{\"a\": 1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(reread.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\": 1}");
    }

    @Test
    void aRecordedHashWithoutAStampMeansReading() throws Exception {
        Path file = notebook("{}", LONG_AGO);

        ProjectNotebooks.NotebookFile read = reader().read(List.of(file),
                Map.of("notebooks/a.ipynb", new ProjectNotebooks.Recorded("0".repeat(64), null))).get(0);

        assertThat(read.sha256()).isEqualTo(Sha256.hex("{}".getBytes(StandardCharsets.UTF_8)));
    }
}
