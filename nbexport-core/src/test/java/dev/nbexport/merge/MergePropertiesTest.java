package dev.nbexport.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.testing.NbformatValidation;
import dev.nbexport.testing.NotebookGen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

class MergePropertiesTest {

    private static final MergeOptions OPTIONS = MergeOptions.defaults();

    /** A base notebook, two sides edited from it, and what merging them must give. */
    record Edits(Notebook base, Notebook ours, Notebook theirs, Notebook expected) {}

    /**
     * Random two-sided edits that touch different cells: each cell is left alone, edited (source or
     * tags) by one side, edited the same way by both, or deleted by one side; each side inserts new
     * cells. Deletions and insertions of ours come before a cell that neither side deletes, those of
     * theirs after it, so no two edits of different sides are neighbours (which diff3 calls a conflict).
     */
    static Gen<Edits> disjointEdits() {
        return NotebookGen.notebooks().zip(lists().of(integers().between(0, 9)).ofSize(8),
                lists().of(integers().between(0, 3)).ofSize(9), integers().between(0, 7), MergePropertiesTest::edits);
    }

    private static Edits edits(Notebook base, List<Integer> cellActions, List<Integer> gapActions, int boundarySeed) {
        List<Cell> cells = base.cells();
        int boundary = cells.isEmpty() ? 0 : boundarySeed % cells.size();
        List<Cell> ours = new ArrayList<>();
        List<Cell> theirs = new ArrayList<>();
        List<Cell> expected = new ArrayList<>();
        for (int i = 0; i <= cells.size(); i++) {
            if (gapActions.get(i) == 0) {
                boolean byOurs = i <= boundary;
                Cell added = Cell.of(CellType.MARKDOWN, (byOurs ? "new-ours-" : "new-theirs-") + i, "added at " + i);
                (byOurs ? ours : theirs).add(added);
                expected.add(added);
            }
            if (i == cells.size()) {
                break;
            }
            Cell cell = cells.get(i);
            Cell oursCell = cell;
            Cell theirsCell = cell;
            boolean deletedByOurs = false;
            boolean deletedByTheirs = false;
            switch (cellActions.get(i)) {
                case 2 -> oursCell = cell.withSource(cell.source() + "\n// ours");
                case 3 -> theirsCell = cell.withSource(cell.source() + "\n// theirs");
                case 4 -> {
                    oursCell = cell.withSource("// both\n" + cell.source());
                    theirsCell = oursCell;
                }
                case 5 -> {
                    deletedByOurs = i < boundary;
                    deletedByTheirs = i > boundary;
                }
                case 6 -> oursCell = withTag(cell, "ours-tag");
                case 7 -> theirsCell = withTag(cell, "theirs-tag");
                case 8 -> {
                    oursCell = cell.withSource(cell.source() + "\n// ours");
                    theirsCell = withTag(cell, "theirs-tag");
                }
                default -> { }
            }
            if (!deletedByOurs) {
                ours.add(oursCell);
            }
            if (!deletedByTheirs) {
                theirs.add(theirsCell);
            }
            if (!deletedByOurs && !deletedByTheirs) {
                expected.add(cellActions.get(i) == 8 ? withTag(oursCell, "theirs-tag") : oursCell.equals(cell) ? theirsCell : oursCell);
            }
        }
        Notebook oursNotebook = base.withMetadata(base.metadata().with("ours-key", Json.string("o"))).withCells(ours);
        Notebook theirsNotebook = base.withMetadata(base.metadata().with("theirs-key", Json.string("t"))).withCells(theirs);
        Notebook expectedNotebook = base.withMetadata(base.metadata().with("ours-key", Json.string("o"))
                .with("theirs-key", Json.string("t"))).withCells(expected);
        return new Edits(base, oursNotebook, theirsNotebook, expectedNotebook);
    }

    private static Cell withTag(Cell cell, String tag) {
        List<Json> tags = new ArrayList<>(cell.metadata().array("tags") == null ? List.of() : cell.metadata().array("tags").elements());
        if (!tags.contains(Json.string(tag))) {
            tags.add(Json.string(tag));
        }
        return cell.withMetadata(cell.metadata().with("tags", new JsonArray(tags)));
    }

    @Test
    void editsToDifferentCellsMergeCleanlyAndTheResultHasBothSidesEdits() {
        qt().withExamples(300).forAll(disjointEdits()).checkAssert(edits -> {
            MergeResult result = NotebookMerge.merge(edits.base(), edits.ours(), edits.theirs(), OPTIONS);

            assertThat(result.conflicts()).isZero();
            assertThat(result.notes()).isEmpty();
            assertThat(result.notebook()).isEqualTo(edits.expected());
        });
    }

