package dev.nbexport.testing;

import dev.nbexport.clean.CleanCommand;
import dev.nbexport.clean.CleanOptions;
import dev.nbexport.clean.CleanRequest;
import dev.nbexport.project.ExportCommand;
import dev.nbexport.project.ExportRequest;
import dev.nbexport.project.UpdateCommand;
import java.nio.file.Path;
import java.util.List;

/**
 * A goal run in a JVM of its own, for {@link KilledRun} to kill: {@code ForkedGoal export|clean|update <project>}.
 * The requests are those a test runs again in its own JVM after the kill.
 */
public final class ForkedGoal {

    /** What the run prints once the goal has returned. */
    public static final String DONE = "goal done";

    private ForkedGoal() {}

    /** Export of {@code project}'s {@code notebooks/} into {@code src/main/java} and {@code src/test/java}, with an index. */
    public static ExportRequest exportRequest(Path project) {
        return new ExportRequest(project, project.resolve("notebooks"), List.of(), List.of(),
                project.resolve("src/main/java"), project.resolve("src/test/java"), false,
                project.resolve("target/nbexport/export.index"), "1.0-test");
    }

    /** Clean of every notebook of {@code project}'s {@code notebooks/}, with the default options. */
    public static CleanRequest cleanRequest(Path project) {
        return new CleanRequest(project, project.resolve("notebooks"), List.of(), List.of(), CleanOptions.defaults(), false);
    }

    public static void main(String[] args) {
        Path project = Path.of(args[1]);
        switch (args[0]) {
            case "export" -> new ExportCommand().run(exportRequest(project));
            case "clean" -> CleanCommand.run(cleanRequest(project));
            case "update" -> new UpdateCommand().run(exportRequest(project));
            default -> throw new IllegalArgumentException("no such goal: " + args[0]);
        }
        System.out.println(DONE); // what is left is the JVM's exit
        System.out.flush();
    }
}
