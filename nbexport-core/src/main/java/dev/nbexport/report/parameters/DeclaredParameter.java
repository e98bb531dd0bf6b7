package dev.nbexport.report.parameters;

import dev.nbexport.json.Json;
import java.util.Objects;

/**
 * One declaration of a notebook's parameters cell: {@code int width = 60; // characters per line}.
 *
 * @param name the variable's name
 * @param type what values it takes
 * @param defaultSource its initializer as written ({@code 60}, {@code List.of("a", "b")}); empty when none
 * @param defaultJson the default as papermill's {@code default_parameters} records it: the value when the
 *     initializer is a literal (or a {@code List.of}/{@code Set.of} of literals), else the initializer's text
 * @param description the comment on the line(s) above it or after it on its line, without the comment marks
 * @param line the 1-based cell line it starts on
 */
public record DeclaredParameter(String name, ParameterType type, String defaultSource, Json defaultJson,
                                String description, int line) {

    public DeclaredParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultSource, "defaultSource");
        Objects.requireNonNull(defaultJson, "defaultJson");
        Objects.requireNonNull(description, "description");
    }

    /** {@code width: int = 60}, as lists of parameters show it. */
    public String signature() {
        return name + ": " + type.written() + (defaultSource.isEmpty() ? "" : " = " + defaultSource);
    }
}
