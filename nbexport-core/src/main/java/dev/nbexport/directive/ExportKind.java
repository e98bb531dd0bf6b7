package dev.nbexport.directive;

/** How a code cell takes part in export, as set by {@code export}, {@code exporti}, {@code exports} or {@code test}. */
public enum ExportKind {
    /** Exported into the library, public. */
    EXPORT,
    /** Exported, but package-private and left out of the docs' API list. */
    EXPORTI,
    /** Exported, and the docs also show its source. */
    EXPORTS,
    /** Becomes JUnit 5 test code. */
    TEST,
    /** Not exported: the cell only runs in the notebook. */
    NONE;

    /** True for the three kinds that put code into the library. */
    public boolean exportsCode() {
        return this == EXPORT || this == EXPORTI || this == EXPORTS;
    }
}
