package dev.nbexport.docs.site;

import java.util.Objects;

/**
 * One public type or member that an exported cell defines, as the docs show it (nbdev's
 * {@code show_doc}): after the cell, in the API index page, and as the target of backtick names and
 * of identifiers in highlighted code.
 *
 * <p>Phase 2 fills these from the exporter's generated files and their source map (javac's DocTrees
 * read the Javadoc); the site, its templates, search and links only consume them.
 *
 * @param kind what the entry declares
 * @param name the simple name: {@code Slugify}, {@code slugify}
 * @param qualifiedName the name backtick links match: {@code com.acme.text.Slugify},
 *     {@code com.acme.text.Slugify.slugify}
 * @param signatureHtml the declaration's signature, as safe HTML (escaped, possibly with links)
 * @param docHtml the rendered Javadoc, as safe HTML (description, {@code @param}, {@code @return},
 *     {@code @throws}); empty when there is none
 * @param anchor the entry's {@code id} in its page, unique in the site's pages
 * @param generated where the generated source is, or {@code null} when unknown
 */
public record ApiEntry(Kind kind, String name, String qualifiedName, String signatureHtml, String docHtml,
                       String anchor, SourcePosition generated) {

    /** What an {@link ApiEntry} declares. */
    public enum Kind {
        CLASS, INTERFACE, ENUM, RECORD, ANNOTATION, CONSTRUCTOR, METHOD, FIELD;

        /** Lower-case name for CSS classes and the search index ({@code method}). */
        public String cssName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean isType() {
            return ordinal() <= ANNOTATION.ordinal();
        }
    }

    /**
     * A line in a generated source file.
     *
     * @param file the generated file, relative to the project with {@code /} separators
     * @param line 1-based line of the declaration
     */
    public record SourcePosition(String file, int line) {
        public SourcePosition {
            Objects.requireNonNull(file, "file");
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
        Objects.requireNonNull(anchor, "anchor");
    }
}
