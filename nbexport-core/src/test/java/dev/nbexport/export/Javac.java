package dev.nbexport.export;

import dev.nbexport.layout.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated files with the JDK's compiler, as javac would in a Maven build. */
final class Javac {

    private Javac() {
    }

    /**
     * Compiles main files, then test files against them and the test classpath (JUnit).
     *
     * @return javac's errors, empty when everything compiles
     */
    static List<String> compile(ExportResult result, Path dir) {
        try {
            Path main = dir.resolve("src/main/java");
            Path test = dir.resolve("src/test/java");
            List<Path> mainFiles = new ArrayList<>();
            List<Path> testFiles = new ArrayList<>();
            for (GeneratedFile f : result.files()) {
                Path root = f.kind() == GeneratedFile.Kind.MAIN ? main : test;
                Path file = root.resolve(f.relativePath());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.content());
                (f.kind() == GeneratedFile.Kind.MAIN ? mainFiles : testFiles).add(file);
            }
            Path classes = Files.createDirectories(dir.resolve("classes"));
            Path testClasses = Files.createDirectories(dir.resolve("test-classes"));
            List<String> errors = new ArrayList<>(run(mainFiles, classes.toString(), classes));
            if (errors.isEmpty() && !testFiles.isEmpty()) {
                String cp = classes + java.io.File.pathSeparator + System.getProperty("java.class.path");
                errors.addAll(run(testFiles, cp, testClasses));
            }
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> run(List<Path> files, String classpath, Path out) throws IOException {
        if (files.isEmpty()) {
            return List.of();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("--release", "17", "-classpath", classpath, "-d", out.toString(),
                    "-Xlint:all", "-proc:none");
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add("javac failed");
            }
            return errors;
        }
    }
}
