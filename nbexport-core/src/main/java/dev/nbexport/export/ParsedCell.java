package dev.nbexport.export;

import dev.nbexport.layout.BlockText;
import dev.nbexport.layout.ImportLine;
import dev.nbexport.layout.LineStarts;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A cell split into JShell snippets: its imports and its declarations (or, for a test cell of
 * statements, one block of statements). Offsets index {@link #code()}: the cell's code with
 * {@code \n} line breaks and its imports blanked out (same lines and columns as the cell).
 *
 * @param importLines the code lines (1-based) that hold an import, blanked out in {@code code}
 */
record ParsedCell(ExportCell source, String code, LineStarts lines, List<CellImport> imports, BitSet importLines,
                  List<Snippet> snippets) {

    /** A builder of a block of this cell's code, which records where each line of it comes from. */
    BlockText.Builder blockText() {
        return new BlockText.Builder(source.cell(), code, lines, source::cellLine, importLines);
    }

    /** The cell line and column of an offset of {@link #code()}. */
    Location location(int offset) {
        int at = Math.min(Math.max(offset, 0), code.length());
        return Location.in(source.cell(), source.cellLine(lines.lineOf(at)), lines.columnOf(at));
    }

    /** An error at an offset of {@link #code()}, located by the cell's line and column. */
    Problem problem(int offset, String message, String hint) {
        return Problem.error(location(offset), message, hint);
    }

    /** What a snippet declares. */
    enum Kind {
        TYPE,
        METHOD,
        FIELD,
        /** Statements of a test cell, one {@code @Test} method. */
        STATEMENTS
    }

    /**
     * One declaration (or a test cell's statements).
     *
     * @param modifiers the declaration's modifiers, {@code null} for {@link Kind#STATEMENTS}
     * @param segmentStart where the snippet's text starts, leading comments included
     * @param end offset just after the snippet's text (trailing comments on its last line included)
     * @param name type or method name, first field name; {@code null} for statements
     * @param keys what the snippet defines in JShell's namespace, for duplicate checks
     * @param display how messages name it, e.g. {@code method slugify(String)}
     * @param line cell line of the declaration
     * @param column column of the declaration
     * @param used names the snippet refers to
     */
    record Snippet(
            Kind kind,
            Modifiers modifiers,
            int segmentStart,
            int end,
            String name,
            List<SnippetKey> keys,
            String display,
            int line,
            int column,
            UsedNames used) {
    }

    /**
     * Where a declaration's modifiers are in {@link #code()}: all the emitter needs to make it
     * {@code public} or {@code static}. Kept instead of the syntax tree, which is about 35 KB a cell
     * and, held until every file is emitted, made a large project's export mostly garbage collection.
     *
     * @param words the modifiers, in source order
     * @param insertAt where a new modifier goes: the first modifier, else after the annotations, else
     *     the declaration's start
     * @param canonicalConstructors for a record, the modifiers of its compact or canonical
     *     constructors: javac wants them at least as accessible as the record, so when export makes the
     *     record {@code public} they become {@code public} too (JShell did the same to run the cell)
     */
    record Modifiers(List<Word> words, int insertAt, List<Modifiers> canonicalConstructors) {

        Modifiers {
            words = List.copyOf(words);
            canonicalConstructors = List.copyOf(canonicalConstructors);
        }

        Modifiers(List<Word> words, int insertAt) {
            this(words, insertAt, List.of());
        }

        boolean has(Modifier keyword) {
            return words.stream().anyMatch(w -> w.keyword() == keyword);
        }
    }

    /**
     * One modifier keyword.
     *
     * @param start offset of its first character
     * @param end offset just after its last character
     */
    record Word(Modifier keyword, int start, int end) {
    }

    /**
     * An import written in a cell.
     *
     * @param line the import
     * @param cellLine the cell line it starts on
     * @param column the column of its {@code import} keyword
     */
    record CellImport(ImportLine line, int cellLine, int column) {
    }

    /**
     * Simple names a snippet refers to.
     *
     * @param types names used as types (type uses, annotations): need an import to compile
     * @param names unqualified names in expressions: variables, fields or classes
     * @param methods unqualified method calls
     * @param declared types, type parameters and methods declared inside the snippet
     * @param variables every variable the snippet declares: fields, parameters, locals
     * @param freeNames unqualified names used where only the notebook could supply them (outside any
     *     class body that may inherit members), each with the offset of its first use in the cell's code
     * @param freeCalls as {@code freeNames}, for unqualified method calls
     */
    record UsedNames(Set<String> types, Set<String> names, Set<String> methods, Set<String> declared,
            Set<String> variables, Map<String, Integer> freeNames, Map<String, Integer> freeCalls) {
    }
}
