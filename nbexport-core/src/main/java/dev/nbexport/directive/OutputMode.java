package dev.nbexport.directive;

/** The value of {@code output}: whether the notebook runner compares a cell's fresh output with its stored one. */
public enum OutputMode {
    /** Compare fresh and stored output; a difference fails the run. */
    CHECK,
    /** Never compare this cell's output. */
    IGNORE
}
