package dev.nbexport.run;

import dev.nbexport.NbexportException;
import dev.nbexport.io.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * One of {@code total} parts of a notebook suite, for CI matrices: {@code 2/4} is the second quarter. A
 * notebook's part comes from a hash of its path, so adding a notebook never moves the others, and the
 * {@code total} parts together hold every notebook exactly once.
 *
 * @param index 1-based part
 * @param total how many parts
 */
public record Shard(int index, int total) {

    public Shard {
        if (total < 1 || index < 1 || index > total) {
            throw new IllegalArgumentException("shard " + index + "/" + total);
        }
    }

    /** {@code 2/4}. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/");
        try {
            if (parts.length == 2) {
                int index = Integer.parseInt(parts[0].strip());
                int total = Integer.parseInt(parts[1].strip());
                if (total >= 1 && index >= 1 && index <= total) {
                    return new Shard(index, total);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new NbexportException("nbexport.test.shard is `" + text + "`, not a part like `2/4`",
                "Write <index>/<total> with 1 <= index <= total, e.g. -Dnbexport.test.shard=2/4.");
    }

    /** Whether the notebook at {@code shownPath} (relative, with {@code /}) is in this part. */
    public boolean contains(String shownPath) {
        String hex = Sha256.hex(shownPath.getBytes(StandardCharsets.UTF_8)).substring(0, 15);
        return Long.parseLong(hex, 16) % total == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + total;
    }
}
