package demo;

/** A class of the test project's class path: what the kernel must let notebook code call. */
public final class Greeter {
    private Greeter() {}

    public static String hello(String name) {
        return "hello, " + name;
    }
}
