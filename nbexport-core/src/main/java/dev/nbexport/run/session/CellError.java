package dev.nbexport.run.session;

import java.util.List;
import java.util.Objects;

/**
 * Why a cell failed: the {@code error} output the kernel would show, plus what a test report needs.
 *
 * @param ename the kernel's error name, e.g. {@code RuntimeException} or {@code CompilationException}
 * @param evalue the kernel's error value, e.g. {@code java.lang.IllegalStateException, boom}
 * @param traceback the output's traceback lines, in the kernel's layout (with its ANSI colours)
 * @param summary one plain line: the exception and its message, or the compiler's message
 * @param line the 1-based cell line where it happened, 0 when unknown
 * @param stack the exception's frames, plain, those in notebook code mapped to {@code (cell, line)}
 * @param hint what the user can do about it; empty when there is nothing specific to say
 */
public record CellError(String ename, String evalue, List<String> traceback, String summary, int line,
                        List<String> stack, String hint) {

    public CellError {
        Objects.requireNonNull(ename, "ename");
        Objects.requireNonNull(evalue, "evalue");
        traceback = List.copyOf(traceback);
        Objects.requireNonNull(summary, "summary");
        stack = List.copyOf(stack);
        hint = hint == null ? "" : hint;
    }
}
