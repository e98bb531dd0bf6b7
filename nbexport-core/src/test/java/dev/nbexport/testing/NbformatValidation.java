package dev.nbexport.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Validates notebooks with Debian's {@code python3-nbformat}, warnings (duplicate ids, …) counted as errors. */
public final class NbformatValidation {

    private static final String SCRIPT = """
            import json, sys, warnings, nbformat
            from nbformat.validator import iter_validate
            warnings.simplefilter("error")
            for path in sys.argv[1:]:
                try:
                    nb = nbformat.read(path, as_version=4)
                    for error in iter_validate(nb):
                        print(path + ": " + error.message[:300] + " at " + str(list(error.path)))
                        import re
                        m = re.search(r"cells\\[(\\d+)\\]", error.message)
                        print(json.dumps(nb.cells[int(m.group(1))] if m else nb, indent=1)[:3000])
                        break
                    nbformat.validate(nb)
                except Exception as e:
                    print(path + ": " + type(e).__name__ + ": " + str(e)[:500])
            """;

    private NbformatValidation() {}

    public static void assertValid(List<String> files) {
        if (files.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-c", SCRIPT));
        command.addAll(files);
        try {
            Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(python.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(out).as("python3-nbformat validation (apt-get install python3-nbformat)").isEmpty();
            assertThat(python.exitValue()).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
