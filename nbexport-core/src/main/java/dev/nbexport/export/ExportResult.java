package dev.nbexport.export;

import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.problem.Problem;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an export produced.
 *
 * @param files generated files, sorted by kind then path: every planned file, or those its
 *     {@link ExportScope} asked for
 * @param warnings things the user should know that did not stop the export, sorted
 * @param planned every file the exported notebooks make, emitted or not, with the notebooks whose cells go
 *     into it (in the order of the file's header), sorted by id
 */
public record ExportResult(List<GeneratedFile> files, List<Problem> warnings, Map<GeneratedFile.Id, List<String>> planned) {

    public ExportResult {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
        Map<GeneratedFile.Id, List<String>> sorted = new TreeMap<>();
        planned.forEach((id, notebooks) -> sorted.put(id, List.copyOf(notebooks)));
        planned = Collections.unmodifiableMap(sorted);
    }

    /** A result whose files are all it planned. */
    public ExportResult(List<GeneratedFile> files, List<Problem> warnings) {
        this(files, warnings, plannedOf(files));
    }

    private static Map<GeneratedFile.Id, List<String>> plannedOf(List<GeneratedFile> files) {
        Map<GeneratedFile.Id, List<String>> planned = new TreeMap<>();
        for (GeneratedFile file : files) {
            Set<String> notebooks = new LinkedHashSet<>();
            file.sources().stream().map(CellRef::notebook).forEach(notebooks::add);
            planned.put(file.id(), List.copyOf(notebooks));
        }
        return planned;
    }

    /** The generated file at a relative path, if any. */
    public Optional<GeneratedFile> file(GeneratedFile.Kind kind, String relativePath) {
        return files.stream()
                .filter(f -> f.kind() == kind && f.relativePath().equals(relativePath))
                .findFirst();
    }
}
