package dev.nbexport.layout;

/**
 * Where each line of a text starts: the one place that turns an offset into a 1-based line and
 * column. Lines end at {@code \n}; a text ending with {@code \n} has an empty last line.
 */
public final class LineStarts {

    private final int[] starts;
    private final int length;

    private LineStarts(int[] starts, int length) {
        this.starts = starts;
        this.length = length;
    }

    /** The lines of {@code text}. */
    public static LineStarts of(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return new LineStarts(starts, text.length());
    }

    /** How many lines the text has (at least one). */
    public int count() {
        return starts.length;
    }

    /** The offset of the first character of a 1-based line. */
    public int start(int line) {
        return starts[line - 1];
    }

    /** The offset just after a 1-based line's {@code \n} (the next line's start), or the text's end. */
    public int next(int line) {
        return line < starts.length ? starts[line] : length;
    }

    /** The 1-based line of an offset. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** The 1-based column of an offset on its line. */
    public int columnOf(int offset) {
        return offset - starts[lineOf(offset) - 1] + 1;
    }
}
