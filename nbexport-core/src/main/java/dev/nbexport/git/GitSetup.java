package dev.nbexport.git;

import dev.nbexport.NbexportException;
import dev.nbexport.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Installs nbexport's git integration into a repository, idempotently and without clobbering what is
 * there: the notebook merge driver in the repository's own git config, a {@code .gitattributes} line
 * that routes {@code *.ipynb} to it, and optionally a pre-commit hook that runs the clean check.
 */
public final class GitSetup {

    /** The merge driver's name in git config and {@code .gitattributes}. */
    public static final String DRIVER = "nbexport";

    static final String ATTRIBUTES_LINE = "*.ipynb merge=" + DRIVER;
    static final String HOOK_MARKER = "# nbexport pre-commit hook";

    private GitSetup() {}

    /**
     * What to install.
     *
     * @param start a folder inside the repository
     * @param driverCommand the command git runs to merge a notebook, with git's {@code %O %A %B %L %P}
     * @param hookCommand the command the pre-commit hook runs, or {@code null} for no hook
     */
    public record Request(Path start, String driverCommand, String hookCommand) {}

    /** What was changed, one line each, for the log. */
    public static List<String> install(Request request) {
        Path top = Path.of(git(request.start(), "rev-parse", "--show-toplevel").strip());
        List<String> done = new ArrayList<>();

        git(top, "config", "--local", "merge." + DRIVER + ".name", "nbexport notebook merge (cell by cell)");
        git(top, "config", "--local", "merge." + DRIVER + ".driver", request.driverCommand());
        done.add("git config merge." + DRIVER + ".driver = " + request.driverCommand());

        Path attributes = top.resolve(".gitattributes");
        String current = read(attributes);
        if (current.lines().map(String::strip).anyMatch(ATTRIBUTES_LINE::equals)) {
            done.add(".gitattributes already routes *.ipynb to the nbexport merge driver");
        } else {
            String separator = current.isEmpty() || current.endsWith("\n") ? "" : "\n";
            write(attributes, current + separator + ATTRIBUTES_LINE + "\n");
            done.add(".gitattributes: added `" + ATTRIBUTES_LINE + "` (commit it to share it with the team)");
        }

        if (request.hookCommand() != null) {
            Path hooks = Path.of(git(top, "rev-parse", "--git-path", "hooks").strip());
            Path hook = (hooks.isAbsolute() ? hooks : top.resolve(hooks)).resolve("pre-commit");
            String script = "#!/bin/sh\n" + HOOK_MARKER + ": fails the commit while a notebook is not clean\n"
                    + "exec " + request.hookCommand() + "\n";
            String existing = read(hook);
            if (!existing.isEmpty() && !existing.contains(HOOK_MARKER)) {
                throw new NbexportException(hook + " exists and is not nbexport's; it was left as it is",
                        "Add this line to your hook instead: " + request.hookCommand());
            }
            write(hook, script);
            makeExecutable(hook);
            done.add("pre-commit hook " + top.relativize(hook.toAbsolutePath().normalize()) + " runs: " + request.hookCommand());
        }
        return done;
    }

    private static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new NbexportException("`" + String.join(" ", command) + "` failed in " + dir + ": " + out.strip(),
                        "Run this inside a git repository, with git on the PATH.");
            }
            return out;
        } catch (IOException e) {
            throw new NbexportException("cannot run git: " + e.getMessage(), "Install git and put it on the PATH.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String content) {
        AtomicFiles.writeIfChanged(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void makeExecutable(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): git for Windows runs hooks without the bit
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + file + " executable", e);
        }
    }
}
