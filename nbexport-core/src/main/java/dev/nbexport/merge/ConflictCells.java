package dev.nbexport.merge;

import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Conflict marker cells: markdown cells whose whole source is a git conflict marker line. A conflict
 * is a run of cells {@code <<<<<<< ours-label}, ours' cells, {@code =======}, theirs' cells,
 * {@code >>>>>>> theirs-label}. They render as plain text in Jupyter, so the notebook opens and the
 * user keeps the cells they want and deletes the rest, markers included.
 */
final class ConflictCells {

    enum Kind {
        START('<'),
        SEPARATOR('='),
        END('>');

        final char symbol;

        Kind(char symbol) {
            this.symbol = symbol;
        }
    }

    private ConflictCells() {}

    static Cell marker(Kind kind, int size, String label, String id) {
        String source = String.valueOf(kind.symbol).repeat(size) + (label.isEmpty() ? "" : " " + label);
        return Cell.of(CellType.MARKDOWN, id, source);
    }

    /** The kind of marker {@code cell} is, or {@code null} when it is not a marker cell. */
    static Kind kindOf(Cell cell) {
        if (cell.type() != CellType.MARKDOWN) {
            return null;
        }
        String source = cell.source().strip();
        if (source.isEmpty() || source.indexOf('\n') >= 0) {
            return null;
        }
        for (Kind kind : Kind.values()) {
            int run = 0;
            while (run < source.length() && source.charAt(run) == kind.symbol) {
                run++;
            }
            if (run >= MergeOptions.DEFAULT_MARKER_SIZE
                    && (run == source.length() || (kind != Kind.SEPARATOR && source.charAt(run) == ' '))) {
                return kind;
            }
        }
        return null;
    }

    /** How many complete conflicts (start, separator, end marker cells in order) {@code notebook} shows. */
    static int count(Notebook notebook) {
        int count = 0;
        Kind expected = Kind.START;
        for (Cell cell : notebook.cells()) {
            Kind kind = kindOf(cell);
            if (kind == null) {
                continue;
            }
            if (kind == expected) {
                expected = switch (kind) {
                    case START -> Kind.SEPARATOR;
                    case SEPARATOR -> Kind.END;
                    case END -> Kind.START;
                };
                if (kind == Kind.END) {
                    count++;
                }
            } else {
                expected = kind == Kind.START ? Kind.SEPARATOR : Kind.START;
            }
        }
        return count;
    }

    /**
     * Resolves every complete conflict in {@code notebook} for {@code side}: the cells of that side
     * stay, the markers and the other side's cells go. Stray or incomplete markers stay as they are.
     */
    static Notebook resolve(Notebook notebook, Side side) {
        List<Cell> cells = notebook.cells();
        List<Cell> result = new ArrayList<>(cells.size());
        int i = 0;
        while (i < cells.size()) {
            int separator = -1;
            int end = -1;
            if (kindOf(cells.get(i)) == Kind.START) {
                for (int j = i + 1; j < cells.size() && end < 0; j++) {
                    Kind kind = kindOf(cells.get(j));
                    if (kind == Kind.START) {
                        break;
                    } else if (kind == Kind.SEPARATOR && separator < 0) {
                        separator = j;
                    } else if (kind == Kind.END && separator >= 0) {
                        end = j;
                    }
                }
            }
            if (end < 0) {
                result.add(cells.get(i));
                i++;
                continue;
            }
            if (side == Side.OURS) {
                result.addAll(cells.subList(i + 1, separator));
            } else {
                result.addAll(withOriginalIds(cells.subList(separator + 1, end), cells.subList(i + 1, separator)));
            }
            i = end + 1;
        }
        return notebook.withCells(unclash(result));
    }

    /**
     * Theirs' copy of a cell in a conflict got a new id ({@code id-1}) because ours' copy kept the id;
     * when ours' copy goes, theirs' gets its id back, so the cell markers of exported code still find it.
     */
    private static List<Cell> withOriginalIds(List<Cell> kept, List<Cell> dropped) {
        Set<String> droppedIds = new HashSet<>();
        dropped.forEach(cell -> droppedIds.add(cell.id()));
        List<Cell> result = new ArrayList<>(kept.size());
        for (Cell cell : kept) {
            String id = cell.id();
            int dash = id == null ? -1 : id.lastIndexOf('-');
            if (dash > 0 && id.substring(dash + 1).chars().allMatch(Character::isDigit) && dash < id.length() - 1
                    && droppedIds.contains(id.substring(0, dash))) {
                cell = cell.withId(id.substring(0, dash));
            }
            result.add(cell);
        }
        return result;
    }

    /** Ids made unique again, should restoring one have clashed with a cell elsewhere. */
    private static List<Cell> unclash(List<Cell> cells) {
        Set<String> used = new HashSet<>();
        cells.forEach(cell -> used.add(cell.id()));
        Set<String> seen = new HashSet<>();
        List<Cell> result = new ArrayList<>(cells.size());
        for (Cell cell : cells) {
            String id = cell.id();
            if (id != null && !seen.add(id)) {
                String fresh = id;
                for (int n = 1; used.contains(fresh); n++) {
                    fresh = id + "-" + n;
                }
                used.add(fresh);
                seen.add(fresh);
                cell = cell.withId(fresh);
            }
            result.add(cell);
        }
        return result;
    }
}
