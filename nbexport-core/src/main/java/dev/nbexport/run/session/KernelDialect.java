package dev.nbexport.run.session;

import dev.nbexport.json.Json.JsonObject;
import java.util.Locale;

/**
 * The Java kernel a notebook was written for, which decides its start-up imports and how errors are named.
 *
 * <p>Both kernels write the same {@code language_info}, so a notebook tells them apart by its
 * {@code kernelspec}: JJava installs itself as {@code "Java (jjava)"}, IJava as {@code "Java"}. See
 * {@link #of(JsonObject)} for the whole rule; {@code metadata.nbexport.kernel} ({@code "jjava"} or
 * {@code "ijava"}) overrides it.
 */
public enum KernelDialect {

    /**
     * DFLib JJava 1.0-a6, the maintained successor of IJava, and the default: its start-up imports
     * ({@code java.time} included, {@code java.util.stream}, {@code java.util.function} and
     * {@code java.nio.file} not), runtime exceptions as {@code RuntimeException} with
     * {@code <exception class>, <message>}.
     */
    JJAVA("jjava", """
            import java.util.*;
            import java.io.*;
            import java.math.*;
            import java.net.*;
            import java.time.*;
            import java.util.concurrent.*;
            import java.util.prefs.*;
            import java.util.regex.*;
            import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;
            """),

    /**
     * SpencerPark IJava 1.3: no {@code java.time} import; runtime exceptions as {@code EvalException} with the
     * exception's own message. Its {@code display}/{@code render}/{@code printf} statics are served by the same
     * notebook API as JJava's (same names and rendering).
     */
    IJAVA("ijava", """
            import java.util.*;
            import java.io.*;
            import java.math.*;
            import java.net.*;
            import java.util.concurrent.*;
            import java.util.prefs.*;
            import java.util.regex.*;
            import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;
            """);

    private final String key;
    private final String startup;

    KernelDialect(String key, String startup) {
        this.key = key;
        this.startup = startup;
    }

    /** {@code jjava} or {@code ijava}, as written in {@code metadata.nbexport.kernel}. */
    public String key() {
        return key;
    }

    /** The code the kernel runs before the first cell: its imports and static helpers. */
    public String startup() {
        return startup;
    }

    /**
     * The kernel of a notebook with {@code metadata}: {@code metadata.nbexport.kernel} when set; else
     * {@link #IJAVA} when the kernelspec's name or display name mentions {@code ijava} or the display name is
     * exactly {@code Java} (IJava's installer default); else {@link #JJAVA} (also for a notebook without a
     * kernelspec).
     */
    public static KernelDialect of(JsonObject metadata) {
        JsonObject nbexport = metadata.object("nbexport");
        String chosen = nbexport == null ? null : nbexport.string("kernel");
        if (chosen != null) {
            for (KernelDialect d : values()) {
                if (d.key.equalsIgnoreCase(chosen.strip())) {
                    return d;
                }
            }
        }
        JsonObject spec = metadata.object("kernelspec");
        if (spec == null) {
            return JJAVA;
        }
        String name = lower(spec.string("name"));
        String display = spec.string("display_name");
        String shown = lower(display);
        if (name.contains("jjava") || shown.contains("jjava")) {
            return JJAVA;
        }
        if (name.contains("ijava") || shown.contains("ijava") || "Java".equals(display)) {
            return IJAVA;
        }
        return JJAVA;
    }

    /** The value {@code metadata.nbexport.kernel} must have to be recognised, for messages. */
    public static String choices() {
        return "jjava, ijava";
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
