package dev.nbexport.docs;

import dev.nbexport.notebook.CellRef;
import java.util.Objects;

/**
 * Something in a notebook the site could not render as meant: a backtick name that looks like API
 * but resolves to nothing, a missing attachment. A warning, or an error with
 * {@code -Dnbexport.docs.strict}.
 *
 * @param cell where it is
 * @param message what is wrong
 */
public record DocsProblem(CellRef cell, String message) {
    public DocsProblem {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return cell + ": " + message;
    }
}
