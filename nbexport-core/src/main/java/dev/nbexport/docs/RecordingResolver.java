package dev.nbexport.docs;

import dev.nbexport.docs.site.LinkResolver;
import dev.nbexport.io.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A resolver that remembers what one page asked it, so the next run knows whether the page links
 * differently now: a page of one notebook must be rendered again when API it names changes in
 * another notebook (an entry appears, moves or goes), and only then. What was asked is kept in the
 * docs index as keys ({@code name Slugify.slugify}, {@code code Style SNAKE}); {@link #fingerprint}
 * asks them again of the new API.
 */
final class RecordingResolver implements LinkResolver {

    private static final String NAME = "name ";
    private static final String CODE = "code ";
    private static final String EXPRESSION = "?";

    private final LinkResolver resolver;
    private final Set<String> asked = new ConcurrentSkipListSet<>();

    RecordingResolver(LinkResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Resolution resolve(String name) {
        asked.add(NAME + name);
        return resolver.resolve(name);
    }

    @Override
    public Resolution resolveCode(String qualifier, String identifier, boolean call) {
        asked.add(CODE + (qualifier == null ? EXPRESSION : qualifier) + " " + identifier + (call ? "()" : ""));
        return resolver.resolveCode(qualifier, identifier, call);
    }

    /** Every question asked, sorted. */
    List<String> asked() {
        return List.copyOf(asked);
    }

    /** The answers {@code resolver} gives to the questions {@code asked}, as one hash. */
    static String fingerprint(Collection<String> asked, LinkResolver resolver) {
        StringBuilder answers = new StringBuilder();
        for (String question : asked) {
            answers.append(question).append(" -> ").append(answer(question, resolver)).append('\n');
        }
        return Sha256.hex(answers.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String answer(String question, LinkResolver resolver) {
        Resolution r;
        if (question.startsWith(CODE)) {
            String[] parts = question.substring(CODE.length()).split(" ", 2);
            boolean call = parts[1].endsWith("()");
            String identifier = call ? parts[1].substring(0, parts[1].length() - 2) : parts[1];
            r = resolver.resolveCode(parts[0].equals(EXPRESSION) ? null : parts[0], identifier, call);
        } else {
            r = resolver.resolve(question.substring(NAME.length()));
        }
        if (r instanceof Resolution.Linked linked) {
            return "linked " + linked.target();
        }
        return r instanceof Resolution.Unresolved u ? "unresolved " + u.reason() : "none";
    }
}
