package dev.nbexport.project;

import dev.nbexport.io.AtomicFiles;
import dev.nbexport.io.FileStamp;
import dev.nbexport.layout.GeneratedFile;
import dev.nbexport.workspace.ProjectNotebooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * What the last successful export saw and made, so that the next one does only what changed: a
 * fingerprint of the tool version, configuration and JDK; the SHA-256 of every notebook, with the
 * notebook's size and modification time when it had that content (so that the next run need not read a
 * notebook left alone; none for a notebook saved just before, see {@link ProjectNotebooks#read(List, Map)}); every file it
 * made, with its size and modification time and the notebooks whose cells went into it; and the other
 * {@code .java} files of the source roots, which nbexport did not generate. Which classes each package
 * holds follows from the files. Kept under {@code target/}; losing or damaging it only costs one full
 * export.
 *
 * <p>Format: UTF-8 text, one entry a line, fields separated by tabs (a path, which may hold a tab, is
 * always the last field):
 * <pre>
 * nbexport-index	3
 * fingerprint	&lt;sha256 of the configuration&gt;
 * root	MAIN|TEST	&lt;absolute path&gt;
 * input	&lt;sha256&gt;	&lt;size:nanos&gt;|-	&lt;notebook path&gt;
 * output	&lt;size:nanos&gt;	MAIN|TEST	&lt;path below the root&gt;
 * source	MAIN|TEST	&lt;path below the root&gt;	&lt;notebook path&gt;      one per notebook, in the file's order
 * other	&lt;size:nanos&gt;	&lt;absolute path&gt;
 * crc32c	&lt;CRC-32C of all the lines above, 8 hex digits&gt;
 * </pre>
 * Entries are sorted within each kind. An index of another version, or whose last line does not match
 * the rest, is read as empty. The last line is a checksum against torn or damaged files, not a
 * signature: CRC-32C, because a cold JVM computes it over the index's hundreds of kilobytes in a
 * millisecond, where SHA-256 took about 0.2 s before the JIT compiled it.
 */
public final class StalenessIndex {

    static final String FORMAT_LINE = "nbexport-index\t3";

    private static final String FINGERPRINT = "fingerprint";
    private static final String ROOT = "root";
    private static final String INPUT = "input";
    private static final String OUTPUT = "output";
    private static final String SOURCE = "source";
    private static final String OTHER = "other";
    private static final String CHECKSUM = "crc32c";
    /** In place of a notebook's stamp, when it does not vouch for the notebook's content. */
    private static final String NO_STAMP = "-";

    /**
     * A file export made.
     *
     * @param stamp its size and modification time when the export left it
     * @param notebooks the notebooks whose cells went into it, in the file's order
     */
    public record Output(FileStamp stamp, List<String> notebooks) {

        public Output {
            Objects.requireNonNull(stamp, "stamp");
            notebooks = List.copyOf(notebooks);
        }
    }

    private final String fingerprint;
    private final Map<GeneratedFile.Kind, Path> roots;
    private final Map<String, String> inputs;
    private final Map<String, FileStamp> inputStamps;
    private final Map<GeneratedFile.Id, Output> outputs;
    private final Map<Path, FileStamp> others;

    /**
     * @param roots the source roots the files were written to
     * @param inputs notebook path → SHA-256 of its bytes
     * @param outputs the files made
     * @param others the other {@code .java} files of the roots (absolute paths), known not to be generated
     */
    public StalenessIndex(String fingerprint, Map<GeneratedFile.Kind, Path> roots, Map<String, String> inputs,
                          Map<GeneratedFile.Id, Output> outputs, Map<Path, FileStamp> others) {
        this(fingerprint, roots, inputs, Map.of(), outputs, others);
    }

    /**
     * @param inputStamps notebook path → its stamp when it had the hash of {@code inputs}, for the
     *     notebooks whose stamp vouches for their content
     */
    public StalenessIndex(String fingerprint, Map<GeneratedFile.Kind, Path> roots, Map<String, String> inputs,
                          Map<String, FileStamp> inputStamps, Map<GeneratedFile.Id, Output> outputs, Map<Path, FileStamp> others) {
        if (!inputs.keySet().containsAll(inputStamps.keySet())) {
            throw new IllegalArgumentException("a stamp for a notebook without a hash");
        }
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        Map<GeneratedFile.Kind, Path> rootCopy = new EnumMap<>(GeneratedFile.Kind.class);
        rootCopy.putAll(roots);
        this.roots = Collections.unmodifiableMap(rootCopy);
        this.inputs = Collections.unmodifiableMap(new TreeMap<>(inputs));
        this.inputStamps = Collections.unmodifiableMap(new TreeMap<>(inputStamps));
        this.outputs = Collections.unmodifiableMap(new TreeMap<>(outputs));
        this.others = Collections.unmodifiableMap(new TreeMap<>(others));
    }

    /** The index at {@code file}; an empty index when it is missing, unreadable, of another version or damaged. */
    public static StalenessIndex load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return empty();
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) { // InvalidPathException is one too
            return empty(); // damaged, or from another version: start afresh
        }
    }

    private static StalenessIndex parse(String text) {
        int checksumAt = text.lastIndexOf('\n' + CHECKSUM + '\t');
        if (!text.startsWith(FORMAT_LINE + "\n") || checksumAt < 0 || !text.endsWith("\n")) {
            throw new IllegalArgumentException("not an index of this version");
        }
        String body = text.substring(0, checksumAt + 1);
        String recorded = text.substring(checksumAt + 1 + CHECKSUM.length() + 1, text.length() - 1);
        if (!recorded.equals(crc32c(body))) {
            throw new IllegalArgumentException("checksum");
        }
        String fingerprint = null;
        Map<GeneratedFile.Kind, Path> roots = new EnumMap<>(GeneratedFile.Kind.class);
        Map<String, String> inputs = new TreeMap<>();
        Map<String, FileStamp> inputStamps = new TreeMap<>();
        Map<GeneratedFile.Id, FileStamp> stamps = new TreeMap<>();
        Map<GeneratedFile.Id, List<String>> sources = new TreeMap<>();
        Map<Path, FileStamp> others = new TreeMap<>();
        List<String> lines = List.of(body.split("\n"));
        for (String line : lines.subList(1, lines.size())) {
            String kind = line.substring(0, Math.max(line.indexOf('\t'), 0));
            switch (kind) {
                case FINGERPRINT -> fingerprint = fields(line, 2)[1];
                case ROOT -> {
                    String[] f = fields(line, 3);
                    roots.put(GeneratedFile.Kind.valueOf(f[1]), Path.of(f[2]));
                }
                case INPUT -> {
                    String[] f = fields(line, 4);
                    inputs.put(f[3], f[1]);
                    if (!f[2].equals(NO_STAMP)) {
                        inputStamps.put(f[3], stamp(f[2]));
                    }
                }
                case OUTPUT -> {
                    String[] f = fields(line, 4);
                    stamps.put(new GeneratedFile.Id(GeneratedFile.Kind.valueOf(f[2]), f[3]), stamp(f[1]));
                }
                case SOURCE -> {
                    String[] f = fields(line, 4);
                    sources.computeIfAbsent(new GeneratedFile.Id(GeneratedFile.Kind.valueOf(f[1]), f[2]), k -> new ArrayList<>()).add(f[3]);
                }
                case OTHER -> {
                    String[] f = fields(line, 3);
                    others.put(Path.of(f[2]), stamp(f[1]));
                }
                default -> throw new IllegalArgumentException("unknown entry: " + line);
            }
        }
        if (fingerprint == null || !stamps.keySet().equals(sources.keySet())) {
            throw new IllegalArgumentException("incomplete");
        }
        Map<GeneratedFile.Id, Output> outputs = new TreeMap<>();
        stamps.forEach((id, stamp) -> outputs.put(id, new Output(stamp, sources.get(id))));
        return new StalenessIndex(fingerprint, roots, inputs, inputStamps, outputs, others);
    }

    /** The line's {@code count} fields; the last takes the rest of the line (a path may hold tabs). */
    private static String[] fields(String line, int count) {
        String[] fields = line.split("\t", count);
        if (fields.length != count) {
            throw new IllegalArgumentException("fields: " + line);
        }
        return fields;
    }

    private static FileStamp stamp(String text) {
        FileStamp stamp = FileStamp.parse(text);
        if (stamp == null) {
            throw new IllegalArgumentException("stamp");
        }
        return stamp;
    }

    private static String crc32c(String text) {
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        String hex = Long.toHexString(crc.getValue());
        return "0".repeat(8 - hex.length()) + hex;
    }

    public static StalenessIndex empty() {
        return new StalenessIndex("", Map.of(), Map.of(), Map.of(), Map.of());
    }

    /**
     * Writes the index atomically, not flushed to disk: after an operating system crash a torn index
     * fails its checksum, and the next export is a full one.
     */
    public void save(Path file) {
        StringBuilder text = new StringBuilder(64 * (1 + inputs.size() + 2 * outputs.size())).append(FORMAT_LINE).append('\n');
        text.append(FINGERPRINT).append('\t').append(fingerprint).append('\n');
        roots.forEach((kind, path) -> text.append(ROOT).append('\t').append(kind).append('\t').append(path).append('\n'));
        inputs.forEach((path, hash) -> text.append(INPUT).append('\t').append(hash).append('\t')
                .append(inputStamps.containsKey(path) ? inputStamps.get(path).toString() : NO_STAMP).append('\t').append(path).append('\n'));
        outputs.forEach((id, output) -> text.append(OUTPUT).append('\t').append(output.stamp()).append('\t')
                .append(id.kind()).append('\t').append(id.relativePath()).append('\n'));
        outputs.forEach((id, output) -> output.notebooks().forEach(notebook -> text.append(SOURCE).append('\t')
                .append(id.kind()).append('\t').append(id.relativePath()).append('\t').append(notebook).append('\n')));
        others.forEach((path, stamp) -> text.append(OTHER).append('\t').append(stamp).append('\t').append(path).append('\n'));
        String body = text.toString();
        String all = body + CHECKSUM + '\t' + crc32c(body) + '\n';
        AtomicFiles.writeIfChanged(file, all.getBytes(StandardCharsets.UTF_8), AtomicFiles.Durability.REGENERABLE);
    }

    /** The configuration's fingerprint; empty for an empty index. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Whether this index was saved by a run with this configuration, so its facts hold for this run. */
    public boolean matches(String currentFingerprint) {
        return !fingerprint.isEmpty() && fingerprint.equals(currentFingerprint);
    }

    public Map<GeneratedFile.Kind, Path> roots() {
        return roots;
    }

    /** Notebook path → SHA-256 of its bytes. */
    public Map<String, String> inputs() {
        return inputs;
    }

    /** Notebook path → its stamp when it had the bytes of {@link #inputs()}, where the stamp vouches for them. */
    public Map<String, FileStamp> inputStamps() {
        return inputStamps;
    }

    /** What this index recorded of each notebook, for {@link ProjectNotebooks#read(List, Map)}. */
    Map<String, ProjectNotebooks.Recorded> recorded() {
        Map<String, ProjectNotebooks.Recorded> recorded = new HashMap<>();
        inputs.forEach((path, hash) -> recorded.put(path, new ProjectNotebooks.Recorded(hash, inputStamps.get(path))));
        return recorded;
    }

    public Map<GeneratedFile.Id, Output> outputs() {
        return outputs;
    }

    /** The {@code .java} files of the roots that nbexport did not generate, with their stamps. */
    public Map<Path, FileStamp> others() {
        return others;
    }

    /** Where the files export made are: their absolute paths. */
    public List<Path> writtenFiles() {
        List<Path> files = new ArrayList<>(outputs.size());
        for (GeneratedFile.Id id : outputs.keySet()) {
            Path root = roots.get(id.kind());
            if (root != null) {
                files.add(root.resolve(id.relativePath()).normalize());
            }
        }
        return files;
    }
}
