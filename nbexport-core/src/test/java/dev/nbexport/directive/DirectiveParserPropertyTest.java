package dev.nbexport.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.nbexport.notebook.CellRef;
import dev.nbexport.problem.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class DirectiveParserPropertyTest {

    static final CellRef CELL = new CellRef("notebooks/p.ipynb", 2, "c0ffee");

    // --- directives come back whatever the syntax ---

    @Test
    void directivesRoundTripInEverySyntax() {
        qt().withExamples(1000).forAll(directiveSets(), longs().all())
                .checkAssert((directives, seed) -> directivesRoundTrip(directives, new Random(seed)));
    }

    private static void directivesRoundTrip(Map<Directive, String> directives, Random random) {
        List<String> lines = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (Map.Entry<Directive, String> e : directives.entrySet()) {
            if (random.nextInt(3) == 0) {
                tags.add(tag(e.getKey(), e.getValue(), random));
            } else {
                lines.add(commentLine(e.getKey(), e.getValue(), random));
            }
        }
        Collections.shuffle(lines, random);
        Collections.shuffle(tags, random);
        StringBuilder source = new StringBuilder();
        for (String line : lines) {
            source.append(random.nextInt(4) == 0 ? whitespace(random) + "\n" : "").append(line).append('\n');
        }
        source.append("int x = 1;\n");

        CellDirectives d = DirectiveParser.standard().parse(source.toString(), tags, CELL);

        assertThat(d.problems()).isEmpty();
        Map<Directive, String> parsed = new EnumMap<>(Directive.class);
        d.directives().forEach(f -> parsed.put(f.directive(), f.value()));
        assertThat(parsed).isEqualTo(directives);
        assertThat(d.javaLines()).endsWith("int x = 1;", "");
    }

    static Gen<Map<Directive, String>> directiveSets() {
        Gen<String> className = qualifiedClassNames();
        Gen<Optional<Directive>> exportKind = arbitrary()
                .pick(Directive.EXPORT, Directive.EXPORTI, Directive.EXPORTS, Directive.TEST).toOptionals(70);
        Gen<Map<Directive, String>> exports = className.toOptionals(50).zip(exportKind,
                className.mix(arbitrary().constant("")), identifiers().toOptionals(50),
                (defaultExp, kind, target, testName) -> {
                    Map<Directive, String> m = new EnumMap<>(Directive.class);
                    defaultExp.ifPresent(v -> m.put(Directive.DEFAULT_EXP, v));
                    kind.ifPresent(k -> m.put(k, k == Directive.TEST ? testName.orElse("") : target));
                    return m;
                });
        Gen<Map<Directive, String>> flags = booleans().all().zip(arbitrary().pick("true", "false").toOptionals(50),
                booleans().all(), arbitrary().pick("check", "ignore").toOptionals(50),
                (hide, eval, parameters, output) -> {
                    Map<Directive, String> m = new EnumMap<>(Directive.class);
                    if (hide) {
                        m.put(Directive.HIDE, "");
                    }
                    eval.ifPresent(v -> m.put(Directive.EVAL, v));
                    if (parameters) {
                        m.put(Directive.PARAMETERS, "");
                    }
                    output.ifPresent(v -> m.put(Directive.OUTPUT, v));
                    return m;
                });
        return exports.zip(flags, (a, b) -> {
            Map<Directive, String> m = new EnumMap<>(Directive.class);
            m.putAll(a);
            m.putAll(b);
            return m;
        });
    }

    static Gen<String> identifiers() {
        List<Character> chars = new ArrayList<>();
        for (char c = 'a'; c <= 'z'; c++) {
            chars.add(c);
            chars.add(Character.toUpperCase(c));
        }
        chars.add('_');
        chars.add('$');
        return lists().of(arbitrary().pick(chars)).ofSizeBetween(1, 8)
                .map(cs -> {
                    StringBuilder sb = new StringBuilder();
                    cs.forEach(sb::append);
                    return sb.toString();
                })
                .assuming(s -> JavaNames.rejectIdentifier(s) == null);
    }

    static Gen<String> qualifiedClassNames() {
        return lists().of(identifiers()).ofSizeBetween(2, 4).map(parts -> String.join(".", parts))
                .assuming(s -> JavaNames.rejectQualifiedClassName(s) == null);
    }

    private static String commentLine(Directive d, String value, Random random) {
        String ws = whitespace(random);
        String head = whitespace(random) + "//|" + (random.nextBoolean() ? " " : "") + ws + d.key();
        if (value.isEmpty()) {
            return head + whitespace(random);
        }
        switch (random.nextInt(3)) {
            case 0:
                return head + " " + whitespace(random) + value + whitespace(random);
            case 1:
                return head + ":" + whitespace(random) + value + whitespace(random);
            default:
                return head + whitespace(random) + ": " + value;
        }
    }

    private static String tag(Directive d, String value, Random random) {
        if (value.isEmpty()) {
            return d.key();
        }
        return d.key() + (random.nextBoolean() ? ":" : "=") + value;
    }

    private static String whitespace(Random random) {
        return " \t  ".substring(0, random.nextInt(4)).repeat(random.nextInt(2));
    }

    // --- the Java code and the line map give back every other line ---

    @Test
    void javaCodeAndLineMapReproduceEveryNonDirectiveNonMagicLine() {
        qt().withExamples(1000).forAll(headers(), bodies(), booleans().all())
                .checkAssert(DirectiveParserPropertyTest::javaCodeAndLineMapReproduce);
    }

    private static void javaCodeAndLineMapReproduce(List<String> header, List<String> body, boolean crlf) {
        List<String> cell = new ArrayList<>(header);
        cell.add("first();");
        cell.addAll(body);
        String source = String.join(crlf ? "\r\n" : "\n", cell);

        CellDirectives d = DirectiveParser.standard().parse(source, List.of(), CELL);

        List<String> expectedJava = new ArrayList<>();
        List<Integer> expectedLines = new ArrayList<>();
        List<Integer> magicLines = new ArrayList<>();
        for (int i = 0; i < cell.size(); i++) {
            String line = cell.get(i);
            String t = line.stripLeading();
            boolean inHeader = i < header.size();
            if (inHeader && t.startsWith("//|") || !inHeader && t.startsWith("%%")) {
                continue;
            }
            if (!inHeader && t.length() > 1 && t.charAt(0) == '%' && isWordChar(t.charAt(1))) {
                magicLines.add(i + 1);
                continue;
            }
            expectedJava.add(line);
            expectedLines.add(i + 1);
        }
        assertThat(d.javaLines()).isEqualTo(expectedJava);
        assertThat(d.javaCode()).isEqualTo(String.join("\n", expectedJava));
        List<Integer> mapped = new ArrayList<>();
        for (int j = 1; j <= d.javaLineCount(); j++) {
            mapped.add(d.cellLine(j));
            assertThat(cell.get(d.cellLine(j) - 1)).isEqualTo(d.javaLines().get(j - 1));
        }
        assertThat(mapped).isEqualTo(expectedLines);
        assertThat(d.magics()).extracting(Magic::line).isEqualTo(magicLines);
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    static Gen<List<String>> headers() {
        return lists().of(arbitrary().pick("//| export", "//| hide", "  ", "", "//|eval: false", "//| label: x", "//| exprot"))
                .ofSizeBetween(0, 6);
    }

    static Gen<List<String>> bodies() {
        Gen<String> anything = strings().allPossible().ofLengthBetween(0, 25)
                .map(t -> t.replace('\n', ' ').replace('\r', ' '));
        Gen<String> lineMagic = arbitrary().pick("", "  ", "\t")
                .zip(arbitrary().pick("maven", "jars", "load", "classpath", "time"), arbitrary().pick("", " a:b:1", " x.jar"),
                        (indent, name, args) -> indent + "%" + name + args);
        Gen<String> special = arbitrary().pick("", "   ", "//| export", "  //| hide", "%%time", "% 2;", "%",
                "// comment", "int y = 2;", "\"%d\".formatted(1);");
        Gen<String> line = integers().between(0, 6).zip(anything, lineMagic, special,
                (pick, a, m, sp) -> pick < 3 ? a : pick < 5 ? m : sp);
        return lists().of(line).ofSizeBetween(0, 12);
    }

    // --- never throws, whatever the input ---

    @Test
    void neverThrowsAndProblemsPointIntoTheCell() {
        qt().withExamples(2000).forAll(sources(), tagLists())
                .checkAssert(DirectiveParserPropertyTest::neverThrows);
    }

    private static void neverThrows(String source, List<String> tags) {
        CellDirectives d = DirectiveParser.standard().parse(source, tags, CELL);

        int cellLines = source.split("\n", -1).length;
        int previous = 0;
        for (int j = 1; j <= d.javaLineCount(); j++) {
            assertThat(d.cellLine(j)).isGreaterThan(previous).isLessThanOrEqualTo(cellLines);
            previous = d.cellLine(j);
        }
        assertThat(d.javaLines()).hasSize(d.javaLineCount());
        for (Problem p : d.problems()) {
            assertThat(p.line()).isBetween(0, cellLines);
            assertThat(p.column()).isGreaterThanOrEqualTo(0);
            assertThat(p.toString()).startsWith(CELL.toString());
            assertThat(p.hint()).isNotBlank();
        }
        assertThat(d.magics()).allSatisfy(m -> assertThat(m.line()).isBetween(1, cellLines));
    }

    static Gen<String> sources() {
        Gen<String> token = arbitrary().pick("//|", "//| ", "%", "%%", "\n", "\r\n", "\r", ":", "=", " ", "\t", "export",
                        "exporti", "test", "eval", "false", "hide", "default_exp", "com.acme.X", "output", "check",
                        "fig-cap", "label", "- ", "//", "class", "é", "\u2028", "\uD83D\uDE00", "\uD800")
                .mix(strings().allPossible().ofLengthBetween(0, 5));
        return lists().of(token).ofSizeBetween(0, 40).map(l -> String.join("", l))
                .mix(strings().allPossible().ofLengthBetween(0, 60), 20);
    }

    static Gen<List<String>> tagLists() {
        return lists().of(arbitrary().pick("export", "test", "hide", "eval:false", "eval=x", "default_exp", "output:check",
                        "export:bad name", "parameters", "injected-parameters", ":", "=", "", " export ")
                .mix(strings().allPossible().ofLengthBetween(0, 10))).ofSizeBetween(0, 5);
    }
}
