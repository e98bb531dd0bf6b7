package dev.nbexport.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.json.Json;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.testing.TestNotebooks;
import dev.nbexport.workspace.ProjectNotebook;
import dev.nbexport.workspace.ProjectNotebooks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportSourcesTest {

    @TempDir
    Path project;

    private int kernelJava(JsonObject languageInfo) {
        Notebook notebook = TestNotebooks.of("//| default_exp com.acme.A", "//| export\nint a() { return 1; }");
        if (languageInfo != null) {
            notebook = notebook.withMetadata(notebook.metadata().with("language_info", languageInfo));
        }
        Path file = project.resolve("notebooks/a.ipynb");
        NotebookWriter.write(notebook, file);
        ProjectNotebooks reader = new ProjectNotebooks(project, DirectiveParser.standard());
        ProjectNotebook loaded = reader.parse(reader.read(List.of(file))).notebooks().get(0);
        return ExportSources.of(loaded, new ArrayList<>()).kernelJava();
    }

    @Test
    void theKernelsJavaVersionComesFromTheNotebooksLanguageInfo() {
        assertThat(kernelJava(JsonObject.EMPTY.with("name", Json.string("java")).with("version", Json.string("21.0.2+13-58"))))
                .isEqualTo(21);
        assertThat(kernelJava(JsonObject.EMPTY.with("name", Json.string("python")).with("version", Json.string("3.12.1"))))
                .isZero();
        assertThat(kernelJava(null)).isZero();
    }
}
