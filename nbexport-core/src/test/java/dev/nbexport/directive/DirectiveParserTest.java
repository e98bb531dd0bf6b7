package dev.nbexport.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.notebook.CellRef;
import dev.nbexport.problem.Problem;
import dev.nbexport.problem.Severity;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectiveParserTest {

    static final CellRef CELL = new CellRef("notebooks/01_slugify.ipynb", 3, "e443df78");

    static CellDirectives parse(String source, String... tags) {
        return DirectiveParser.standard().parse(source, List.of(tags), CELL);
    }

    static Problem onlyProblem(CellDirectives d) {
        assertThat(d.problems()).hasSize(1);
        return d.problems().get(0);
    }

    @Nested
    class DirectiveLines {

        @Test
        void readsTheThreeSyntaxes() {
            CellDirectives d = parse("//| export com.acme.text.Other\n//| eval: false\n//| hide\nint x = 1;");

            assertThat(d.problems()).isEmpty();
            assertThat(d.exportKind()).isEqualTo(ExportKind.EXPORT);
            assertThat(d.exportTarget()).contains("com.acme.text.Other");
            assertThat(d.evaluated()).isFalse();
            assertThat(d.hidden()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"//|eval:false", "//|   eval   :   false  ", "  //| eval false", "//|\teval\tfalse\t",
            "//| eval :false"})
        void toleratesWhitespaceAroundTheParts(String line) {
            CellDirectives d = parse(line + "\nx();");

            assertThat(d.problems()).isEmpty();
            assertThat(d.get(Directive.EVAL)).contains(FoundDirective.ofComment(Directive.EVAL, "false", 1));
        }

        @Test
        void allowsBlankLinesBeforeAndBetweenDirectives() {
            CellDirectives d = parse("\n  \n//| export\n\n//| hide\nint x;");

            assertThat(d.exportKind()).isEqualTo(ExportKind.EXPORT);
            assertThat(d.hidden()).isTrue();
            assertThat(d.get(Directive.HIDE).orElseThrow().line()).isEqualTo(5);
        }

        @Test
        void stopsAtTheFirstLineThatIsNotADirective() {
            CellDirectives d = parse("//| hide\nint x;\n//| export\n");

            assertThat(d.exportKind()).isEqualTo(ExportKind.NONE);
            assertThat(d.javaLines()).containsExactly("int x;", "//| export", "");
            assertThat(d.problems()).isEmpty();
        }

        @Test
        void directiveInTheMiddleOfCodeIsAnOrdinaryComment() {
            CellDirectives d = parse("int x = 1;\n//| export\nint y = 2;");

            assertThat(d.directives()).isEmpty();
            assertThat(d.javaCode()).isEqualTo("int x = 1;\n//| export\nint y = 2;");
            assertThat(d.problems()).isEmpty();
        }

        @Test
        void directiveAfterAMagicOrCommentIsIgnoredWithAWarning() {
            CellDirectives d = parse("%maven org.example:lib:1.0\n// helpers\n//| export\nint x;");

            assertThat(d.exportKind()).isEqualTo(ExportKind.NONE);
            Problem p = onlyProblem(d);
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.toString()).isEqualTo("notebooks/01_slugify.ipynb, cell 3 (id e443df78), line 3:1: "
                    + "`//| export` is not at the top of the cell, so it is an ordinary comment, not a directive");
        }

        @Test
        void readsEveryDirective() {
            CellDirectives d = parse("//| default_exp com.acme.text.Slugify\n//| exporti\n//| hide\n//| eval: true\n"
                    + "//| parameters\n//| output: check\n");

            assertThat(d.problems()).isEmpty();
            assertThat(d.defaultExp()).contains("com.acme.text.Slugify");
            assertThat(d.exportKind()).isEqualTo(ExportKind.EXPORTI);
            assertThat(d.exportTarget()).isEmpty();
            assertThat(d.hidden()).isTrue();
            assertThat(d.evaluated()).isTrue();
            assertThat(d.isParameters()).isTrue();
            assertThat(d.outputMode()).contains(OutputMode.CHECK);
            assertThat(d.directives()).extracting(FoundDirective::directive).containsExactly(Directive.DEFAULT_EXP,
                    Directive.EXPORTI, Directive.HIDE, Directive.EVAL, Directive.PARAMETERS, Directive.OUTPUT);
        }

        @Test
        void skipExecMarksTheNotebookAsNotRunAndTakesNoValue() {
            assertThat(parse("//| skip_exec\nint x;").skipsNotebook()).isTrue();
            assertThat(parse("int x;").skipsNotebook()).isFalse();
            assertThat(parse("//| skip_exec true\nint x;").problems()).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("takes no value"));
        }

        @Test
        void defaultsWhenNothingIsSaid() {
            CellDirectives d = parse("int x;");

            assertThat(d.exportKind()).isEqualTo(ExportKind.NONE);
            assertThat(d.exportTarget()).isEmpty();
            assertThat(d.testName()).isEmpty();
            assertThat(d.defaultExp()).isEmpty();
            assertThat(d.hidden()).isFalse();
            assertThat(d.evaluated()).isTrue();
            assertThat(d.isParameters()).isFalse();
            assertThat(d.outputMode()).isEmpty();
            assertThat(d.magics()).isEmpty();
        }

        @Test
        void exportsAndTestNames() {
            assertThat(parse("//| exports com.acme.X\n").exportKind()).isEqualTo(ExportKind.EXPORTS);
            assertThat(parse("//| exports com.acme.X\n").exportTarget()).contains("com.acme.X");
            CellDirectives test = parse("//| test slugifiesSpaces\n");
            assertThat(test.exportKind()).isEqualTo(ExportKind.TEST);
            assertThat(test.testName()).contains("slugifiesSpaces");
            assertThat(test.exportTarget()).isEmpty();
            assertThat(parse("//| test").testName()).isEmpty();
            assertThat(parse("//| output ignore").outputMode()).contains(OutputMode.IGNORE);
        }

        @Test
        void toleratesWindowsLineEndings() {
            CellDirectives d = parse("//| export\r\n//| eval: false\r\nint x = 1;\r\nint y;\r\n");

            assertThat(d.problems()).isEmpty();
            assertThat(d.evaluated()).isFalse();
            assertThat(d.javaCode()).isEqualTo("int x = 1;\nint y;\n");
            assertThat(d.cellLine(1)).isEqualTo(3);
        }

        @Test
        void emptyDirectiveLineIsIgnored() {
            CellDirectives d = parse("//|\n//| export\nint x;");

            assertThat(d.problems()).isEmpty();
            assertThat(d.exportKind()).isEqualTo(ExportKind.EXPORT);
            assertThat(d.javaCode()).isEqualTo("int x;");
        }
    }

    @Nested
    class DirectiveErrors {

        @Test
        void unknownDirectiveSuggestsClosestName() {
            Problem p = onlyProblem(parse("//| hide\n//| exprot\nint x;"));

            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.toString()).isEqualTo("notebooks/01_slugify.ipynb, cell 3 (id e443df78), line 2:5: "
                    + "unknown directive `exprot` (did you mean `export`?)");
            assertThat(p.hint()).contains("default_exp, export, exporti, exports, test, hide, eval, parameters, output");
            assertThat(p.cell()).isEqualTo(CELL);
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(5);
        }

        @ParameterizedTest
        @ValueSource(strings = {"expotr:export", "Export:export", "default-exp:default_exp", "defaultexp:default_exp",
            "default:default_exp", "param:parameters", "tests:test", "exported:export", "hid:hide", "evaluate:eval",
            "outputs:output", "exportii:exporti"})
        void suggestsByEditDistanceOrPrefix(String typoAndMeant) {
            String[] parts = typoAndMeant.split(":");

            Problem p = onlyProblem(parse("//| " + parts[0]));

            assertThat(p.toString()).endsWith("unknown directive `" + parts[0] + "` (did you mean `" + parts[1] + "`?)");
        }

        @Test
        void unknownDirectiveFarFromAnyNameHasNoSuggestion() {
            Problem p = onlyProblem(parse("//| frobnicate"));

            assertThat(p.toString()).endsWith("unknown directive `frobnicate`");
        }

        @Test
        void quartoCellOptionsAreIgnored() {
            CellDirectives d = parse("//| label: fig-plot\n//| echo: false\n//| warning: false\n//| error: true\n"
                    + "//| include: false\n//| fig-cap: \"A plot\"\n//| tbl-colwidths: [1, 2]\n//| code-fold: true\n"
                    + "//| lst-label: lst-x\n//| export\nint x;");

            assertThat(d.problems()).isEmpty();
            assertThat(d.exportKind()).isEqualTo(ExportKind.EXPORT);
            assertThat(d.javaCode()).isEqualTo("int x;");
        }

        @Test
        void quartoYamlBlockContinuationLinesAreIgnored() {
            CellDirectives d = parse("//| fig-cap:\n//|   - \"First\"\n//|   - \"Second\"\n//| hide\nint x;");

            assertThat(d.problems()).isEmpty();
            assertThat(d.hidden()).isTrue();
        }

        @Test
        void valueOnADirectiveWithoutValueIsAnError() {
            Problem p = onlyProblem(parse("//| hide: true"));

            assertThat(p.toString()).isEqualTo("notebooks/01_slugify.ipynb, cell 3 (id e443df78), line 1:11: "
                    + "`hide` takes no value, but has `true`");
            assertThat(p.hint()).isEqualTo("Write e.g. `//| hide`.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"default_exp", "eval", "output", "eval:", "default_exp :  "})
        void missingRequiredValueIsAnError(String line) {
            Problem p = onlyProblem(parse("//| " + line));

            assertThat(p.toString()).contains("line 1:5: `").endsWith("` needs a value");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Slugify", "com.acme.", ".com.Acme", "com..Acme", "com.acme.class", "com.1acme.X",
            "com.acme.Slug-ify", "com.acme.var", "com.acme.record", "com.acme._", "com.acme.Slugify extra"})
        void invalidDefaultExpIsAnError(String name) {
            Problem p = onlyProblem(parse("//| default_exp " + name));

            assertThat(p.toString()).contains("line 1:17: `" + name + "` is not a qualified Java class name: ");
            assertThat(p.hint()).isEqualTo("Write e.g. `//| default_exp com.acme.text.Slugify`.");
        }

        @Test
        void explainsWhyAClassNameIsInvalid() {
            assertThat(onlyProblem(parse("//| default_exp Slugify")).toString())
                    .endsWith("it needs a package, e.g. `com.acme.Slugify`");
            assertThat(onlyProblem(parse("//| export com.acme.class")).toString())
                    .endsWith("`class` is a Java keyword");
        }

        @ParameterizedTest
        @ValueSource(strings = {"com.acme.Slugify", "a.B", "com.var.record_.Slügify", "com.acme.$Gen", "org.example.Über"})
        void validQualifiedClassNamesAreAccepted(String name) {
            assertThat(parse("//| default_exp " + name).problems()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2fast", "my test", "class", "a-b"})
        void invalidTestNameIsAnError(String name) {
            assertThat(onlyProblem(parse("//| test " + name)).toString()).contains("is not a Java method name");
        }

        @ParameterizedTest
        @ValueSource(strings = {"eval: no", "eval: False", "output: false", "output: asis"})
        void invalidChoiceIsAnError(String line) {
            assertThat(onlyProblem(parse("//| " + line)).severity()).isEqualTo(Severity.ERROR);
        }

        @Test
        void malformedDirectiveLineIsAnError() {
            Problem p = onlyProblem(parse("//| eval=false"));

            assertThat(p.toString()).endsWith("line 1:9: `//| eval=false` is not a directive line");
            assertThat(p.hint()).isEqualTo("Write `//| eval: false`.");
            assertThat(onlyProblem(parse("//| #export")).toString()).endsWith("`//| #export` is not a directive line");
        }

        @Test
        void repeatedDirectiveIsAnError() {
            CellDirectives d = parse("//| hide\n//| export\n//| hide\n");

            assertThat(onlyProblem(d).toString()).isEqualTo("notebooks/01_slugify.ipynb, cell 3 (id e443df78), "
                    + "line 3:5: `hide` is given twice, at line 1 and line 3");
            assertThat(d.hidden()).isTrue();
        }

        @Test
        void twoExportKindsAreAnErrorNamingBothLines() {
            CellDirectives d = parse("//| export\n//| hide\n//| test\n");

            Problem p = onlyProblem(d);
            assertThat(p.toString()).isEqualTo("notebooks/01_slugify.ipynb, cell 3 (id e443df78), line 3:5: "
                    + "`export` (line 1) and `test` (line 3) cannot both be given: a cell is exported one way, or is a test");
            assertThat(p.line()).isEqualTo(3);
            assertThat(d.exportKind()).isEqualTo(ExportKind.EXPORT);
        }

        @Test
        void messagesWithoutCellIdNameTheCellNumber() {
            CellRef noId = new CellRef("old.ipynb", 7, null);

            CellDirectives d = DirectiveParser.standard().parse("\n//| exprot", List.of(), noId);

            assertThat(onlyProblem(d).toString()).startsWith("old.ipynb, cell 7, line 2:5: unknown directive");
        }

        @Test
        void reportsEveryProblemOfTheCell() {
            CellDirectives d = parse("//| exprot\n//| eval: maybe\n//| hide x\n");

            assertThat(d.problems()).extracting(Problem::line).containsExactly(1, 2, 3);
            assertThat(d.hasErrors()).isTrue();
        }
    }

    @Nested
    class Tags {

        @ParameterizedTest
        @ValueSource(strings = {"export", "exporti", "exports", "test"})
        void exportTagsSetTheExportKind(String tag) {
            CellDirectives d = parse("int x;", tag);

            assertThat(d.exportKind().name()).isEqualToIgnoringCase(tag);
            assertThat(d.get(Directive.byKey(tag).orElseThrow()).orElseThrow().tag()).isEqualTo(tag);
        }

        @Test
        void valueTagsUseColonOrEquals() {
            CellDirectives d = parse("int x;", "eval:false", "output=check", "default_exp:com.acme.X",
                    "export = com.acme.Other", "hide", "parameters");

            assertThat(d.problems()).isEmpty();
            assertThat(d.evaluated()).isFalse();
            assertThat(d.outputMode()).contains(OutputMode.CHECK);
            assertThat(d.defaultExp()).contains("com.acme.X");
            assertThat(d.exportTarget()).contains("com.acme.Other");
            assertThat(d.hidden()).isTrue();
            assertThat(d.isParameters()).isTrue();
            assertThat(d.get(Directive.EVAL).orElseThrow().where()).isEqualTo("tag `eval:false`");
        }

        @Test
        void otherToolsTagsAreIgnored() {
            CellDirectives d = parse("int x;", "injected-parameters", "remove-cell", "exprot", "Export", "echo:false");

            assertThat(d.directives()).isEmpty();
            assertThat(d.problems()).isEmpty();
        }

        @Test
        void commentBeatsTag() {
            CellDirectives d = parse("//| eval: true\n//| export com.acme.A\n", "eval:true", "export:com.acme.A", "hide");

            assertThat(d.problems()).isEmpty();
            assertThat(d.get(Directive.EVAL).orElseThrow().line()).isEqualTo(1);
            assertThat(d.get(Directive.EXPORT).orElseThrow().fromTag()).isFalse();
            assertThat(d.hidden()).isTrue();
        }

        @Test
        void commentBeatsDisagreeingTagWithAWarning() {
            CellDirectives d = parse("//| eval: true\n", "eval:false");

            assertThat(d.evaluated()).isTrue();
            Problem p = onlyProblem(d);
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.toString()).isEqualTo("notebooks/01_slugify.ipynb, cell 3 (id e443df78), tag `eval:false`: "
                    + "ignored, because line 1 sets `eval` and a comment beats a tag");
        }

        @Test
        void exportCommentBeatsOtherExportKindTag() {
            CellDirectives d = parse("//| test\n", "export");

            assertThat(d.exportKind()).isEqualTo(ExportKind.TEST);
            assertThat(onlyProblem(d).severity()).isEqualTo(Severity.WARNING);
            assertThat(d.hasErrors()).isFalse();
        }

        @Test
        void invalidTagValueIsAnErrorNamingTheTag() {
            Problem p = onlyProblem(parse("int x;", "eval:maybe"));

            assertThat(p.toString()).isEqualTo("notebooks/01_slugify.ipynb, cell 3 (id e443df78), tag `eval:maybe`: "
                    + "`eval` is `true` or `false`, not `maybe`");
            assertThat(p.hint()).isEqualTo("Change the tag to e.g. `eval:false`.");
            assertThat(p.line()).isZero();
            assertThat(onlyProblem(parse("", "hide:yes")).toString()).endsWith("`hide` takes no value, but has `yes`");
            assertThat(onlyProblem(parse("", "default_exp")).toString()).endsWith("`default_exp` needs a value");
        }

        @Test
        void twoExportKindTagsAreAnError() {
            Problem p = onlyProblem(parse("int x;", "export", "test"));

            assertThat(p.toString()).endsWith("tag `test`: `export` (tag `export`) and `test` (tag `test`) cannot both"
                    + " be given: a cell is exported one way, or is a test");
        }

        @Test
        void repeatedDirectiveInTagsIsAnError() {
            Problem p = onlyProblem(parse("int x;", "eval:false", "eval=true"));

            assertThat(p.toString()).endsWith("`eval` is given twice, at tag `eval:false` and tag `eval=true`");
        }

        @Test
        void identicalTagsCountOnce() {
            assertThat(parse("int x;", "hide", "hide").problems()).isEmpty();
        }
    }

    @Nested
    class Magics {

        @Test
        void cellMagicTakesTheRestOfTheCell() {
            CellDirectives d = parse("//| hide\n%%loadFromPOM\n<dependency>\n  <artifactId>x</artifactId>\n</dependency>");

            assertThat(d.hidden()).isTrue();
            assertThat(d.magics()).containsExactly(new Magic(Magic.Kind.CELL, "loadFromPOM", "", 2,
                    "<dependency>\n  <artifactId>x</artifactId>\n</dependency>"));
            assertThat(d.cellMagic()).isPresent();
            assertThat(d.javaCode()).isEmpty();
            assertThat(d.hasCode()).isFalse();
        }

        @Test
        void cellMagicAfterDirectiveLinesWarnsThatTheKernelWillNotRunIt() {
            Problem p = onlyProblem(parse("//| hide\n%%loadFromPOM\n<x/>"));

            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.toString()).contains("line 2:1: cell magic `%%loadFromPOM` comes after `//|` lines");
            assertThat(parse("%%loadFromPOM\n<x/>", "hide").problems()).isEmpty();
        }

        @Test
        void cellMagicKeepsArgumentsAndLineEndingsOfItsBody() {
            CellDirectives d = parse("\n%%time  quick \r\nint x;\r\n");

            assertThat(d.magics()).containsExactly(new Magic(Magic.Kind.CELL, "time", "quick", 2, "int x;\n"));
            assertThat(d.javaLines()).containsExactly("");
        }

        @Test
        void cellMagicLaterInTheCellIsAnError() {
            CellDirectives d = parse("int x;\n%%time\nint y;");

            Problem p = onlyProblem(d);
            assertThat(p.toString()).contains("line 2:1: cell magic `%%time` is not at the top of the cell");
            assertThat(d.javaCode()).isEqualTo("int x;\nint y;");
        }

        @Test
        void cellMagicWithoutNameIsAnError() {
            assertThat(onlyProblem(parse("%% time\nx")).toString()).endsWith("`%% time` is not a cell magic: the name is missing");
        }

        @Test
        void lineMagicsAreKeptApartFromJava() {
            CellDirectives d = parse("//| export\n%maven org.example:lib:1.0\nint x;\n  %jars lib/a.jar\n%load f.jshell\n%classpath");

            assertThat(d.magics()).containsExactly(
                    new Magic(Magic.Kind.LINE, "maven", "org.example:lib:1.0", 2, ""),
                    new Magic(Magic.Kind.LINE, "jars", "lib/a.jar", 4, ""),
                    new Magic(Magic.Kind.LINE, "load", "f.jshell", 5, ""),
                    new Magic(Magic.Kind.LINE, "classpath", "", 6, ""));
            assertThat(d.magics().get(0)).hasToString("%maven org.example:lib:1.0");
            assertThat(d.javaCode()).isEqualTo("int x;");
            assertThat(d.cellLine(1)).isEqualTo(3);
            assertThat(d.problems()).isEmpty();
        }

        @Test
        void percentNotFollowedByANameIsJava() {
            CellDirectives d = parse("int x = 7\n  % 3;");

            assertThat(d.magics()).isEmpty();
            assertThat(d.javaCode()).isEqualTo("int x = 7\n  % 3;");
        }
    }

    @Nested
    class JavaCode {

        @Test
        void mapsJavaLinesBackToCellLines() {
            CellDirectives d = parse("\n//| export\n%maven a:b:1\nint x;\n\n%jars x.jar\nint y;\n");

            assertThat(d.javaLines()).containsExactly("", "int x;", "", "int y;", "");
            assertThat(d.javaLineCount()).isEqualTo(5);
            assertThat(List.of(d.cellLine(1), d.cellLine(2), d.cellLine(3), d.cellLine(4), d.cellLine(5)))
                    .containsExactly(1, 4, 5, 7, 8);
        }

        @Test
        void cellWithoutDirectivesOrMagicsIsItsOwnJavaCode() {
            String source = "/** Doc. */\nstatic String slugify(String s) {\n    return s;\n}\n";

            assertThat(parse(source).javaCode()).isEqualTo(source);
        }

        @Test
        void lineOutsideTheJavaCodeCannotBeMapped() {
            CellDirectives d = parse("int x;");

            assertThatThrownBy(() -> d.cellLine(2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> d.cellLine(0)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void emptyCellHasOneEmptyLine() {
            CellDirectives d = parse("");

            assertThat(d.javaLines()).containsExactly("");
            assertThat(d.hasCode()).isFalse();
        }

        @Test
        void markdownCellsHaveNothing() {
            CellDirectives d = CellDirectives.none(CELL);

            assertThat(d.directives()).isEmpty();
            assertThat(d.magics()).isEmpty();
            assertThat(d.javaLineCount()).isZero();
            assertThat(d.javaLines()).isEmpty();
            assertThat(d.exportKind()).isEqualTo(ExportKind.NONE);
            assertThat(d.cell()).isEqualTo(CELL);
        }

        @Test
        void nullSourceAndTagsAreEmpty() {
            CellDirectives d = DirectiveParser.standard().parse(null, null, CELL);

            assertThat(d.javaCode()).isEmpty();
            assertThat(d.problems()).isEmpty();
        }
    }
}
