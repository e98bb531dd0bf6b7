package dev.nbexport.workspace;

import dev.nbexport.NbexportException;
import dev.nbexport.directive.CellDirectives;
import dev.nbexport.directive.DirectiveParser;
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
     * A notebook file's bytes, read once: hashed for the staleness check, then parsed only if needed.
     *
     * @param path the file relative to the project, {@code /} separators
     */
    public record NotebookFile(Path file, String path, byte[] bytes, String sha256) {}

    /** Reads the bytes of {@code files}, in parallel, without parsing them. */
    public List<NotebookFile> read(List<Path> files) {
        return files.parallelStream().map(file -> {
            byte[] bytes = bytes(file);
            return new NotebookFile(file, path(file), bytes, Sha256.hex(bytes));
        }).toList();
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
