package dev.nbexport.sync;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/** A unified diff between two versions of a file, as check and update show them. */
public final class UnifiedDiff {

    private UnifiedDiff() {}

    /** The diff from {@code before} to {@code after}, lines joined by the platform's line separator; empty when equal. */
    public static String of(String beforeLabel, List<String> before, String afterLabel, List<String> after, int context) {
        return of(beforeLabel, before, afterLabel, DiffUtils.diff(before, after), context);
    }

    /** As {@link #of(String, List, String, List, int)}, for a patch already computed from {@code before}. */
    public static String of(String beforeLabel, List<String> before, String afterLabel, Patch<String> patch, int context) {
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        return String.join(System.lineSeparator(),
                UnifiedDiffUtils.generateUnifiedDiff(beforeLabel, afterLabel, before, patch, context));
    }
}
