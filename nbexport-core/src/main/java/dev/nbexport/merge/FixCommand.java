package dev.nbexport.merge;

import dev.nbexport.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Repairs notebooks that git left with conflict markers, in place: each becomes a valid notebook again,
 * with what still conflicts between marker cells. A notebook without markers is left byte for byte.
 */
public final class FixCommand {

    private FixCommand() {}

    /**
     * What happened to one notebook.
     *
     * @param name the notebook as shown to the user
     * @param written whether the file was rewritten
     * @param conflicts conflicts left as marker cells
     * @param notes what the merge decided on its own (e.g. metadata changed on both sides, ours kept)
     */
    public record Outcome(String name, boolean written, int conflicts, List<String> notes) {

        public Outcome {
            notes = List.copyOf(notes);
        }

        /** One line for the user. */
        public String describe() {
            if (conflicts == 0) {
                return name + ": " + (written ? "repaired, no conflicts left" : "nothing to repair");
            }
            return name + ": " + (written ? "repaired, " : "") + conflicts + (conflicts == 1 ? " conflict" : " conflicts")
                    + " left as marker cells (<<<<<<< … ======= … >>>>>>>): resolve them in Jupyter,"
                    + " or fix again preferring ours or theirs";
        }
    }

    /**
     * Repairs {@code file}. The temporary files that a killed run of ours left for it are removed first
     * ({@link AtomicFiles#removeLeftoversOf}).
     *
     * @throws dev.nbexport.NbexportException when a side of a conflict is not a readable notebook;
     *     nothing is written then
     */
    public static Outcome fix(Path file, String name, MergeOptions options) {
        AtomicFiles.removeLeftoversOf(file);
        byte[] content;
        try {
            content = MergeDriverMain.read(file, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        MergeResult result = NotebookConflictRepair.repair(content, name, options);
        boolean written = AtomicFiles.writeIfChanged(file, result.toBytes());
        return new Outcome(name, written, result.conflicts(), result.notes());
    }
}
