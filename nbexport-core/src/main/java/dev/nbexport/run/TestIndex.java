package dev.nbexport.run;

import dev.nbexport.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The notebooks that passed, each with the key of what it ran on (its bytes, the class path's contents and
 * the settings): a notebook whose key is unchanged need not run again. Kept in {@code target/nbexport/test.index},
 * one {@code <key> <notebook>} line per notebook, sorted; a broken index is an empty one.
 */
final class TestIndex {

    private final Path file;
    private final Map<String, String> passed = new TreeMap<>();

    private TestIndex(Path file) {
        this.file = file;
    }

    static TestIndex read(Path file) {
        TestIndex index = new TestIndex(file);
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space == 64) {
                    index.passed.put(line.substring(space + 1), line.substring(0, space));
                }
            }
        } catch (NoSuchFileException e) {
            // first run
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return index;
    }

    /** Whether {@code notebook} passed on its last run, whatever it ran on. */
    boolean passed(String notebook) {
        return passed.containsKey(notebook);
    }

    boolean passedWith(String notebook, String key) {
        return key.equals(passed.get(notebook));
    }

    void record(String notebook, String key, boolean pass) {
        if (pass) {
            passed.put(notebook, key);
        } else {
            passed.remove(notebook);
        }
    }

    void write() {
        StringBuilder out = new StringBuilder();
        passed.forEach((notebook, key) -> out.append(key).append(' ').append(notebook).append('\n'));
        AtomicFiles.writeIfChanged(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
