package dev.nbexport.run.session;

/** A cell's code failed; carries the error as the kernel reports it. */
final class SnippetFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient CellError error;

    SnippetFailure(CellError error) {
        super(error.evalue(), null, false, false);
        this.error = error;
    }

    CellError error() {
        return error;
    }
}
