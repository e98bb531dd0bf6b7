package dev.nbexport.export;

import dev.nbexport.layout.GeneratedFile;
import java.util.Objects;
import java.util.Set;

/**
 * Which of its planned files an export emits, for a re-export of part of a project: the notebooks
 * given are those whose files changed and those sharing a file with them, and the files the other
 * notebooks make are named so that their classes count as declared in their packages.
 *
 * <p>A file's content depends on the notebooks whose cells go into it and on which classes its package
 * holds, nothing else; so a file emitted in a scope equals the same file of a full export, as long as
 * every notebook whose cells go into it is given and {@code elsewhere} names every file the others
 * make.
 *
 * @param emit the files to emit, or {@code null} for every planned file
 * @param elsewhere files the notebooks left out of this export make
 */
public record ExportScope(Set<GeneratedFile.Id> emit, Set<GeneratedFile.Id> elsewhere) {

    private static final ExportScope ALL = new ExportScope(null, Set.of());

    public ExportScope {
        emit = emit == null ? null : Set.copyOf(emit);
        elsewhere = Set.copyOf(Objects.requireNonNull(elsewhere, "elsewhere"));
    }

    /** Every planned file, of a whole project. */
    public static ExportScope all() {
        return ALL;
    }

    boolean emits(GeneratedFile.Id id) {
        return emit == null || emit.contains(id);
    }
}
