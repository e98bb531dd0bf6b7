package dev.nbexport.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.NbexportException;
import dev.nbexport.directive.ExportKind;
import dev.nbexport.export.ExportCell;
import dev.nbexport.export.Exporter;
import dev.nbexport.export.NotebookSource;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.layout.GeneratedHeader;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.sync.FileChange.Action;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SourceSync} on a real project folder: files are exported by the real {@link Exporter}, so
 * headers and hashes are exactly what export writes.
 */
class SourceSyncTest {

    private static final String NOTEBOOK = "notebooks/01_text.ipynb";
    private static final String TEXT = "src/main/java/com/acme/text/Text.java";
    private static final String WORDS = "src/main/java/com/acme/text/Words.java";
    private static final String OTHER = "src/main/java/com/acme/other/Other.java";
    private static final String TEXT_TEST = "src/test/java/com/acme/text/TextNotebookTest.java";
    private static final FileTime LONG_AGO = FileTime.fromMillis(978_307_200_000L); // 2001-01-01

    @TempDir
    Path project;

    private SourceSync sync;
    private Map<GeneratedFile.Kind, Path> roots;

    @BeforeEach
    void setUp() {
        sync = new SourceSync(project, "notebooks");
        roots = Map.of(GeneratedFile.Kind.MAIN, project.resolve("src/main/java"),
                GeneratedFile.Kind.TEST, project.resolve("src/test/java"));
    }

    // --- fixtures -----------------------------------------------------------------------------

    /** A cell of notebook {@code NOTEBOOK}: cell {@code n} has id {@code c<n>}. */
    private record Draft(ExportKind kind, String code, String target) {
        Draft to(String otherTarget) {
            return new Draft(kind, code, otherTarget);
        }
    }

    private static Draft export(String code) {
        return new Draft(ExportKind.EXPORT, code, null);
    }

    private static Draft test(String code) {
        return new Draft(ExportKind.TEST, code, null);
    }

    private static List<GeneratedFile> exported(String notebook, Draft... drafts) {
        List<ExportCell> cells = new ArrayList<>();
        for (int i = 0; i < drafts.length; i++) {
            ExportCell cell = ExportCell.of(new CellRef(notebook, i + 1, "c" + (i + 1)), drafts[i].kind(), drafts[i].code());
            cells.add(drafts[i].target() == null ? cell : cell.withTarget(drafts[i].target()));
        }
        return new Exporter().export(List.of(NotebookSource.of(notebook, "com.acme.text.Text", cells))).files();
    }

    private static List<GeneratedFile> exported(Draft... drafts) {
        return exported(NOTEBOOK, drafts);
    }

    /** Text.java, Words.java, Other.java and TextNotebookTest.java. */
    private static List<GeneratedFile> everything() {
        return exported(export("public static int one() { return 1; }"),
                export("record Words(List<String> words) {}"),
                export("public static int two() { return 2; }").to("com.acme.other.Other"),
                test("if (one() != 1) throw new AssertionError();"));
    }

    private List<FileChange> plan(List<GeneratedFile> files) {
        return sync.plan(files, roots, null, List.of());
    }

    private void exportNow(List<GeneratedFile> files) {
        sync.apply(plan(files), false);
    }

    private Path file(String path) {
        return project.resolve(path);
    }

    private String read(String path) throws Exception {
        return Files.readString(file(path), StandardCharsets.UTF_8);
    }

    private void write(String path, String content) throws Exception {
        Files.createDirectories(file(path).getParent());
        Files.writeString(file(path), content, StandardCharsets.UTF_8);
    }

    private void editByHand(String path) throws Exception {
        write(path, read(path).replace("return 1;", "return 1; // tuned by hand"));
    }

    private static Map<String, Action> actions(List<FileChange> changes) {
        Map<String, Action> actions = new java.util.TreeMap<>();
        changes.forEach(c -> actions.put(c.shown(), c.action()));
        return actions;
    }

