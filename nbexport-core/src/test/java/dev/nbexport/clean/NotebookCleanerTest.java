package dev.nbexport.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.testing.Corpus;
import dev.nbexport.testing.NotebookGen;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookCleanerTest {

    private static final NotebookCleaner CLEANER = new NotebookCleaner(CleanOptions.defaults());

    private static final String EXECUTED = """
            {
             "cells": [
              {
               "cell_type": "code",
               "execution_count": 7,
               "id": "a1",
               "metadata": {"ExecuteTime": {"end_time": "2026-11-27T10:00:00"}, "collapsed": false, "tags": ["export"]},
               "outputs": [
                {"data": {"image/png": "iVBOR\\n", "text/plain": ["<Figure>"]}, "execution_count": 7,
                 "metadata": {"image/png": {"width": 400}, "needs_background": "light"}, "output_type": "execute_result"},
                {"name": "stdout", "output_type": "stream", "text": ["hello\\n"]}
               ],
               "source": ["int x = 1;"]
              },
              {"cell_type": "markdown", "id": "b2", "metadata": {"jp-MarkdownHeadingCollapsed": true}, "source": ["# Title"]}
             ],
             "metadata": {
              "kernelspec": {"display_name": "Java (jjava)", "language": "java", "name": "java"},
              "language_info": {"codemirror_mode": "java", "file_extension": ".jshell", "name": "java", "version": "17.0.15"},
              "toc": {"number_sections": true},
              "widgets": {}
             },
             "nbformat": 4,
             "nbformat_minor": 5
            }
            """;

    private static Notebook parse(String json) {
        return NotebookReader.parse(json.getBytes(StandardCharsets.UTF_8), "notebooks/x.ipynb");
    }

    @Test
    void resetsExecutionCountsAndKeepsOnlyAllowedMetadata() {
        Notebook clean = CLEANER.clean(parse(EXECUTED));

        assertThat(clean.cells().get(0).executionCount()).isNull();
        assertThat(clean.cells().get(0).metadata().members()).containsOnlyKeys("tags");
        assertThat(clean.cells().get(1).metadata().members()).isEmpty();
        assertThat(clean.metadata().members()).containsOnlyKeys("kernelspec", "language_info");
        assertThat(clean.metadata().object("language_info").members()).containsOnlyKeys("name");
        assertThat(clean.metadata().object("kernelspec")).isEqualTo(parse(EXECUTED).metadata().object("kernelspec"));
    }

    @Test
    void keepsOutputsButDropsTheirVolatileMetadataAndCounts() {
        Notebook clean = CLEANER.clean(parse(EXECUTED));

        var result = clean.cells().get(0).outputs().get(0);
        assertThat(result.get("execution_count")).isEqualTo(dev.nbexport.json.Json.JsonNull.NULL);
        assertThat(result.object("metadata").members()).containsOnlyKeys("image/png");
        assertThat(clean.cells().get(0).outputs()).hasSize(2);
    }

    @Test
    void clearsOutputsWhenAsked() {
        Notebook clean = new NotebookCleaner(CleanOptions.defaults().withClearOutputs(true)).clean(parse(EXECUTED));

        assertThat(clean.cells().get(0).outputs()).isEmpty();
        assertThat(clean.cells().get(0).source()).isEqualTo("int x = 1;");
    }

    @Test
    void allowListsCanBeExtended() {
        CleanOptions options = CleanOptions.defaults().keeping(Set.of("collapsed"), Set.of("toc"));

        Notebook clean = new NotebookCleaner(options).clean(parse(EXECUTED));

        assertThat(clean.cells().get(0).metadata().members()).containsOnlyKeys("tags", "collapsed");
        assertThat(clean.metadata().members()).containsOnlyKeys("kernelspec", "language_info", "toc");
    }

    @Test
    void addsStableUniqueIdsAndMovesToNbformat45() {
        String old = EXECUTED.replace("\"id\": \"a1\",", "").replace("\"id\": \"b2\",", "")
                .replace("\"nbformat_minor\": 5", "\"nbformat_minor\": 4");

        Notebook clean = CLEANER.clean(parse(old));

        assertThat(clean.nbformatMinor()).isEqualTo(5);
        List<String> ids = new ArrayList<>();
        clean.cells().forEach(c -> ids.add(c.id()));
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-f]{8}"));
        assertThat(CLEANER.clean(parse(old))).isEqualTo(clean);
    }

    @Test
    void cleaningIsIdempotent() {
        qt().withExamples(300).forAll(NotebookGen.notebooks()).checkAssert(notebook -> {
            Notebook once = CLEANER.clean(notebook);
            assertThat(CLEANER.clean(once)).isSameAs(once);
            Notebook reread = NotebookReader.parse(NotebookWriter.toBytes(once), "g.ipynb");
            assertThat(CLEANER.clean(reread)).isEqualTo(reread);
        });
    }

    @Test
    void cleanNotebookFileIsNotTouched(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.ipynb");
        Files.write(file, NotebookWriter.toBytes(CLEANER.clean(parse(EXECUTED))));
        FileTime before = FileTime.from(1_000_000, TimeUnit.SECONDS);
        Files.setLastModifiedTime(file, before);

        assertThat(CLEANER.cleanFile(file, "x.ipynb", false)).isFalse();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
    }

    @Test
    void checkModeReportsButWritesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.ipynb");
        Files.writeString(file, EXECUTED);

        assertThat(CLEANER.cleanFile(file, "x.ipynb", true)).isTrue();
        assertThat(Files.readString(file)).isEqualTo(EXECUTED);

        assertThat(CLEANER.cleanFile(file, "x.ipynb", false)).isTrue();
        assertThat(CLEANER.cleanFile(file, "x.ipynb", true)).isFalse();
    }

    @Test
    void cleansEveryCorpusNotebookToAFixedPointThatNbformatValidates(@TempDir Path dir) throws Exception {
        List<String> paths = new ArrayList<>();
        for (Path source : Corpus.notebooks()) {
            Path copy = dir.resolve(paths.size() + ".ipynb");
            Files.copy(source, copy);
            CLEANER.cleanFile(copy, source.toString(), false);
            assertThat(CLEANER.cleanFile(copy, source.toString(), true)).as("clean again: " + source).isFalse();
            paths.add(copy.toString());
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-c",
                "import sys, nbformat\n"
                        + "for p in sys.argv[1:]:\n"
                        + "    nbformat.validate(nbformat.read(p, as_version=nbformat.NO_CONVERT))\n"
                        + "print('valid', len(sys.argv) - 1)\n"));
        command.addAll(paths);
        Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out.strip()).endsWith("valid " + paths.size());
    }
}
