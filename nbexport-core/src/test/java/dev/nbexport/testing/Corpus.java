package dev.nbexport.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The third-party notebooks in {@code ../shared/corpus}, read in place. */
public final class Corpus {

    private Corpus() {}

    /** The corpus folder; set by Surefire as {@code nbexport.corpus}, else found beside the checkout. */
    public static Path root() {
        String configured = System.getProperty("nbexport.corpus");
        Path root = configured != null ? Path.of(configured) : Path.of("../../shared/corpus");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("corpus not found at " + root.toAbsolutePath()
                    + ": tests read ../shared/corpus beside the checkout");
        }
        return root.normalize();
    }

    /** Every {@code .ipynb} of the corpus, sorted by path. */
    public static List<Path> notebooks() {
        try (Stream<Path> files = Files.walk(root())) {
            List<Path> notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
            if (notebooks.isEmpty()) {
                throw new IllegalStateException("no notebooks in " + root());
            }
            return notebooks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
