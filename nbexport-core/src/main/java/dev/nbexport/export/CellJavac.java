package dev.nbexport.export;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The running JDK's Java parser (javac's tree API, the parser JShell itself uses), for cells: a cell's
 * code is parsed as the body of a synthetic class ({@link #BODY_OPEN}: declarations) or of a synthetic
 * method ({@link #BLOCK_OPEN}: statements). The synthetic opening is one line of known length, so
 * javac's offsets map straight back to the cell ({@link Parse#offset}).
 *
 * <p>One javac task parses a whole batch of cells: a task costs about as much to set up as parsing a
 * few notebooks. Instances are thread-safe; each call makes its own task.
 */
final class CellJavac {

    static final String BODY_OPEN = "class NbexportCell {\n";
    static final String BODY_CLOSE = "\n}";
    static final String BLOCK_OPEN = "class NbexportCell { void nbexportCell() {\n";
    static final String BLOCK_CLOSE = "\n}}";
    /** JShell takes an expression without {@code ;} as a cell's last snippet; this close adds the {@code ;}. */
    static final String BLOCK_CLOSE_WITH_SEMICOLON = "\n;\n}}";
    private static final String VAR_FIELD = "compiler.err.restricted.type.not.allowed.here";

    /**
     * The compiler, looked up at the first parse: a run that parses nothing (an export with nothing to
     * do) does not pay for starting it.
     */
    private volatile JavaCompiler javac;

    /** @throws IllegalStateException when Java runs without its compiler (a JRE, not a JDK) */
    CellJavac() {
        if (ModuleLayer.boot().findModule("jdk.compiler").isEmpty()) {
            throw new IllegalStateException("nbexport needs a JDK, not a JRE: the Java compiler (module jdk.compiler)"
                    + " is missing from " + System.getProperty("java.home")
                    + ". Run Maven with a JDK 17 or newer (set JAVA_HOME).");
        }
    }

    private JavaCompiler compiler() {
        JavaCompiler compiler = javac;
        if (compiler == null) {
            compiler = ToolProvider.getSystemJavaCompiler();
            javac = compiler;
        }
        return compiler;
    }

    /** {@code var x = …} as a field: javac reports it; export says what to write instead. */
    static boolean isVar(VariableTree v) {
        Tree type = v.getType();
        return type == null || (type instanceof com.sun.source.tree.IdentifierTree id && id.getName().contentEquals("var"));
    }

    /** The text javac parses for one cell: the cell's code inside a one-line synthetic opening. */
    static final class Source extends SimpleJavaFileObject {
        final String open;
        final String text;

        Source(int index, String open, String code, String close) {
            super(URI.create("string:///NbexportCell" + index + ".java"), JavaFileObject.Kind.SOURCE);
            this.open = open;
            this.text = open + code + close;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** What one javac task parsed. */
    static final class Batch {
        final Map<Source, CompilationUnitTree> units = new IdentityHashMap<>();
        final Map<Source, List<Diagnostic<? extends JavaFileObject>>> errors = new IdentityHashMap<>();
        SourcePositions positions;
    }

    Batch parse(List<Source> sources) {
        Batch batch = new Batch();
        // javac may hand back its own wrappers of the sources: match them by their (per-batch unique) URIs
        Map<URI, Source> byUri = new HashMap<>();
        sources.forEach(source -> byUri.put(source.toUri(), source));
        JavacTask task = (JavacTask) compiler().getTask(null, null, d -> {
            Source s = d.getSource() == null ? null : byUri.get(d.getSource().toUri());
            if (d.getKind() == Diagnostic.Kind.ERROR && s != null) {
                batch.errors.computeIfAbsent(s, k -> new ArrayList<>()).add(d);
            }
        }, List.of("-proc:none", "-Xlint:none"), null, sources);
        Iterable<? extends CompilationUnitTree> units;
        try {
            units = task.parse();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // the sources are in memory
        }
        for (CompilationUnitTree unit : units) {
            batch.units.put(byUri.get(unit.getSourceFile().toUri()), unit);
        }
        batch.positions = Trees.instance(task).getSourcePositions();
        return batch;
    }

    /** One cell parsed alone, on the slow path that explains errors. */
    Parse parseOne(String open, String code, String close) {
        Source source = new Source(0, open, code, close);
        Batch batch = parse(List.of(source));
        return new Parse(source, batch.units.get(source), batch.positions, batch.errors.getOrDefault(source, List.of()));
    }

    /** A parsed cell: offsets are converted from the wrapped text to the cell's code. */
    static final class Parse {
        final Source source;
        final CompilationUnitTree unit;
        final SourcePositions positions;
        final List<Diagnostic<? extends JavaFileObject>> errors;

        Parse(Source source, CompilationUnitTree unit, SourcePositions positions,
                List<Diagnostic<? extends JavaFileObject>> errors) {
            this.source = source;
            this.unit = unit;
            this.positions = positions;
            this.errors = errors;
        }

        int offset(long position) {
            return position < 0 ? -1 : (int) position - source.open.length();
        }

        int start(Tree tree) {
            return offset(positions.getStartPosition(unit, tree));
        }

        int end(Tree tree) {
            return offset(positions.getEndPosition(unit, tree));
        }

        int errorOffset() {
            return errors.isEmpty() ? -1 : offset(errors.get(0).getPosition());
        }

        /** The synthetic method's body, for a {@link #BLOCK_OPEN} parse. */
        BlockTree methodBody() {
            ClassTree wrapper = (ClassTree) unit.getTypeDecls().get(0);
            return ((MethodTree) wrapper.getMembers().get(0)).getBody();
        }

        /**
         * The errors, less javac's "'var' is not allowed here" for fields: export reports those
         * itself, with the fix.
         */
        List<Diagnostic<? extends JavaFileObject>> declarationErrors() {
            if (errors.isEmpty()) {
                return errors;
            }
            List<Integer> varFields = new ArrayList<>();
            for (Tree member : ((ClassTree) unit.getTypeDecls().get(0)).getMembers()) {
                if (member instanceof VariableTree v && isVar(v)) {
                    varFields.add(start(v));
                }
            }
            List<Diagnostic<? extends JavaFileObject>> left = new ArrayList<>(errors.size());
            for (Diagnostic<? extends JavaFileObject> d : errors) {
                if (!(VAR_FIELD.equals(d.getCode()) && varFields.contains(offset(d.getPosition())))) {
                    left.add(d);
                }
            }
            return left;
        }
    }
}
