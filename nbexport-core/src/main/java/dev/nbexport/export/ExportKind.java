package dev.nbexport.export;

/** How a code cell takes part in export, as its directives say. */
public enum ExportKind {
    /** {@code //| export}: public API of the target. */
    EXPORT,
    /** {@code //| exporti}: exported, package-private. */
    EXPORTI,
    /** {@code //| exports}: exported like {@link #EXPORT}; the docs also show the source. */
    EXPORTS,
    /** {@code //| test}: becomes JUnit 5 test code. */
    TEST,
    /** Not exported: runs in the notebook only. */
    NONE;

    /** Whether the cell's declarations go into main sources. */
    public boolean exportsCode() {
        return this == EXPORT || this == EXPORTI || this == EXPORTS;
    }
}
