package dev.nbexport.merge;

import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A merged notebook, with the number of conflicts left in it and notes on what was decided for the
 * user (for example metadata that both sides changed, resolved for ours).
 *
 * <p>Conflicts left are shown in the notebook as marker cells; callers exit non-zero while
 * {@link #conflicts()} is above zero.
 */
public final class MergeResult {

    private final Notebook notebook;
    private final int conflicts;
    private final List<String> notes;
    private final String text;

    private MergeResult(Notebook notebook, int conflicts, List<String> notes, String text) {
        this.notebook = Objects.requireNonNull(notebook, "notebook");
        this.conflicts = conflicts;
        this.notes = List.copyOf(notes);
        this.text = text;
    }

    static MergeResult of(Notebook notebook, int conflicts, List<String> notes) {
        return new MergeResult(notebook, conflicts, notes, null);
    }

    /** A result whose exact text is kept rather than rewritten: a clean line merge, or an untouched file. */
    static MergeResult ofText(Notebook notebook, String text, int conflicts, List<String> notes) {
        return new MergeResult(notebook, conflicts, notes, Objects.requireNonNull(text, "text"));
    }

    public Notebook notebook() {
        return notebook;
    }

    /** Conflicting stretches left as marker cells; 0 when the merge is clean. */
    public int conflicts() {
        return conflicts;
    }

    public boolean isClean() {
        return conflicts == 0;
    }

    /** What was resolved automatically and how, one sentence each. */
    public List<String> notes() {
        return notes;
    }

    /**
     * The file content to write: the text of a clean line merge (or of a file that needed no change)
     * as it is, otherwise the notebook as nbformat writes it.
     */
    public byte[] toBytes() {
        return text != null ? text.getBytes(StandardCharsets.UTF_8) : NotebookWriter.toBytes(notebook);
    }
}
