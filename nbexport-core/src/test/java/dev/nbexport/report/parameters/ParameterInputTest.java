package dev.nbexport.report.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.NbexportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterInputTest {

    @TempDir
    Path dir;

    private static Map<String, RawValue> parse(String text) {
        return ParameterInput.parse(text, "-Dnbexport.parameters");
    }

    private static String text(RawValue v) {
        return ((RawValue.Text) v).text();
    }

    @Test
    void pairsAreSplitAtCommasAndTrimmed() {
        Map<String, RawValue> v = parse("n=10,who=Ada Lovelace, rate = 0.5 ,");
        assertThat(v.keySet()).containsExactly("n", "who", "rate");
        assertThat(text(v.get("who"))).isEqualTo("Ada Lovelace");
        assertThat(text(v.get("rate"))).isEqualTo("0.5");
        assertThat(parse("  ")).isEmpty();
    }

    @Test
    void quotesAndBackslashesKeepCommasEqualsAndSpaces() {
        Map<String, RawValue> v = parse("who=\"Lovelace, Ada\", pad=\"  x \", f=a=b, t=a\\,b\\=c\\\\, q=\"say \\\"hi\\\"\"");
        assertThat(text(v.get("who"))).isEqualTo("Lovelace, Ada");
        assertThat(text(v.get("pad"))).isEqualTo("  x ");
        assertThat(text(v.get("f"))).isEqualTo("a=b");
        assertThat(text(v.get("t"))).isEqualTo("a,b=c\\");
        assertThat(text(v.get("q"))).isEqualTo("say \"hi\"");
        assertThat(text(parse("e=").get("e"))).isEmpty();
    }

    @Test
    void bracketsMakeAList() {
        Map<String, RawValue> v = parse("names=[Ada, Grace, \"Hopper, G.\"], n=2, none=[]");
        RawValue.Items names = (RawValue.Items) v.get("names");
        assertThat(names.items()).containsExactly("Ada", "Grace", "Hopper, G.");
        assertThat(names.shown()).isEqualTo("[Ada, Grace, \"Hopper, G.\"]");
        assertThat(((RawValue.Items) v.get("none")).items()).isEmpty();
        assertThat(text(v.get("n"))).isEqualTo("2");
        assertThat(text(parse("x=\\[a]").get("x"))).isEqualTo("[a]");
    }

    @Test
    void malformedTextIsAClearError() {
        assertThatThrownBy(() -> parse("n=1,who")).isInstanceOf(NbexportException.class)
                .hasMessageContaining("-Dnbexport.parameters: `who` has no `=`");
        assertThatThrownBy(() -> parse("n=1,n=2")).hasMessageContaining("`n` is given twice");
        assertThatThrownBy(() -> parse("who=\"Ada")).hasMessageContaining("no closing `\"`");
        assertThatThrownBy(() -> parse("xs=[a, b")).hasMessageContaining("no closing `]`");
        assertThatThrownBy(() -> parse("=3")).hasMessageContaining("has no name");
    }

    @Test
    void aPomValueIsOneValue() {
        assertThat(text(ParameterInput.value(" Ada, Lovelace ", "<who>"))).isEqualTo("Ada, Lovelace");
        assertThat(((RawValue.Items) ParameterInput.value("[1, 2]", "<xs>")).items()).containsExactly("1", "2");
    }

    @Test
    void jsonAndYamlFilesHoldOneRunOrAList() throws IOException {
        Path json = Files.writeString(dir.resolve("p.json"), "{\"n\": 10, \"who\": \"Ada\", \"ok\": true, \"xs\": [1, \"b\"]}");
        List<Map<String, RawValue>> runs = ParameterInput.readFile(json, "p.json");
        assertThat(runs).hasSize(1);
        assertThat(text(runs.get(0).get("n"))).isEqualTo("10");
        assertThat(text(runs.get(0).get("ok"))).isEqualTo("true");
        assertThat(((RawValue.Items) runs.get(0).get("xs")).items()).containsExactly("1", "b");

        Path yaml = Files.writeString(dir.resolve("runs.yaml"), "- n: 1\n  who: Ada Lovelace\n- n: 2\n  day: 2024-01-31\n- n: 3\n  xs: [a, b]\n");
        runs = ParameterInput.readFile(yaml, "runs.yaml");
        assertThat(runs).hasSize(3);
        assertThat(text(runs.get(0).get("who"))).isEqualTo("Ada Lovelace");
        assertThat(text(runs.get(1).get("day"))).isEqualTo("2024-01-31");
        assertThat(((RawValue.Items) runs.get(2).get("xs")).items()).containsExactly("a", "b");
    }

    @Test
    void aTextFileHasOneRunPerLine() throws IOException {
        Path f = Files.writeString(dir.resolve("runs.txt"), "# width and top\nwidth=40, top=5\n\nwidth=80, top=10\n");
        List<Map<String, RawValue>> runs = ParameterInput.readFile(f, "runs.txt");
        assertThat(runs).hasSize(2);
        assertThat(text(runs.get(1).get("width"))).isEqualTo("80");
    }

    @Test
    void badFilesAreClearErrors() throws IOException {
        Path broken = Files.writeString(dir.resolve("b.json"), "{\"n\": }");
        assertThatThrownBy(() -> ParameterInput.readFile(broken, "b.json")).isInstanceOf(NbexportException.class)
                .hasMessageContaining("b.json").hasMessageContaining("is not valid JSON");
        Path nested = Files.writeString(dir.resolve("n.yaml"), "n: {a: 1}\n");
        assertThatThrownBy(() -> ParameterInput.readFile(nested, "n.yaml")).hasMessageContaining("the value of `n` is an object");
        Path scalar = Files.writeString(dir.resolve("s.yml"), "3\n");
        assertThatThrownBy(() -> ParameterInput.readFile(scalar, "s.yml")).hasMessageContaining("holds neither");
        assertThatThrownBy(() -> ParameterInput.readFile(dir.resolve("missing.json"), "missing.json"))
                .hasMessageContaining("cannot read the parameters file missing.json");
    }
}
