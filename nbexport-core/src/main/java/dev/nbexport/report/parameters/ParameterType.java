package dev.nbexport.report.parameters;

import java.util.List;
import java.util.Locale;

/**
 * The type of a declared parameter, as far as {@code nbexport:run} can give it a value: a scalar
 * ({@link Scalar.Kind}), a {@code List} or {@code Set} of scalars, an enum found on the project's class
 * path, or a type it cannot fill ({@link Unsupported}: arrays, maps, the notebook's own classes, ...).
 */
public sealed interface ParameterType {

    /** The type as the parameters cell writes it: {@code int}, {@code List<String>}, {@code java.time.LocalDate}. */
    String written();

    /**
     * A single value.
     *
     * @param kind which of the supported types
     * @param written as declared; the injected value's factory ({@code LocalDate.parse}) is written with it
     */
    record Scalar(Kind kind, String written) implements ParameterType {

        /** The supported scalar types and how their values are written. */
        public enum Kind {
            INT("int"), LONG("long"), DOUBLE("double"), FLOAT("float"), BOOLEAN("boolean"), CHAR("char"),
            STRING("String"), LOCAL_DATE("LocalDate"), LOCAL_DATE_TIME("LocalDateTime"), BIG_DECIMAL("BigDecimal");

            private final String javaName;

            Kind(String javaName) {
                this.javaName = javaName;
            }

            /** The simple Java name of the primitive or class. */
            public String javaName() {
                return javaName;
            }

            /** The kind a type name stands for (primitives, their boxes, simple or qualified class names), or null. */
            static Kind of(String name) {
                return switch (name) {
                    case "int", "Integer", "java.lang.Integer" -> INT;
                    case "long", "Long", "java.lang.Long" -> LONG;
                    case "double", "Double", "java.lang.Double" -> DOUBLE;
                    case "float", "Float", "java.lang.Float" -> FLOAT;
                    case "boolean", "Boolean", "java.lang.Boolean" -> BOOLEAN;
                    case "char", "Character", "java.lang.Character" -> CHAR;
                    case "String", "java.lang.String" -> STRING;
                    case "LocalDate", "java.time.LocalDate" -> LOCAL_DATE;
                    case "LocalDateTime", "java.time.LocalDateTime" -> LOCAL_DATE_TIME;
                    case "BigDecimal", "java.math.BigDecimal" -> BIG_DECIMAL;
                    default -> null;
                };
            }

            /** What a value of this kind looks like, for hints. */
            String example() {
                return switch (this) {
                    case INT, LONG -> "42";
                    case DOUBLE, FLOAT -> "0.5";
                    case BOOLEAN -> "true or false";
                    case CHAR -> "one character, e.g. x";
                    case STRING -> "any text";
                    case LOCAL_DATE -> "2024-01-31";
                    case LOCAL_DATE_TIME -> "2024-01-31T09:30";
                    case BIG_DECIMAL -> "12.50";
                };
            }

            String lowerName() {
                return name().toLowerCase(Locale.ROOT);
            }
        }
    }

    /**
     * {@code List<E>} or {@code Set<E>} of a scalar; injected as {@code List.of(...)} / {@code Set.of(...)}.
     *
     * @param set whether it is a {@code Set} (then values must differ: {@code Set.of} refuses duplicates)
     * @param element the element type
     * @param written as declared
     */
    record Collection(boolean set, Scalar element, String written) implements ParameterType {
        /** {@code List} or {@code Set}, as declared ({@code java.util.List} when written so). */
        public String factoryClass() {
            int angle = written.indexOf('<');
            return (angle < 0 ? written : written.substring(0, angle)).strip();
        }
    }

    /**
     * An enum on the project's class path.
     *
     * @param written as declared
     * @param constants its constants, in declaration order
     */
    record Enum(String written, List<String> constants) implements ParameterType {
        public Enum {
            constants = List.copyOf(constants);
        }
    }

    /**
     * A type no value can be given for; the parameter keeps its default.
     *
     * @param why what the user reads: why not, and what is supported
     */
    record Unsupported(String written, String why) implements ParameterType {}

    /** What {@code nbexport:run} can fill, for messages. */
    String SUPPORTED = "int, long, double, float, boolean, char (and their boxes), String, LocalDate, LocalDateTime,"
            + " BigDecimal, List or Set of those, and enums on the project's class path";
}
