package dev.nbexport.export;

import static dev.nbexport.export.Notebooks.export;
import static dev.nbexport.export.Notebooks.notebook;
import static dev.nbexport.export.Notebooks.plain;
import static dev.nbexport.export.Notebooks.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.layout.GeneratedFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedCodeCompilesTest {

    @TempDir
    Path dir;

    static NotebookSource slugify() {
        return notebook("notebooks/01_slugify.ipynb", "com.acme.text.Slugify",
                plain("import static org.junit.jupiter.api.Assertions.*;"),
                export("""
                        /** Characters that separate words. */
                        static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
                        """),
                export("""
                        /**
                         * Turns a title into a URL slug.
                         *
                         * @param title any text
                         * @return lower-case words joined by dashes
                         */
                        String slugify(String title) {
                            String lower = title.toLowerCase(Locale.ROOT).strip();
                            return SEPARATORS.matcher(lower).replaceAll("-").replaceAll("^-|-$", "");
                        }
                        """),
                plain("slugify(\"Hello World\")"),
                export("""
                        /** A slug, always valid. */
                        public record Slug(String value) {
                            public Slug {
                                if (!value.equals(slugify(value))) {
                                    throw new IllegalArgumentException(value);
                                }
                            }

                            static Slug of(String title) {
                                return new Slug(slugify(title));
                            }
                        }
                        """),
                export("""
                        List<Slug> slugs(Collection<String> titles) {
                            return titles.stream().map(Slug::of).collect(Collectors.toList());
                        }

                        Map<String, Long> counts(List<String> words) {
                            Function<String, String> key = w -> slugify(w);
                            return words.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
                        }
                        """),
                export("""
                        static enum Separator {
                            DASH("-") {
                                @Override
                                String join(List<String> words) { return String.join(symbol, words); }
                            },
                            UNDERSCORE("_") {
                                @Override
                                String join(List<String> words) { return String.join(symbol, words).toUpperCase(); }
                            };

                            final String symbol;

                            Separator(String symbol) { this.symbol = symbol; }

                            abstract String join(List<String> words);
                        }
                        """),
                export("""
                        sealed interface Shape permits Circle, Square {
                            BigDecimal area();
                        }
                        record Circle(BigDecimal r) implements Shape {
                            public BigDecimal area() { return r.multiply(r).multiply(new BigDecimal("3.14")); }
                        }
                        record Square(BigDecimal side) implements Shape {
                            public BigDecimal area() { return side.multiply(side); }
                        }
                        """),
                export("""
                        String help() {
                            return \"""
                                Usage:
                                  slugify <title>
                                \""";
                        }

                        <T extends Comparable<T>> Optional<T> largest(Collection<T> items) {
                            return items.stream().max(Comparator.naturalOrder());
                        }

                        Path slugPath(Path dir, String title) throws IOException {
                            return Files.createDirectories(dir).resolve(slugify(title) + ".md");
                        }
                        """),
                test("""
                        assertEquals("hello-world", slugify("Hello, World!"));
                        assertEquals(List.of(new Slug("a"), new Slug("b-c")), slugs(List.of("A", "B c")));
                        """).named("slugify joins words with dashes"),
                test("""
                        @Test
                        void largestFindsTheMaximum() {
                            assertEquals(Optional.of(3), largest(List.of(1, 3, 2)));
                        }
                        """));
    }

    @Test
    void realisticNotebookExportsToCodeThatCompiles() {
        ExportResult result = Notebooks.export(slugify());

        assertThat(Javac.compile(result, dir)).isEmpty();
    }

    @Test
    void recordConstructorsJShellAcceptedBecomePublicWithTheRecord() {
        ExportResult result = new Exporter().export(java.util.List.of(notebook("notebooks/02_range.ipynb", "com.acme.range.Ranges",
                export("""
                        record Range(int lo, int hi) {
                            Range {
                                if (lo > hi) throw new IllegalArgumentException(lo + " > " + hi);
                            }

                            private Range(int only) {
                                this(only, only);
                            }
                        }
                        """),
                export("""
                        record Pair<A, B>(A first, B second) {
                            private Pair(A first, B second) {
                                this.first = first;
                                this.second = second;
                            }
                        }
                        """))));

        String range = result.file(GeneratedFile.Kind.MAIN, "com/acme/range/Range.java").orElseThrow().content();
        assertThat(range).contains("public record Range(int lo, int hi) {", "    public Range {", "    private Range(int only) {");
        String pair = result.file(GeneratedFile.Kind.MAIN, "com/acme/range/Pair.java").orElseThrow().content();
        assertThat(pair).contains("    public Pair(A first, B second) {");
        assertThat(Javac.compile(result, dir)).isEmpty();
    }

    @Test
    void twoTargetsReferringToEachOtherCompile() {
        NotebookSource money = notebook("notebooks/02_money.ipynb", "com.acme.money.Money",
                export("""
                        record Amount(BigDecimal value, String currency) {
                            public Amount plus(Amount other) {
                                return new Amount(value.add(other.value), currency);
                            }
                            public String show() { return format(this); }
                        }
                        """),
                export("""
                        String format(Amount a) {
                            return a.value().setScale(2, RoundingMode.HALF_UP) + " " + a.currency();
                        }
                        """).to("com.acme.money.format.Formats"),
                export("""
                        Amount parse(String text) {
                            String[] parts = text.split(" ");
                            return new Amount(new BigDecimal(parts[0]), parts[1]);
                        }
                        int SCALE = 2;
                        """),
                export("""
                        Map<String, Amount> totals(List<Amount> amounts) {
                            return amounts.stream().collect(Collectors.toMap(Amount::currency, a -> a, Amount::plus, TreeMap::new));
                        }
                        String report(List<Amount> amounts) {
                            return totals(amounts).values().stream().map(a -> format(a)).collect(Collectors.joining(", "))
                                    + " (scale " + SCALE + ")";
                        }
                        """).to("com.acme.money.format.Formats"),
                test("""
                        assertEquals("3.50 EUR", format(parse("1.5 EUR").plus(parse("2 EUR"))));
                        assertEquals("1.00 EUR, 2.00 USD (scale 2)", report(List.of(parse("2 USD"), parse("1 EUR"))));
                        """),
                test("""
                        Amount a = parse("1 EUR");
                        assertEquals(a.show(), format(a));
                        """).to("com.acme.money.format.Formats"),
                plain("import static org.junit.jupiter.api.Assertions.assertEquals;"));
        NotebookSource more = notebook("notebooks/03_more.ipynb", "com.acme.money.Money",
                export("""
                        import java.time.LocalDate;

                        record Dated(LocalDate on, Amount amount) {}
                        """));

        ExportResult result = Notebooks.export(more, money);

        assertThat(Javac.compile(result, dir)).isEmpty();
        assertThat(result.files()).extracting(GeneratedFile::relativePath).containsExactly(
                "com/acme/money/Amount.java", "com/acme/money/Dated.java", "com/acme/money/Money.java",
                "com/acme/money/format/Formats.java",
                "com/acme/money/MoneyNotebookTest.java", "com/acme/money/format/FormatsNotebookTest.java");
    }

    @Test
    void generatedTestsPassWhenRun(@TempDir Path other) throws Exception {
        ExportResult result = Notebooks.export(slugify());
        assertThat(Javac.compile(result, other)).isEmpty();

        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {
                other.resolve("classes").toUri().toURL(), other.resolve("test-classes").toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> tests = loader.loadClass("com.acme.text.SlugifyNotebookTest");
            var constructor = tests.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object instance = constructor.newInstance();
            for (var method : tests.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Test.class)) {
                    method.setAccessible(true);
                    method.invoke(instance);
                }
            }
        }
    }
}
