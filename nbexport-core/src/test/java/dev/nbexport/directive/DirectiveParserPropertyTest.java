package dev.nbexport.directive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.notebook.CellRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DirectiveParserPropertyTest {

    static final CellRef CELL = new CellRef("notebooks/p.ipynb", 2, "c0ffee");

    // --- directives come back whatever the syntax ---

    @Property
    void directivesRoundTripInEverySyntax(@ForAll("directiveSets") Map<Directive, String> directives,
                                          @ForAll Random random) {
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

    @Provide
    Arbitrary<Map<Directive, String>> directiveSets() {
        Arbitrary<String> className = qualifiedClassNames();
        Arbitrary<Directive> exportKind = Arbitraries.of(Directive.EXPORT, Directive.EXPORTI, Directive.EXPORTS,
                Directive.TEST);
        return Combinators.combine(
                className.injectNull(0.5),
                exportKind.injectNull(0.3),
                Arbitraries.oneOf(className, Arbitraries.just("")),
                identifiers().injectNull(0.5),
                Arbitraries.of(true, false),
                Arbitraries.of("true", "false").injectNull(0.5),
                Arbitraries.of(true, false),
                Arbitraries.of("check", "ignore").injectNull(0.5)
        ).as((defaultExp, kind, target, testName, hide, eval, parameters, output) -> {
            Map<Directive, String> m = new EnumMap<>(Directive.class);
            if (defaultExp != null) {
                m.put(Directive.DEFAULT_EXP, defaultExp);
            }
            if (kind == Directive.TEST) {
                m.put(kind, testName == null ? "" : testName);
            } else if (kind != null) {
                m.put(kind, target);
            }
            if (hide) {
                m.put(Directive.HIDE, "");
            }
            if (eval != null) {
                m.put(Directive.EVAL, eval);
            }
            if (parameters) {
                m.put(Directive.PARAMETERS, "");
            }
            if (output != null) {
                m.put(Directive.OUTPUT, output);
            }
            return m;
        });
    }

    static Arbitrary<String> identifiers() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars('_', '$')
                .ofMinLength(1).ofMaxLength(8)
                .map(s -> Character.isJavaIdentifierStart(s.charAt(0)) ? s : "a" + s)
                .filter(s -> JavaNames.rejectIdentifier(s) == null);
    }

    static Arbitrary<String> qualifiedClassNames() {
        return identifiers().list().ofMinSize(2).ofMaxSize(4).map(parts -> String.join(".", parts))
                .filter(s -> JavaNames.rejectQualifiedClassName(s) == null);
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

    @Property
    void javaCodeAndLineMapReproduceEveryNonDirectiveNonMagicLine(
            @ForAll("headers") List<String> header, @ForAll("bodies") List<String> body, @ForAll boolean crlf) {
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

    @Provide
    Arbitrary<List<String>> headers() {
        return Arbitraries.of("//| export", "//| hide", "  ", "", "//|eval: false", "//| label: x", "//| exprot")
                .list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<String>> bodies() {
        Arbitrary<String> anything = Arbitraries.strings().excludeChars('\n', '\r').ofMaxLength(25);
        Arbitrary<String> lineMagic = Combinators.combine(Arbitraries.of("", "  ", "\t"),
                Arbitraries.of("maven", "jars", "load", "classpath", "time"),
                Arbitraries.of("", " a:b:1", " x.jar"))
                .as((indent, name, args) -> indent + "%" + name + args);
        Arbitrary<String> special = Arbitraries.of("", "   ", "//| export", "  //| hide", "%%time", "% 2;", "%",
                "// comment", "int y = 2;", "\"%d\".formatted(1);");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, anything),
                net.jqwik.api.Tuple.of(2, lineMagic),
                net.jqwik.api.Tuple.of(2, special)).list().ofMaxSize(12);
    }

    // --- never throws, whatever the input ---

    @Property(tries = 2000)
    void neverThrowsAndProblemsPointIntoTheCell(@ForAll("sources") String source, @ForAll("tagLists") List<String> tags) {
        CellDirectives d = DirectiveParser.standard().parse(source, tags, CELL);

        int cellLines = source.split("\n", -1).length;
        int previous = 0;
        for (int j = 1; j <= d.javaLineCount(); j++) {
            assertThat(d.cellLine(j)).isGreaterThan(previous).isLessThanOrEqualTo(cellLines);
            previous = d.cellLine(j);
        }
        assertThat(d.javaLines()).hasSize(d.javaLineCount());
        for (DirectiveProblem p : d.problems()) {
            assertThat(p.line()).isBetween(0, cellLines);
            assertThat(p.column()).isGreaterThanOrEqualTo(0);
            assertThat(p.message()).startsWith(CELL.toString());
            assertThat(p.hint()).isNotBlank();
        }
        assertThat(d.magics()).allSatisfy(m -> assertThat(m.line()).isBetween(1, cellLines));
    }

    @Provide
    Arbitrary<String> sources() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("//|", "//| ", "%", "%%", "\n", "\r\n", "\r", ":", "=", " ", "\t", "export", "exporti",
                        "test", "eval", "false", "hide", "default_exp", "com.acme.X", "output", "check", "fig-cap",
                        "label", "- ", "//", "class", "é", "\u2028", "\uD83D\uDE00", "\uD800"),
                Arbitraries.strings().ofMaxLength(5));
        return Arbitraries.oneOf(token.list().ofMaxSize(40).map(l -> String.join("", l)), Arbitraries.strings());
    }

    @Provide
    Arbitrary<List<String>> tagLists() {
        return Arbitraries.oneOf(
                Arbitraries.of("export", "test", "hide", "eval:false", "eval=x", "default_exp", "output:check",
                        "export:bad name", "parameters", "injected-parameters", ":", "=", "", " export "),
                Arbitraries.strings().ofMaxLength(10)).list().ofMaxSize(5);
    }
}
