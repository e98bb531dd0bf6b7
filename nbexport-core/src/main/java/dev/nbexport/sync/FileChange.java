package dev.nbexport.sync;

import java.nio.file.Path;

/**
 * What exporting now would do to one file of a source root.
 *
 * @param root the source root the file is in
 * @param file the file
 * @param shown the file as shown to the user (relative to the project)
 * @param action what happens to it
 * @param current its content now, or {@code null} when it does not exist
 * @param wanted its content after export, or {@code null} when it is to be removed
 */
public record FileChange(Path root, Path file, String shown, Action action, String current, String wanted) {

    /** The kinds of change; the last three are refusals that only {@code force} overrides. */
    public enum Action {
        /** Already as export would write it. */
        UNCHANGED,
        /** New file. */
        CREATE,
        /** Generated file whose notebook changed. */
        UPDATE,
        /** Generated file whose cells are gone from every notebook. */
        REMOVE,
        /** Generated file edited by hand, which export would overwrite. */
        OVERWRITE_HAND_EDIT,
        /** Stale generated file edited by hand, which export would delete. */
        REMOVE_HAND_EDIT,
        /** A file nbexport did not generate stands where a generated file must go. */
        FOREIGN_FILE;

        /** Whether the change would lose somebody's work. */
        public boolean refused() {
            return this == OVERWRITE_HAND_EDIT || this == REMOVE_HAND_EDIT || this == FOREIGN_FILE;
        }
    }
}
