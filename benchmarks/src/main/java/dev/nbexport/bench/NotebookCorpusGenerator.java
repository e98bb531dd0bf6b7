package dev.nbexport.bench;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonNumber;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes N JJava notebooks of realistic library code for benchmarks: each has 30 code cells with a
 * markdown cell before every other one; 15 code cells are exported (records, generic classes, enums,
 * interfaces, javadoc'd static methods with lambdas and streams, fields, one {@code exporti}), about
 * 120 exported lines; the other 15 are kernel statements with outputs, two of them {@code //| test}
 * cells. Notebook {@code i} exports to {@code com.acme.gen.nb<i>.Catalog<i>}, so notebooks never
 * clash. The same seed gives the same bytes.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.nbexport.bench.NotebookCorpusGenerator /tmp/nbs 1000 42
 * </pre>
 */
public final class NotebookCorpusGenerator {

    /** Code cells per notebook. */
    public static final int CODE_CELLS = 30;
    /** Exported code cells per notebook. */
    public static final int EXPORTED_CELLS = 15;

    private static final JsonObject JJAVA_METADATA = JsonObject.EMPTY
            .with("kernelspec", JsonObject.EMPTY
                    .with("display_name", Json.string("Java (jjava)"))
                    .with("language", Json.string("java"))
                    .with("name", Json.string("java")))
            .with("language_info", JsonObject.EMPTY
                    .with("codemirror_mode", Json.string("java"))
                    .with("file_extension", Json.string(".jshell"))
                    .with("mimetype", Json.string("text/x-java-source"))
                    .with("name", Json.string("Java"))
                    .with("pygments_lexer", Json.string("java"))
                    .with("version", Json.string("17.0.9+9")));

    private static final List<String> NOUNS = List.of("Order", "Invoice", "Sensor", "Track", "Word", "Route",
            "Ticket", "Parcel", "Account", "Meter", "Sample", "Lesson", "Recipe", "Shelf", "Signal", "Budget",
            "Voyage", "Planet", "Garden", "Stanza", "Batch", "Ledger", "Vertex", "Chord", "Badge", "Harbor",
            "Quota", "Relay", "Tariff", "Beacon");

    private NotebookCorpusGenerator() {
    }

    /** {@code main(folder, count, seed)}: writes {@code count} notebooks into {@code folder}. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: NotebookCorpusGenerator <folder> <notebooks> <seed>");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        List<Path> written = write(folder, Integer.parseInt(args[1]), Long.parseLong(args[2]));
        System.out.println("wrote " + written.size() + " notebooks to " + folder);
    }

    /** Writes {@code count} notebooks {@code nb0000.ipynb}, … into {@code folder} (created if needed). */
    public static List<Path> write(Path folder, int count, long seed) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Path file = folder.resolve(String.format(Locale.ROOT, "nb%04d.ipynb", i));
            NotebookWriter.write(notebook(i, seed), file);
            files.add(file);
        }
        return files;
    }

    /** Notebook number {@code index} of the corpus with {@code seed}. */
    public static Notebook notebook(int index, long seed) {
        Random random = new Random(seed * 1_000_003L + index);
        List<String> nouns = new ArrayList<>(NOUNS);
        Collections.shuffle(nouns, random);
        String pkg = String.format(Locale.ROOT, "com.acme.gen.nb%04d", index);
        String target = String.format(Locale.ROOT, "Catalog%04d", index);
        Gen g = new Gen(random, nouns);

        List<String[]> exported = List.of(
                g.record(0), g.genericClass(1), g.enumType(2), g.streamMethod(3), g.interfaceType(4),
                g.fieldAndMethod(5), g.boundedGeneric(6), g.builderClass(7), g.switchMethod(8),
                g.comparableRecord(9), g.groupingMethod(10), g.exportiHelper(11), g.comparatorClass(12),
                g.functionField(13), g.abstractClass(14));
        List<Cell> cells = new ArrayList<>();
        int id = 0;
        int count = 1;
        cells.add(markdown(index, id++, "# " + target + "\n\nUtilities for " + nouns.get(0).toLowerCase(Locale.ROOT)
                + "s, written in JJava and exported with nbexport."));
        for (int c = 0; c < CODE_CELLS; c++) {
            String source;
            boolean export = c % 2 == 1;
            if (c == 0) {
                source = "//| default_exp " + pkg + "." + target + "\n%maven com.google.guava:guava:33.0.0-jre\n";
            } else if (export) {
                source = exported.get(c / 2)[0];
            } else if (c == 10 || c == 22) {
                source = g.testCell(c == 10 ? 0 : 9);
            } else {
                source = g.statements(c / 2 % EXPORTED_CELLS);
            }
            if (c % 2 == 0 && c > 0) {
                String[] about = exported.get(Math.min(c / 2, 14));
                cells.add(markdown(index, id++, "## " + about[1] + "\n\nThe next cells show how to use it. "
                        + "Markdown cells like this one become the documentation site."));
            }
            Cell cell = Cell.of(CellType.CODE, cellId(index, id++), source);
            // a fifth of the exported cells are tagged from JupyterLab's UI instead of a comment
            if (export && c > 0 && c % 5 == 1) {
                String text = source.replaceFirst("^//\\| export\n", "");
                cell = cell.withSource(text).withMetadata(JsonObject.EMPTY
                        .with("tags", new JsonArray(List.of(Json.string("export")))));
            }
            cell = cell.with("execution_count", JsonNumber.of(count++));
            if (!export && c != 10 && c != 22) {
                cell = cell.with("outputs", new JsonArray(List.of(JsonObject.EMPTY
                        .with("output_type", Json.string("execute_result"))
                        .with("execution_count", JsonNumber.of(count - 1))
                        .with("metadata", JsonObject.EMPTY)
                        .with("data", JsonObject.EMPTY.with("text/plain", Json.string(g.output()))))));
            }
            cells.add(cell);
        }
        return Notebook.empty(JJAVA_METADATA).withCells(cells);
    }

    private static Cell markdown(int notebook, int id, String text) {
        return Cell.of(CellType.MARKDOWN, cellId(notebook, id), text);
    }

    private static String cellId(int notebook, int cell) {
        // Jupyter's ids are 8 random hex digits; an odd multiplier mod 2^32 keeps these unique
        return String.format(Locale.ROOT, "%08x", ((long) notebook * 64 + cell) * 2654435761L & 0xffffffffL);
    }

    /** Cell sources; {@code [0]} the source, {@code [1]} a title for the markdown cell. */
    private static final class Gen {
        private final Random random;
        private final List<String> nouns;

        Gen(Random random, List<String> nouns) {
            this.random = random;
            this.nouns = nouns;
        }

        private String n(int i) {
            return nouns.get(i);
        }

        private String v(int i) {
            return n(i).toLowerCase(Locale.ROOT);
        }

        private int num() {
            return 2 + random.nextInt(97);
        }

        String[] record(int i) {
            return new String[] {"//| export\n"
                    + "/**\n * One " + v(i) + " with a positive weight.\n *\n * @param name what it is called\n"
                    + " * @param weight how much it counts\n */\n"
                    + "record " + n(i) + "(String name, int weight) {\n"
                    + "    public " + n(i) + " {\n"
                    + "        Objects.requireNonNull(name, \"name\");\n"
                    + "        if (weight <= 0) throw new IllegalArgumentException(\"weight \" + weight);\n"
                    + "    }\n}\n", "record " + n(i)};
        }

        String[] genericClass(int i) {
            return new String[] {"//| export\n"
                    + "/** A value of {@code T} tagged with a " + v(i) + " label. */\n"
                    + "class " + n(i) + "Box<T> {\n"
                    + "    private final T value;\n"
                    + "    private final String label;\n\n"
                    + "    " + n(i) + "Box(T value, String label) {\n"
                    + "        this.value = value;\n        this.label = label;\n    }\n\n"
                    + "    <R> " + n(i) + "Box<R> map(Function<? super T, ? extends R> f) {\n"
                    + "        return new " + n(i) + "Box<>(f.apply(value), label);\n    }\n\n"
                    + "    T value() { return value; }\n}\n", "class " + n(i) + "Box"};
        }

        String[] enumType(int i) {
            return new String[] {"//| export\n"
                    + "enum " + n(i) + "Kind {\n"
                    + "    SMALL(" + num() + "), MEDIUM(" + (100 + num()) + "), LARGE(" + (1000 + num()) + ");\n\n"
                    + "    private final int limit;\n\n"
                    + "    " + n(i) + "Kind(int limit) { this.limit = limit; }\n\n"
                    + "    static " + n(i) + "Kind of(int size) {\n"
                    + "        return Arrays.stream(values()).filter(k -> size <= k.limit).findFirst().orElse(LARGE);\n"
                    + "    }\n}\n", "enum " + n(i) + "Kind"};
        }

        String[] streamMethod(int i) {
            return new String[] {"//| export\n"
                    + "/**\n * The names of the heaviest {@code n} " + v(0) + "s, heaviest first.\n */\n"
                    + "List<String> heaviest(Collection<" + n(0) + "> items, int n) {\n"
                    + "    return items.stream()\n"
                    + "            .sorted(Comparator.comparingInt(" + n(0) + "::weight).reversed())\n"
                    + "            .limit(n)\n"
                    + "            .map(" + n(0) + "::name)\n"
                    + "            .collect(Collectors.toList());\n}\n", "heaviest"};
        }

        String[] interfaceType(int i) {
            return new String[] {"//| export\n"
                    + "interface " + n(i) + "Source {\n"
                    + "    /** The next " + v(i) + ", or empty at the end. */\n"
                    + "    Optional<String> next();\n\n"
                    + "    default Stream<String> stream() {\n"
                    + "        return Stream.generate(this::next).takeWhile(Optional::isPresent).map(Optional::get);\n"
                    + "    }\n}\n", "interface " + n(i) + "Source"};
        }

        String[] fieldAndMethod(int i) {
            return new String[] {"//| export\n"
                    + "static final Map<String, Integer> " + n(i).toUpperCase(Locale.ROOT) + "_WEIGHTS = Map.of(\n"
                    + "        \"light\", " + num() + ", \"normal\", " + (100 + num()) + ", \"heavy\", " + (200 + num()) + ");\n\n"
                    + "int weightOf(String kind) {\n"
                    + "    return " + n(i).toUpperCase(Locale.ROOT) + "_WEIGHTS.getOrDefault(kind.toLowerCase(), 0);\n}\n",
                "weights"};
        }

        String[] boundedGeneric(int i) {
            return new String[] {"//| export\n"
                    + "/** The largest element, or {@code fallback} when {@code xs} is empty. */\n"
                    + "<T extends Comparable<? super T>> T largest(List<T> xs, T fallback) {\n"
                    + "    T best = fallback;\n"
                    + "    for (T x : xs) {\n"
                    + "        if (best == null || x.compareTo(best) > 0) best = x;\n"
                    + "    }\n"
                    + "    return best;\n}\n", "largest"};
        }

        String[] builderClass(int i) {
            return new String[] {"//| export\n"
                    + "final class " + n(i) + "Query {\n"
                    + "    private final List<Predicate<" + n(0) + ">> filters = new ArrayList<>();\n"
                    + "    private int limit = " + (10 + num()) + ";\n\n"
                    + "    " + n(i) + "Query where(Predicate<" + n(0) + "> p) {\n"
                    + "        filters.add(p);\n        return this;\n    }\n\n"
                    + "    " + n(i) + "Query limit(int max) {\n        this.limit = max;\n        return this;\n    }\n\n"
                    + "    List<" + n(0) + "> run(List<" + n(0) + "> all) {\n"
                    + "        Predicate<" + n(0) + "> all_ = filters.stream().reduce(x -> true, Predicate::and);\n"
                    + "        return all.stream().filter(all_).limit(limit).toList();\n    }\n}\n",
                "class " + n(i) + "Query"};
        }

        String[] switchMethod(int i) {
            return new String[] {"//| export\n"
                    + "String describe(" + n(2) + "Kind kind) {\n"
                    + "    return switch (kind) {\n"
                    + "        case SMALL -> \"a small " + v(i) + "\";\n"
                    + "        case MEDIUM -> \"a medium " + v(i) + "\";\n"
                    + "        case LARGE -> \"a large " + v(i) + "\";\n"
                    + "    };\n}\n", "describe"};
        }

        String[] comparableRecord(int i) {
            return new String[] {"//| export\n"
                    + "record " + n(i) + "(String key, double score) implements Comparable<" + n(i) + "> {\n"
                    + "    @Override\n"
                    + "    public int compareTo(" + n(i) + " other) {\n"
                    + "        return Double.compare(score, other.score);\n    }\n\n"
                    + "    " + n(i) + " scaled(double factor) { return new " + n(i) + "(key, score * factor); }\n}\n",
                "record " + n(i)};
        }

        String[] groupingMethod(int i) {
            return new String[] {"//| export\n"
                    + "Map<" + n(2) + "Kind, List<" + n(0) + ">> byKind(List<" + n(0) + "> items) {\n"
                    + "    return items.stream().collect(Collectors.groupingBy(\n"
                    + "            it -> " + n(2) + "Kind.of(it.weight()), () -> new EnumMap<>(" + n(2) + "Kind.class),\n"
                    + "            Collectors.toList()));\n}\n", "byKind"};
        }

        String[] exportiHelper(int i) {
            return new String[] {"//| exporti\n"
                    + "// package-private: the tests use it, users should not\n"
                    + "static String normalise(String s) {\n"
                    + "    return s.strip().replaceAll(\"\\\\s+\", \" \").toLowerCase();\n}\n", "normalise"};
        }

        String[] comparatorClass(int i) {
            return new String[] {"//| export\n"
                    + "import java.util.concurrent.ConcurrentHashMap;\n\n"
                    + "class " + n(i) + "Ranking {\n"
                    + "    static final Comparator<" + n(9) + "> BY_SCORE = Comparator.comparingDouble(" + n(9) + "::score);\n\n"
                    + "    private final Map<String, " + n(9) + "> best = new ConcurrentHashMap<>();\n\n"
                    + "    void offer(" + n(9) + " s) {\n"
                    + "        best.merge(s.key(), s, BinaryOperator.maxBy(BY_SCORE));\n    }\n\n"
                    + "    List<" + n(9) + "> top() {\n"
                    + "        return best.values().stream().sorted(BY_SCORE.reversed()).toList();\n    }\n}\n",
                "class " + n(i) + "Ranking"};
        }

        String[] functionField(int i) {
            return new String[] {"//| export\n"
                    + "import java.time.Duration;\n\n"
                    + "static final Function<String, String> SLUG = s -> normalise(s).replace(' ', '-');\n\n"
                    + "/** Seconds as a readable duration, e.g. {@code 90} → {@code 1m30s}. */\n"
                    + "String readable(long seconds) {\n"
                    + "    Duration d = Duration.ofSeconds(seconds);\n"
                    + "    return d.toMinutes() + \"m\" + d.toSecondsPart() + \"s\";\n}\n", "readable"};
        }

        String[] abstractClass(int i) {
            return new String[] {"//| export\n"
                    + "abstract class " + n(i) + "Handler<E extends Exception> {\n"
                    + "    abstract void handle(String line) throws E;\n\n"
                    + "    final int handleAll(BufferedReader in) throws IOException, E {\n"
                    + "        int n = 0;\n"
                    + "        for (String line = in.readLine(); line != null; line = in.readLine()) {\n"
                    + "            handle(line);\n            n++;\n        }\n"
                    + "        return n;\n    }\n}\n", "class " + n(i) + "Handler"};
        }

        String statements(int i) {
            int k = num();
            return switch (i % 4) {
                case 0 -> "var items = List.of(new " + n(0) + "(\"a\", " + k + "), new " + n(0) + "(\"b\", " + (k + 3) + "));\n"
                        + "heaviest(items, 1)";
                case 1 -> "var box = new " + n(1) + "Box<>(" + k + ", \"n\");\nbox.map(x -> x * 2).value()";
                case 2 -> "%%time\n" + n(2) + "Kind.of(" + (k * 7) + ")";
                default -> "System.out.println(readable(" + (k * 13) + "));\ndescribe(" + n(2) + "Kind.of(" + k + "))";
            };
        }

        String testCell(int i) {
            return "//| test " + v(i) + "Basics\n"
                    + "var a = new " + n(0) + "(\"x\", " + num() + ");\n"
                    + "if (!heaviest(List.of(a), 1).equals(List.of(\"x\"))) throw new AssertionError(\"heaviest\");\n"
                    + "if (weightOf(\"nothing\") != 0) throw new AssertionError(\"weightOf\");\n";
        }

        String output() {
            return Arrays.asList("[a]", "84", "SMALL", "1m30s", "a small thing").get(random.nextInt(5));
        }
    }
}
