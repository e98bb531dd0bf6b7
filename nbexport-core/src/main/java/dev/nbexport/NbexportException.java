package dev.nbexport;

import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A problem the user can fix: bad input, a conflict, a refused write.
 *
 * <p>The message says what is wrong and where (file, cell, line); {@link #hint()} says what to do.
 * Callers show both and no stack trace. Unexpected failures (bugs, I/O errors) are not this type.
 * It carries the {@link Problem}s it reports, so a caller can also read them one by one; the message
 * lists them the one way problems are listed ({@link Problem#list}).
 */
public class NbexportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String hint;
    private final transient List<Problem> problems;

    /** A problem with no location of its own: {@code message} says where. */
    public NbexportException(String message, String hint) {
        this(message, hint, null);
    }

    public NbexportException(String message, String hint, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.hint = hint == null ? "" : hint;
        this.problems = List.of(Problem.error(Location.none(), message, this.hint));
    }

    /** One problem: its location and message (and detail) are the message, its hint the hint. */
    public NbexportException(Problem problem) {
        super(problem.detail().isEmpty() ? problem.toString() : problem.toString() + System.lineSeparator() + problem.detail());
        this.hint = problem.hint();
        this.problems = List.of(problem);
    }

    /**
     * Several problems: the message is {@code heading:} and the list, in the order given; {@code hint}
     * says what to do about them all.
     */
    public NbexportException(String heading, List<Problem> problems, String hint) {
        super(Problem.list(heading, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        this.hint = hint == null ? "" : hint;
        this.problems = List.copyOf(problems);
    }

    /** What the user should do about it; empty when there is nothing more to say. */
    public String hint() {
        return hint;
    }

    /** The problems reported, at least one. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * One exception for several problems, so a build shows everything to fix: the problem itself when
     * there is one, else the list, sorted, under {@code N problems <where>:} (e.g. {@code in notebooks}).
     */
    public static NbexportException of(String where, List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        if (problems.size() == 1) {
            return new NbexportException(problems.get(0));
        }
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Problem.ORDER);
        return new NbexportException(problems.size() + " problems " + where, sorted, "");
    }

    /** As {@link #of}, for exceptions already thrown: the problems of them all. */
    public static NbexportException all(String where, List<? extends NbexportException> exceptions) {
        if (exceptions.size() == 1) {
            return exceptions.get(0);
        }
        List<Problem> problems = new ArrayList<>();
        exceptions.forEach(e -> problems.addAll(e.problems()));
        return of(where, problems);
    }

    /** Message and hint, as shown to the user. */
    public String describe() {
        return hint.isEmpty() ? getMessage() : getMessage() + System.lineSeparator() + "  " + hint;
    }
}
