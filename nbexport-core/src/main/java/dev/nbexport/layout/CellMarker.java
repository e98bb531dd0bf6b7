package dev.nbexport.layout;

import dev.nbexport.notebook.CellRef;
import java.util.Objects;
import java.util.Optional;

/**
 * The comment before every exported block that says which cell it came from:
 * {@code // %% notebooks/01_slugify.ipynb #e443df78}.
 *
 * <p>The key after {@code #} is the cell id. A notebook without cell ids (nbformat before 4.5)
 * uses the 1-based cell number instead, e.g. {@code #3}; such notebooks have no ids at all, so a
 * reader resolves the key as an id when the notebook has ids and as a number otherwise. Markers
 * may be indented; the notebook path may contain spaces (the key follows the last {@code " #"}).
 *
 * @param notebook notebook path relative to the project, {@code /} separators
 * @param key the cell id, or the cell number when the notebook has no ids
 */
public record CellMarker(String notebook, String key) {

    /** What every marker line starts with, after indentation. */
    public static final String PREFIX = "// %% ";

    public CellMarker {
        Objects.requireNonNull(notebook, "notebook");
        Objects.requireNonNull(key, "key");
    }

    /** The marker for a cell: its id, or its number when it has none. */
    public static CellMarker of(CellRef cell) {
        return new CellMarker(cell.notebook(), cell.id() != null ? cell.id() : Integer.toString(cell.number()));
    }

    /** The marker line, without indentation or newline. */
    public String render() {
        return PREFIX + notebook + " #" + key;
    }

    /** How messages name the cell: {@code notebooks/01_slugify.ipynb #e443df78}. */
    public String cellName() {
        return notebook + " #" + key;
    }

    /** Reads a marker line (indentation and trailing whitespace allowed), or empty. */
    public static Optional<CellMarker> parse(String line) {
        String s = line.strip();
        if (!s.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int hash = s.lastIndexOf(" #");
        if (hash < PREFIX.length()) {
            return Optional.empty();
        }
        String notebook = s.substring(PREFIX.length(), hash).strip();
        String key = s.substring(hash + 2);
        if (notebook.isEmpty() || key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.of(new CellMarker(notebook, key));
    }

    @Override
    public String toString() {
        return render();
    }
}
