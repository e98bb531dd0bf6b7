package dev.nbexport.layout;

/**
 * An edit export makes to a cell's code on its way into a file, as a value: the text from
 * {@code start} to {@code end} (offsets in the cell's code) becomes {@code text}. An insertion has
 * {@code start == end}, a removal an empty {@code text}. {@link BlockText} applies them and records
 * them in the {@link SourceMap}, so {@code update} knows what export added and removed.
 */
public record Replacement(int start, int end, String text) {

    public Replacement {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
        text = text == null ? "" : text;
    }

    /** {@code text} put in at {@code offset}. */
    public static Replacement insert(int offset, String text) {
        return new Replacement(offset, offset, text);
    }

    /** The text from {@code start} to {@code end} taken out. */
    public static Replacement remove(int start, int end) {
        return new Replacement(start, end, "");
    }
}
