package dev.nbexport.diff;

import java.util.List;

/**
 * What happened to one cell between two versions of a notebook.
 *
 * @param kind added, removed, moved, changed or unchanged
 * @param fromNumber the cell's 1-based position in the first version, 0 when it was added
 * @param toNumber the cell's 1-based position in the second version, 0 when it was removed
 * @param from the cell in the first version, {@code null} when it was added
 * @param to the cell in the second version, {@code null} when it was removed
 * @param parts what changed in a changed or moved cell, in text-view order: {@code type}, {@code id},
 *     {@code tags}, {@code source}, {@code outputs}, {@code attachments}, {@code metadata}
 */
record CellChange(Kind kind, int fromNumber, int toNumber, CellText from, CellText to, List<String> parts) {

    /** The kinds of change. */
    enum Kind { UNCHANGED, CHANGED, MOVED, ADDED, REMOVED }

    CellChange {
        parts = List.copyOf(parts);
    }
}
