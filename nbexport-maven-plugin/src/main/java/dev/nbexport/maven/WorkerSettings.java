package dev.nbexport.maven;

import dev.nbexport.run.worker.WorkerLaunch;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;

/** The worker JVM settings {@code nbexport:test} and {@code nbexport:run} share: how many, and their options. */
final class WorkerSettings {

    private WorkerSettings() {}

    /** A number of workers, or a number per core as in Surefire ({@code 1C}). */
    static int count(String workers, String property) throws MojoFailureException {
        String w = workers.strip();
        try {
            int n = w.endsWith("C") ? (int) Math.round(Double.parseDouble(w.substring(0, w.length() - 1))
                    * Runtime.getRuntime().availableProcessors()) : Integer.parseInt(w);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MojoFailureException(property + " is `" + workers + "`" + System.lineSeparator()
                + "  Give a number of worker JVMs (e.g. 2) or a number per core (e.g. 1C).");
    }

    /** The worker JVM's options: the user's, else nbexport's start-up tuning. */
    static List<String> jvmArgs(String argLine) {
        return argLine == null || argLine.isBlank() ? WorkerLaunch.DEFAULT_JVM_ARGS : Arrays.asList(argLine.strip().split("\\s+"));
    }

    /** The seconds one cell may run. */
    static int timeout(int seconds, String property) throws MojoFailureException {
        if (seconds < 1) {
            throw new MojoFailureException(property + " is " + seconds + System.lineSeparator()
                    + "  Give the seconds a cell may run, e.g. -D" + property + "=300.");
        }
        return seconds;
    }
}
