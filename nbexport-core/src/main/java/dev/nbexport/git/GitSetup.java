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

/**
 * Installs nbexport's git integration into a repository, idempotently and without clobbering what is
 * there: the notebook merge driver and the notebook diff driver in the repository's own git config,
 * {@code .gitattributes} lines that route {@code *.ipynb} to them, and optionally a pre-commit hook that
 * runs the clean check.
 */
public final class GitSetup {

    /** The merge and diff drivers' name in git config and {@code .gitattributes}. */
    public static final String DRIVER = "nbexport";

    static final String ATTRIBUTES_LINE = "*.ipynb merge=" + DRIVER;
    static final String DIFF_ATTRIBUTES_LINE = "*.ipynb diff=" + DRIVER;
    static final String HOOK_MARKER = "# nbexport pre-commit hook";
    /** The diff driver's class data archive, in the repository's git folder: it fits this clone's JDK and jars only. */
    static final String ARCHIVE = "nbexport/diff-driver.jsa";
    /** Hunk headers of {@code git diff} name the cell a change is in: its header line in the text view. */
    static final String CELL_HEADER_PATTERN = "^// %% \\[.*$";

    private GitSetup() {}

    /**
     * What to install.
     *
     * @param start a folder inside the repository
     * @param drivers how git starts the merge and diff drivers
     * @param hookCommand the command the pre-commit hook runs, or {@code null} for no hook
     */
    public record Request(Path start, DriverCommands drivers, String hookCommand) {}

    /** What was changed, one line each, for the log. */
    public static List<String> install(Request request) {
        GitRepository repository = GitRepository.containing(request.start());
        Path top = repository.top();
        List<String> done = new ArrayList<>();

        String mergeDriver = request.drivers().mergeDriver();
        repository.run("config", "--local", "merge." + DRIVER + ".name", "nbexport notebook merge (cell by cell)");
        repository.run("config", "--local", "merge." + DRIVER + ".driver", mergeDriver);
        done.add("git config merge." + DRIVER + ".driver = " + mergeDriver);

        Path archive = gitPath(repository, ARCHIVE);
        String noArchive = request.drivers().prepareArchive(archive);
        String textconv = request.drivers().textconv(noArchive == null ? archive : null);
        repository.run("config", "--local", "diff." + DRIVER + ".textconv", textconv);
        repository.run("config", "--local", "diff." + DRIVER + ".xfuncname", CELL_HEADER_PATTERN);
        // git keeps the text of committed notebooks (in refs/notes/textconv/nbexport, never pushed), so a
        // diff runs the driver only for the working tree's side and `git log -p` once per version ever
        repository.run("config", "--local", "diff." + DRIVER + ".cachetextconv", "true");
        done.add("git config diff." + DRIVER + ".textconv = " + textconv);
        if (noArchive != null) {
            done.add("the diff driver runs without a class data archive, so each call starts a little slower: " + noArchive);
        }

        Path attributes = top.resolve(".gitattributes");
        String current = read(attributes);
        StringBuilder added = new StringBuilder();
        if (routes(current, "merge")) {
            done.add(".gitattributes already routes *.ipynb to the nbexport merge driver");
        } else {
            added.append(ATTRIBUTES_LINE).append('\n');
            done.add(".gitattributes: added `" + ATTRIBUTES_LINE + "` (commit it to share it with the team)");
        }
        if (routes(current, "diff")) {
            done.add(".gitattributes already routes *.ipynb to the nbexport diff driver");
        } else {
            added.append(DIFF_ATTRIBUTES_LINE).append('\n');
            done.add(".gitattributes: added `" + DIFF_ATTRIBUTES_LINE + "` (commit it to share it with the team)");
        }
        if (added.length() > 0) {
            String separator = current.isEmpty() || current.endsWith("\n") ? "" : "\n";
            write(attributes, current + separator + added);
        }

        if (request.hookCommand() != null) {
            Path hook = gitPath(repository, "hooks").resolve("pre-commit");
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

    /** Where {@code path} is inside the repository's git folder (hooks, nbexport's archive), as an absolute path. */
    private static Path gitPath(GitRepository repository, String path) {
        Path gitPath = Path.of(repository.run("rev-parse", "--git-path", path).strip());
        return gitPath.isAbsolute() ? gitPath : repository.top().resolve(gitPath);
    }

    /** Whether a line of {@code attributes} gives {@code *.ipynb} the attribute {@code kind=nbexport}. */
    private static boolean routes(String attributes, String kind) {
        return attributes.lines().map(line -> List.of(line.strip().split("\\s+")))
                .anyMatch(words -> words.get(0).equals("*.ipynb") && words.contains(kind + "=" + DRIVER));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String content) {
        AtomicFiles.removeLeftoversOf(file);
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
