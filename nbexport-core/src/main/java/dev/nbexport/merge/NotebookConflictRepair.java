package dev.nbexport.merge;

import dev.nbexport.NbexportException;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookFormatException;
import dev.nbexport.notebook.NotebookReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs a notebook that git left with conflict markers in its JSON text ({@code git merge},
 * {@code rebase}, {@code stash pop}, {@code cherry-pick}) into a valid notebook.
 *
 * <p>Both sides of the file are rebuilt as whole JSON texts and read as notebooks, then merged cell by
 * cell with {@link NotebookMerge}: three-way when the markers carry base sections
 * ({@code merge.conflictStyle=diff3} or {@code zdiff3}), two-way otherwise. Conflicts left are shown
 * as marker cells labelled with the labels of git's markers ({@code <<<<<<< HEAD} …
 * {@code >>>>>>> feature}). A notebook without conflict markers is read as it is; its marker cells
 * from an earlier repair or merge are counted, and resolved when a side is preferred.
 *
 * <pre>{@code
 * MergeResult result = NotebookConflictRepair.repair(Files.readAllBytes(file), "nb.ipynb", MergeOptions.defaults());
 * NotebookWriter.write(result.notebook(), file);
 * }</pre>
 */
public final class NotebookConflictRepair {

    private static final Pattern AT_LINE = Pattern.compile("line (\\d+):(\\d+)");

    private NotebookConflictRepair() {}

    /**
     * Repairs {@code content}, the bytes of a notebook file, named {@code displayName} in messages.
     * The labels of {@code options} are used only when the markers have none.
     *
     * @throws NbexportException when a side of the conflicts is not a valid notebook (with the line of
     *     the conflicted file and the side), or when the file is not a notebook at all; nothing is
     *     written by this class
     */
    public static MergeResult repair(byte[] content, String displayName, MergeOptions options) {
        String text = new String(content, StandardCharsets.UTF_8);
        ConflictedText conflicted = ConflictedText.split(text, displayName);
        if (conflicted == null) {
            Notebook notebook = NotebookReader.parse(content, displayName);
            Notebook resolved = options.preference() == null ? notebook
                    : ConflictCells.resolve(notebook, options.preference());
            return resolved.equals(notebook)
                    ? MergeResult.ofText(notebook, text, ConflictCells.count(notebook), List.of())
                    : MergeResult.of(resolved, ConflictCells.count(resolved), List.of());
        }
        MergeOptions labelled = options
                .withLabels(orDefault(conflicted.oursLabel(), options.oursLabel()),
                        orDefault(conflicted.theirsLabel(), options.theirsLabel()))
                .withMarkerSize(conflicted.markerSize());
        Notebook ours = side(conflicted.ours(), conflicted.oursLines(), "ours", labelled.oursLabel(), displayName);
        Notebook theirs = side(conflicted.theirs(), conflicted.theirsLines(), "theirs", labelled.theirsLabel(), displayName);
        List<String> notes = new ArrayList<>();
        Notebook base = null;
        if (conflicted.base() != null) {
            try {
                base = NotebookReader.parse(conflicted.base().getBytes(StandardCharsets.UTF_8), displayName + " (base)");
            } catch (NotebookFormatException e) {
                notes.add("the base sections (|||||||) do not form a valid notebook, so the sides were compared"
                        + " without them: every difference is shown as a conflict");
            }
        }
        MergeResult merged = base != null
                ? NotebookMerge.merge(base, ours, theirs, labelled)
                : NotebookMerge.merge(ours, theirs, labelled);
        notes.addAll(merged.notes());
        return MergeResult.of(merged.notebook(), merged.conflicts(), notes);
    }

    private static String orDefault(String label, String fallback) {
        return label == null || label.isEmpty() ? fallback : label;
    }

    private static Notebook side(String text, int[] lines, String side, String label, String displayName) {
        try {
            // git's line merge may have spliced fields of two cells into one: put it back into shape
            return CellShape.normalize(NotebookReader.parse(text.getBytes(StandardCharsets.UTF_8), displayName));
        } catch (NotebookFormatException e) {
            String where = e.where();
            String problem = e.getMessage();
            String prefix = e.file() + (where.isEmpty() ? "" : ": " + where) + ": ";
            if (problem.startsWith(prefix)) {
                problem = problem.substring(prefix.length());
            }
            Matcher at = AT_LINE.matcher(where);
            String location = at.matches()
                    ? "line " + ConflictedText.originalLine(lines, Integer.parseInt(at.group(1))) + ":" + at.group(2)
                    : where;
            throw new NbexportException(displayName + (location.isEmpty() ? "" : ": " + location) + ": the " + side
                    + " side of the conflicts (" + label + ") is not a valid notebook: " + problem,
                    "Fix the conflict markers near that line by hand, or take one side whole with"
                            + " `git checkout --" + side + " -- " + displayName + "`. Nothing was written.", e);
        }
    }
}
