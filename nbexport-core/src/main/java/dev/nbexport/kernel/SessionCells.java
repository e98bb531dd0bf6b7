package dev.nbexport.kernel;

import dev.nbexport.NbexportException;
import dev.nbexport.io.ProjectPaths;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookReader;
import dev.nbexport.project.ExportRequest;
import dev.nbexport.run.worker.NotebookExecution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Hidden state where it is born: which cells of the project's notebooks this kernel session ran, and in what
 * order. A cell is known by the id the front end sends with it (JupyterLab and Notebook 7 send {@code cellId} in
 * the request's metadata) or, failing that (nbconvert, Notebook 6), by its source being a cell's source in the
 * saved notebook; the notebook whose cell ran last is tried first. A cell known neither way (new, or edited and not
 * saved) is only checked for redefinitions.
 *
 * <p>Before a cell runs, {@link #beforeRun} gives at most one line for each of:
 * <ul>
 *   <li>earlier code cells of its notebook that have not run in this session (cells with {@code eval: false} and
 *       empty cells do not count): what the cell sees differs from a run top to bottom;
 *   <li>a name the cell declares that an exported cell of its notebook (another one) declares: from now on the
 *       session runs this definition, not the one {@code nbexport:export} writes.
 * </ul>
 * {@link #status} lists what ran, in order, and every such case.
 */
final class SessionCells {

    /** A cell of a saved notebook. */
    record Place(String notebook, int index) {
        String name() {
            return "cell " + (index + 1);
        }
    }

    private final ExportRequest export;
    private final Function<String, List<String>> declaredNames;
    private final Map<Path, Loaded> notebooks = new HashMap<>();
    private final Map<String, Set<Integer>> ran = new LinkedHashMap<>();
    private final Map<String, List<Integer>> order = new LinkedHashMap<>();
    private final List<String> outOfOrder = new ArrayList<>();
    private final Map<String, List<String>> namesBySource = new HashMap<>();
    private String current;

    private record Loaded(long modified, long size, String shown, Notebook notebook) {}

    /**
     * @param export the project's notebooks (folder and globs) and where they are shown from
     * @param declaredNames the names a cell's source declares (the session's parser)
     */
    SessionCells(ExportRequest export, Function<String, List<String>> declaredNames) {
        this.export = export;
        this.declaredNames = declaredNames;
    }

    /** Which saved cell {@code code} is, if any can be told. */
    Optional<Place> identify(String code, Optional<String> cellId) {
        List<Loaded> all = load();
        all.sort((a, b) -> Boolean.compare(!a.shown().equals(current), !b.shown().equals(current)));
        if (cellId.isPresent()) {
            for (Loaded n : all) {
                List<Cell> cells = n.notebook().cells();
                for (int i = 0; i < cells.size(); i++) {
                    if (cells.get(i).isCode() && cellId.get().equals(cells.get(i).id())) {
                        return Optional.of(new Place(n.shown(), i));
                    }
                }
            }
        }
        String wanted = normalise(code);
        for (Loaded n : all) {
            List<Place> found = new ArrayList<>();
            List<Cell> cells = n.notebook().cells();
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).isCode() && normalise(cells.get(i).source()).equals(wanted)) {
                    found.add(new Place(n.shown(), i));
                }
            }
            if (found.size() == 1) {
                return Optional.of(found.get(0));
            }
            if (found.size() > 1) {
                // the same source twice in one notebook: the first that has not run yet
                Set<Integer> done = ran.getOrDefault(n.shown(), Set.of());
                return Optional.of(found.stream().filter(p -> !done.contains(p.index())).findFirst().orElse(found.get(0)));
            }
        }
        return Optional.empty();
    }

    /**
     * Records that a cell runs now, and returns the hidden-state lines to show on its stderr first.
     *
     * @param place the saved cell it is, if known
     * @param code its source
     * @param executionCount its {@code In [n]}
     */
    List<String> beforeRun(Optional<Place> place, String code, int executionCount) {
        List<String> lines = new ArrayList<>();
        String label = place.map(Place::name).orElse("In [" + executionCount + "]");
        if (place.isPresent()) {
            Place p = place.get();
            current = p.notebook();
            Notebook notebook = notebook(p.notebook());
            Set<Integer> done = ran.computeIfAbsent(p.notebook(), k -> new TreeSet<>());
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < p.index() && notebook != null; i++) {
                if (counts(notebook, p.notebook(), i) && !done.contains(i)) {
                    missing.add(String.valueOf(i + 1));
                }
            }
            if (!missing.isEmpty()) {
                String line = "nbexport: " + p.name() + " of " + p.notebook() + " runs before "
                        + (missing.size() == 1 ? "cell " : "cells ") + String.join(", ", missing)
                        + " ran in this session: it may see state a run from the top would not give it (%nbexport status)";
                lines.add(line);
                outOfOrder.add("In [" + executionCount + "] " + p.name() + " ran before " + (missing.size() == 1 ? "cell " : "cells ")
                        + String.join(", ", missing));
            }
            done.add(p.index());
            order.computeIfAbsent(p.notebook(), k -> new ArrayList<>()).add(p.index() + 1);
        }
        redefinition(place, code, label, executionCount).ifPresent(lines::add);
        return lines;
    }

    private Optional<String> redefinition(Optional<Place> place, String code, String label, int executionCount) {
        List<String> declared = names(code);
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        List<Loaded> scope = load().stream().filter(n -> current == null || n.shown().equals(current)).toList();
        Map<String, String> clashes = new LinkedHashMap<>();
        for (Loaded n : scope) {
            List<Cell> cells = n.notebook().cells();
            for (int i = 0; i < cells.size(); i++) {
                Place other = new Place(n.shown(), i);
                if (!cells.get(i).isCode() || place.filter(other::equals).isPresent()
                        || !NotebookExecution.directives(n.notebook(), n.shown(), i).exportKind().exportsCode()) {
                    continue;
                }
                for (String name : names(cells.get(i).source())) {
                    if (declared.contains(name)) {
                        clashes.putIfAbsent(name, (scope.size() == 1 ? "" : n.shown() + " ") + other.name());
                    }
                }
            }
        }
        if (clashes.isEmpty()) {
            return Optional.empty();
        }
        String what = clashes.entrySet().stream().map(e -> e.getKey() + " (exported " + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        outOfOrder.add("In [" + executionCount + "] " + place.map(p -> p.name() + " ").orElse("") + "redefined " + what);
        return Optional.of("nbexport: " + label + " redefines " + what
                + ": this session now runs this definition, not the one nbexport:export writes");
    }

    /** What {@code %nbexport status} prints. */
    String status() {
        StringBuilder out = new StringBuilder();
        if (order.isEmpty()) {
            out.append("nbexport: no cell of the project's saved notebooks has run in this session\n");
        }
        order.forEach((notebook, cells) -> out.append("nbexport: ").append(notebook).append(": ran cells ")
                .append(cells.stream().map(String::valueOf).collect(Collectors.joining(", "))).append(" in that order\n"));
        if (outOfOrder.isEmpty()) {
            out.append("nbexport: nothing ran out of order");
        } else {
            out.append("nbexport: out of order:");
            outOfOrder.forEach(o -> out.append("\n  ").append(o));
        }
        return out.append('\n').toString();
    }

    /** A cell a run from the top runs: code, not empty, not {@code eval: false}. */
    private static boolean counts(Notebook notebook, String shown, int index) {
        return notebook.cells().get(index).isCode() && !notebook.cells().get(index).source().isBlank()
                && NotebookExecution.evaluates(notebook, shown, index);
    }

    private List<String> names(String source) {
        return namesBySource.computeIfAbsent(source, declaredNames);
    }

    private Notebook notebook(String shown) {
        return load().stream().filter(n -> n.shown().equals(shown)).map(Loaded::notebook).findFirst().orElse(null);
    }

    /** The project's notebooks, read again only when a file changed. */
    private List<Loaded> load() {
        List<Loaded> all = new ArrayList<>();
        for (Path file : export.notebookFiles()) {
            try {
                long modified = Files.getLastModifiedTime(file).toMillis();
                long size = Files.size(file);
                Loaded known = notebooks.get(file);
                if (known == null || known.modified() != modified || known.size() != size) {
                    String shown = ProjectPaths.shown(export.projectDir(), file);
                    known = new Loaded(modified, size, shown, NotebookReader.read(file, shown));
                    notebooks.put(file, known);
                }
                all.add(known);
            } catch (IOException | NbexportException | java.io.UncheckedIOException unreadable) {
                // a notebook being saved, or broken: its cells are not known until it reads again
            }
        }
        return all;
    }

    private static String normalise(String source) {
        return source.replace("\r\n", "\n").strip();
    }
}
