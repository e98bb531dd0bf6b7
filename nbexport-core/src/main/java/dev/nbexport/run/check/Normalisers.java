package dev.nbexport.run.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changes from run to run in an output that means nothing, replaced by a placeholder before stored and
 * fresh outputs are compared: identity hash codes ({@code Object@1b6d3586}), JShell's generated names
 * ({@code $JShell$12}, {@code $1}), UUIDs, timestamps, the project's absolute path and the temporary
 * directory, plus the project's own regular-expression replacements, applied last.
 */
public final class Normalisers {

    /**
     * One replacement.
     *
     * @param pattern what to find
     * @param replacement what to put instead ({@code $1} for groups, as in {@link Matcher#replaceAll(String)})
     */
    public record Replacement(Pattern pattern, String replacement) {
        public Replacement {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(replacement, "replacement");
        }

        String apply(String text) {
            return pattern.matcher(text).replaceAll(replacement);
        }
    }

    private static final List<Replacement> STANDARD = List.of(
            new Replacement(Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"), "<uuid>"),
            new Replacement(Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}([.,]\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?(\\[[\\w/+-]+])?"), "<timestamp>"),
            new Replacement(Pattern.compile("\\b\\d{2}:\\d{2}:\\d{2}([.,]\\d+)?\\b"), "<time>"),
            new Replacement(Pattern.compile("(?<=[\\w$>\\]])@[0-9a-f]{4,8}\\b"), "@<hash>"),
            new Replacement(Pattern.compile("\\$JShell\\$\\d+[A-Z]?"), Matcher.quoteReplacement("$JShell$<n>")),
            new Replacement(Pattern.compile("(?<![\\w$])\\$\\d+\\b"), Matcher.quoteReplacement("$<n>")));

    private final List<Replacement> replacements;

    private Normalisers(List<Replacement> replacements) {
        this.replacements = List.copyOf(replacements);
    }

    /**
     * The standard normalisers, the paths of {@code projectDir} and the temporary directory, then {@code extra}.
     */
    public static Normalisers standard(Path projectDir, List<Replacement> extra) {
        List<Replacement> all = new ArrayList<>();
        for (Path p : List.of(projectDir.toAbsolutePath().normalize(), Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
            String s = p.toString();
            if (s.length() > 1) {
                all.add(new Replacement(Pattern.compile(Pattern.quote(s)), Matcher.quoteReplacement(p.equals(projectDir.toAbsolutePath().normalize()) ? "<project>" : "<tmp>")));
            }
        }
        all.addAll(STANDARD);
        all.addAll(extra);
        return new Normalisers(all);
    }

    /** Only {@code extra}, for tests of a single replacement. */
    public static Normalisers only(List<Replacement> extra) {
        return new Normalisers(extra);
    }

    public String apply(String text) {
        String result = text;
        for (Replacement r : replacements) {
            result = r.apply(result);
        }
        return result;
    }
}
