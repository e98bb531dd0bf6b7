package dev.nbexport.notebook;

import java.util.ArrayList;
import java.util.List;

/** Line splitting as Python's {@code str.splitlines(keepends=True)} does it; nbformat relies on it. */
final class PythonLines {

    private PythonLines() {}

    /**
     * Splits after every line boundary Python knows: {@code \n}, {@code \r}, {@code \r\n},
     * U+000B, U+000C, U+001C, U+001D, U+001E, U+0085, U+2028 and U+2029. Each piece keeps its line
     * end; an empty string gives no pieces.
     */
    static List<String> splitKeepEnds(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isBreak(c)) {
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    private static boolean isBreak(char c) {
        if (c < 0x20) {
            return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E;
        }
        return c == 0x85 || c == 0x2028 || c == 0x2029;
    }
}
