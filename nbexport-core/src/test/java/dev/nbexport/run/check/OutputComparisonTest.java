package dev.nbexport.run.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OutputComparisonTest {

    private final OutputComparison comparison = new OutputComparison(Normalisers.standard(Path.of("/home/ada/project"), List.of()), false);

    static JsonObject result(String mime, String text) {
        return JsonObject.EMPTY.with("data", JsonObject.EMPTY.with(mime, Json.string(text)))
                .with("metadata", JsonObject.EMPTY).with("output_type", Json.string("execute_result"));
    }

    static JsonObject stream(String name, String text) {
        return JsonObject.EMPTY.with("name", Json.string(name)).with("output_type", Json.string("stream")).with("text", Json.string(text));
    }

    @Test
    void equalOutputsHaveNoDiffAndADifferenceIsAUnifiedDiff() {
        assertThat(comparison.diff(List.of(result("text/plain", "[1, 2]")), List.of(result("text/plain", "[1, 2]")))).isEmpty();
        assertThat(comparison.diff(List.of(result("text/plain", "[1, 2]")), List.of(result("text/plain", "[1, 3]")))).hasValue("""
                --- stored
                +++ fresh
                @@ -1,2 +1,2 @@
                 [execute_result text/plain]
                -[1, 2]
                +[1, 3]""");
    }

    @Test
    void hashCodesJShellNamesUuidsTimestampsAndProjectPathsAreNormalised() {
        assertThat(comparison.diff(
                List.of(result("text/plain", "REPL.$JShell$12$Foo@1b6d3586 $1 at 2024-01-02T10:11:12.345Z id 123e4567-e89b-12d3-a456-426614174000 in /home/ada/project/data.csv")),
                List.of(result("text/plain", "REPL.$JShell$40$Foo@7f31245a $7 at 2026-12-01T22:01:02Z id 9b2f1c7e-0000-4000-8000-000000000001 in /home/ada/project/data.csv"))))
                .isEmpty();
    }

    @Test
    void adjacentStreamWritesCompareAsOneAndStreamsAreTold() {
        assertThat(comparison.diff(List.of(stream("stdout", "a\nb\n")), List.of(stream("stdout", "a\n"), stream("stdout", "b\n")))).isEmpty();
        assertThat(comparison.diff(List.of(stream("stdout", "a\n")), List.of(stream("stderr", "a\n")))).isPresent();
    }

    @Test
    void htmlIsComparedWithoutWhitespaceBetweenTagsAndImagesOnlyWhenAsked() {
        assertThat(comparison.diff(List.of(result("text/html", "<ul>\n  <li>a</li>\n</ul>")), List.of(result("text/html", "<ul><li>a</li></ul>")))).isEmpty();
        JsonObject png1 = result("image/png", "iVBORw0KGgo=");
        JsonObject png2 = result("image/png", "iVBORw0KGgp=");
        assertThat(comparison.diff(List.of(png1), List.of(png2))).isEmpty();
        assertThat(new OutputComparison(Normalisers.only(List.of()), true).diff(List.of(png1), List.of(png2))).isPresent();
    }

    @Test
    void errorsCompareByNameAndValueNotTraceback() {
        JsonObject a = JsonObject.EMPTY.with("ename", Json.string("RuntimeException")).with("evalue", Json.string("x, y"))
                .with("output_type", Json.string("error")).with("traceback", new Json.JsonArray(List.of(Json.string("one"))));
        JsonObject b = a.with("traceback", new Json.JsonArray(List.of(Json.string("two"))));
        assertThat(comparison.diff(List.of(a), List.of(b))).isEmpty();
        assertThat(comparison.diff(List.of(a), List.of(b.with("evalue", Json.string("x, z"))))).isPresent();
    }

    @Test
    void projectReplacementsApplyAfterTheStandardOnes() {
        var custom = new OutputComparison(Normalisers.standard(Path.of("/p"),
                List.of(new Normalisers.Replacement(Pattern.compile("took \\d+ ms"), "took <n> ms"))), false);
        assertThat(custom.diff(List.of(stream("stdout", "took 12 ms\n")), List.of(stream("stdout", "took 977 ms\n")))).isEmpty();
    }
}
