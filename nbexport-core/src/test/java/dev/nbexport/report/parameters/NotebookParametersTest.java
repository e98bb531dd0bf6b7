package dev.nbexport.report.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.json.Json;
import dev.nbexport.json.JsonWriter;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.problem.Problem;
import dev.nbexport.testing.TestNotebooks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotebookParametersTest {

    private static final String CELL = String.join("\n",
            "//| parameters",
            "// how many words to show",
            "int top = 10;",
            "long seed = 42L;",
            "double rate = 0.5; // a share, 0 to 1",
            "float scale = 1.5f;",
            "boolean verbose = false;",
            "char mark = '*';",
            "/* who the report",
            " * is for */",
            "String who = \"World\";",
            "LocalDate day = LocalDate.of(2024, 1, 31);",
            "java.time.LocalDateTime at = java.time.LocalDateTime.parse(\"2024-01-31T09:30\");",
            "BigDecimal price = new BigDecimal(\"12.50\");",
            "// people to greet",
            "List<String> names = List.of(\"a\", \"b\");",
            "Set<Integer> sizes = Set.of(1, 2);",
            "Integer boxed = 3;",
            "var count = 7;",
            "int[] widths = {1, 2};",
            "java.util.concurrent.TimeUnit unit = java.util.concurrent.TimeUnit.SECONDS;");

    private static NotebookParameters params(String... cells) {
        return NotebookParameters.read(TestNotebooks.of(cells), "nb.ipynb",
                name -> name.equals("java.util.concurrent.TimeUnit")
                        ? Optional.of(List.of("NANOSECONDS", "SECONDS", "MINUTES")) : Optional.empty());
    }

    private static NotebookParameters.Fitted fit(String name, RawValue value) {
        Map<String, RawValue> values = new LinkedHashMap<>();
        values.put(name, value);
        return params("# Report", CELL).fit(values);
    }

    private static String java(String name, String text) {
        NotebookParameters.Fitted f = fit(name, new RawValue.Text(text));
        assertThat(f.problems()).as(name + "=" + text).isEmpty();
        return f.values().get(0).declaration();
    }

    private static String refusal(String name, String text) {
        NotebookParameters.Fitted f = fit(name, new RawValue.Text(text));
        assertThat(f.values()).isEmpty();
        assertThat(f.problems()).hasSize(1);
        return f.problems().get(0).describe();
    }

    @Test
    void readsTypeDefaultAndTheCommentOfEachDeclaration() {
        NotebookParameters p = params("# Report", CELL);
        assertThat(p.cellIndex()).contains(1);
        assertThat(p.declared()).extracting(DeclaredParameter::name).containsExactly("top", "seed", "rate", "scale", "verbose",
                "mark", "who", "day", "at", "price", "names", "sizes", "boxed", "count", "widths", "unit");
        DeclaredParameter top = p.get("top").orElseThrow();
        assertThat(top.type().written()).isEqualTo("int");
        assertThat(top.defaultSource()).isEqualTo("10");
        assertThat(top.description()).isEqualTo("how many words to show");
        assertThat(top.line()).as("cell line, directive counted").isEqualTo(3);
        assertThat(p.get("rate").orElseThrow().description()).isEqualTo("a share, 0 to 1");
        assertThat(p.get("who").orElseThrow().description()).isEqualTo("who the report is for");
        assertThat(p.get("names").orElseThrow().description()).isEqualTo("people to greet");
        assertThat(p.get("names").orElseThrow().type()).isInstanceOf(ParameterType.Collection.class);
        assertThat(p.get("seed").orElseThrow().description()).isEmpty();
        assertThat(p.get("count").orElseThrow().type().written()).isEqualTo("int");
        assertThat(p.get("unit").orElseThrow().type()).isInstanceOf(ParameterType.Enum.class);
        assertThat(p.get("widths").orElseThrow().type()).isInstanceOf(ParameterType.Unsupported.class);
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void defaultsAreTypedJsonWhenLiteral() {
        String json = JsonWriter.write(params("# Report", CELL).defaults());
        assertThat(json).contains("\"top\": 10", "\"seed\": 42", "\"rate\": 0.5", "\"verbose\": false", "\"mark\": \"*\"",
                "\"who\": \"World\"", "\"day\": \"LocalDate.of(2024, 1, 31)\"");
        assertThat(JsonWriter.write(params("# Report", CELL).defaults().get("names"))).contains("\"a\"", "\"b\"");
    }

    @Test
    void eachTypeBecomesAJavaLiteralOfThatType() {
        assertThat(java("top", "25")).isEqualTo("int top = 25;");
        assertThat(java("top", "-3")).isEqualTo("int top = -3;");
        assertThat(java("seed", "9000000000")).isEqualTo("long seed = 9000000000L;");
        assertThat(java("rate", "0.25")).isEqualTo("double rate = 0.25;");
        assertThat(java("rate", "1e3")).isEqualTo("double rate = 1000.0;");
        assertThat(java("rate", "2")).isEqualTo("double rate = 2.0;");
        assertThat(java("scale", "0.5")).isEqualTo("float scale = 0.5f;");
        assertThat(java("verbose", "true")).isEqualTo("boolean verbose = true;");
        assertThat(java("mark", "'")).isEqualTo("char mark = '\\'';");
        assertThat(java("who", "Ada Lovelace")).isEqualTo("String who = \"Ada Lovelace\";");
        assertThat(java("day", "2025-02-28")).isEqualTo("LocalDate day = LocalDate.parse(\"2025-02-28\");");
        assertThat(java("at", "2025-02-28T10:15:30")).isEqualTo(
                "java.time.LocalDateTime at = java.time.LocalDateTime.parse(\"2025-02-28T10:15:30\");");
        assertThat(java("price", "0.10")).isEqualTo("BigDecimal price = new BigDecimal(\"0.10\");");
        assertThat(java("boxed", "4")).isEqualTo("Integer boxed = 4;");
        assertThat(java("count", "8")).isEqualTo("int count = 8;");
        assertThat(java("unit", "MINUTES")).isEqualTo(
                "java.util.concurrent.TimeUnit unit = java.util.concurrent.TimeUnit.MINUTES;");
    }

    @Test
    void listsAndSetsBecomeOfCalls() {
        NotebookParameters.Fitted f = fit("names", new RawValue.Items(List.of("Ada", "Grace \"G\""), "[Ada, Grace \"G\"]"));
        assertThat(f.values().get(0).declaration()).isEqualTo("List<String> names = List.of(\"Ada\", \"Grace \\\"G\\\"\");");
        assertThat(JsonWriter.write(f.json())).contains("\"Ada\"", "\"Grace \\\"G\\\"\"");
        assertThat(fit("sizes", new RawValue.Items(List.of("3", "4"), "[3, 4]")).values().get(0).declaration())
                .isEqualTo("Set<Integer> sizes = Set.of(3, 4);");
        assertThat(java("names", "solo")).as("one value is a list of one").isEqualTo("List<String> names = List.of(\"solo\");");
    }

    @Test
    void stringsAreEscapedSoTheValueIsExactlyWhatWasGiven() {
        assertThat(java("who", "a \"quote\" and \\ backslash")).isEqualTo("String who = \"a \\\"quote\\\" and \\\\ backslash\";");
        assertThat(java("who", "line\nbreak\ttab")).isEqualTo("String who = \"line\\nbreak\\ttab\";");
        assertThat(java("who", "C:\\users\\u0041")).as("no value becomes a unicode escape")
                .isEqualTo("String who = \"C:\\\\users\\\\u0041\";");
        assertThat(java("who", "\u0001")).isEqualTo("String who = \"\\u0001\";");
        assertThat(java("who", "Zoë, 東京")).isEqualTo("String who = \"Zoë, 東京\";");
    }

    @Test
    void aValueThatDoesNotFitIsRefusedNamingParameterValueAndType() {
        assertThat(refusal("top", "many")).contains("nb.ipynb, cell 2 (id c2), line 3", "parameter `top` is an int",
                "the value `many` is not a whole number", "Give an int: 42.");
        assertThat(refusal("top", "10.0")).contains("`10.0` is not a whole number");
        assertThat(refusal("top", "3000000000")).contains("does not fit an int", "declare the parameter long");
        assertThat(refusal("rate", "NaN")).contains("parameter `rate` is a double", "is not a number");
        assertThat(refusal("rate", "1e400")).contains("too large");
        assertThat(refusal("verbose", "yes")).contains("is not a boolean (write true or false)");
        assertThat(refusal("mark", "ab")).contains("is not one character");
        assertThat(refusal("day", "31.1.2024")).contains("is not a date in ISO form");
        assertThat(refusal("at", "2024-01-31")).contains("is not a date and time");
        assertThat(refusal("price", "12,50")).contains("is not a number");
        assertThat(refusal("unit", "HOURS")).contains("is not a constant of java.util.concurrent.TimeUnit (NANOSECONDS, SECONDS, MINUTES)");
        assertThat(refusal("widths", "1")).contains("cannot be given", "declare a List");
        assertThat(fit("sizes", new RawValue.Items(List.of("1", "1"), "[1, 1]")).problems().get(0).message())
                .contains("has `1` twice, and a Set holds each value once");
        NotebookParameters.Fitted f = fit("sizes", new RawValue.Items(List.of("1", "x"), "[1, x]"));
        assertThat(f.problems().get(0).message()).contains("has the element `x`, which is not a whole number");
        NotebookParameters.Fitted list = fit("top", new RawValue.Items(List.of("1", "2"), "[1, 2]"));
        assertThat(list.problems().get(0).message()).contains("is a list, not a single int");
    }

    @Test
    void anUnknownNameIsRefusedListingTheKnownParametersWithTheirTypes() {
        String d = refusal("tpo", "3");
        assertThat(d).contains("has no parameter `tpo` (given `3`)", "top (int)", "names (List<String>)", "day (LocalDate)");
    }

    @Test
    void withoutAParametersCellValuesAreTypedByTheirLookAndAWarningSaysSo() {
        Map<String, RawValue> values = new LinkedHashMap<>();
        values.put("n", new RawValue.Text("10"));
        values.put("big", new RawValue.Text("9000000000"));
        values.put("rate", new RawValue.Text("0.5"));
        values.put("ok", new RawValue.Text("true"));
        values.put("who", new RawValue.Text("Ada"));
        values.put("xs", new RawValue.Items(List.of("1", "2.5"), "[1, 2.5]"));
        NotebookParameters.Fitted f = params("int n = 3;").fit(values);
        assertThat(f.problems()).isEmpty();
        assertThat(f.values()).extracting(NotebookParameters.Given::declaration).containsExactly("int n = 10;",
                "long big = 9000000000L;", "double rate = 0.5;", "boolean ok = true;", "String who = \"Ada\";",
                "List<Double> xs = List.of(1.0, 2.5);");
        assertThat(f.warnings()).extracting(Problem::message).singleElement().asString()
                .contains("has no parameters cell", "injected at the top");
    }

    @Test
    void theParametersTagWorksLikeTheDirective() {
        Notebook nb = TestNotebooks.of("int a = 1;", "int n = 3;");
        nb = nb.withCell(1, nb.cells().get(1).withMetadata(Json.JsonObject.EMPTY.with("tags",
                new Json.JsonArray(List.of(Json.string("parameters"))))));
        NotebookParameters p = NotebookParameters.read(nb, "nb.ipynb", EnumLookup.NONE);
        assertThat(p.cellIndex()).contains(1);
        assertThat(p.declared()).extracting(DeclaredParameter::name).containsExactly("n");
    }

    @Test
    void aParametersCellJavacCannotReadIsAProblemAtItsLine() {
        NotebookParameters p = params("//| parameters\nint n = 3;\nint m = ;");
        assertThat(p.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.line()).isEqualTo(3);
            assertThat(pr.message()).contains("not Java declarations javac can read");
        });
    }

    @Test
    void describeListsTypesDefaultsAndComments() {
        String d = params("# Report", CELL).describe();
        assertThat(d).startsWith("nb.ipynb, cell 2 (id c2): 16 parameters");
        assertThat(d).contains("\n  top: int = 10\n      how many words to show\n",
                "\n  names: List<String> = List.of(\"a\", \"b\")\n      people to greet",
                "unit: java.util.concurrent.TimeUnit = java.util.concurrent.TimeUnit.SECONDS  (one of NANOSECONDS, SECONDS, MINUTES)",
                "widths: int[] = {1, 2}  (cannot be given: arrays are not supported");
        assertThat(params("int x = 1;").describe()).contains("no parameters cell");
    }
}
