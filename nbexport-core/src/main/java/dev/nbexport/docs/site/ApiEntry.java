package dev.nbexport.docs.site;

import java.util.Locale;
import java.util.Objects;

/**
 * One public type or member that an exported cell defines, as the docs show it (nbdev's
 * {@code show_doc}): after the cell, in the API index page, and as the target of backtick names and
 * of identifiers in highlighted code.
 *
 * <p>{@code docs.api.ProjectApi} fills these from the exporter's generated files and their source
 * map (javac's trees and DocTrees read the declarations and their Javadoc); the site, its templates,
 * search and links only consume them.
 *
 * @param kind what the entry declares
 * @param name the simple name: {@code Slugify}, {@code slugify}
 * @param qualifiedName the name backtick links match: {@code com.acme.text.Slugify},
 *     {@code com.acme.text.Slugify.slugify}
 * @param signatureHtml the declaration's signature, as safe HTML (escaped, highlighted, with links)
 * @param docHtml the rendered Javadoc, as safe HTML (description, {@code @param}, {@code @return},
 *     {@code @throws}); empty when there is none
 * @param summary the Javadoc's first sentence as plain text, for search and the API index; empty
 *     when there is none
 * @param anchor the entry's {@code id} in its page, unique in the page
 * @param generated where the generated source is, or {@code null} when unknown
 */
public record ApiEntry(Kind kind, String name, String qualifiedName, String signatureHtml, String docHtml,
                       String summary, String anchor, SourcePosition generated) {

    /** What an {@link ApiEntry} declares. */
    public enum Kind {
        CLASS, INTERFACE, ENUM, RECORD, ANNOTATION, CONSTRUCTOR, METHOD, FIELD, ENUM_CONSTANT;

        /** Lower-case name for CSS classes and the search index ({@code method}, {@code enum-constant}). */
        public String cssName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** How the docs name the kind ({@code enum constant}). */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        public boolean isType() {
            return ordinal() <= ANNOTATION.ordinal();
        }

        /** Constructors and methods: what takes parameters. */
        public boolean isCallable() {
            return this == CONSTRUCTOR || this == METHOD;
        }
    }

    /**
     * A line in a generated source file, and the site's page that shows the file.
     *
     * @param file the generated file, relative to the project with {@code /} separators
     *     ({@code src/main/java/com/acme/text/Slugify.java}): where to find it in the repository
     * @param line 1-based line of the declaration
     * @param page the site's page of the file, relative to the site root
     *     ({@code _source/com/acme/text/Slugify.java.html}); its lines have anchors {@code L1}, {@code L2}, …
     */
    public record SourcePosition(String file, int line, String page) {
        public SourcePosition {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(page, "page");
            if (line < 1) {
                throw new IllegalArgumentException("line is 1-based: " + line);
            }
        }
    }

    public ApiEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        Objects.requireNonNull(signatureHtml, "signatureHtml");
        Objects.requireNonNull(docHtml, "docHtml");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(anchor, "anchor");
    }
}
