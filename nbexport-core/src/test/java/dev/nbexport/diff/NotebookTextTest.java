package dev.nbexport.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookTextTest {

    /** A 1x1 PNG, 70 bytes. */
    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    /** A notebook with every kind of cell and output, as Jupyter writes them. */
    static final String EVERY_KIND = """
            {
             "cells": [
              {
               "cell_type": "markdown",
               "id": "intro",
               "metadata": {},
               "source": ["# Slugs\\n", "\\n", "Text with a picture: ![dot](attachment:dot.png)"],
               "attachments": {"dot.png": {"image/png": "%1$s"}}
              },
              {
               "cell_type": "code",
               "execution_count": 7,
               "id": "c0ffee04",
               "metadata": {"tags": ["slow"], "collapsed": true, "jupyter": {"source_hidden": false}},
               "outputs": [
                {"name": "stdout", "output_type": "stream", "text": ["hello\\n"]},
                {"name": "stderr", "output_type": "stream", "text": ["line 1\\n", "line 2\\n", "line 3\\n"]},
                {"data": {"text/plain": ["hello-world"]}, "execution_count": 7, "metadata": {}, "output_type": "execute_result"},
                {"data": {"image/png": "%1$s", "text/plain": ["<Figure>"]}, "metadata": {"image/png": {"width": 300}}, "output_type": "display_data"},
                {"data": {"image/svg+xml": ["<svg/>"], "application/json": {"a": [1, 2]}}, "metadata": {}, "output_type": "display_data"},
                {"ename": "RuntimeException", "evalue": "java.lang.IllegalStateException, boom", "output_type": "error",
                 "traceback": ["\\u001b[1;31mjava.lang.IllegalStateException: boom\\u001b[0m", "\\tat .(#12:1)"]}
               ],
               "source": ["//| export\\n", "static String slug(String s) {\\n", "    return s.toLowerCase();\\n", "}"]
              },
              {
               "cell_type": "raw",
               "id": "raw-1",
               "metadata": {"format": "text/x-rst"},
               "source": ".. note:: raw"
              },
              {
               "cell_type": "code",
               "execution_count": null,
               "id": "tagged",
               "metadata": {"tags": ["test", "hide"]},
               "outputs": [],
               "source": "assert slug(\\"A\\").equals(\\"a\\");"
              }
             ],
             "metadata": {
              "kernelspec": {"display_name": "Java (jjava)", "language": "java", "name": "java"},
              "language_info": {"name": "java"}
             },
             "nbformat": 4,
             "nbformat_minor": 5
            }
            """.formatted(PNG);

    static Notebook everyKind() {
        return NotebookReader.parse(EVERY_KIND.getBytes(StandardCharsets.UTF_8), "every-kind.ipynb");
    }

    @Test
    void showsEveryCellAndOutputKindOneLineEach() {
        assertThat(NotebookText.of(everyKind())).isEqualTo("""
                // %% [notebook] nbformat 4.5
                [meta] kernelspec.display_name: Java (jjava)
                [meta] kernelspec.language: java
                [meta] kernelspec.name: java
                [meta] language_info.name: java

                // %% [markdown] #intro
                # Slugs

                Text with a picture: ![dot](attachment:dot.png)
                [attachment] dot.png image/png 70 B crc {png}

                // %% [code] #c0ffee04 | export | tags: slow
                //| export
                static String slug(String s) {
                    return s.toLowerCase();
                }
                [out] stdout: hello
                [out] stderr: line 1... (3 lines, 21 B, crc {stderr})
                [out] text/plain: hello-world
                [out] image/png 70 B crc {png}
                [out] text/plain: <Figure>
                [out] metadata image/png.width: 300
                [out] application/json 1 key, 23 B crc {json}
                [out] image/svg+xml: <svg/>
                [out] error RuntimeException: java.lang.IllegalStateException, boom (traceback 2 lines, crc {traceback})
                [meta] collapsed: true
                [meta] jupyter.source_hidden: false

                // %% [raw] #raw-1
                .. note:: raw
                [meta] format: text/x-rst

                // %% [code] #tagged | test, hide | tags: test, hide
                assert slug("A").equals("a");
                """
                .replace("{png}", ValueSummary.crc(PNG))
                .replace("{stderr}", ValueSummary.crc("line 1\nline 2\nline 3\n"))
                .replace("{json}", ValueSummary.crc("{\n \"a\": [\n  1,\n  2\n ]\n}"))
                .replace("{traceback}", ValueSummary.crc("\u001b[1;31mjava.lang.IllegalStateException: boom\u001b[0m\n\tat .(#12:1)\n")));
    }

    @Test
    void hasNoJsonPunctuationAndNoBase64() {
        String text = NotebookText.of(everyKind());

        assertThat(text).doesNotContain(PNG.substring(0, 16), "\"cell_type\"", "\"source\":", "\\n", "},", "\u001b");
    }

    @Test
    void leavesOutExecutionCounts() {
        Notebook notebook = everyKind();
        Cell ran = notebook.cells().get(1);
        Notebook rerun = notebook.withCell(1, ran.with("execution_count", Json.JsonNumber.of(99)));

        assertThat(NotebookText.of(rerun)).isEqualTo(NotebookText.of(notebook)).doesNotContain("99");
    }

    @Test
    void isTheSameForTheSameNotebookWhateverItsKeyOrderAndFormatting() {
        Notebook notebook = everyKind();
        String asNbformatWritesIt = NotebookWriter.toText(notebook);

        String fromJupyterText = NotebookText.of(EVERY_KIND.getBytes(StandardCharsets.UTF_8));
        String fromNbformatText = NotebookText.of(asNbformatWritesIt.getBytes(StandardCharsets.UTF_8));

        assertThat(asNbformatWritesIt).isNotEqualTo(EVERY_KIND);
        assertThat(fromJupyterText).isEqualTo(fromNbformatText).isEqualTo(NotebookText.of(notebook));
    }

    @Test
    void summaryOfALongOutputChangesWhenAnyPartOfItChanges() {
        String before = ValueSummary.text("same first line\n" + "x".repeat(500) + "\n");
        String after = ValueSummary.text("same first line\n" + "x".repeat(499) + "y\n");

        assertThat(before).startsWith("same first line... (2 lines, 517 B, crc ");
        assertThat(after).startsWith("same first line... (2 lines, 517 B, crc ").isNotEqualTo(before);
    }

    @Test
    void summarisesBinaryDataByItsDecodedSizeAndACrcThatIgnoresLineBreaks() {
        byte[] image = new byte[3000];
        new java.util.Random(1).nextBytes(image);
        String oneLine = Base64.getEncoder().encodeToString(image) + "\n";
        String wrapped = Base64.getMimeEncoder().encodeToString(image);

        assertThat(ValueSummary.binary(oneLine)).startsWith("2.9 KB crc ").isEqualTo(ValueSummary.binary(wrapped));
        assertThat(ValueSummary.binary("")).isNull();
        for (int size = 1; size < 6; size++) {
            String encoded = Base64.getEncoder().encodeToString(new byte[size]);
            String unpadded = Base64.getEncoder().withoutPadding().encodeToString(new byte[size]);
            assertThat(ValueSummary.binary(encoded)).as("%d bytes", size).isEqualTo(size + " B crc " + ValueSummary.crc(encoded));
            assertThat(ValueSummary.binary(unpadded)).as("%d bytes, unpadded", size).startsWith(size + " B crc ");
        }
        assertThat(ValueSummary.mimeEntry("application/x-custom", Json.string("plain words, not base64")))
                .isEqualTo("application/x-custom: plain words, not base64");
    }

    @Test
    void showsWhatNbformatDoesNotDefineAsFieldLinesInsteadOfDroppingIt() {
        Notebook notebook = NotebookReader.parse("""
                {"cells": [{"cell_type": "sql", "id": "q", "metadata": {}, "source": "select 1", "dialect": "duckdb"},
                           {"cell_type": "code", "execution_count": 1, "id": "w", "metadata": {}, "source": "w()",
                            "outputs": [{"output_type": "widget_state", "model": {"id": 7}},
                                        {"output_type": "stream", "name": "stdout", "text": "x", "transient": {"display_id": "d1"}}]}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5, "signature": "sha256:abc"}
                """.getBytes(StandardCharsets.UTF_8), "odd.ipynb");

        assertThat(NotebookText.of(notebook).lines()).containsExactly(
                "// %% [notebook] nbformat 4.5",
                "[field] signature: sha256:abc",
                "",
                "// %% [sql] #q",
                "select 1",
                "[field] dialect: duckdb",
                "",
                "// %% [code] #w",
                "w()",
                "[out] widget_state",
                "[out] field model.id: 7",
                "[out] stdout: x",
                "[out] field transient.display_id: d1");
    }

    @Test
    void showsAnEmptyNotebookAsItsHeaderAndMetadataOnly() {
        Notebook empty = Notebook.empty(Json.JsonObject.EMPTY);

        assertThat(NotebookText.of(empty)).isEqualTo("// %% [notebook] nbformat 4.5\n");
    }

    @Test
    void showsCellsWithoutIdsAndEmptyCellsByTheirTypeAlone() {
        Notebook notebook = NotebookReader.parse("""
                {"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": []},
                           {"cell_type": "markdown", "metadata": {}, "source": "text"}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
                """.getBytes(StandardCharsets.UTF_8), "old.ipynb");

        assertThat(NotebookText.of(notebook)).isEqualTo("""
                // %% [notebook] nbformat 4.4

                // %% [code]

                // %% [markdown]
                text
                """);
    }

    @Test
    void headerShowsTheDirectivesExportSeesWithTheirValuesAndTheTags() {
        Cell cell = Cell.of(CellType.CODE, "c1", "//| export com.acme.Other\n//| eval: false\nint x = 1;")
                .withMetadata(Json.JsonObject.EMPTY.with("tags", new JsonArray(List.of(Json.string("hide"), Json.string("remove-cell")))));

        assertThat(NotebookText.header(cell, 1)).isEqualTo("// %% [code] #c1 | export com.acme.Other, hide, eval false | tags: hide, remove-cell");
    }

    @Test
    void flattensNestedMetadataAndSummarisesWhatIsTooBigForLines() {
        Json.JsonObject widgets = Json.JsonObject.EMPTY;
        for (int i = 0; i < 30; i++) {
            widgets = widgets.with("model-" + i, Json.JsonObject.EMPTY.with("state", Json.string("s" + i)));
        }
        Json.JsonObject metadata = Json.JsonObject.EMPTY
                .with("widgets", widgets)
                .with("nbexport", Json.JsonObject.EMPTY.with("clean", Json.JsonBoolean.TRUE).with("keep", new JsonArray(List.of())))
                .with("empty", Json.JsonObject.EMPTY);

        List<String> lines = ValueSummary.flattenMembers("[meta] ", metadata, java.util.Set.of());

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("[meta] empty: (empty)");
        assertThat(lines.get(1)).isEqualTo("[meta] nbexport.clean: true");
        assertThat(lines.get(2)).isEqualTo("[meta] nbexport.keep: (none)");
        assertThat(lines.get(3)).matches("\\[meta\\] widgets: 30 keys, 1\\.[0-9] KB crc [0-9a-f]{8}");
    }

    @Test
    void showsBrokenJsonAsTheRawTextAfterOneWarningLine() {
        String broken = "{\n \"cells\": [\n<<<<<<< HEAD\n  {\"cell_type\": \"code\"}\n";

        String text = NotebookText.of(broken.getBytes(StandardCharsets.UTF_8));

        assertThat(text.lines().toList().get(0)).startsWith(NotebookText.UNREADABLE + " (line 3:")
                .contains("not valid JSON").endsWith("); the file as it is follows");
        assertThat(text.substring(text.indexOf('\n') + 1)).isEqualTo(broken);
    }

    @Test
    void showsOtherFilesThatAreNotNotebooksTheSameWay() {
        assertThat(NotebookText.of(new byte[0])).isEqualTo(NotebookText.UNREADABLE + " (line 1:1: not valid JSON: the file is empty); the file as it is follows\n");
        assertThat(NotebookText.of("{\"nbformat\": 3, \"worksheets\": []}".getBytes(StandardCharsets.UTF_8)))
                .startsWith(NotebookText.UNREADABLE + " (nbformat 3 notebooks are not supported)")
                .endsWith("\n{\"nbformat\": 3, \"worksheets\": []}");
        assertThat(NotebookText.of("[1, 2]".getBytes(StandardCharsets.UTF_8)))
                .startsWith(NotebookText.UNREADABLE + " (not a notebook: the JSON document is not an object)");
        assertThat(NotebookText.of(new byte[] {(byte) 0xff, (byte) 0xfe, 0}))
                .startsWith(NotebookText.UNREADABLE);
    }

    @Test
    void showsEveryCorpusNotebookWithoutFailingAndWithoutJsonOrBase64() throws Exception {
        for (Path file : Corpus.notebooks()) {
            byte[] content = java.nio.file.Files.readAllBytes(file);
            String text = NotebookText.of(content);

            assertThat(text).as(file.toString()).startsWith("// %% [notebook] nbformat 4.").doesNotContain("\"cell_type\"");
            assertThat(NotebookText.of(content)).as("stable: %s", file).isEqualTo(text);
        }
    }
}
