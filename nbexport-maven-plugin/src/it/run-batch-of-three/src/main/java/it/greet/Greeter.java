package it.greet;

/** What the report notebook calls: proof that the project's classes are on the run's class path. */
public final class Greeter {
    private Greeter() {}

    public static String greet(String who) {
        return "Hello, " + who + "!";
    }
}
