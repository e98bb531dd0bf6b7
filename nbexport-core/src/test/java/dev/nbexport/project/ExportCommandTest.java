package dev.nbexport.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.NbexportException;
import dev.nbexport.testing.KilledRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ExportCommand} on a small project folder with real notebook files. */
class ExportCommandTest {

    private static final String TEXT = "src/main/java/com/acme/text/Text.java";
    private static final String WORDS = "src/main/java/com/acme/text/Words.java";
    private static final String TEXT_TEST = "src/test/java/com/acme/text/TextNotebookTest.java";

    @TempDir
    Path project;

    // --- a notebook as Jupyter writes it ------------------------------------------------------

    /** A code cell; {@code id} may be {@code null} for an nbformat 4.4 notebook. */
    private record Code(String id, String source) {}

    private static Code code(String id, String source) {
        return new Code(id, source);
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private void notebook(String path, Code... cells) throws Exception {
        List<String> cellJson = new ArrayList<>();
        for (Code cell : cells) {
            cellJson.add("  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n"
                    + (cell.id() == null ? "" : "   \"id\": " + json(cell.id()) + ",\n")
                    + "   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": " + json(cell.source()) + "\n  }");
        }
        boolean ids = Stream.of(cells).allMatch(c -> c.id() != null);
        String text = "{\n \"cells\": [\n" + String.join(",\n", cellJson) + "\n ],\n"
                + " \"metadata\": {\n  \"kernelspec\": {\n   \"display_name\": \"Java (jjava)\",\n"
                + "   \"language\": \"java\",\n   \"name\": \"java\"\n  }\n },\n"
                + " \"nbformat\": 4,\n \"nbformat_minor\": " + (ids ? 5 : 4) + "\n}\n";
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void textNotebook(String oneReturns) throws Exception {
        notebook("notebooks/01_text.ipynb",
                code("a1", "//| default_exp com.acme.text.Text"),
                code("a2", "//| export\npublic static int one() {\n    return " + oneReturns + ";\n}"),
                code("a3", "//| export\nrecord Words(List<String> words) {}"),
                code("a4", "one()"),
                code("a5", "//| test\nif (one() != " + oneReturns + ") throw new AssertionError();"));
    }

    private void moreNotebook(String twoReturns) throws Exception {
        notebook("notebooks/02_more.ipynb", code("b1", "//| default_exp com.acme.more.More"),
                code("b2", "//| export\npublic static int two() {\n    return " + twoReturns + ";\n}"));
    }

    // --- running it ---------------------------------------------------------------------------

    private ExportRequest request(List<String> includes, boolean force) {
        return new ExportRequest(project, project.resolve("notebooks"), includes, List.of(),
                project.resolve("src/main/java"), project.resolve("src/test/java"), force,
                project.resolve("target/nbexport/export.index"), "1.0-test");
    }

    private ExportRequest request() {
        return request(List.of(), false);
    }

    private static ExportSummary run(ExportRequest request) {
        return new ExportCommand().run(request);
    }

    private Map<String, FileTime> modificationTimes() throws Exception {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.walk(project.resolve("src"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                times.put(project.relativize(file).toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    /** Ages every source file, so that a rewrite shows whatever the clock's resolution. */
    private void ageSources() throws Exception {
        try (Stream<Path> files = Files.walk(project.resolve("src"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.fromMillis(978_307_200_000L));
            }
        }
    }

    // --- tests --------------------------------------------------------------------------------

    @Test
    void theFirstRunWritesEveryFileAndSaysSo() throws Exception {
        textNotebook("1");

        ExportSummary summary = run(request());

        assertThat(summary.upToDate()).isFalse();
        assertThat(summary.notebooks()).isEqualTo(1);
        assertThat(summary.written()).containsExactly(TEXT, WORDS, TEXT_TEST);
        assertThat(summary.unchanged()).isZero();
        assertThat(summary.removed()).isEmpty();
        assertThat(summary.line()).startsWith("1 notebooks read: 3 files written, 0 unchanged, 0 removed (").endsWith(" ms)");
        assertThat(project.resolve(TEXT)).content().contains("// %% notebooks/01_text.ipynb #a2");
        assertThat(project.resolve("target/nbexport/export.index")).isRegularFile();
    }

    @Test
    void aSecondRunIsUpToDateAndTouchesNothing() throws Exception {
        textNotebook("1");
        run(request());
        Map<String, FileTime> before = modificationTimes();

        ExportSummary summary = run(request());

        assertThat(summary.upToDate()).isTrue();
        assertThat(summary.written()).isEmpty();
        assertThat(summary.unchanged()).isEqualTo(3);
        assertThat(summary.line()).startsWith("1 notebooks unchanged since the last export: nothing to do (");
        assertThat(modificationTimes()).isEqualTo(before);
    }

    @Test
    void withoutTheIndexARunReadsEverythingButRewritesNothing() throws Exception {
        textNotebook("1");
        run(request());
        ageSources();
        Files.delete(project.resolve("target/nbexport/export.index"));
        Map<String, FileTime> before = modificationTimes();

        ExportSummary summary = run(request());

        assertThat(summary.upToDate()).isFalse();
        assertThat(summary.written()).isEmpty();
        assertThat(summary.unchanged()).isEqualTo(3);
        assertThat(summary.line()).startsWith("1 notebooks read: 0 files written, 3 unchanged, 0 removed (");
        assertThat(modificationTimes()).isEqualTo(before);
        assertThat(run(request()).upToDate()).as("the index is back").isTrue();
    }

    @Test
    void anEditedNotebookIsExportedAgain() throws Exception {
        textNotebook("1");
        run(request());

        textNotebook("11");
        ExportSummary summary = run(request());

        assertThat(summary.upToDate()).isFalse();
        assertThat(summary.written()).containsExactly(TEXT, TEXT_TEST);
        assertThat(summary.unchanged()).isEqualTo(1);
        assertThat(project.resolve(TEXT)).content().contains("return 11;");
    }

    @Test
    void aDeletedGeneratedFileIsWrittenAgain() throws Exception {
        textNotebook("1");
        run(request());

        Files.delete(project.resolve(WORDS));
        ExportSummary summary = run(request());

        assertThat(summary.written()).containsExactly(WORDS);
        assertThat(project.resolve(WORDS)).exists();
    }

    @Test
    void aGeneratedFileEditedByHandAfterAnExportStopsTheNextOne() throws Exception {
        textNotebook("1");
        run(request());
        Path text = project.resolve(TEXT);
        String edited = Files.readString(text).replace("return 1;", "return 1; // by hand");
        Files.writeString(text, edited);

        assertThatThrownBy(() -> run(request()))
                .isInstanceOf(NbexportException.class)
                .hasMessageContaining(TEXT);
        assertThat(text).hasContent(edited);
    }

    @Test
    void changingWhichNotebooksAreIncludedChangesTheFingerprint() throws Exception {
        textNotebook("1");
        run(request());

        ExportSummary summary = run(request(List.of("*.ipynb"), false));

        assertThat(summary.upToDate()).isFalse();
        assertThat(summary.written()).isEmpty();
        assertThat(run(request(List.of("*.ipynb"), false)).upToDate()).isTrue();
    }

    @Test
    void everySettingThatChangesTheOutputIsInTheFingerprint() {
        ExportRequest base = request();
        List<ExportRequest> changed = List.of(
                request(List.of("*.ipynb"), false),
                new ExportRequest(project, project.resolve("notebooks"), List.of(), List.of("scratch/**"),
                        base.mainRoot(), base.testRoot(), false, base.indexFile(), base.toolVersion()),
                new ExportRequest(project, project.resolve("nb"), List.of(), List.of(),
                        base.mainRoot(), base.testRoot(), false, base.indexFile(), base.toolVersion()),
                new ExportRequest(project, base.notebooksDir(), List.of(), List.of(),
                        project.resolve("target/generated-sources/nbexport"), base.testRoot(), false, base.indexFile(), base.toolVersion()),
                new ExportRequest(project, base.notebooksDir(), List.of(), List.of(),
                        base.mainRoot(), project.resolve("target/generated-test-sources/nbexport"), false, base.indexFile(), base.toolVersion()),
                new ExportRequest(project, base.notebooksDir(), List.of(), List.of(),
                        base.mainRoot(), base.testRoot(), false, base.indexFile(), "1.1-test"));

        assertThat(changed).extracting(ExportRequest::fingerprintText).doesNotContain(base.fingerprintText()).doesNotHaveDuplicates();
    }

    @Test
    void forceExportsEvenWhenUpToDate() throws Exception {
        textNotebook("1");
        run(request());

        ExportSummary summary = run(request(List.of(), true));

        assertThat(summary.upToDate()).isFalse();
        assertThat(summary.unchanged()).isEqualTo(3);
    }

    @Test
    void withoutAnIndexFileEveryRunExports() throws Exception {
        textNotebook("1");
        ExportRequest noIndex = new ExportRequest(project, project.resolve("notebooks"), List.of(), List.of(),
                project.resolve("src/main/java"), project.resolve("src/test/java"), false, null, "1.0-test");
        run(noIndex);

        ExportSummary summary = run(noIndex);

        assertThat(summary.upToDate()).isFalse();
        assertThat(summary.unchanged()).isEqualTo(3);
        assertThat(project.resolve("target")).doesNotExist();
    }

    @Test
    void aRemovedCellOrNotebookRemovesItsFilesButNotHandWrittenOnes() throws Exception {
        textNotebook("1");
        moreNotebook("2");
        run(request());
        Path helper = project.resolve("src/main/java/com/acme/more/Helper.java");
        Files.writeString(helper, "package com.acme.more;\n\nclass Helper {}\n");

        Files.delete(project.resolve("notebooks/02_more.ipynb"));
        ExportSummary summary = run(request());

        assertThat(summary.notebooks()).isEqualTo(1);
        assertThat(summary.removed()).containsExactly("src/main/java/com/acme/more/More.java");
        assertThat(summary.line()).contains(", 1 removed (");
        assertThat(helper).exists();
    }

    @Test
    void warningsReachTheSummary() throws Exception {
        notebook("notebooks/01_text.ipynb",
                code(null, "//| default_exp com.acme.text.Text"),
                code(null, "//| export\npublic static int one() {\n    return 1;\n}"),
                code(null, "// not exported: a comment comes first\n//| export\nint two() {\n    return 2;\n}"));

        ExportSummary summary = run(request());

        assertThat(summary.warnings()).anySatisfy(w -> assertThat(w).contains("nbexport:clean"));
        assertThat(summary.warnings()).anySatisfy(w -> assertThat(w).contains("notebooks/01_text.ipynb, cell 3").contains("not at the top of the cell"));
    }

    @Test
    void aBrokenNotebookStopsTheExportBeforeAnythingIsWritten() throws Exception {
        textNotebook("1");
        Files.writeString(project.resolve("notebooks/02_broken.ipynb"), "{\n \"cells\": [\n");

        assertThatThrownBy(() -> run(request()))
                .isInstanceOf(NbexportException.class)
                .hasMessageContaining("notebooks/02_broken.ipynb");
        assertThat(project.resolve("src")).doesNotExist();
        assertThat(project.resolve("target/nbexport/export.index")).doesNotExist();
    }

    @Test
    void problemsOfEveryNotebookAreReportedTogether() throws Exception {
        Files.createDirectories(project.resolve("notebooks"));
        Files.writeString(project.resolve("notebooks/01_broken.ipynb"), "{\n \"cells\": [\n");
        notebook("notebooks/02_bad.ipynb", code("b1", "//| default_exp 1bad.Name"));

        assertThatThrownBy(() -> run(request()))
                .isInstanceOf(NbexportException.class)
                .hasMessageStartingWith("2 problems in notebooks:")
                .hasMessageContaining("notebooks/01_broken.ipynb")
                .hasMessageContaining("notebooks/02_bad.ipynb, cell 1 (id b1)");
        assertThat(project.resolve("src")).doesNotExist();
    }

    @Test
    void switchingOutputFoldersRemovesTheFilesOfThePreviousFolders() throws Exception {
        textNotebook("1");
        Path index = project.resolve("target/nbexport/export.index");
        run(new ExportRequest(project, project.resolve("notebooks"), List.of(), List.of(),
                project.resolve("src/main/java"), project.resolve("src/test/java"), false, index, "1.0-test"));
        assertThat(project.resolve(TEXT)).exists();

        ExportSummary summary = run(new ExportRequest(project, project.resolve("notebooks"), List.of(), List.of(),
                project.resolve("target/generated-sources/nbexport"), project.resolve("target/generated-test-sources/nbexport"),
                false, index, "1.0-test"));

        assertThat(project.resolve(TEXT)).doesNotExist();
        assertThat(project.resolve(TEXT_TEST)).doesNotExist();
        assertThat(summary.removed()).contains(TEXT, TEXT_TEST);
        assertThat(project.resolve("target/generated-sources/nbexport/com/acme/text/Text.java")).exists();
    }

    @Test
    void anExportLeavesAloneTheFilesOfNotebooksItsIncludesLeaveOut() throws Exception {
        textNotebook("1");
        moreNotebook("2");
        ExportRequest core = new ExportRequest(project, project.resolve("notebooks"), List.of("01_*"), List.of(),
                project.resolve("src/main/java"), project.resolve("src/test/java"), false,
                project.resolve("target/nbexport/core.index"), "1.0-test");
        ExportRequest more = new ExportRequest(project, project.resolve("notebooks"), List.of("02_*"), List.of(),
                project.resolve("src/main/java"), project.resolve("src/test/java"), false,
                project.resolve("target/nbexport/more.index"), "1.0-test");
        run(core);

        ExportSummary summary = run(more);

        assertThat(summary.removed()).isEmpty();
        assertThat(project.resolve(TEXT)).exists();
        assertThat(project.resolve("src/main/java/com/acme/more/More.java")).exists();
    }

    @Test
    void anUpToDateExportRemovesTheTemporaryFilesAKilledRunLeftAndNothingElse() throws Exception {
        textNotebook("1");
        run(request());
        Path inRoot = project.resolve("src/main/java/com/acme/text/" + KilledRun.leftoverOf("Text.java"));
        Path inNotebooks = project.resolve("notebooks/" + KilledRun.leftoverOf("01_text.ipynb"));
        Path lookalike = project.resolve("src/main/java/com/acme/text/.Text.java.8345127710349.tmp");
        Path elsewhere = project.resolve("src/" + KilledRun.leftoverOf("Text.java"));
        for (Path file : List.of(inRoot, inNotebooks, lookalike, elsewhere)) {
            Files.writeString(file, "half");
        }

        assertThat(run(request()).upToDate()).isTrue();

        assertThat(inRoot).doesNotExist();
        assertThat(inNotebooks).doesNotExist();
        assertThat(lookalike).as("the JDK's temporary names are not ours").hasContent("half");
        assertThat(elsewhere).as("not a folder export writes").hasContent("half");
    }

    @Test
    void anExportRemovesTheTemporaryFileAKilledRunLeftBesideTheIndexAndNothingElseThere() throws Exception {
        textNotebook("1");
        run(request());
        Path leftover = project.resolve("target/nbexport/" + KilledRun.leftoverOf("export.index"));
        Path otherFiles = project.resolve("target/nbexport/" + KilledRun.leftoverOf("test.index"));
        Files.writeString(leftover, "half");
        Files.writeString(otherFiles, "half");

        run(request());

        assertThat(leftover).doesNotExist();
        assertThat(otherFiles).as("the test index's is for nbexport:test to remove").hasContent("half");
    }

    @Test
    void aReExportReadsOnlyTheChangedNotebookAndSaysSo() throws Exception {
        textNotebook("1");
        moreNotebook("2");
        run(request());

        moreNotebook("22");
        ExportSummary summary = run(request());

        assertThat(summary.read()).isEqualTo(1);
        assertThat(summary.written()).containsExactly("src/main/java/com/acme/more/More.java");
        assertThat(summary.line()).startsWith("1 of 2 notebooks read: 1 files written, 3 unchanged, 0 removed (");
    }

    @Test
    void aDamagedIndexOrOneOfAnotherFormatMeansAFullExportAndNoError() throws Exception {
        textNotebook("1");
        moreNotebook("2");
        run(request());
        Path index = project.resolve("target/nbexport/export.index");
        String saved = Files.readString(index);

        List<String> bad = List.of(saved.replace("input\t", "input\t0"), saved.substring(0, saved.length() / 2),
                saved.replace("nbexport-index\t3", "nbexport-index\t1"));
        for (int i = 0; i < bad.size(); i++) {
            Files.writeString(index, bad.get(i));
            textNotebook(String.valueOf(10 + i));

            ExportSummary summary = run(request());

            assertThat(summary.read()).as("every notebook read").isEqualTo(2);
            assertThat(summary.written()).containsExactly(TEXT, TEXT_TEST);
            assertThat(Files.readString(index)).as("a good index is back").startsWith("nbexport-index\t3\n");
        }
    }

    @Test
    void aNotebookLeftAloneIsKnownByItsSizeAndTimeAndNotReadAgain() throws Exception {
        textNotebook("1");
        Path notebook = project.resolve("notebooks/01_text.ipynb");
        Files.setLastModifiedTime(notebook, FileTime.fromMillis(978_307_200_000L));
        run(request());

        // other bytes, same size and time: only reading the file could tell, and the run does not read it
        textNotebook("2");
        Files.setLastModifiedTime(notebook, FileTime.fromMillis(978_307_200_000L));
        assertThat(run(request()).upToDate()).isTrue();

        // what saving it does: a new modification time
        Files.setLastModifiedTime(notebook, FileTime.fromMillis(978_307_201_000L));
        ExportSummary summary = run(request());
        assertThat(summary.read()).isEqualTo(1);
        assertThat(project.resolve(TEXT)).content().contains("return 2;");
    }

    @Test
    void aNotebookSavedJustBeforeAnExportIsReadAgainNextTimeEvenWithTheSameSizeAndTime() throws Exception {
        textNotebook("1");
        Path notebook = project.resolve("notebooks/01_text.ipynb");
        FileTime savedAt = Files.getLastModifiedTime(notebook);
        run(request()); // within the same second as the save: its time does not vouch for its content yet

        textNotebook("2"); // saved again in the same clock tick, same size
        Files.setLastModifiedTime(notebook, savedAt);
        ExportSummary summary = run(request());

        assertThat(summary.upToDate()).isFalse();
        assertThat(project.resolve(TEXT)).content().contains("return 2;");
    }
}
