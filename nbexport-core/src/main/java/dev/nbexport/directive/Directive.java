package dev.nbexport.directive;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The directives nbexport understands, written as {@code //| name value} at the top of a code
 * cell or as a Jupyter cell tag ({@code name} or {@code name:value}).
 */
public enum Directive {
    /** Notebook-level: the qualified class name the notebook's exported code goes to. */
    DEFAULT_EXP("default_exp", Arity.REQUIRED, "com.acme.text.Slugify"),
    /** Exported to the default target, or to the qualified class name given. */
    EXPORT("export", Arity.OPTIONAL, "com.acme.text.Other"),
    /** Exported, package-private. */
    EXPORTI("exporti", Arity.OPTIONAL, "com.acme.text.Other"),
    /** Exported, and the docs show the source. */
    EXPORTS("exports", Arity.OPTIONAL, "com.acme.text.Other"),
    /** JUnit 5 test code; the optional value names the test method. */
    TEST("test", Arity.OPTIONAL, "slugifiesSpaces"),
    /** Runs, but is left out of the docs. */
    HIDE("hide", Arity.NONE, null),
    /** {@code true} or {@code false}: whether the runner and the docs run the cell. */
    EVAL("eval", Arity.REQUIRED, "false"),
    /** Papermill-style parameters cell. */
    PARAMETERS("parameters", Arity.NONE, null),
    /** {@code check} or {@code ignore}: compare this cell's fresh output with its stored one. */
    OUTPUT("output", Arity.REQUIRED, "check"),
    /** Notebook-level, in any code cell: {@code nbexport:test} does not run this notebook (nbdev's name). */
    SKIP_EXEC("skip_exec", Arity.NONE, null);

    /** Whether a directive takes a value. */
    public enum Arity {
        /** A bare name; a value is an error. */
        NONE,
        /** The value may be left out. */
        OPTIONAL,
        /** The value must be given. */
        REQUIRED
    }

    private static final Map<String, Directive> BY_KEY = new HashMap<>();

    static {
        for (Directive d : values()) {
            BY_KEY.put(d.key, d);
        }
    }

    private final String key;
    private final Arity arity;
    private final String example;

    Directive(String key, Arity arity, String example) {
        this.key = key;
        this.arity = arity;
        this.example = example;
    }

    /** The name as users write it, e.g. {@code default_exp}. */
    public String key() {
        return key;
    }

    public Arity arity() {
        return arity;
    }

    /** The directive written {@code key} (exact, case-sensitive), if any. */
    public static Optional<Directive> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    static Directive lookup(String key) {
        return BY_KEY.get(key);
    }

    /** The export kind this directive sets, {@link ExportKind#NONE} for the others. */
    public ExportKind exportKind() {
        switch (this) {
            case EXPORT:
                return ExportKind.EXPORT;
            case EXPORTI:
                return ExportKind.EXPORTI;
            case EXPORTS:
                return ExportKind.EXPORTS;
            case TEST:
                return ExportKind.TEST;
            default:
                return ExportKind.NONE;
        }
    }

    /** A well-formed directive line, for hints: {@code //| eval: false}. */
    String exampleLine() {
        return example == null ? "//| " + key : "//| " + key + " " + example;
    }

    /**
     * Why {@code value} is not acceptable for this directive, or {@code null} when it is.
     * {@code value} is non-empty.
     */
    String rejectValue(String value) {
        switch (this) {
            case DEFAULT_EXP:
            case EXPORT:
            case EXPORTI:
            case EXPORTS:
                String why = JavaNames.rejectQualifiedClassName(value);
                return why == null ? null : "`" + value + "` is not a qualified Java class name: " + why;
            case TEST:
                String notId = JavaNames.rejectIdentifier(value);
                return notId == null ? null : "`" + value + "` is not a Java method name: " + notId;
            case EVAL:
                return value.equals("true") || value.equals("false")
                        ? null : "`eval` is `true` or `false`, not `" + value + "`";
            case OUTPUT:
                return value.equals("check") || value.equals("ignore")
                        ? null : "`output` is `check` or `ignore`, not `" + value + "`";
            default:
                return "`" + key + "` takes no value";
        }
    }
}
