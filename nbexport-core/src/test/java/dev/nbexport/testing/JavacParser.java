package dev.nbexport.testing;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** The JDK's Java parser, for tests that check generated code is valid Java. */
public final class JavacParser {

    private JavacParser() {
    }

    /** A parsed compilation unit and javac's syntax errors, formatted {@code line:column: message}. */
    public record Parsed(CompilationUnitTree unit, List<String> errors) {
    }

    public static Parsed parse(String source) {
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Test.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> errors = new ArrayList<>();
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, null, d -> {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d.getLineNumber() + ":" + d.getColumnNumber() + ": " + d.getMessage(Locale.ROOT));
            }
        }, List.of("-proc:none"), null, List.of(file));
        try {
            return new Parsed(task.parse().iterator().next(), errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kinds of the members of {@code class C { body }}, or null when it does not parse. */
    public static List<Tree.Kind> classBodyMembers(String body) {
        Parsed parsed = parse("class C {\n" + body + "\n}");
        if (!parsed.errors().isEmpty()) {
            return null;
        }
        return ((ClassTree) parsed.unit().getTypeDecls().get(0)).getMembers().stream().map(Tree::getKind).toList();
    }
}
