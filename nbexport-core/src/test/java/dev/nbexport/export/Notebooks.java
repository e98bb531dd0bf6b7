package dev.nbexport.export;

import dev.nbexport.directive.ExportKind;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.layout.GeneratedHeader;
import dev.nbexport.notebook.CellRef;
import java.util.ArrayList;
import java.util.List;

/** Small notebooks for tests: cells numbered from 1, ids derived from the number. */
final class Notebooks {

    private Notebooks() {
    }

    /** A cell before it is numbered. */
    record Draft(ExportKind kind, String target, String testName, String code, boolean withId) {

        Draft to(String newTarget) {
            return new Draft(kind, newTarget, testName, code, withId);
        }

        Draft named(String name) {
            return new Draft(kind, target, name, code, withId);
        }

        Draft withoutId() {
            return new Draft(kind, target, testName, code, false);
        }
    }

    static Draft export(String code) {
        return new Draft(ExportKind.EXPORT, null, null, code, true);
    }

    static Draft exporti(String code) {
        return new Draft(ExportKind.EXPORTI, null, null, code, true);
    }

    static Draft test(String code) {
        return new Draft(ExportKind.TEST, null, null, code, true);
    }

    static Draft plain(String code) {
        return new Draft(ExportKind.NONE, null, null, code, true);
    }

    /** Cell {@code n} of notebook {@code path} has id {@code c<n>}. */
    static NotebookSource notebook(String path, String defaultExp, Draft... drafts) {
        List<ExportCell> cells = new ArrayList<>();
        for (int i = 0; i < drafts.length; i++) {
            Draft d = drafts[i];
            CellRef ref = new CellRef(path, i + 1, d.withId() ? "c" + (i + 1) : null);
            cells.add(new ExportCell(ref, d.kind(), d.target(), d.target() == null ? 0 : 1, d.testName(), d.code(), null));
        }
        return NotebookSource.of(path, defaultExp, cells);
    }

    static ExportResult export(NotebookSource... notebooks) {
        return new Exporter().export(List.of(notebooks));
    }

    static String content(ExportResult result, GeneratedFile.Kind kind, String path) {
        return result.file(kind, path).orElseThrow(() -> new AssertionError(
                "no " + kind + " file " + path + " in " + result.files().stream().map(GeneratedFile::relativePath).toList()))
                .content();
    }

    static String main(ExportResult result, String path) {
        return content(result, GeneratedFile.Kind.MAIN, path);
    }

    static String testFile(ExportResult result, String path) {
        return content(result, GeneratedFile.Kind.TEST, path);
    }

    /** The file's content below the header. */
    static String body(String content) {
        int hash = content.indexOf(GeneratedHeader.HASH_PREFIX);
        return content.substring(content.indexOf('\n', hash) + 1);
    }
}
