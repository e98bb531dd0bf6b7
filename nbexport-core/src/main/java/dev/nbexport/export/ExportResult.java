package dev.nbexport.export;

import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.problem.Problem;
import java.util.List;

/**
 * What an export produced.
 *
 * @param files generated files, sorted by kind then path
 * @param warnings things the user should know that did not stop the export, sorted
 */
public record ExportResult(List<GeneratedFile> files, List<Problem> warnings) {

    public ExportResult {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    /** The generated file at a relative path, if any. */
    public java.util.Optional<GeneratedFile> file(GeneratedFile.Kind kind, String relativePath) {
        return files.stream()
                .filter(f -> f.kind() == kind && f.relativePath().equals(relativePath))
                .findFirst();
    }
}
