package dev.nbexport.run.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagicsTest {

    @TempDir
    Path dir;

    /** A class {@code acme.Greeter} compiled into {@code dir/classes}. */
    private Path compiledGreeter() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/acme")).resolve("Greeter.java");
        Files.writeString(src, "package acme; public class Greeter { public static String hi() { return \"hi\"; } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
        assertThat(rc).isZero();
        return classes;
    }

    @Test
    void classpathAddsToTheClassPathAndGivesNoOutput() throws Exception {
        Path classes = compiledGreeter();
        try (NotebookSession s = NotebookSession.start(SessionOptions.of(KernelDialect.JJAVA))) {
            assertThat(s.evaluate("acme.Greeter.hi()").error().orElseThrow().ename()).isEqualTo("CompilationException");
            assertThat(s.evaluate("%classpath " + classes).outputs()).isEmpty();
            assertThat(s.evaluate("acme.Greeter.hi()").outputs().get(0).object("data").string("text/plain")).isEqualTo("hi");
        }
    }

    @Test
    void jarsIsClasspathWithJJavasDeprecationWarning() throws Exception {
        Path classes = compiledGreeter();
        try (NotebookSession s = NotebookSession.start(SessionOptions.of(KernelDialect.JJAVA))) {
            var outputs = s.evaluate("%jars " + classes + "\nacme.Greeter.hi()").outputs();
            assertThat(outputs.get(0).string("name")).isEqualTo("stderr");
            assertThat(outputs.get(0).string("text")).contains("'%jars' magic is deprecated");
            assertThat(outputs.get(1).object("data").string("text/plain")).isEqualTo("hi");
        }
    }

    @Test
    void theProjectClassPathIsVisibleAndNbexportsOwnLibrariesAreNot() throws Exception {
        Path classes = compiledGreeter();
        try (NotebookSession s = NotebookSession.start(new SessionOptions(KernelDialect.JJAVA, List.of(classes), List.of()))) {
            assertThat(s.evaluate("acme.Greeter.hi()").failed()).isFalse();
            assertThat(s.evaluate("com.fasterxml.jackson.core.JsonFactory.class").error().orElseThrow().summary())
                    .contains("package com.fasterxml.jackson.core does not exist");
            assertThat(s.evaluate("Class.forName(\"dev.nbexport.json.Json\")").error().orElseThrow().evalue())
                    .isEqualTo("java.lang.ClassNotFoundException, dev.nbexport.json.Json");
        }
    }

    @Test
    void anUnknownMagicFailsAsInTheKernel() {
        try (NotebookSession s = NotebookSession.start(SessionOptions.of(KernelDialect.JJAVA))) {
            CellError e = s.evaluate("%nosuchmagic foo").error().orElseThrow();
            assertThat(e.ename()).isEqualTo("RuntimeException");
            assertThat(e.evalue()).isEqualTo(
                    "org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException, Undefined line magic 'nosuchmagic'");
            assertThat(s.evaluate("%%nosuchcell\nbody").error().orElseThrow().evalue()).contains("Undefined cell magic 'nosuchcell'");
        }
    }

    @Test
    void mavenPassesForAProjectDependencyAndOtherwiseNamesTheDependencyToAdd() {
        var guava = new ProjectArtifact("com.google.guava", "guava", "33.0.0-jre", dir.resolve("guava.jar"));
        try (NotebookSession s = NotebookSession.start(new SessionOptions(KernelDialect.JJAVA, List.of(), List.of(guava)))) {
            assertThat(s.evaluate("%maven com.google.guava:guava:33.0.0-jre").failed()).isFalse();
            CellError missing = s.evaluate("%maven org.apache.commons:commons-lang3:3.14.0").error().orElseThrow();
            assertThat(missing.summary()).isEqualTo("org.apache.commons:commons-lang3:3.14.0 is not a dependency of the project"
                    + " (nbexport never downloads a notebook's libraries)");
            assertThat(missing.hint()).isEqualTo("Add it to the pom: <dependency><groupId>org.apache.commons</groupId>"
                    + "<artifactId>commons-lang3</artifactId><version>3.14.0</version></dependency>");
            assertThat(missing.evalue()).startsWith("java.lang.RuntimeException, Exception occurred while running line magic 'maven'");
            assertThat(s.evaluate("%maven com.google.guava:guava:32.1.0-jre").error().orElseThrow().summary())
                    .contains("the project has version 33.0.0-jre");
        }
    }

    @Test
    void loadFromPomChecksEveryDependencyOfTheFragment() {
        var guava = new ProjectArtifact("com.google.guava", "guava", "33.0.0-jre", dir.resolve("guava.jar"));
        try (NotebookSession s = NotebookSession.start(new SessionOptions(KernelDialect.JJAVA, List.of(), List.of(guava)))) {
            assertThat(s.evaluate("""
                    %%loadFromPOM
                    <dependency>
                      <groupId>com.google.guava</groupId>
                      <artifactId>guava</artifactId>
                      <version>33.0.0-jre</version>
                    </dependency>""").failed()).isFalse();
            CellError e = s.evaluate("""
                    %%loadFromPOM
                    <dependencies>
                      <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>33.0.0-jre</version></dependency>
                      <dependency><groupId>tech.tablesaw</groupId><artifactId>tablesaw-core</artifactId><version>0.43.1</version></dependency>
                    </dependencies>""").error().orElseThrow();
            assertThat(e.summary()).startsWith("tech.tablesaw:tablesaw-core:0.43.1 is not a dependency of the project");
            assertThat(e.hint()).contains("<artifactId>tablesaw-core</artifactId>");
        }
    }

    @Test
    void aMagicKeepsTheLinesOfTheCell() {
        try (NotebookSession s = NotebookSession.start(SessionOptions.of(KernelDialect.JJAVA))) {
            CellError e = s.evaluate("int a = 1;\n\n%classpath /nonexistent\nint b = \"x\";").error().orElseThrow();
            assertThat(e.line()).isEqualTo(4);
        }
    }
}
