package dev.nbexport.run.session;

import java.util.Objects;

/**
 * What JShell knows of the symbol at a cursor: its signature and its Javadoc, as a kernel's
 * {@code inspect_reply} shows it.
 *
 * @param signature e.g. {@code String String.strip()}
 * @param javadoc the Javadoc comment's text, or empty when there is none
 */
public record SymbolDocumentation(String signature, String javadoc) {

    public SymbolDocumentation {
        Objects.requireNonNull(signature, "signature");
        javadoc = javadoc == null ? "" : javadoc;
    }

    /** The signature, and the Javadoc under it when there is some. */
    public String text() {
        return javadoc.isBlank() ? signature : signature + "\n" + javadoc;
    }
}