    @Test
    void theMergeDriverMergesEditsToDifferentCellsCleanlyWhetherByLinesOrByCells() {
        qt().withExamples(150).forAll(disjointEdits()).checkAssert(edits -> {
            MergeResult result = NotebookMerge.mergeFiles(bytes(edits.base()), bytes(edits.ours()), bytes(edits.theirs()),
                    "nb.ipynb", OPTIONS);

            assertThat(result.conflicts()).isZero();
            assertThat(NotebookReader.parse(result.toBytes(), "merged")).isEqualTo(edits.expected());
        });
    }

    @Test
    void mergingANotebookWithItselfIsTheIdentity() {
        qt().withExamples(150).forAll(NotebookGen.notebooks()).checkAssert(notebook -> {
            byte[] bytes = bytes(notebook);
            assertThat(NotebookMerge.merge(notebook, notebook, notebook, OPTIONS).notebook()).isEqualTo(notebook);
            assertThat(NotebookMerge.merge(notebook, notebook, OPTIONS).notebook()).isEqualTo(notebook);
            assertThat(NotebookMerge.mergeFiles(bytes, bytes, bytes, "nb.ipynb", OPTIONS).toBytes()).isEqualTo(bytes);
        });
    }

    @Test
    void aChangeOnOneSideOnlyIsTakenWhole() {
        qt().withExamples(150).forAll(NotebookGen.notebooks(), NotebookGen.notebooks()).checkAssert((base, changed) -> {
            assertThat(NotebookMerge.merge(base, base, changed, OPTIONS).notebook()).isEqualTo(changed);
            assertThat(NotebookMerge.merge(base, changed, base, OPTIONS).notebook()).isEqualTo(changed);
        });
    }

    /** Random edits of each side, conflicting or not: replaced sources, deletions, insertions. */
    static Gen<Notebook> randomlyEdited(Notebook base, String side) {
        return lists().of(integers().between(0, 5)).ofSize(9).zip(lists().of(NotebookGen.text()).ofSize(9), (actions, texts) -> {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i <= base.cells().size(); i++) {
                int action = actions.get(i % 9);
                if (action == 0) {
                    cells.add(Cell.of(CellType.CODE, side + "-" + i, texts.get(i % 9)));
                }
                if (i < base.cells().size()) {
                    Cell cell = base.cells().get(i);
                    if (action == 1) {
                        cells.add(cell.withSource(texts.get(i % 9)));
                    } else if (action != 2) {
                        cells.add(cell);
                    }
                }
            }
            return base.withCells(cells);
        });
    }

    @Test
    void fixTurnsEveryConflictedFileGitWritesIntoAValidNotebook(@TempDir Path dir) throws IOException, InterruptedException {
        Path out = Files.createDirectories(dir.resolve("fixed"));
        List<String> written = new ArrayList<>();
        qt().withExamples(100)
                .forAll(NotebookGen.notebooks().map(MergePropertiesTest::withValidTags).flatMap(base -> randomlyEdited(base, "ours")
                        .zip(randomlyEdited(base, "theirs"), (o, t) -> new Notebook[] {base, o, t})), booleans().all())
                .checkAssert((sides, diff3) -> {
                    String conflicted = Git.mergeFile(dir, text(sides[0]), text(sides[1]), text(sides[2]), diff3);
                    MergeResult result = NotebookConflictRepair.repair(conflicted.getBytes(StandardCharsets.UTF_8),
                            "nb.ipynb", OPTIONS);

                    Notebook fixed = NotebookReader.parse(result.toBytes(), "fixed");
                    assertThat(ConflictCells.count(fixed)).isEqualTo(result.conflicts());
                    NotebookMergeTest.assertUniqueIds(fixed);
                    MergeResult resolved = NotebookConflictRepair.repair(result.toBytes(), "nb.ipynb", OPTIONS.preferring(Side.THEIRS));
                    assertThat(resolved.conflicts()).isZero();
                    try {
                        Path file = out.resolve(written.size() + ".ipynb");
                        Files.write(file, result.toBytes());
                        written.add(file.toString());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        NbformatValidation.assertValid(written);
    }

    /**
     * The notebook with only tags nbformat's schema accepts (non-empty, no comma, unique):
     * {@link NotebookGen} makes any strings, which is right for round trips but not for validation.
     */
    private static Notebook withValidTags(Notebook notebook) {
        List<Cell> cells = new ArrayList<>();
        for (Cell cell : notebook.cells()) {
            JsonArray tags = cell.metadata().array("tags");
            if (tags == null) {
                cells.add(cell);
                continue;
            }
            List<Json> valid = new ArrayList<>();
            for (Json tag : tags.elements()) {
                if (tag instanceof Json.JsonString s && !s.value().isEmpty() && !s.value().contains(",") && !valid.contains(tag)) {
                    valid.add(tag);
                }
            }
            cells.add(cell.withMetadata(cell.metadata().with("tags", new JsonArray(valid))));
        }
        return notebook.withCells(cells);
    }

    private static byte[] bytes(Notebook notebook) {
        return NotebookWriter.toBytes(notebook);
    }

    private static String text(Notebook notebook) {
        return NotebookWriter.toText(notebook);
    }
}
