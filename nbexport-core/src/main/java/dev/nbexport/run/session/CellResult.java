package dev.nbexport.run.session;

import dev.nbexport.json.Json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * What evaluating one cell gave.
 *
 * @param executionCount the cell's {@code execution_count} (1 for the first cell evaluated)
 * @param outputs nbformat output objects in the order produced ({@code stream}, {@code display_data},
 *     {@code execute_result}, {@code error}); adjacent writes to one stream are one output, as nbconvert
 *     stores them
 * @param error why the cell failed, when it did (its {@code error} output is the last of {@code outputs})
 */
public record CellResult(int executionCount, List<JsonObject> outputs, Optional<CellError> error) {

    public CellResult {
        outputs = List.copyOf(outputs);
        error = error == null ? Optional.empty() : error;
    }

    public boolean failed() {
        return error.isPresent();
    }
}
