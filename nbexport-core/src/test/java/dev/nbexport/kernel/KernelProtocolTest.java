package dev.nbexport.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.run.session.ProjectArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed kernel, driven by Debian's {@code jupyter_client} as a front end drives it
 * ({@code src/test/resources/kernel/protocol_test.py}): kernel_info, cells of every output kind, the project's class
 * path visible and the kernel's own libraries not, output streamed as printed, complete, inspect, is_complete,
 * history and comm stubs, interrupting {@code while (true)}, hidden-state lines and {@code %nbexport status}, the
 * {@code %nbexport export}, {@code check} and {@code test} magics, restart and shutdown.
 */
class KernelProtocolTest {

    @TempDir
    Path dir;

    @Test
    void aFrontEndGetsWhatTheProtocolPromises() throws Exception {
        InstalledKernel.assumeJupyter("jupyter_client");
        Path project = dir.resolve("demo");
        Path resources = Path.of("src/test/resources/kernel/project");
        Files.createDirectories(project.resolve("notebooks"));
        Files.copy(resources.resolve("notebooks/00_twice.ipynb"), project.resolve("notebooks/00_twice.ipynb"));
        InstalledKernel kernel = InstalledKernel.install("nbexport-demo", project, List.of(resources.resolve("src")),
                List.of(), List.<ProjectArtifact>of(), dir.resolve("jupyter"));

        Path log = dir.resolve("protocol.log");
        Process p = kernel.process(log, InstalledKernel.PYTHON.toString(),
                Path.of("src/test/resources/kernel/protocol_test.py").toAbsolutePath().toString(), kernel.name,
                project.toString()).start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(ended).as(output).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("protocol checks passed");
    }
}
