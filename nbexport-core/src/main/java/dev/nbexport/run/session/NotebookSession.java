package dev.nbexport.run.session;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * A notebook's kernel session in this JVM: cells are evaluated one after another in one JShell, with the
 * semantics of the notebook's kernel ({@link KernelDialect}, JJava 1.0-a6 by default), and each gives its
 * outputs as nbformat output objects.
 *
 * <pre>{@code
 * try (NotebookSession session = NotebookSession.start(SessionOptions.of(KernelDialect.JJAVA))) {
 *     session.evaluate("int x = 20;");
 *     CellResult r = session.evaluate("x + 1");   // execute_result, text/plain "21"
 * }
 * }</pre>
 *
 * <p>As in the kernel:
 * <ul>
 *   <li>the kernel's start-up runs first: its imports (JJava: {@code java.util.*}, {@code java.io.*},
 *       {@code java.math.*}, {@code java.net.*}, {@code java.time.*}, {@code java.util.concurrent.*},
 *       {@code java.util.prefs.*}, {@code java.util.regex.*}; not {@code java.util.stream.*}) and its notebook
 *       statics ({@code display}, {@code render}, {@code printf}, {@code eval}, ...), from the kernel's own
 *       notebook API library;
 *   <li>magics are turned into calls by the kernel's magic parser ({@link NotebookMagics} says what each does);
 *   <li>a cell is cut into snippets with {@link SourceCodeAnalysis#analyzeCompletion}; the value of the last
 *       snippet, when it is an expression or a variable and not {@code null}, is rendered by the kernel's
 *       renderer ({@code text/plain} is {@code String.valueOf}, images become {@code image/png}, ...) into an
 *       {@code execute_result};
 *   <li>{@code display(...)} gives {@code display_data}; {@code System.out} and {@code System.err} give
 *       {@code stream} outputs;
 *   <li>the first failing snippet ends the cell with an {@code error} output ({@link CellError}); execution
 *       counts go up by one per evaluated cell, failed or not;
 *   <li>code runs in this JVM ({@code System.exit} ends it), with the session's class path in a class loader
 *       of its own whose parent shows only the JDK and the notebook API.
 * </ul>
 *
 * <p>One session per JVM may be open at a time (the notebook API reaches its kernel through a static), and
 * {@code System.out}/{@code System.err} are the session's while it is open. Not for concurrent use.
 */
public final class NotebookSession implements AutoCloseable {

    private static final Object ONE_PER_JVM = new Object();
    /** A magic's name being typed: {@code %mav} or {@code %%load} up to the cursor. */
    private static final Pattern MAGIC_NAME = Pattern.compile("^\\s*(%%?)([\\w-]*)$");
    private static NotebookSession open;

    private final KernelDialect dialect;
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private SourceCodeAnalysis completion;
    private final SessionExecutionControl control;
    private final SnippetLoaderDelegate loader;
    private final KernelBridge kernel;
    private final KernelErrors errors;
    private final Map<String, KernelErrors.Place> places = new ConcurrentHashMap<>();
    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final InputStream originalIn;
    private volatile CellOutputs running;
    private volatile boolean interrupted;
    private DependencyCheck.MissingDependency missing;
    private int executionCount;
    private boolean closed;

    private NotebookSession(SessionOptions options) {
        this.dialect = options.dialect();
        ClassLoader api = new KernelApiClassLoader(BaseKernel.class.getClassLoader());
        this.loader = new SnippetLoaderDelegate(api);
        this.control = new SessionExecutionControl(loader);
        this.shell = buildShell(control);
        this.analysis = cellSplitter();
        this.errors = new KernelErrors(dialect, shell, places::get);
        this.kernel = new KernelBridge(this, NotebookMagics.registry(this, new DependencyCheck(options.artifacts())));
        this.originalOut = System.out;
        this.originalErr = System.err;
        this.originalIn = System.in;
    }

    /**
     * Starts a session: JShell, the kernel's start-up code, and the JJava extensions found on the class path.
     *
     * @throws IllegalStateException when another session is open in this JVM
     */
    public static NotebookSession start(SessionOptions options) {
        synchronized (ONE_PER_JVM) {
            if (open != null) {
                throw new IllegalStateException("a notebook session is open in this JVM already; close it first");
            }
            NotebookSession session = new NotebookSession(options);
            open = session;
            try {
                session.begin(options.classPath());
            } catch (RuntimeException | Error e) {
                session.close();
                throw e;
            }
            return session;
        }
    }

    private void begin(List<Path> classPath) {
        kernel.install();
        System.setOut(new PrintStream(new CellStream("stdout", originalOut, () -> running), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new CellStream("stderr", originalErr, () -> running), true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(new byte[0])); // nbconvert does not answer input requests
        if (!classPath.isEmpty()) {
            shell.addToClasspath(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        evalRaw(dialect.startup(), "the kernel's start-up");
        kernel.installExtensionsFrom(loader.classLoader());
    }

    private static SourceCodeAnalysis splitter;

    /**
     * What cuts cells into snippets: the {@link SourceCodeAnalysis} of a JShell of its own, one per JVM. A
     * session's own JShell never creates one, because creating it (and every class path change after)
     * starts JShell's background indexer on that JShell's file manager, which javac uses at the same time:
     * in a JVM running several sessions, javac then intermittently did not find packages of the class path.
     * Cutting cells only parses, so any JShell's analysis cuts them the same.
     */
    private static SourceCodeAnalysis cellSplitter() {
        synchronized (ONE_PER_JVM) {
            if (splitter == null) {
                splitter = JShell.builder().in(new ByteArrayInputStream(new byte[0])).executionEngine("local")
                        .build().sourceCodeAnalysis();
            }
            return splitter;
        }
    }

    /** Where the notebook API's classes are: the one entry of the class path javac starts from. */
    public static String notebookApiPath() {
        try {
            return Path.of(BaseKernel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the notebook API on the class path", e);
        }
    }

    /**
     * JShell, compiling against the notebook API only: JShell reads {@code java.class.path} once, when built,
     * as the start of the class path it gives javac. (A worker JVM sets that property for good, see
     * {@code WorkerMain}, so that nothing reads a changing value.)
     */
    private static JShell buildShell(SessionExecutionControl control) {
        String apiJar = notebookApiPath();
        synchronized (System.getProperties()) {
            String saved = System.getProperty("java.class.path");
            System.setProperty("java.class.path", apiJar);
            try {
                return JShell.builder()
                        .in(new ByteArrayInputStream(new byte[0]))
                        .executionEngine(SessionExecutionControl.provider(control), Map.of())
                        .build();
            } finally {
                System.setProperty("java.class.path", saved);
            }
        }
    }

    public KernelDialect dialect() {
        return dialect;
    }

    /** How many cells were evaluated: the last {@code execution_count} given. */
    public int executionCount() {
        return executionCount;
    }

    /**
     * Counts a cell that is left out ({@code eval: false}) as if it ran, so that the cells after it get the
     * execution counts they get when Jupyter, which knows no directives, runs the notebook.
     */
    public synchronized void skipCell() {
        executionCount++;
    }

    /** Evaluates a cell, naming it {@code In [n]} in stack frames. */
    public CellResult evaluate(String source) {
        return evaluate(source, "In [" + (executionCount + 1) + "]", OutputListener.NONE);
    }

    /**
     * Evaluates one cell.
     *
     * @param source the cell's source, magics and all
     * @param cellName how frames in this cell are named in later stack traces, e.g. {@code cell 3}
     * @param listener told about each output as it is complete
     */
    public synchronized CellResult evaluate(String source, String cellName, OutputListener listener) {
        if (closed) {
            throw new IllegalStateException("the session is closed");
        }
        awaitIndexing();
        int count = ++executionCount;
        CellOutputs outputs = new CellOutputs(listener);
        missing = null;
        interrupted = false;
        control.allowRunning();
        running = outputs;
        CellError error = null;
        try {
            Object value = evalRaw(source, cellName);
            if (value != null) {
                try {
                    DisplayData data = value instanceof DisplayData d ? d : kernel.getRenderer().render(value);
                    outputs.add(bundle("execute_result", KernelBridge.json(data)).with("execution_count", Json.JsonNumber.of(count)));
                } catch (RuntimeException e) {
                    error = errors.uncaught(e, 0);
                }
            }
        } catch (SnippetFailure f) {
            error = f.error();
        } catch (RuntimeException e) {
            error = errors.uncaught(e, 0);
        } finally {
            System.out.flush();
            System.err.flush();
            running = null;
            control.clearInterrupt();
        }
        if (error != null && missing != null) {
            error = new CellError(error.ename(), error.evalue(), error.traceback(), missing.message(), error.line(),
                    error.stack(), missing.hint());
        }
        if (error != null) {
            outputs.add(errorOutput(error));
        }
        return new CellResult(count, outputs.finish(), Optional.ofNullable(error));
    }

    /**
     * Stops the cell that is running, from another thread (a kernel's interrupt request), as JJava does: the cell
     * ends with an {@code EvaluationInterruptedException} error and its remaining snippets do not run. Loops in
     * cells' code stop too, even those that never sleep or wait ({@link StopCheck}); code of libraries stops
     * only where it sleeps, waits or reads. Does nothing when no cell runs.
     */
    public void interrupt() {
        if (running != null) {
            interrupted = true;
            control.stop();
        }
    }

    /**
     * Adds a line magic of the session's owner, e.g. a kernel's {@code %nbexport}; it then works in cells like the
     * kernel's own magics. A name the kernel already uses is replaced.
     */
    public void addLineMagic(String name, LineMagicCall magic) {
        kernel.getMagicsRegistry().registerLineMagic(name, (k, args) -> magic.call(args));
    }

    /**
     * What may be typed at {@code cursor} in {@code cell}, from JShell's {@link SourceCodeAnalysis} of this session
     * (so names the cells defined are known): the snippet of the cell around the cursor is completed, magic lines
     * complete to magic names. Nothing runs.
     */
    public synchronized Completions complete(String cell, int cursor) {
        int at = Math.max(0, Math.min(cursor, cell.length()));
        int lineStart = cell.lastIndexOf('\n', at - 1) + 1;
        String typed = cell.substring(lineStart, at);
        Matcher magic = MAGIC_NAME.matcher(typed);
        if (magic.find()) {
            boolean cellMagic = magic.group(1).length() == 2;
            var names = cellMagic ? kernel.getMagicsRegistry().getCellMagicNames() : kernel.getMagicsRegistry().getLineMagicNames();
            List<String> matches = names.stream().filter(n -> n.startsWith(magic.group(2))).sorted()
                    .map(n -> magic.group(1) + n).toList();
            return new Completions(matches, lineStart + magic.start(1), at);
        }
        CellPiece around = snippetAt(cell, at);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                completionAnalysis().completionSuggestions(around.source(), at - around.offset(), anchor);
        List<String> matches = suggestions.stream()
                .sorted(Comparator.comparing(suggestion -> !suggestion.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList();
        return new Completions(matches, around.offset() + anchor[0], at);
    }

    /**
     * The signature and Javadoc of what is at {@code cursor} in {@code cell} (anywhere in a name, or on the
     * {@code (} of a call), from JShell's {@link SourceCodeAnalysis#documentation}; empty when JShell knows
     * nothing there. Nothing runs.
     */
    public synchronized List<SymbolDocumentation> documentation(String cell, int cursor) {
        int at = Math.max(0, Math.min(cursor, cell.length()));
        while (at < cell.length() && Character.isJavaIdentifierPart(cell.charAt(at))) {
            at++;
        }
        int paren = at;
        while (paren < cell.length() && Character.isWhitespace(cell.charAt(paren))) {
            paren++;
        }
        if (paren < cell.length() && cell.charAt(paren) == '(') {
            at = paren + 1;
        }
        CellPiece around = snippetAt(cell, at);
        return completionAnalysis().documentation(around.source(), at - around.offset(), true).stream()
                .map(d -> new SymbolDocumentation(d.signature(), d.javadoc())).toList();
    }

    /**
     * The names {@code cell} declares (methods, types, variables), as JShell's parser reads them; nothing runs.
     * A kernel compares them with the names exported cells declare, to tell when a cell redefines one.
     */
    public List<String> declaredNames(String cell) {
        List<String> names = new ArrayList<>();
        String rest = maskMagics(cell);
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
        while (info.completeness().isComplete()) {
            for (Snippet snippet : analysis.sourceToSnippets(info.source())) {
                if (snippet instanceof DeclarationSnippet declaration && !names.contains(declaration.name())) {
                    names.add(declaration.name());
                }
            }
            rest = info.remaining();
            info = analysis.analyzeCompletion(rest);
        }
        return names;
    }

    /**
     * Whether {@code cell} could run as it is, as JJava answers {@code is_complete}: {@code complete} when every
     * snippet is whole (or there is none), {@code incomplete} with the next line's indentation when the last one
     * goes on (an open block, a missing {@code ;}), {@code invalid} when JShell cannot tell what it is.
     */
    public InputCompleteness completeness(String cell) {
        String rest = maskMagics(cell);
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
        while (info.completeness().isComplete()) {
            rest = info.remaining();
            info = analysis.analyzeCompletion(rest);
        }
        return switch (info.completeness()) {
            case EMPTY, COMPLETE, COMPLETE_WITH_SEMI -> new InputCompleteness("complete", "");
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> new InputCompleteness("incomplete", nextIndent(rest));
            case UNKNOWN -> new InputCompleteness("invalid", "");
        };
    }

    /** The last line's indentation, one level deeper when that line opens more brackets than it closes. */
    private static String nextIndent(String code) {
        String last = code.substring(code.lastIndexOf('\n') + 1);
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        int open = 0;
        for (char c : last.toCharArray()) {
            open += c == '{' || c == '(' ? 1 : c == '}' || c == ')' ? -1 : 0;
        }
        return open > 0 ? indent + "    " : indent;
    }

    /** A piece of a cell: its text from {@code offset} to the cell's end, magic lines blanked. */
    private record CellPiece(int offset, String source) {}

    /** The snippet of {@code cell} that holds {@code at}, and everything after it (JShell reads what it needs). */
    private CellPiece snippetAt(String cell, int at) {
        String code = maskMagics(cell);
        int offset = 0;
        String rest = code;
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
        while (info.completeness().isComplete()) {
            int end = offset + rest.length() - info.remaining().length();
            if (end >= at) {
                break;
            }
            offset = end;
            rest = info.remaining();
            info = analysis.analyzeCompletion(rest);
        }
        int skipped = leadingSpace(rest);
        if (offset + skipped > at) {
            skipped = at - offset;
        }
        return new CellPiece(offset + skipped, rest.substring(skipped));
    }

    /** Magic lines as spaces, so that JShell reads only Java and offsets stay those of the cell. */
    private static String maskMagics(String cell) {
        if (cell.indexOf('%') < 0) {
            return cell;
        }
        if (cell.stripLeading().startsWith("%%")) {
            return " ".repeat(cell.length());
        }
        StringBuilder out = new StringBuilder(cell.length());
        int start = 0;
        while (start <= cell.length()) {
            int nl = cell.indexOf('\n', start);
            int end = nl < 0 ? cell.length() : nl;
            String line = cell.substring(start, end);
            out.append(line.stripLeading().startsWith("%") ? " ".repeat(line.length()) : line);
            if (nl < 0) {
                break;
            }
            out.append('\n');
            start = nl + 1;
        }
        return out.toString();
    }

    /**
     * This session's own {@link SourceCodeAnalysis}, made when first asked for: creating it starts JShell's
     * background class path indexer on the file manager javac uses (see {@link #cellSplitter}), so sessions that
     * never complete (nbexport:test) never have one, and {@link #evaluate} waits for indexing to end first.
     */
    private SourceCodeAnalysis completionAnalysis() {
        if (completion == null) {
            completion = shell.sourceCodeAnalysis();
        }
        return completion;
    }

    /** Waits (a while at most) until JShell's class path indexer is done, so that javac has its file manager alone. */
    private void awaitIndexing() {
        if (completion == null) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!completion.listQualifiedNames("", 0).isUpToDate() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Runs {@code source} as the kernel's {@code evalRaw} does: magics resolved, snippet after snippet,
     * returning the last snippet's value; the first failure is thrown as a {@link SnippetFailure}.
     */
    Object evalRaw(String source, String cellName) {
        String code = resolveMagics(source);
        Object last = null;
        String rest = code;
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
        while (info.completeness().isComplete()) {
            int start = code.length() - rest.length() + leadingSpace(rest);
            int line = 1 + KernelErrors.newlines(code, start);
            if (interrupted) {
                throw new SnippetFailure(errors.interrupted(info.source().strip(), line));
            }
            // JShell maps frames to wrong lines when a snippet starts with blank lines, so they are left out
            last = evalSnippet(info.source().stripLeading(), new KernelErrors.Place(cellName, line));
            rest = info.remaining();
            info = analysis.analyzeCompletion(rest);
        }
        if (info.completeness() != Completeness.EMPTY) {
            int start = code.length() - rest.length() + leadingSpace(rest);
            throw new SnippetFailure(errors.incomplete(rest.strip(), 1 + KernelErrors.newlines(code, start)));
        }
        return last;
    }

    private Object evalSnippet(String source, KernelErrors.Place place) {
        List<SnippetEvent> events = shell.eval(source);
        Object result = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null) {
                places.put(event.snippet().id(), place);
            }
            String key = event.value();
            if (key == null) {
                continue;
            }
            Snippet.SubKind kind = event.snippet().subKind();
            Object value = kind.isExecutable() ? control.take(key) : key;
            result = switch (kind) {
                case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND ->
                        "__NO_MAGIC_RETURN".equals(value) ? null : value;
                default -> null;
            };
        }
        if (interrupted) {
            throw new SnippetFailure(errors.interrupted(source.strip(), place.firstLine()));
        }
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            JShellException e = event.exception();
            if (e != null) {
                throw new SnippetFailure(errors.thrown(e, place));
            }
            if (!event.status().isDefined()) {
                throw new SnippetFailure(errors.rejected(event, place));
            }
        }
        return result;
    }

    /** Line magics line by line, so that a cell's lines keep their numbers; a cell magic makes one line. */
    private String resolveMagics(String source) {
        if (source.indexOf('%') < 0) {
            return source;
        }
        if (source.startsWith("%%")) {
            return kernel.getMagicParser().resolveMagics(source);
        }
        return source.lines().map(line -> line.indexOf('%') < 0 ? line : kernel.getMagicParser().resolveMagics(line))
                .collect(Collectors.joining("\n"));
    }

    /** {@code %classpath}: adds entries to the class path, and installs the JJava extensions they declare. */
    String addToClasspath(String classPath) {
        if (!classPath.isBlank()) {
            shell.addToClasspath(classPath);
            List<URL> urls = new ArrayList<>();
            for (String entry : classPath.split(File.pathSeparator)) {
                try {
                    urls.add(Path.of(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("not a class path entry: " + entry, e);
                }
            }
            kernel.installExtensionsFrom(new URLClassLoader(urls.toArray(URL[]::new), loader.classLoader()));
        }
        return classPath;
    }

    /** Remembers why a dependency magic failed, for the cell's error summary and hint. */
    void missingDependency(DependencyCheck.MissingDependency problem) {
        this.missing = problem;
    }

    /** {@code display(...)} from notebook code: a {@code display_data} output of the running cell. */
    void displayed(String displayDataJson) {
        CellOutputs cell = running;
        if (cell != null) {
            cell.add(bundle("display_data", displayDataJson));
        }
    }

    private static JsonObject bundle(String type, String displayDataJson) {
        JsonObject data;
        try {
            data = (JsonObject) JsonParser.parse(displayDataJson.getBytes(StandardCharsets.UTF_8));
        } catch (JsonParser.SyntaxError e) {
            throw new IllegalStateException("display data is not JSON: " + e.getMessage(), e);
        }
        JsonObject metadata = data.object("metadata");
        return JsonObject.EMPTY
                .with("data", data.object("data") == null ? JsonObject.EMPTY : data.object("data"))
                .with("metadata", metadata == null ? JsonObject.EMPTY : metadata)
                .with("output_type", Json.string(type));
    }

    private static JsonObject errorOutput(CellError error) {
        List<Json> traceback = new ArrayList<>();
        error.traceback().forEach(l -> traceback.add(Json.string(l)));
        return JsonObject.EMPTY
                .with("ename", Json.string(error.ename()))
                .with("evalue", Json.string(error.evalue()))
                .with("output_type", Json.string("error"))
                .with("traceback", new Json.JsonArray(traceback));
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Ends the session: JShell closed, the kernel uninstalled, {@code System.out}/{@code err}/{@code in} restored. */
    @Override
    public void close() {
        synchronized (ONE_PER_JVM) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                shell.close();
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
                System.setIn(originalIn);
                try {
                    kernel.uninstall();
                } catch (IllegalStateException notInstalled) {
                    // start failed before the kernel was installed
                }
                open = null;
            }
        }
    }
}
