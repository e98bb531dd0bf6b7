package dev.nbexport.project;

import dev.nbexport.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the last successful run saw, so an unchanged project is skipped without parsing anything:
 * a fingerprint of the tool version and configuration, the SHA-256 of every input notebook, and the
 * size and modification time of every file written. Kept under {@code target/}; losing it only
 * costs one full run.
 *
 * <p>Format: UTF-8 text, one entry a line, {@code kind<TAB>value<TAB>path}, sorted.
 */
public final class StalenessIndex {

    private static final String FINGERPRINT = "fingerprint";
    private static final String INPUT = "input";
    private static final String OUTPUT = "output";

    private final String fingerprint;
    private final Map<String, String> inputs;  // path -> sha256
    private final Map<String, String> outputs; // path -> size:mtime

    public StalenessIndex(String fingerprint, Map<String, String> inputs, Map<String, String> outputs) {
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.inputs = Map.copyOf(inputs);
        this.outputs = Map.copyOf(outputs);
    }

    /** The index at {@code file}; an empty index when it is missing or unreadable. */
    public static StalenessIndex load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return empty();
        } catch (IOException | UncheckedIOException e) {
            return empty();
        }
        String fingerprint = "";
        Map<String, String> inputs = new TreeMap<>();
        Map<String, String> outputs = new TreeMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 2 && parts[0].equals(FINGERPRINT)) {
                fingerprint = parts[1];
            } else if (parts.length == 3 && parts[0].equals(INPUT)) {
                inputs.put(parts[2], parts[1]);
            } else if (parts.length == 3 && parts[0].equals(OUTPUT)) {
                outputs.put(parts[2], parts[1]);
            } else if (!line.isEmpty()) {
                return empty(); // damaged or from another version: start afresh
            }
        }
        return new StalenessIndex(fingerprint, inputs, outputs);
    }

    public static StalenessIndex empty() {
        return new StalenessIndex("", Map.of(), Map.of());
    }

    /** Writes the index atomically. */
    public void save(Path file) {
        StringBuilder text = new StringBuilder().append(FINGERPRINT).append('\t').append(fingerprint).append('\n');
        new TreeMap<>(inputs).forEach((path, hash) -> text.append(INPUT).append('\t').append(hash).append('\t').append(path).append('\n'));
        new TreeMap<>(outputs).forEach((path, stamp) -> text.append(OUTPUT).append('\t').append(stamp).append('\t').append(path).append('\n'));
        AtomicFiles.writeIfChanged(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a run with this fingerprint over these inputs would find nothing to do: same
     * configuration, same notebooks with the same content, and every output as it was left.
     */
    public boolean upToDate(String currentFingerprint, Map<String, String> currentInputs) {
        if (!fingerprint.equals(currentFingerprint) || !inputs.equals(currentInputs) || fingerprint.isEmpty()) {
            return false;
        }
        // thousands of stat calls: on every core
        return outputs.entrySet().parallelStream().allMatch(o -> o.getValue().equals(stamp(Path.of(o.getKey()))));
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Map<String, String> inputs() {
        return inputs;
    }

    public Map<String, String> outputs() {
        return outputs;
    }

    /** Size and modification time of a file, or {@code "missing"}. */
    public static String stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + ":" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }

}
