package dev.nbexport.merge;

import dev.nbexport.NbexportException;
import java.util.Arrays;

/**
 * A text with git conflict markers, split back into its sides.
 *
 * <p>git writes a conflict as {@code <<<<<<< ours-label}, ours' lines, optionally
 * {@code ||||||| base-label} and the base's lines (the {@code diff3} and {@code zdiff3} conflict
 * styles), {@code =======}, theirs' lines, {@code >>>>>>> theirs-label}, each marker at the start of
 * a line and {@code conflict-marker-size} characters long (7 unless configured). Lines outside
 * conflicts belong to every side. In a notebook's JSON text no other line can start with these runs:
 * JSON lines start with a space, a bracket or a quote.
 *
 * @param ours the text with ours' half of every conflict
 * @param theirs the text with theirs' half of every conflict
 * @param base the text with the base sections, or {@code null} when some conflict has none
 * @param oursLines for each line of {@code ours}, its 1-based line number in the conflicted text
 * @param theirsLines the same for {@code theirs}
 * @param oursLabel the label of the first opening marker ({@code HEAD}, {@code Updated upstream}, …)
 * @param theirsLabel the label of the first closing marker (a branch, a commit, {@code Stashed changes})
 * @param markerSize the length of the markers
 * @param conflicts how many conflicts the text has
 */
record ConflictedText(String ours, String theirs, String base, int[] oursLines, int[] theirsLines,
        String oursLabel, String theirsLabel, int markerSize, int conflicts) {

    private enum State { OUTSIDE, OURS, BASE, THEIRS }

    /**
     * Splits {@code text}, or returns {@code null} when it has no conflict markers.
     *
     * @throws NbexportException when the markers do not nest as git writes them
     */
    static ConflictedText split(String text, String displayName) {
        StringBuilder ours = new StringBuilder(text.length());
        StringBuilder theirs = new StringBuilder(text.length());
        StringBuilder base = new StringBuilder(text.length());
        LineNumbers oursLines = new LineNumbers();
        LineNumbers theirsLines = new LineNumbers();
        boolean everyConflictHasBase = true;
        String oursLabel = null;
        String theirsLabel = null;
        int size = -1;
        int conflicts = 0;
        int openedAt = 0;
        State state = State.OUTSIDE;
        int lineNumber = 0;
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline + 1;
            String line = text.substring(start, end);
            start = end;
            lineNumber++;
            if (state == State.OUTSIDE) {
                int run = run(line, '<');
                if (run >= MergeOptions.DEFAULT_MARKER_SIZE && (size < 0 || run == size) && endsMarker(line, run, true)) {
                    size = run;
                    state = State.OURS;
                    openedAt = lineNumber;
                    conflicts++;
                    if (oursLabel == null) {
                        oursLabel = label(line, run);
                    }
                    continue;
                }
                ours.append(line);
                oursLines.add(lineNumber);
                theirs.append(line);
                theirsLines.add(lineNumber);
                base.append(line);
                continue;
            }
            if (state == State.OURS && isMarker(line, '|', size, true)) {
                state = State.BASE;
                continue;
            }
            if ((state == State.OURS || state == State.BASE) && isMarker(line, '=', size, false)) {
                everyConflictHasBase &= state == State.BASE;
                state = State.THEIRS;
                continue;
            }
            if (state == State.THEIRS && isMarker(line, '>', size, true)) {
                if (theirsLabel == null) {
                    theirsLabel = label(line, size);
                }
                state = State.OUTSIDE;
                continue;
            }
            if (isMarker(line, '<', size, true) || isMarker(line, '>', size, true)
                    || isMarker(line, '|', size, true) || isMarker(line, '=', size, false)) {
                throw new NbexportException(displayName + ": line " + lineNumber + ": unexpected conflict marker "
                        + line.strip() + " in the conflict that starts at line " + openedAt,
                        "The conflict markers are damaged; fix them by hand or take one side with"
                                + " `git checkout --ours` / `--theirs` and merge again.");
            }
            switch (state) {
                case OURS -> {
                    ours.append(line);
                    oursLines.add(lineNumber);
                }
                case BASE -> base.append(line);
                default -> {
                    theirs.append(line);
                    theirsLines.add(lineNumber);
                }
            }
        }
        if (state != State.OUTSIDE) {
            throw new NbexportException(displayName + ": the conflict that starts at line " + openedAt + " has no end ("
                    + ">".repeat(size) + " line)",
                    "The file was cut off or the markers edited; restore it with `git checkout --merge` and try again.");
        }
        if (conflicts == 0) {
            return null;
        }
        return new ConflictedText(ours.toString(), theirs.toString(), everyConflictHasBase ? base.toString() : null,
                oursLines.toArray(), theirsLines.toArray(), oursLabel, theirsLabel, size, conflicts);
    }

    /** The line of the conflicted text that line {@code sideLine} (1-based) of a side came from. */
    static int originalLine(int[] lines, int sideLine) {
        if (lines.length == 0) {
            return 1;
        }
        return lines[Math.max(0, Math.min(sideLine, lines.length) - 1)];
    }

    private static int run(String line, char c) {
        int run = 0;
        while (run < line.length() && line.charAt(run) == c) {
            run++;
        }
        return run;
    }

    private static boolean isMarker(String line, char c, int size, boolean labelled) {
        return run(line, c) == size && endsMarker(line, size, labelled);
    }

    /** After the run of marker characters: the end of the line, or (when labelled) a space and a label. */
    private static boolean endsMarker(String line, int run, boolean labelled) {
        String rest = line.substring(run);
        if (rest.isEmpty() || rest.equals("\n") || rest.equals("\r\n")) {
            return true;
        }
        return labelled ? rest.charAt(0) == ' ' : rest.isBlank();
    }

    private static String label(String line, int run) {
        return line.substring(run).strip();
    }

    private static final class LineNumbers {
        private int[] numbers = new int[256];
        private int size;

        void add(int number) {
            if (size == numbers.length) {
                numbers = Arrays.copyOf(numbers, size * 2);
            }
            numbers[size++] = number;
        }

        int[] toArray() {
            return Arrays.copyOf(numbers, size);
        }
    }
}
