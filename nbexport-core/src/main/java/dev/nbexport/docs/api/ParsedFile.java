package dev.nbexport.docs.api;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import dev.nbexport.layout.GeneratedFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated main file as javac parsed it: its tree, its text, and the names its imports bring in.
 *
 * @param generated the exporter's file, with its source map
 * @param shownPath the file relative to the project ({@code src/main/java/com/acme/Slug.java})
 * @param page the site's page that shows the file ({@code _source/com/acme/Slug.java.html})
 * @param unit the parsed compilation unit
 * @param packageName the file's package, {@code ""} for the unnamed package
 * @param singleTypeImports single-type imports by simple name: {@code List} → {@code java.util.List}
 * @param onDemandImports what on-demand imports name: {@code java.util} for {@code import java.util.*;}
 */
record ParsedFile(GeneratedFile generated, String shownPath, String page, CompilationUnitTree unit, String packageName,
                  Map<String, String> singleTypeImports, List<String> onDemandImports) {

    ParsedFile {
        singleTypeImports = Map.copyOf(singleTypeImports);
        onDemandImports = List.copyOf(onDemandImports);
    }

    static ParsedFile of(GeneratedFile generated, String shownPath, String page, CompilationUnitTree unit) {
        Map<String, String> single = new HashMap<>();
        List<String> onDemand = new ArrayList<>();
        for (ImportTree i : unit.getImports()) {
            if (!i.isStatic() && i.getQualifiedIdentifier() instanceof MemberSelectTree select) {
                if (select.getIdentifier().contentEquals("*")) {
                    onDemand.add(select.getExpression().toString());
                } else {
                    single.put(select.getIdentifier().toString(), select.toString());
                }
            }
        }
        return new ParsedFile(generated, shownPath, page, unit,
                unit.getPackageName() == null ? "" : unit.getPackageName().toString(), single, onDemand);
    }

    /** The file's text, as parsed. */
    String source() {
        return generated.content();
    }

    /** The 1-based line of a character offset. */
    int line(long position) {
        return (int) unit.getLineMap().getLineNumber(position);
    }

    /** The 1-based column of a character offset. */
    int column(long position) {
        return (int) unit.getLineMap().getColumnNumber(position);
    }
}
