package dev.nbexport.report.parameters;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.report.parameters.ParameterType.Scalar;
import dev.nbexport.report.parameters.ParameterType.Scalar.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fits a {@link RawValue} to a {@link ParameterType} and writes it as a Java expression, or says why it
 * does not fit. Strict on purpose: {@code 10.0} is not an {@code int}, {@code yes} is not a {@code boolean},
 * a {@code double} must be finite, a date must be ISO ({@code 2024-01-31}).
 */
final class ValueTyping {

    private ValueTyping() {}

    /** Why a value does not fit its type; the message reads after "the value ... ". */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    static TypedValue type(ParameterType type, RawValue raw) throws Refused {
        if (type instanceof Scalar s) {
            if (raw instanceof RawValue.Items && s.kind() != Kind.STRING) {
                throw new Refused("is a list, not a single " + s.written());
            }
            return scalar(s, raw.shown());
        }
        if (type instanceof ParameterType.Collection c) {
            return collection(c, raw);
        }
        if (type instanceof ParameterType.Enum e) {
            return enumConstant(e, raw);
        }
        throw new Refused("cannot be given: " + ((ParameterType.Unsupported) type).why());
    }

    private static TypedValue collection(ParameterType.Collection c, RawValue raw) throws Refused {
        List<String> items = raw instanceof RawValue.Items i ? i.items() : List.of(raw.shown());
        List<String> java = new ArrayList<>();
        List<Json> json = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String item : items) {
            TypedValue v;
            try {
                v = scalar(c.element(), item);
            } catch (Refused r) {
                throw new Refused("has the element `" + item + "`, which " + r.getMessage());
            }
            if (c.set() && !seen.add(v.java())) {
                throw new Refused("has `" + item + "` twice, and a Set holds each value once (Set.of refuses duplicates)");
            }
            java.add(v.java());
            json.add(v.json());
        }
        return new TypedValue(c.factoryClass() + ".of(" + String.join(", ", java) + ")", new JsonArray(json));
    }

    private static TypedValue enumConstant(ParameterType.Enum e, RawValue raw) throws Refused {
        String name = raw.shown().strip();
        if (!e.constants().contains(name)) {
            throw new Refused("is not a constant of " + e.written() + " (" + String.join(", ", e.constants()) + ")");
        }
        return new TypedValue(e.written() + "." + name, Json.string(name));
    }

    static TypedValue scalar(Scalar type, String text) throws Refused {
        Kind kind = type.kind();
        String t = kind == Kind.STRING || kind == Kind.CHAR ? text : text.strip();
        switch (kind) {
            case INT, LONG -> {
                long max = kind == Kind.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
                long min = kind == Kind.INT ? Integer.MIN_VALUE : Long.MIN_VALUE;
                long v;
                try {
                    v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
                } catch (NumberFormatException ex) {
                    throw new Refused("is not a whole number" + (kind == Kind.INT ? " that fits an int" : " that fits a long"));
                }
                if (v > max || v < min) {
                    throw new Refused("does not fit an int (" + min + " to " + max + "); declare the parameter long");
                }
                return new TypedValue(v + (kind == Kind.LONG ? "L" : ""), Json.JsonNumber.of(v));
            }
            case DOUBLE, FLOAT -> {
                BigDecimal d = decimal(t);
                double v = kind == Kind.FLOAT ? d.floatValue() : d.doubleValue();
                if (Double.isInfinite(v)) {
                    throw new Refused("is too large for a " + kind.javaName());
                }
                String literal = kind == Kind.FLOAT ? Float.toString((float) v) + "f" : Double.toString(v);
                return new TypedValue(literal, new Json.JsonNumber(kind == Kind.FLOAT ? Float.toString((float) v) : Double.toString(v)));
            }
            case BOOLEAN -> {
                if (!t.equals("true") && !t.equals("false")) {
                    throw new Refused("is not a boolean (write true or false)");
                }
                return new TypedValue(t, Json.JsonBoolean.of(t.equals("true")));
            }
            case CHAR -> {
                if (t.codePointCount(0, t.length()) != 1 || t.length() != 1) {
                    throw new Refused("is not one character" + (t.length() == 2 && Character.isSurrogatePair(t.charAt(0), t.charAt(1))
                            ? " a Java char can hold (it is outside the Basic Multilingual Plane; declare a String)" : ""));
                }
                return new TypedValue("'" + escape(t, '\'') + "'", Json.string(t));
            }
            case STRING -> {
                return new TypedValue("\"" + escape(t, '"') + "\"", Json.string(t));
            }
            case LOCAL_DATE -> {
                try {
                    LocalDate d = LocalDate.parse(t);
                    return new TypedValue(type.written() + ".parse(\"" + d + "\")", Json.string(d.toString()));
                } catch (DateTimeParseException ex) {
                    throw new Refused("is not a date in ISO form (e.g. 2024-01-31)");
                }
            }
            case LOCAL_DATE_TIME -> {
                try {
                    LocalDateTime d = LocalDateTime.parse(t);
                    return new TypedValue(type.written() + ".parse(\"" + d + "\")", Json.string(d.toString()));
                } catch (DateTimeParseException ex) {
                    throw new Refused("is not a date and time in ISO form (e.g. 2024-01-31T09:30)");
                }
            }
            case BIG_DECIMAL -> {
                BigDecimal d = decimal(t);
                return new TypedValue("new " + type.written() + "(\"" + d + "\")", new Json.JsonNumber(d.toString()));
            }
        }
        throw new IllegalStateException(kind.toString());
    }

    /** A plain decimal number ({@code -1.5}, {@code 2e3}); not {@code NaN}, {@code Infinity}, hex or {@code 1d}. */
    private static BigDecimal decimal(String t) throws Refused {
        if (t.isEmpty() || !Character.isDigit(t.charAt(t.length() - 1)) && t.charAt(t.length() - 1) != '.') {
            throw new Refused("is not a number");
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException ex) {
            throw new Refused("is not a number");
        }
    }

    /**
     * The body of a Java string or char literal for {@code text}: quotes and backslashes escaped, control
     * characters and line separators as escapes. A backslash is always doubled, so no {@code \\u} in a value
     * can become a Unicode escape.
     */
    static String escape(String text, char quote) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
