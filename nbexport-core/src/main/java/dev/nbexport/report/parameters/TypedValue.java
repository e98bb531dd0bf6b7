package dev.nbexport.report.parameters;

import dev.nbexport.json.Json;
import java.util.Objects;

/**
 * A parameter value fitted to its type.
 *
 * @param java the value as a Java expression: {@code 10}, {@code "Ada \"the first\""},
 *     {@code LocalDate.parse("2024-01-31")}, {@code List.of("a", "b")}
 * @param json the value as papermill records it in {@code metadata.papermill.parameters}: numbers as
 *     numbers, booleans as booleans, dates and characters as strings, lists as arrays
 */
public record TypedValue(String java, Json json) {

    public TypedValue {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(json, "json");
    }
}
