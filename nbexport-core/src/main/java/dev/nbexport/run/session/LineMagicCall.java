package dev.nbexport.run.session;

import java.util.List;

/**
 * A line magic a session's owner adds ({@link NotebookSession#addLineMagic}), for magics of its own such as a
 * kernel's {@code %nbexport}: it gets the words after the magic's name, as the kernel's magic parser splits them,
 * and runs inside the cell (what it prints is the cell's output; what it throws fails the cell).
 */
@FunctionalInterface
public interface LineMagicCall {

    /** Runs the magic; the value is the magic's value in the cell ({@code null} for none). */
    Object call(List<String> args) throws Exception;
}
