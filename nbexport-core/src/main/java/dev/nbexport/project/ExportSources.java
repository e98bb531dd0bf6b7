package dev.nbexport.project;

import dev.nbexport.directive.CellDirectives;
import dev.nbexport.directive.Directive;
import dev.nbexport.directive.ExportKind;
import dev.nbexport.directive.FoundDirective;
import dev.nbexport.export.ExportCell;
import dev.nbexport.export.NotebookSource;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.problem.Problem;
import dev.nbexport.workspace.ProjectNotebook;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a project notebook and its cell directives into what the exporter reads. */
public final class ExportSources {

    private ExportSources() {}

    /**
     * The exporter's view of {@code notebook}: its {@code default_exp} and every code cell, classified.
     *
     * @param problems receives each notebook-level mistake (two {@code default_exp} cells)
     */
    public static NotebookSource of(ProjectNotebook notebook, List<Problem> problems) {
        String defaultExp = null;
        CellRef defaultExpCell = null;
        int defaultExpLine = 0;
        List<ExportCell> cells = new ArrayList<>();
        for (CellDirectives d : notebook.directives()) {
            if (!notebook.notebook().cells().get(d.cell().number() - 1).isCode()) {
                continue;
            }
            Optional<FoundDirective> exp = d.get(Directive.DEFAULT_EXP);
            if (exp.isPresent()) {
                if (defaultExpCell != null) {
                    problems.add(Problem.error(d.cell().location(Math.max(exp.get().line(), 1), 0),
                            "a second `default_exp` (" + exp.get().value() + ")",
                            "The notebook's `default_exp` is already " + defaultExp + " in "
                            + defaultExpCell.at(Math.max(defaultExpLine, 1), 0)
                            + ". Keep one, and send single cells elsewhere with `//| export com.acme.Other`."));
                    continue;
                }
                defaultExp = exp.get().value();
                defaultExpCell = d.cell();
                defaultExpLine = exp.get().line();
            }
            cells.add(cell(d));
        }
        JsonObject language = notebook.notebook().metadata().object("language_info");
        int kernelJava = language != null && "java".equalsIgnoreCase(language.string("name"))
                ? NotebookSource.javaFeatureVersion(language.string("version")) : 0;
        return new NotebookSource(notebook.path(), defaultExp, defaultExpCell, defaultExpLine, cells, kernelJava);
    }

    private static ExportCell cell(CellDirectives d) {
        ExportKind kind = d.exportKind();
        int directiveLine = 0;
        for (Directive directive : List.of(Directive.EXPORT, Directive.EXPORTI, Directive.EXPORTS, Directive.TEST)) {
            Optional<FoundDirective> found = d.get(directive);
            if (found.isPresent()) {
                directiveLine = found.get().line();
            }
        }
        int[] cellLines = new int[d.javaLineCount()];
        for (int i = 0; i < cellLines.length; i++) {
            cellLines[i] = d.cellLine(i + 1);
        }
        return new ExportCell(d.cell(), kind, d.exportTarget().orElse(null), directiveLine,
                d.testName().orElse(null), d.javaCode(), cellLines);
    }
}
