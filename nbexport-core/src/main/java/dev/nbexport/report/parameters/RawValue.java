package dev.nbexport.report.parameters;

import java.util.List;

/**
 * A parameter's value as the user gave it, before it meets the declared type: text from
 * {@code -Dnbexport.parameters}, the POM or a parameters file. A list is written {@code [a, b]} in text,
 * or is an array in a JSON or YAML file.
 */
public sealed interface RawValue {

    /** The value as the user wrote it, for messages. */
    String shown();

    /** One value. */
    record Text(String text) implements RawValue {
        @Override
        public String shown() {
            return text;
        }
    }

    /**
     * A list of values.
     *
     * @param items each element's text
     * @param shown the list as written ({@code [a, b]}); a {@code String} parameter takes this text as it is
     */
    record Items(List<String> items, String shown) implements RawValue {
        public Items {
            items = List.copyOf(items);
        }
    }
}
