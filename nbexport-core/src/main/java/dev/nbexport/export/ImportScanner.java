package dev.nbexport.export;

import dev.nbexport.directive.JavaNames;
import dev.nbexport.export.ParsedCell.CellImport;
import dev.nbexport.layout.ImportLine;
import dev.nbexport.layout.LineStarts;
import dev.nbexport.problem.Location;
import dev.nbexport.problem.Problem;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A small lexer for a cell's {@code import} declarations, which javac would not accept inside the
 * synthetic class a cell is parsed in: it skips comments and literals, takes out each import and
 * blanks it (newlines kept, so every other line and column stays where it was).
 */
final class ImportScanner {

    private ImportScanner() {
    }

    /**
     * Finds the cell's {@code import} declarations outside comments and literals, blanks them out
     * in {@code masked} (newlines kept) and returns them.
     */
    static List<CellImport> scan(ExportCell cell, String code, char[] masked, LineStarts lineStarts, BitSet importLines,
            List<Problem> problems) {
        List<CellImport> imports = new ArrayList<>();
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            char next = i + 1 < n ? code.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                int eol = code.indexOf('\n', i);
                i = eol < 0 ? n : eol;
            } else if (c == '/' && next == '*') {
                int close = code.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '"' && code.startsWith("\"\"\"", i)) {
                i = skipTextBlock(code, i + 3);
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(code, i + 1, c);
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(code.charAt(j))) {
                    j++;
                }
                if (j - i == 6 && code.startsWith("import", i) && (i == 0 || !Character.isJavaIdentifierPart(code.charAt(i - 1)))) {
                    int semi = code.indexOf(';', j);
                    int stop = semi < 0 ? n : semi + 1;
                    ImportLine line = importLine(code.substring(j, semi < 0 ? n : semi));
                    int codeLine = lineStarts.lineOf(i);
                    int column = lineStarts.columnOf(i);
                    if (line == null || semi < 0) {
                        problems.add(Problem.error(Location.in(cell.cell(), cell.cellLine(codeLine), column),
                                "Java syntax error: malformed import `" + code.substring(i, stop).strip() + "`",
                                "Write it as `import a.b.C;`, `import a.b.*;` or `import static a.b.C.m;`."));
                    } else {
                        imports.add(new CellImport(line, cell.cellLine(codeLine), column));
                    }
                    importLines.set(codeLine, lineStarts.lineOf(Math.max(i, stop - 1)) + 1);
                    for (int k = i; k < stop; k++) {
                        if (masked[k] != '\n') {
                            masked[k] = ' ';
                        }
                    }
                    i = stop;
                } else {
                    i = j;
                }
            } else {
                i++;
            }
        }
        return imports;
    }

    private static ImportLine importLine(String text) {
        String rest = text.strip();
        boolean isStatic = false;
        if (rest.startsWith("static") && rest.length() > 6 && Character.isWhitespace(rest.charAt(6))) {
            isStatic = true;
            rest = rest.substring(6).strip();
        }
        StringBuilder name = new StringBuilder(rest.length());
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (!Character.isWhitespace(c)) {
                name.append(c);
            }
        }
        String qualified = name.toString();
        boolean onDemand = qualified.endsWith(".*");
        if (onDemand) {
            qualified = qualified.substring(0, qualified.length() - 2);
        }
        for (String segment : qualified.split("\\.", -1)) {
            if (JavaNames.rejectIdentifier(segment) != null) {
                return null;
            }
        }
        if (!onDemand && qualified.indexOf('.') < 0) {
            return null;
        }
        return new ImportLine(qualified, isStatic, onDemand);
    }

    private static int skipTextBlock(String code, int i) {
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"' && code.startsWith("\"\"\"", i)) {
                return i + 3;
            } else {
                i++;
            }
        }
        return n;
    }

    private static int skipQuoted(String code, int i, char quote) {
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return n;
    }
}
