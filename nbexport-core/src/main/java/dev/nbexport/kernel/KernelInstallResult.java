package dev.nbexport.kernel;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code nbexport:kernel} did.
 *
 * @param name the kernel's name
 * @param dir the kernelspec's folder
 * @param action what happened to it
 * @param changed the files written or removed, relative to {@code dir}, sorted
 */
public record KernelInstallResult(String name, Path dir, Action action, List<String> changed) {

    /** What happened to the kernelspec. */
    public enum Action { INSTALLED, UPDATED, UNCHANGED, REMOVED, ABSENT }

    public KernelInstallResult {
        changed = List.copyOf(changed);
    }

    /** The one line Maven logs. */
    public String line() {
        return switch (action) {
            case INSTALLED -> "Installed kernel " + name + " in " + dir + " (" + changed.size() + " files)";
            case UPDATED -> "Updated kernel " + name + " in " + dir + ": " + String.join(", ", changed);
            case UNCHANGED -> "Kernel " + name + " in " + dir + " is up to date";
            case REMOVED -> "Removed kernel " + name + " from " + dir;
            case ABSENT -> "No kernel " + name + " in " + dir + ": nothing to remove";
        };
    }
}
