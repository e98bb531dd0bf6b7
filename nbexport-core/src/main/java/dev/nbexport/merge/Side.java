package dev.nbexport.merge;

/** One side of a merge: ours (the branch being merged into, {@code HEAD}) or theirs. */
public enum Side {
    OURS,
    THEIRS
}
