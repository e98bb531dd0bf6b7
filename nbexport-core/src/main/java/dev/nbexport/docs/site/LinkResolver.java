package dev.nbexport.docs.site;

import java.util.Objects;

/**
 * Links names to API entries: backtick names in markdown ({@code `Slugify.slugify`}) and identifiers
 * in highlighted code. Implementations are immutable and thread-safe (pages render in parallel).
 *
 * <p>The two are asked differently because they are read differently. A backtick span is the
 * author pointing at something, so a name that looks like API but resolves to nothing is worth a
 * warning; an identifier in code is mostly local names, so it links only when its context makes the
 * target certain (a type, {@code Type.member}, a call of a static method) and never warns.
 */
public interface LinkResolver {

    /** Resolves nothing and calls nothing API-like: a site without API. */
    LinkResolver NONE = name -> Resolution.NOT_API;

    /**
     * What the backtick name {@code name} refers to: an entry, nothing that looks like API (any code
     * span: {@code `x + 1`}), or a name that looks like API but resolves to nothing, which the docs
     * report (a warning, an error in strict mode).
     */
    Resolution resolve(String name);

    /**
     * What an identifier in code refers to; never {@link Resolution.Unresolved}.
     *
     * @param qualifier the dotted names before it ({@code Style} in {@code Style.SNAKE}), {@code ""}
     *     when there are none, or {@code null} when it is a member of an expression
     *     ({@code slug.value()}, {@code of(x).value()}), which can only be linked with types known
     * @param identifier the identifier
     * @param call whether a {@code (} follows it
     */
    default Resolution resolveCode(String qualifier, String identifier, boolean call) {
        return Resolution.NOT_API;
    }

    /** The answer of {@link #resolve}. */
    sealed interface Resolution {
        /** Not a name of API: shown as plain code. */
        Resolution NOT_API = new NotApi();

        /** The name links to {@code target}. */
        record Linked(ApiLink target) implements Resolution {
            public Linked {
                Objects.requireNonNull(target, "target");
            }
        }

        /** Looks like API ({@code Type.member}, a known type's name) but nothing of that name exists. */
        record Unresolved(String reason) implements Resolution {
            public Unresolved {
                Objects.requireNonNull(reason, "reason");
            }
        }

        /** Not a name of API. */
        record NotApi() implements Resolution {}
    }

    /**
     * Where a name links to.
     *
     * @param page the page, relative to the site root ({@code guides/01_x.html})
     * @param anchor the entry's anchor in that page
     * @param title a short description for the link's title ({@code method Slugify.slugify(String)})
     */
    record ApiLink(String page, String anchor, String title) {
        public ApiLink {
            Objects.requireNonNull(page, "page");
            Objects.requireNonNull(anchor, "anchor");
            Objects.requireNonNull(title, "title");
        }

        /** The link's {@code href} from a page {@code rootPrefix} below the site root. */
        public String href(String rootPrefix) {
            return rootPrefix + page + "#" + anchor;
        }
    }
}
