package dev.nbexport.docs.site;

import java.util.Objects;

/**
 * Links names to API entries: backtick names in markdown ({@code `Slugify.slugify`}) and identifiers
 * in highlighted code. Implementations are immutable and thread-safe (pages render in parallel).
 */
public interface LinkResolver {

    /** Resolves nothing and calls nothing API-like: the site before phase 2. */
    LinkResolver NONE = new LinkResolver() {
        @Override
        public Resolution resolve(String name) {
            return Resolution.NOT_API;
        }

        @Override
        public String fingerprint() {
            return "none";
        }
    };

    /**
     * What {@code name} refers to: an entry, nothing that looks like API (any code span:
     * {@code `x + 1`}), or a name that looks like API but resolves to nothing, which the docs report
     * (a warning, an error in strict mode).
     */
    Resolution resolve(String name);

    /**
     * Changes whenever any resolution could change, so pages that link to changed API are rendered
     * again although their notebook did not change.
     */
    String fingerprint();

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
        record Unresolved(String reason) implements Resolution {}

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
    }
}