    private List<String> filesUnder(String dir) throws Exception {
        try (Stream<Path> files = Files.walk(file(dir))) {
            return files.filter(Files::isRegularFile).map(p -> project.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    // --- tests --------------------------------------------------------------------------------

    @Nested
    class Plan {

        @Test
        void newFilesAreCreatedWithTheExportedContent() throws Exception {
            List<GeneratedFile> files = everything();

            List<FileChange> changes = plan(files);

            assertThat(actions(changes)).containsOnly(
                    Map.entry(OTHER, Action.CREATE), Map.entry(TEXT, Action.CREATE),
                    Map.entry(WORDS, Action.CREATE), Map.entry(TEXT_TEST, Action.CREATE));
            assertThat(changes).allSatisfy(c -> {
                assertThat(c.current()).isNull();
                assertThat(c.wanted()).startsWith(GeneratedHeader.FIRST_LINE);
            });
            assertThat(project.resolve("src")).doesNotExist(); // planning writes nothing

            sync.apply(changes, false);

            for (GeneratedFile generated : files) {
                Path root = generated.kind() == GeneratedFile.Kind.MAIN ? file("src/main/java") : file("src/test/java");
                assertThat(root.resolve(generated.relativePath())).hasContent(generated.content());
            }
        }

        @Test
        void changesAreSortedByTheShownPathWhichIsRelativeToTheProject() {
            List<FileChange> changes = plan(everything());

            assertThat(changes).extracting(FileChange::shown).containsExactly(OTHER, TEXT, WORDS, TEXT_TEST);
            assertThat(changes).allSatisfy(c -> assertThat(c.file()).isAbsolute().startsWithRaw(c.root()));
        }

        @Test
        void aFileAlreadyAsExportWouldWriteItIsUnchangedAndNotRewritten() throws Exception {
            exportNow(everything());
            Files.setLastModifiedTime(file(TEXT), LONG_AGO);

            List<FileChange> changes = plan(everything());
            sync.apply(changes, false);

            assertThat(actions(changes).values()).containsOnly(Action.UNCHANGED);
            assertThat(Files.getLastModifiedTime(file(TEXT))).isEqualTo(LONG_AGO);
        }

        @Test
        void anIntactGeneratedFileWhoseNotebookChangedIsUpdated() throws Exception {
            exportNow(everything());
            List<GeneratedFile> changed = exported(export("public static int one() { return 11; }"),
                    export("record Words(List<String> words) {}"),
                    export("public static int two() { return 2; }").to("com.acme.other.Other"),
                    test("if (one() != 11) throw new AssertionError();"));

            List<FileChange> changes = plan(changed);
            sync.apply(changes, false);

            assertThat(actions(changes)).containsEntry(TEXT, Action.UPDATE).containsEntry(TEXT_TEST, Action.UPDATE)
                    .containsEntry(WORDS, Action.UNCHANGED).containsEntry(OTHER, Action.UNCHANGED);
            assertThat(read(TEXT)).contains("return 11;");
            assertThat(GeneratedHeader.parse(read(TEXT))).hasValueSatisfying(h -> assertThat(h.intact()).isTrue());
        }

        @Test
        void aCheckoutWithWindowsLineEndingsIsNotAHandEdit() throws Exception {
            exportNow(everything());
            write(TEXT, read(TEXT).replace("\n", "\r\n"));

            List<FileChange> changes = plan(everything());

            assertThat(actions(changes).get(TEXT)).isNotIn(Action.OVERWRITE_HAND_EDIT, Action.FOREIGN_FILE);
        }

        @Test
        void aCheckoutWithWindowsLineEndingsIsNotRewritten() throws Exception {
            exportNow(everything());
            String windows = read(TEXT).replace("\n", "\r\n");
            write(TEXT, windows);
            Files.setLastModifiedTime(file(TEXT), LONG_AGO);

            List<FileChange> changes = plan(everything());
            sync.apply(changes, false);

            assertThat(actions(changes).get(TEXT)).isEqualTo(Action.UNCHANGED);
            assertThat(read(TEXT)).isEqualTo(windows);
            assertThat(Files.getLastModifiedTime(file(TEXT))).isEqualTo(LONG_AGO);
        }
    }

    @Nested
    class StaleFiles {

        @Test
        void anIntactGeneratedFileWhoseCellIsGoneIsRemoved() throws Exception {
            exportNow(everything());

            List<FileChange> changes = plan(exported(export("public static int one() { return 1; }"),
                    export("public static int two() { return 2; }").to("com.acme.other.Other")));
            sync.apply(changes, false);

            assertThat(actions(changes)).containsEntry(WORDS, Action.REMOVE).containsEntry(TEXT_TEST, Action.REMOVE);
            FileChange words = changes.stream().filter(c -> c.shown().equals(WORDS)).findFirst().orElseThrow();
            assertThat(words.wanted()).isNull();
            assertThat(words.current()).contains("record Words");
            assertThat(file(WORDS)).doesNotExist();
            assertThat(file(TEXT)).exists();
        }

        @Test
        void emptiedPackageFoldersAreTidiedButNeverTheRoot() throws Exception {
            exportNow(everything());

            sync.apply(plan(exported(export("public static int one() { return 1; }"),
                    export("record Words(List<String> words) {}"))), false);

            assertThat(file("src/main/java/com/acme/other")).doesNotExist();
            assertThat(file("src/main/java/com/acme/text")).isDirectory();
            assertThat(file("src/test/java/com")).doesNotExist();
            assertThat(file("src/test/java")).isEmptyDirectory();
        }

        @Test
        void aFolderHoldingAnythingElseIsKept() throws Exception {
            exportNow(everything());
            write("src/main/java/com/acme/other/package-info.java", "package com.acme.other;\n");

            sync.apply(plan(exported(export("public static int one() { return 1; }"))), false);

            assertThat(file(OTHER)).doesNotExist();
            assertThat(file("src/main/java/com/acme/other/package-info.java")).exists();
        }

        @Test
        void aHandWrittenFileIsNeverStale() throws Exception {
            exportNow(everything());
            write("src/main/java/com/acme/text/Helper.java", "package com.acme.text;\n\nclass Helper {}\n");
            write("src/main/java/com/acme/text/Note.java", "// Generated by hand, not by a tool\nclass Note {}\n");

            List<FileChange> changes = plan(exported(export("public static int one() { return 1; }")));
            sync.apply(changes, false);

            assertThat(changes).extracting(FileChange::shown)
                    .doesNotContain("src/main/java/com/acme/text/Helper.java", "src/main/java/com/acme/text/Note.java");
            assertThat(read("src/main/java/com/acme/text/Helper.java")).isEqualTo("package com.acme.text;\n\nclass Helper {}\n");
            assertThat(file("src/main/java/com/acme/text/Note.java")).exists();
        }

        @Test
        void aGeneratedFileFromAnotherNotebooksFolderIsNotOursAndStays() throws Exception {
            // e.g. two modules sharing a source root, or notebooks moved to another folder
            for (String notebook : List.of("other-notebooks/01_text.ipynb", "notebooks2/01_text.ipynb", "/elsewhere/01_text.ipynb")) {
                List<GeneratedFile> theirs = exported(notebook, export("record Theirs() {}"));
                sync.apply(sync.plan(theirs, roots, null, List.of()), false);
                Path theirsFile = file("src/main/java/com/acme/text/Theirs.java");
                String before = Files.readString(theirsFile);

                List<FileChange> changes = plan(exported(export("public static int one() { return 1; }")));
                sync.apply(changes, false);

                assertThat(changes).as(notebook).extracting(FileChange::shown).doesNotContain("src/main/java/com/acme/text/Theirs.java");
                assertThat(theirsFile).as(notebook).hasContent(before);
                Files.delete(theirsFile);
            }
        }

        @Test
        void aGeneratedFileWithoutSourceNotebooksIsNotOurs() throws Exception {
            write("src/main/java/com/acme/text/Odd.java", GeneratedHeader.FIRST_LINE + " long ago\nclass Odd {}\n");

            List<FileChange> changes = plan(exported(export("public static int one() { return 1; }")));
            sync.apply(changes, false);

            assertThat(changes).extracting(FileChange::shown).doesNotContain("src/main/java/com/acme/text/Odd.java");
            assertThat(file("src/main/java/com/acme/text/Odd.java")).exists();
        }

        @Test
        void aGeneratedFileWithAByteOrderMarkIsStillRecognisedAsOurs() throws Exception {
            exportNow(everything());
            write(WORDS, "\uFEFF" + read(WORDS));

            List<FileChange> changes = plan(exported(export("public static int one() { return 1; }")));

            assertThat(actions(changes)).containsEntry(WORDS, Action.REMOVE);
        }

        @Test
        void withAnEmptyNotebooksPathEveryGeneratedFileInTheProjectIsOurs() throws Exception {
            SourceSync atTop = new SourceSync(project, "");
            atTop.apply(atTop.plan(exported("01_text.ipynb", export("record Words() {}")), roots, null, List.of()), false);

            List<FileChange> changes = atTop.plan(List.of(), roots, null, List.of());

            assertThat(actions(changes)).containsOnly(Map.entry(WORDS, Action.REMOVE));
        }
    }

    @Nested
    class Refusals {

        @Test
        void aHandEditedGeneratedFileIsNotOverwritten() throws Exception {
            exportNow(everything());
            editByHand(TEXT);
            String edited = read(TEXT);

            List<FileChange> changes = plan(everything());

            assertThat(actions(changes)).containsEntry(TEXT, Action.OVERWRITE_HAND_EDIT);
            assertThat(Action.OVERWRITE_HAND_EDIT.refused()).isTrue();
            assertThatThrownBy(() -> sync.apply(changes, false))
                    .isInstanceOf(NbexportException.class)
                    .hasMessageContaining(TEXT + ": generated file edited by hand; export would overwrite the edit")
                    .satisfies(e -> assertThat(((NbexportException) e).hint())
                            .contains("mvn nbexport:update").contains("-Dnbexport.force"));
            assertThat(read(TEXT)).isEqualTo(edited);
        }

        @Test
        void aGeneratedFileWithoutItsHashLineCountsAsEdited() throws Exception {
            exportNow(everything());
            String content = read(TEXT);
            write(TEXT, content.replaceAll("(?m)^// nbexport-sha256: .*\n", ""));

            assertThat(actions(plan(everything()))).containsEntry(TEXT, Action.OVERWRITE_HAND_EDIT);
        }

        @Test
        void aHandEditTheNotebookAlreadyHoldsIsNoLongerAnEditToKeep() throws Exception {
            exportNow(everything());
            write(TEXT, read(TEXT).replace("return 1;", "return 11;"));
            List<GeneratedFile> notebookEditedToo = exported(export("public static int one() { return 11; }"),
                    export("record Words(List<String> words) {}"),
                    export("public static int two() { return 2; }").to("com.acme.other.Other"),
                    test("if (one() != 1) throw new AssertionError();"));
            assertThat(actions(plan(everything()))).as("against the old notebook the edit is still the file's alone")
                    .containsEntry(TEXT, Action.OVERWRITE_HAND_EDIT);

            List<FileChange> changes = plan(notebookEditedToo);
            sync.apply(changes, false);

            assertThat(actions(changes)).containsEntry(TEXT, Action.UPDATE);
            assertThat(read(TEXT)).contains("return 11;");
            assertThat(GeneratedHeader.parse(read(TEXT))).hasValueSatisfying(h -> assertThat(h.intact()).isTrue());
        }

        @Test
        void aHandEditedStaleFileIsNotRemoved() throws Exception {
            exportNow(everything());
            write(OTHER, read(OTHER).replace("return 2;", "return 2; // mine"));
            String edited = read(OTHER);

            List<FileChange> changes = plan(exported(export("public static int one() { return 1; }")));

            assertThat(actions(changes)).containsEntry(OTHER, Action.REMOVE_HAND_EDIT);
            assertThatThrownBy(() -> sync.apply(changes, false))
                    .isInstanceOf(NbexportException.class)
                    .hasMessageContaining(OTHER + ": generated file edited by hand whose cells are gone; export would delete it")
                    .satisfies(e -> assertThat(((NbexportException) e).hint()).contains("nbexport:update"));
            assertThat(read(OTHER)).isEqualTo(edited);
        }

        @Test
        void aHandWrittenFileWhereAnExportedClassMustGoIsNotOverwritten() throws Exception {
            String mine = "package com.acme.text;\n\npublic class Words {}\n";
            write(WORDS, mine);

            List<FileChange> changes = plan(everything());

            assertThat(actions(changes)).containsEntry(WORDS, Action.FOREIGN_FILE);
            assertThatThrownBy(() -> sync.apply(changes, false))
                    .isInstanceOf(NbexportException.class)
                    .hasMessageContaining(WORDS + ": not generated by nbexport")
                    .satisfies(e -> assertThat(((NbexportException) e).hint())
                            .contains("Rename or move the hand-written file").contains("-Dnbexport.force")
                            .doesNotContain("nbexport:update"));
            assertThat(read(WORDS)).isEqualTo(mine);
        }

        @Test
        void nothingAtAllIsWrittenWhenAnyChangeIsRefused() throws Exception {
            exportNow(exported(export("public static int one() { return 1; }"),
                    export("public static int two() { return 2; }").to("com.acme.other.Other")));
            editByHand(TEXT);
            Files.setLastModifiedTime(file(OTHER), LONG_AGO);
            String other = read(OTHER);

            // would create Words.java and the test, update Other.java, refuse Text.java
            List<FileChange> changes = plan(exported(export("public static int one() { return 1; }"),
                    export("record Words(List<String> words) {}"),
                    export("public static int two() { return 22; }").to("com.acme.other.Other"),
                    test("if (one() != 1) throw new AssertionError();")));
            assertThat(actions(changes)).containsEntry(WORDS, Action.CREATE).containsEntry(OTHER, Action.UPDATE)
                    .containsEntry(TEXT, Action.OVERWRITE_HAND_EDIT);

            assertThatThrownBy(() -> sync.apply(changes, false)).isInstanceOf(NbexportException.class);

            assertThat(file(WORDS)).doesNotExist();
            assertThat(file(TEXT_TEST)).doesNotExist();
            assertThat(read(OTHER)).isEqualTo(other);
            assertThat(Files.getLastModifiedTime(file(OTHER))).isEqualTo(LONG_AGO);
        }

        @Test
        void everyRefusedFileIsNamedInOneMessage() throws Exception {
            exportNow(everything());
            editByHand(TEXT);
            write(OTHER, read(OTHER).replace("return 2;", "return 2; // mine"));
            Files.delete(file(WORDS));
            write(WORDS, "package com.acme.text;\n\npublic record Words() {}\n");

            List<FileChange> changes = plan(exported(export("public static int one() { return 1; }"),
                    export("record Words(List<String> words) {}")));

            assertThatThrownBy(() -> sync.apply(changes, false))
                    .isInstanceOf(NbexportException.class)
                    .hasMessageStartingWith("Export stopped to keep your work in 3 files:")
                    .hasMessageContaining(TEXT).hasMessageContaining(OTHER).hasMessageContaining(WORDS)
                    .satisfies(e -> assertThat(((NbexportException) e).hint())
                            .contains("nbexport:update").contains("Rename or move").contains("-Dnbexport.force"));
        }

        @Test
        void forceOverwritesAndRemovesWhatWasRefused() throws Exception {
            exportNow(everything());
            editByHand(TEXT);
            write(OTHER, read(OTHER).replace("return 2;", "return 2; // mine"));
            Files.delete(file(WORDS));
            write(WORDS, "package com.acme.text;\n\npublic record Words() {}\n");
            List<GeneratedFile> files = exported(export("public static int one() { return 1; }"),
                    export("record Words(List<String> words) {}"));

            sync.apply(plan(files), true);

            assertThat(actions(plan(files)).values()).containsOnly(Action.UNCHANGED);
            assertThat(read(TEXT)).doesNotContain("by hand");
            assertThat(read(WORDS)).startsWith(GeneratedHeader.FIRST_LINE);
            assertThat(file(OTHER)).doesNotExist();
        }

        @Test
        void onlyTheLastThreeActionsAreRefusals() {
            assertThat(Stream.of(Action.values()).filter(Action::refused))
                    .containsExactly(Action.OVERWRITE_HAND_EDIT, Action.REMOVE_HAND_EDIT, Action.FOREIGN_FILE);
        }
    }

    @Test
    void filesOutsideTheRootsAreNeverLookedAt() throws Exception {
        exportNow(everything());
        List<GeneratedFile> copy = exported(export("record Words(List<String> words) {}"));
        write("src/main/resources/Words.java", copy.get(0).content());
        write("Words.java", copy.get(0).content());

        List<FileChange> changes = plan(List.of());
        sync.apply(changes, false);

        assertThat(changes).extracting(FileChange::shown).allMatch(p -> p.startsWith("src/main/java/") || p.startsWith("src/test/java/"));
        assertThat(filesUnder("src")).containsExactly("src/main/resources/Words.java");
        assertThat(file("Words.java")).exists();
    }
}
