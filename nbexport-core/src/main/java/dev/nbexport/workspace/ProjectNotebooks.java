package dev.nbexport.workspace;

import dev.nbexport.NbexportException;
import dev.nbexport.directive.CellDirectives;
import dev.nbexport.directive.DirectiveParser;
import dev.nbexport.io.FileStamp;
import dev.nbexport.io.ProjectPaths;
import dev.nbexport.io.Sha256;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookFormatException;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a project's notebooks, in parallel, each once: bytes, content hash, notebook model and cell
 * directives. Problems of all notebooks (unreadable files, directive errors) are gathered and reported
 * together, so one build shows everything to fix.
 */
public final class ProjectNotebooks {

    private final Path projectDir;
    private final DirectiveParser parser;

    public ProjectNotebooks(Path projectDir, DirectiveParser parser) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.parser = parser;
    }

    /**
     * A notebook file: its content hash, and its bytes, read once. A file whose stamp is the one an
     * earlier run recorded with its hash ({@link #read(List, Map)}) is not read at all until its bytes
     * are asked for.
     */
    public static final class NotebookFile {

        private final Path file;
        private final String path;
        private final String sha256;
        private final FileStamp stamp;
        private volatile byte[] bytes;

        NotebookFile(Path file, String path, byte[] bytes, String sha256, FileStamp stamp) {
            this.file = file;
            this.path = path;
            this.bytes = bytes;
            this.sha256 = sha256;
            this.stamp = stamp;
        }

        public Path file() {
            return file;
        }

        /** The file relative to the project, {@code /} separators. */
        public String path() {
            return path;
        }

        /** The SHA-256 of the bytes, lower-case hex. */
        public String sha256() {
            return sha256;
        }

        /**
         * The file's stamp when it was read, for a later run to recognise it by; {@code null} when it was
         * modified too recently for its stamp to vouch for its content (see {@link #read(List, Map)}).
         */
        public FileStamp stamp() {
            return stamp;
        }

        /**
         * The file's bytes.
         *
         * @throws NbexportException when the file was recognised by its stamp but no longer has the content
         *     recorded with it: it changed while nbexport ran
         */
        public byte[] bytes() {
            byte[] read = bytes;
            if (read == null) {
                read = ProjectNotebooks.bytes(file);
                if (!Sha256.hex(read).equals(sha256)) {
                    throw new NbexportException(path + " changed while nbexport was reading the notebooks",
                            "run the goal again once the notebook is saved");
                }
                bytes = read;
            }
            return read;
        }
    }

    /** What an earlier run recorded of a notebook: its content hash, and its stamp when it had that content. */
    public record Recorded(String sha256, FileStamp stamp) {}

    /**
     * How long after its last modification a file's stamp (size and modification time) is trusted to
     * tell its content. A file saved again within the file system's timestamp granularity of an
     * earlier save, with the same size, keeps its stamp; so a stamp only vouches for a file left alone
     * for longer than any granularity (as git treats "racily clean" entries).
     */
    static final long SETTLED_NANOS = 2_000_000_000L;

    /** Reads and hashes the bytes of {@code files}, in parallel, without parsing them. */
    public List<NotebookFile> read(List<Path> files) {
        return read(files, Map.of());
    }

    /**
     * As {@link #read(List)}, but a file whose stamp is the one recorded for it (by project path) is not
     * read: its recorded hash is taken, and its bytes are read only if asked for.
     */
    public List<NotebookFile> read(List<Path> files, Map<String, Recorded> recorded) {
        return files.parallelStream().map(file -> {
            String path = path(file);
            FileStamp stamp = FileStamp.of(file);
            Recorded known = recorded.get(path);
            if (known != null && known.stamp() != null && known.stamp().equals(stamp) && !stamp.equals(FileStamp.MISSING)) {
                return new NotebookFile(file, path, null, known.sha256(), stamp);
            }
            byte[] bytes = bytes(file);
            return new NotebookFile(file, path, bytes, Sha256.hex(bytes), settled(stamp) ? stamp : null);
        }).toList();
    }

    private static boolean settled(FileStamp stamp) {
        return !stamp.equals(FileStamp.MISSING)
                && System.currentTimeMillis() * 1_000_000L - stamp.modifiedNanos() >= SETTLED_NANOS;
    }

    /** The files' content hashes by project path. */
    public static Map<String, String> hashes(List<NotebookFile> files) {
        Map<String, String> hashes = new TreeMap<>();
        files.forEach(f -> hashes.put(f.path(), f.sha256()));
        return hashes;
    }

    /**
     * Parses notebook files already read.
     *
     * @return the notebooks in the order given, and the warnings found
     * @throws NbexportException listing every notebook that cannot be read and every directive error
     */
    public Loaded parse(List<NotebookFile> files) {
        List<Object> results = files.parallelStream().map(this::parseOne).toList();
        List<ProjectNotebook> notebooks = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (Object result : results) {
            if (result instanceof NotebookFormatException e) {
                errors.addAll(e.problems());
                continue;
            }
            ProjectNotebook notebook = (ProjectNotebook) result;
            notebooks.add(notebook);
            for (CellDirectives d : notebook.directives()) {
                for (Problem problem : d.problems()) {
                    (problem.isError() ? errors : warnings).add(problem);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw NbexportException.of("in notebooks", errors);
        }
        return new Loaded(notebooks, warnings);
    }

    /** The notebooks read, and warnings about their directives. */
    public record Loaded(List<ProjectNotebook> notebooks, List<Problem> warnings) {
        public Loaded {
            notebooks = List.copyOf(notebooks);
            warnings = List.copyOf(warnings);
        }
    }

    private Object parseOne(NotebookFile file) {
        String path = file.path();
        try {
            Notebook notebook = NotebookReader.parse(file.bytes(), path);
            List<CellDirectives> directives = new ArrayList<>(notebook.cells().size());
            for (int i = 0; i < notebook.cells().size(); i++) {
                Cell cell = notebook.cells().get(i);
                CellRef ref = new CellRef(path, i + 1, cell.id());
                directives.add(cell.isCode() ? parser.parse(cell.source(), cell.tags(), ref) : CellDirectives.none(ref));
            }
            return new ProjectNotebook(file.file(), path, file.sha256(), notebook, directives);
        } catch (NotebookFormatException e) {
            return e;
        }
    }

    /** A file's path relative to the project, with {@code /} separators. */
    public String path(Path file) {
        return ProjectPaths.shown(projectDir, file);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
