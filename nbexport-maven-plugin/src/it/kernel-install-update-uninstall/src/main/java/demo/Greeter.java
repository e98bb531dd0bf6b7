package demo;

public final class Greeter {
    private Greeter() {}

    public static String hello(String name) {
        return "hello, " + name;
    }
}
