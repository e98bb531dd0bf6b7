package dev.nbexport.run.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns what went wrong in a cell into the {@code error} output the notebook's kernel shows: the same
 * {@code ename} and {@code evalue} (JJava: {@code RuntimeException} with {@code <exception class>, <message>};
 * {@code CompilationException} with JJava's snippet description; IJava: the JShell exception's own name and
 * message), a traceback in the kernel's layout and colours, and for reports a plain summary, the cell line
 * and the stack with notebook frames mapped to their cells' lines.
 *
 * <p>The kernel's own frames (its evaluator and message loop) are left out of tracebacks: they say nothing
 * about the notebook.
 */
final class KernelErrors {

    // the kernel's error styles: bold default colour, bold red, and a red background for the spot
    private static final String PRIMARY = "\u001b[39m\u001b[1m";
    private static final String SECONDARY = "\u001b[1m\u001b[31m";
    private static final String HIGHLIGHT = "\u001b[39m\u001b[1m\u001b[41m";
    private static final String RESET = "\u001b[0m";
    private static final String PREFIX = PRIMARY + "|   ";
    private static final String SEPARATOR = "-".repeat(75);

    /** Where a snippet's frames are: "cell 3" and the cell line of the snippet's first line. */
    record Place(String cellName, int firstLine) {}

    private final KernelDialect dialect;
    private final JShell shell;
    private final Function<String, Place> places;

    KernelErrors(KernelDialect dialect, JShell shell, Function<String, Place> places) {
        this.dialect = dialect;
        this.shell = shell;
        this.places = places;
    }

