package dev.nbexport.testing;

import dev.nbexport.clean.CleanCommand;
import dev.nbexport.clean.CleanOptions;
import dev.nbexport.clean.CleanRequest;
import dev.nbexport.project.ExportCommand;
import dev.nbexport.project.ExportRequest;
import dev.nbexport.merge.FixCommand;
import dev.nbexport.merge.MergeOptions;
import dev.nbexport.project.UpdateCommand;
import dev.nbexport.run.TestCommand;
import dev.nbexport.run.TestRequest;
import dev.nbexport.run.worker.WorkerLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A goal run in a JVM of its own, for {@link KilledRun} to kill: {@code ForkedGoal export|clean|update|fix|test-save <project>}.
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

    /** {@code nbexport:test -Dnbexport.test.save} of every notebook of {@code project}'s {@code notebooks/}, with two workers. */
    public static TestRequest testSaveRequest(Path project) {
        return new TestRequest(project, project.resolve("notebooks"), List.of(), List.of(), List.of(), List.of(), 2,
                Duration.ofSeconds(60), false, false, List.of(), false, Optional.empty(), true, project.resolve("target"), "test",
                WorkerLaunch.currentJava(), WorkerLaunch.DEFAULT_JVM_ARGS);
    }

    /** {@code nbexport:fix} of every notebook of {@code project}'s {@code notebooks/}, one after another as the goal does. */
    public static void fixAll(Path project) throws IOException {
        try (Stream<Path> files = Files.list(project.resolve("notebooks"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList()) {
                FixCommand.fix(file, file.getFileName().toString(), MergeOptions.defaults());
            }
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path project = Path.of(args[1]);
        switch (args[0]) {
            case "export" -> new ExportCommand().run(exportRequest(project));
            case "clean" -> CleanCommand.run(cleanRequest(project));
            case "update" -> new UpdateCommand().run(exportRequest(project));
            case "fix" -> fixAll(project);
            case "test-save" -> TestCommand.run(testSaveRequest(project), line -> { });
            default -> throw new IllegalArgumentException("no such goal: " + args[0]);
        }
        System.out.println(DONE); // what is left is the JVM's exit
        System.out.flush();
    }
}
