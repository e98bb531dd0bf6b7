package dev.nbexport.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * A three-way merge of texts line by line, with the semantics of {@code git merge-file}: a stretch
 * changed on one side only takes that side, one changed the same way on both sides is taken once, one
 * changed differently on both sides is a conflict. Conflicts are resolved for the preferred side when
 * there is one (like {@code git merge -X ours}), otherwise written between conflict markers.
 */
final class LineMerge {

    private LineMerge() {}

    /**
     * The merged text and how many conflicts it has.
     *
     * @param text the merge; conflicts left are between markers
     * @param conflicts conflicting stretches left (0 when clean or all resolved by preference)
     */
    record Result(String text, int conflicts) {
        boolean clean() {
            return conflicts == 0;
        }
    }

    /** Merges without a preference, conflicts between 7-character markers labelled {@code ours} and {@code theirs}. */
    static Result merge(String base, String ours, String theirs) {
        return merge(base, ours, theirs, MergeOptions.defaults());
    }

    /**
     * Merges {@code ours} and {@code theirs}, both derived from {@code base}; conflicts go to the
     * preferred side of {@code options} when it has one, otherwise between its markers.
     */
    static Result merge(String base, String ours, String theirs, MergeOptions options) {
        Side prefer = options.preference();
        if (ours.equals(theirs)) {
            return new Result(ours, 0);
        }
        if (base.equals(ours)) {
            return new Result(theirs, 0);
        }
        if (base.equals(theirs)) {
            return new Result(ours, 0);
        }
        List<String> b = lines(base);
        List<String> o = lines(ours);
        List<String> t = lines(theirs);
        int[] toOurs = Alignment.align(b.size(), o.size(), (i, j) -> b.get(i).equals(o.get(j)));
        int[] toTheirs = Alignment.align(b.size(), t.size(), (i, j) -> b.get(i).equals(t.get(j)));
        StringBuilder out = new StringBuilder(Math.max(ours.length(), theirs.length()) + 64);
        int conflicts = 0;
        for (Diff3.Chunk chunk : Diff3.chunks(toOurs, toTheirs, o.size(), t.size())) {
            List<String> bc = b.subList(chunk.baseStart(), chunk.baseEnd());
            List<String> oc = o.subList(chunk.oursStart(), chunk.oursEnd());
            List<String> tc = t.subList(chunk.theirsStart(), chunk.theirsEnd());
            if (chunk.stable() || oc.equals(tc) || bc.equals(tc)) {
                oc.forEach(out::append);
            } else if (bc.equals(oc)) {
                tc.forEach(out::append);
            } else if (prefer == Side.OURS) {
                oc.forEach(out::append);
            } else if (prefer == Side.THEIRS) {
                tc.forEach(out::append);
            } else {
                conflicts++;
                marker(out, '<', options.markerSize(), options.oursLabel());
                oc.forEach(out::append);
                marker(out, '=', options.markerSize(), "");
                tc.forEach(out::append);
                marker(out, '>', options.markerSize(), options.theirsLabel());
            }
        }
        return new Result(out.toString(), conflicts);
    }

    private static void marker(StringBuilder out, char c, int size, String label) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        out.append(String.valueOf(c).repeat(size));
        if (!label.isEmpty()) {
            out.append(' ').append(label);
        }
        out.append('\n');
    }

    /** The lines of {@code text}, each with its {@code \n}; the last one may lack it. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            lines.add(text.substring(start, i + 1));
            start = i + 1;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
