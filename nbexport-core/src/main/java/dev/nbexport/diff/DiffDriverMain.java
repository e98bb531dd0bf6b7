package dev.nbexport.diff;

import dev.nbexport.NbexportException;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line for notebook diffs: git's diff driver for {@code *.ipynb} ({@code textconv}) and a
 * cell-by-cell comparison for scripts ({@code diff}).
 *
 * <pre>
 * textconv FILE
 *     prints the notebook as text people can review (see {@link NotebookText}); git appends FILE
 * diff FROM [TO] [--sources-only]
 *     compares two notebook files, or the notebooks below the current folder in git revision FROM
 *     with those in revision TO or, without TO, in the working tree (see {@link DiffCommand})
 * </pre>
 *
 * <p>Configured in a repository (by {@code mvn nbexport:setup-git}) as
 * {@code git config diff.nbexport.textconv "java -cp CLASSPATH dev.nbexport.diff.DiffDriverMain textconv"}
 * with {@code *.ipynb diff=nbexport} in {@code .gitattributes}; then {@code git diff}, {@code git log -p}
 * and {@code git show} print notebooks as that text.
 *
 * <p>Exit status: {@code textconv} 0, or 2 when the file cannot be read (a file that is not a
 * notebook is printed as it is, after a warning line: git shows what it gets and a diff must not fail);
 * {@code diff} 0 when nothing differs, 1 when something does, 2 for bad input or usage (message on
 * standard error). git runs {@code textconv} once per notebook and side of every diff, so that path
 * loads only the notebook reader and the text view: no diff library, no git.
 */
public final class DiffDriverMain {

    static final int SAME = 0;
    static final int DIFFERENT = 1;
    static final int BAD_INPUT = 2;

    private static final String USAGE = """
            usage: DiffDriverMain textconv FILE
                   DiffDriverMain diff FROM [TO] [--sources-only]
            FROM, TO: notebook files, or git revisions (TO defaults to the working tree)
            exit status of diff: 0 no differences, 1 differences, 2 bad input""";

    private DiffDriverMain() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs one command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return BAD_INPUT;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        return switch (args[0]) {
            case "textconv" -> textconv(rest, out, err);
            case "diff" -> diff(rest, out, err);
            default -> {
                err.println("nbexport: unknown command " + args[0]);
                err.println(USAGE);
                yield BAD_INPUT;
            }
        };
    }

    private static int textconv(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("nbexport: textconv takes one FILE");
            err.println(USAGE);
            return BAD_INPUT;
        }
        byte[] content;
        // a FileInputStream, which the JVM has loaded already: Files.readAllBytes loads some 30 channel classes
        try (InputStream in = new FileInputStream(args.get(0))) {
            content = in.readAllBytes();
        } catch (FileNotFoundException e) {
            err.println("nbexport: cannot read " + args.get(0) + ": " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("nbexport: cannot read " + args.get(0) + ": " + e.getMessage());
            return BAD_INPUT;
        }
        out.writeBytes(NotebookText.of(content).getBytes(StandardCharsets.UTF_8));
        return SAME;
    }

    private static int diff(List<String> args, PrintStream out, PrintStream err) {
        boolean sourcesOnly = false;
        List<String> versions = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--sources-only")) {
                sourcesOnly = true;
            } else if (arg.startsWith("--")) {
                err.println("nbexport: unknown option " + arg);
                err.println(USAGE);
                return BAD_INPUT;
            } else {
                versions.add(arg);
            }
        }
        if (versions.isEmpty() || versions.size() > 2) {
            err.println("nbexport: diff takes FROM and, optionally, TO");
            err.println(USAGE);
            return BAD_INPUT;
        }
        Path here = Path.of("").toAbsolutePath();
        DiffRequest request = new DiffRequest(here, here, List.of(), List.of(), versions.get(0),
                versions.size() == 2 ? versions.get(1) : null, sourcesOnly);
        try {
            DiffResult result = DiffCommand.run(request);
            StringBuilder text = new StringBuilder();
            for (FileDiff file : result.differing()) {
                text.append(file.name()).append(": ").append(file.summary()).append('\n');
                file.lines().forEach(line -> text.append(line).append('\n'));
            }
            out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
            return result.differs() ? DIFFERENT : SAME;
        } catch (NbexportException e) {
            err.println("nbexport: " + e.describe());
            return BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("nbexport: the comparison failed: " + e);
            return BAD_INPUT;
        }
    }
}
