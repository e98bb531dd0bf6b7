package dev.nbexport.problem;

/** How bad a {@link Problem} is. */
public enum Severity {
    /** The input cannot be used as it is: the goal stops, nothing is written. */
    ERROR,
    /** Probably not what the user meant, or worth knowing; the goal goes on. */
    WARNING
}
