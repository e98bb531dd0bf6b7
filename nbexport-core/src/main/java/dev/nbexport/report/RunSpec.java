package dev.nbexport.report;

import dev.nbexport.report.parameters.RawValue;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run of {@code nbexport:run}: a notebook and the values of its parameters.
 *
 * @param notebook the input notebook (never written)
 * @param parameters the values given, in order (empty: the defaults)
 * @param output the executed notebook to write ({@code .ipynb}; the report goes beside it as {@code .html}), or
 *     {@code null} for {@code <outputDir>/<notebook name>.ipynb} ({@code <name>-<k>.ipynb} when a batch runs one
 *     notebook several times)
 */
public record RunSpec(Path notebook, Map<String, RawValue> parameters, Path output) {

    public RunSpec {
        Objects.requireNonNull(notebook, "notebook");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
