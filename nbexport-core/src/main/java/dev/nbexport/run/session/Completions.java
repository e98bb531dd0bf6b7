package dev.nbexport.run.session;

import java.util.List;

/**
 * What may be typed at the cursor, as a kernel's {@code complete_reply} gives it: each match replaces the text
 * from {@code start} to {@code end} (offsets in the cell's source).
 *
 * @param matches the replacements, best first
 * @param start where the replaced text begins
 * @param end where it ends (the cursor)
 */
public record Completions(List<String> matches, int start, int end) {

    public Completions {
        matches = List.copyOf(matches);
    }
}