    /** A snippet that ran and threw, or used a definition with unresolved references. */
    CellError thrown(JShellException e, Place at) {
        List<String> stack = new ArrayList<>();
        String summary;
        String hint = "";
        int line = at.firstLine();
        if (e instanceof EvalException ee) {
            summary = ee.getExceptionClassName() + (ee.getMessage() == null ? "" : ": " + ee.getMessage());
            line = frames(ee, at, stack);
            for (Throwable c = ee.getCause(); c instanceof EvalException cause; c = cause.getCause()) {
                stack.add("Caused by: " + cause.getExceptionClassName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
                frames(cause, at, stack);
            }
        } else if (e instanceof UnresolvedReferenceException ure) {
            DeclarationSnippet snippet = ure.getSnippet();
            List<String> missing = shell.unresolvedDependencies(snippet).toList();
            Place defined = places.apply(snippet.id());
            summary = describe(snippet) + (defined == null ? "" : " (" + defined.cellName() + ")")
                    + " cannot run: it uses " + String.join(", ", missing) + ", not defined";
            hint = importHint(missing);
            line = frames(ure, at, stack);
        } else {
            summary = e.toString();
        }
        String ename;
        String evalue;
        List<String> trace = new ArrayList<>();
        trace.add(SECONDARY + SEPARATOR + RESET);
        if (dialect == KernelDialect.JJAVA) {
            ename = "RuntimeException";
            evalue = e instanceof EvalException ee ? ee.getExceptionClassName() + ", " + ee.getMessage() : e.toString();
            trace.add(styled("java.lang.RuntimeException: " + evalue));
            // JJava keeps the exception's message as String.valueOf gives it, and not its causes
            trace.add(styled("Caused by: " + e.getClass().getName()
                    + (e instanceof EvalException ? ": " + e.getMessage() : e.getMessage() == null ? "" : ": " + e.getMessage())));
        } else {
            ename = e.getClass().getSimpleName();
            evalue = e.getMessage() == null ? "" : e.getMessage();
            String name = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
            trace.add(styled(name + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
        for (String frame : stack) {
            if (frame.startsWith("Caused by: ")) {
                break;
            }
            trace.add(styled("\t" + frame));
        }
        return new CellError(ename, evalue, trace, summary, line, stack, hint);
    }

    /** A snippet javac rejected. */
    CellError rejected(SnippetEvent event, Place at) {
        Snippet snippet = event.snippet();
        String source = snippet.source();
        List<String> trace = new ArrayList<>();
        List<Diag> diagnostics = shell.diagnostics(snippet).toList();
        String summary = null;
        int line = at.firstLine();
        String hint = "";
        for (Diag d : diagnostics) {
            if (d.getStartPosition() >= 0 && d.getEndPosition() >= 0) {
                trace.addAll(highlight(source, (int) d.getStartPosition(), (int) d.getEndPosition()));
            } else {
                source.lines().forEach(l -> trace.add(PREFIX + PRIMARY + l + RESET));
            }
            List<String> message = d.getMessage(Locale.ROOT).lines()
                    .filter(l -> !l.strip().startsWith("location:")).toList();
            message.forEach(l -> trace.add(SECONDARY + l + RESET));
            trace.add("");
            if (summary == null && d.isError()) {
                summary = String.join("; ", message.stream().map(l -> l.strip().replaceAll("\\s+", " ")).toList())
                        .replace("; symbol: ", ": ");
                if (d.getStartPosition() >= 0) {
                    line = at.firstLine() + newlines(source, (int) d.getStartPosition());
                }
                hint = importHint(message.stream().filter(l -> l.strip().startsWith("symbol:"))
                        .map(l -> l.strip().substring("symbol:".length()).strip()).toList());
            }
        }
        if (snippet instanceof DeclarationSnippet declaration) {
            List<String> missing = shell.unresolvedDependencies(declaration).toList();
            if (!missing.isEmpty()) {
                source.lines().forEach(l -> trace.add(PREFIX + PRIMARY + l + RESET));
                trace.add(SECONDARY + "Unresolved dependencies:" + RESET);
                missing.forEach(m -> trace.add(SECONDARY + "   - " + m + RESET));
                if (summary == null) {
                    summary = describe(declaration) + " uses " + String.join(", ", missing) + ", not defined";
                    hint = importHint(missing);
                }
            }
        }
        if (summary == null) {
            summary = "the code does not compile";
        }
        return new CellError("CompilationException", describeRejected(event), trace, summary, line, List.of(), hint);
    }

    /** Code left over at the end of a cell that is not a whole statement. */
    CellError incomplete(String remaining, int line) {
        List<String> trace = new ArrayList<>();
        trace.add(SECONDARY + "Incomplete input:" + RESET);
        remaining.lines().forEach(l -> trace.add(PREFIX + PRIMARY + l + RESET));
        return new CellError("IncompleteSourceException", remaining, trace,
                "incomplete code: " + remaining.lines().findFirst().orElse(""), line, List.of(),
                "Finish the statement (a missing `;`, `}` or `)`?).");
    }

    /**
     * A snippet stopped by an interrupt, as JJava reports it: {@code EvaluationInterruptedException}, the
     * snippet's source, then "Evaluation interrupted.".
     */
    CellError interrupted(String source, int line) {
        List<String> trace = new ArrayList<>();
        source.lines().forEach(l -> trace.add(PREFIX + PRIMARY + l + RESET));
        trace.add(SECONDARY + "Evaluation interrupted." + RESET);
        return new CellError("EvaluationInterruptedException", "Evaluator was interrupted while executing: '" + source + "'",
                trace, "interrupted", line, List.of(), "");
    }

    /** An exception outside notebook code, e.g. rendering the cell's value. */
    CellError uncaught(Throwable e, int line) {
        List<String> trace = new ArrayList<>();
        trace.add(SECONDARY + SEPARATOR + RESET);
        trace.add(styled(e.toString()));
        List<String> stack = new ArrayList<>();
        for (StackTraceElement f : e.getStackTrace()) {
            stack.add("at " + f);
            trace.add(styled("\tat " + f));
        }
        String message = e.getLocalizedMessage();
        return new CellError(e.getClass().getSimpleName(), message == null ? "" : message, trace,
                e.toString(), line, stack, "");
    }

    /**
     * JJava's description of a rejected snippet (its {@code CompilationException} message):
     * {@code [snippet: [<source>], status: REJECTED]} and so on.
     */
    static String describeRejected(SnippetEvent e) {
        StringBuilder out = new StringBuilder("[snippet: [").append(e.snippet().source() == null ? null : e.snippet().source().strip()).append(']');
        if (e.causeSnippet() != null) {
            out.append(", causeSnippet: [").append(e.causeSnippet().source() == null ? null : e.causeSnippet().source().strip()).append(']');
        }
        if (e.status() != null) {
            out.append(", status: ").append(e.status());
        }
        if (e.previousStatus() != null && e.previousStatus() != Snippet.Status.NONEXISTENT) {
            out.append(", previousStatus: ").append(e.previousStatus());
        }
        if (e.isSignatureChange()) {
            out.append(",i sSignatureChange: true"); // sic: JJava 1.0-a6 writes it so
        }
        if (e.value() != null) {
            out.append(", value: ").append(e.value());
        }
        return out.append(']').toString();
    }

    /** Adds the frames of {@code e}, mapped; returns the cell line of the innermost frame in the cell, if any. */
    private int frames(JShellException e, Place at, List<String> out) {
        int line = at.firstLine();
        boolean found = false;
        for (StackTraceElement f : e.getStackTrace()) {
            String file = f.getFileName();
            Place place = file != null && file.startsWith("#") ? places.apply(file.substring(1)) : null;
            if (place == null) {
                out.add("at " + f);
                continue;
            }
            int cellLine = place.firstLine() + Math.max(f.getLineNumber(), 1) - 1;
            String where = place.cellName() + ", line " + cellLine;
            String method = f.getMethodName();
            String owner = f.getClassName();
            out.add(method.isEmpty() ? "at " + where
                    : "at " + (owner.isEmpty() ? "" : owner + ".") + method + "(" + where + ")");
            if (!found && place.cellName().equals(at.cellName())) {
                line = cellLine;
                found = true;
            }
        }
        return line;
    }

    private static String describe(Snippet snippet) {
        if (snippet instanceof MethodSnippet m) {
            return "method " + m.name() + "(" + m.parameterTypes() + ")";
        }
        if (snippet instanceof DeclarationSnippet d) {
            return snippet.kind().name().toLowerCase(Locale.ROOT).replace("type_decl", "type") + " " + d.name();
        }
        return "snippet";
    }

    /**
     * A hint when a missing name is a class the JDK has in a package the kernels do not import
     * ({@code java.util.stream}, {@code java.util.function}, {@code java.nio.file}, ...).
     */
    private static String importHint(List<String> missing) {
        List<String> imports = new ArrayList<>();
        for (String m : missing) {
            String name = m.substring(m.lastIndexOf(' ') + 1);
            for (String pkg : List.of("java.util.stream", "java.util.function", "java.nio.file", "java.nio.charset",
                    "java.text", "java.time.format", "java.util.concurrent.atomic", "java.lang.reflect")) {
                try {
                    Class.forName(pkg + "." + name, false, ClassLoader.getPlatformClassLoader());
                    imports.add("import " + pkg + "." + name + ";");
                    break;
                } catch (ClassNotFoundException | LinkageError e) {
                    // not there
                }
            }
        }
        return imports.isEmpty() ? "" : "The kernel does not import this by default: add `" + String.join(" ", imports)
                + "` to the cell (or an earlier one).";
    }

    private static String styled(String line) {
        return PREFIX + SECONDARY + line + RESET;
    }

    /** How many line ends {@code s} has before {@code end}. */
    static int newlines(String s, int end) {
        int n = 0;
        for (int i = 0; i < Math.min(end, s.length()); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The source lines a diagnostic spans, the span itself highlighted, as the kernel shows them. */
    private static List<String> highlight(String source, int start, int end) {
        List<String> lines = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= source.length()) {
            int nl = source.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? source.length() : nl;
            if (lineEnd >= start && lineStart <= Math.max(end, start)) {
                int a = Math.max(start, lineStart);
                int b = Math.max(a, Math.min(end, lineEnd));
                lines.add(PREFIX + PRIMARY + source.substring(lineStart, a) + RESET
                        + HIGHLIGHT + source.substring(a, b) + RESET
                        + PRIMARY + source.substring(b, lineEnd) + RESET);
            }
            if (nl < 0 || lineStart > end) {
                break;
            }
            lineStart = nl + 1;
        }
        return lines;
    }
}
