package dev.nbexport.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.NbexportException;
import dev.nbexport.testing.TestNotebooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API sections of the site: what a reader of the pages of an exporting project sees and clicks. */
class DocsApiTest {

    private static final String SLUGIFY = """
            //| export
            /**
             * The slug of a title: lowercase letters and digits joined by dashes; see {@link #isSlug(String)}.
             *
             * <p>{@code slugify("A b")} is {@code "a-b"}.
             *
             * @param title any text
             * @return the slug, never {@code null}
             * @throws IllegalArgumentException when {@code title} is blank
             */
            public static String slugify(String title) {
                if (title.isBlank()) {
                    throw new IllegalArgumentException("blank");
                }
                return title.toLowerCase().replace(' ', '-');
            }""";

    private static final String IS_SLUG = """
            //| export
            /** Whether {@code s} is a slug already. */
            public static boolean isSlug(String s) {
                return s.equals(slugify(s));
            }""";

    private static final String INTERNAL = """
            //| exporti
            public static String internalHelper(String s) {
                return s.trim();
            }""";

    @TempDir
    Path project;
    Path notebooks;
    Path site;

    @BeforeEach
    void layout() throws IOException {
        notebooks = Files.createDirectories(project.resolve("notebooks"));
        site = project.resolve("target/nbexport-docs");
    }

    private void slugifyNotebook(String... more) {
        String[] cells = new String[4 + more.length];
        cells[0] = "# Slugify";
        cells[1] = "//| default_exp com.acme.Slugify";
        cells[2] = SLUGIFY;
        cells[3] = IS_SLUG;
        System.arraycopy(more, 0, cells, 4, more.length);
        TestNotebooks.write(notebooks.resolve("00_slugify.ipynb"), cells);
    }

    private DocsResult run(boolean strict) {
        return new DocsCommand().run(Sites.request("Acme", project, notebooks, site, project.resolve("target/nbexport/docs.index"), strict));
    }

    private String read(String path) throws IOException {
        return Files.readString(site.resolve(path), StandardCharsets.UTF_8);
    }

    /** The HTML of the cell with anchor {@code cell-n}, up to the next cell. */
    private static String cell(String page, int n) {
        int start = page.indexOf("id=\"cell-" + n + "\"");
        assertThat(start).as("cell %d is on the page", n).isNotNegative();
        int end = page.indexOf("<div class=\"nbx-cell ", start);
        return end < 0 ? page.substring(start) : page.substring(start, end);
    }

    @Test
    void anExportedCellIsFollowedByItsApiWithSignatureAndRenderedJavadoc() throws IOException {
        slugifyNotebook();
        DocsResult result = run(false);
        assertThat(result.problems()).isEmpty();
        String entry = cell(read("00_slugify.html"), 3);
        assertThat(entry).contains("id=\"api-Slugify.slugify\"", "<span class=\"nbx-api-name\">slugify</span>(")
                .contains("title=\"java.lang.String\">String</a> title)</code>")
                .contains("The slug of a title: lowercase letters and digits joined by dashes")
                .contains("<code>slugify(&#34;A b&#34;)</code>", "any text", "the slug, never <code>null</code>")
                .contains("IllegalArgumentException", "when <code>title</code> is blank")
                .doesNotContain("{@code", "{@link", "@param", "@return");
        assertThat(entry).as("{@link #isSlug(String)} goes to the entry of the next cell")
                .containsPattern("<a class=\"api-link\" href=\"00_slugify.html#api-Slugify.isSlug\"[^>]*>");
        assertThat(cell(read("00_slugify.html"), 4)).contains("id=\"api-Slugify.isSlug\"", "Whether <code>s</code> is a slug already.");
    }

    @Test
    void theLinkToTheGeneratedFileLandsOnTheDeclarationsLineWhichLinksBackToTheCell() throws IOException {
        slugifyNotebook();
        run(false);
        String page = read("00_slugify.html");
        Matcher source = Pattern.compile("class=\"nbx-api-source\" href=\"(_source/com/acme/Slugify\\.java\\.html)#L(\\d+)\"")
                .matcher(cell(page, 3));
        assertThat(source.find()).as("the slugify entry links to its generated line").isTrue();
        String generated = read(source.group(1));
        Matcher line = Pattern.compile("<span class=\"nbx-line\" id=\"L" + source.group(2) + "\">(.*)</span>").matcher(generated);
        assertThat(line.find()).isTrue();
        String lineText = line.group(1).replaceAll("<[^>]+>", "");
        assertThat(lineText).as("line %s of the generated file", source.group(2)).contains("public static String slugify(String title)");
        // the generated file's marker line of the cell links to the cell on its page; the entry links to its cell too
        assertThat(generated).contains("class=\"nbx-source-cell\" href=\"../../../00_slugify.html#cell-3\"");
        assertThat(cell(page, 3)).contains("<a class=\"nbx-api-cell\" href=\"#cell-3\">cell 3</a>");
        // the file on disk is the same, line for line
        assertThat(project.resolve("src/main/java")).as("the docs goal writes no source").doesNotExist();
    }

    @Test
    void exportiMembersAreNeitherListedNorLinkedNorReported() throws IOException {
        slugifyNotebook(INTERNAL, "# Usage\n\nThe cleaner is `Slugify.internalHelper`.", "String s = Slugify.internalHelper(\" a \");");
        DocsResult result = run(false);
        assertThat(result.problems()).as("an exporti member exists; it just has no entry").isEmpty();
        String page = read("00_slugify.html");
        assertThat(page).doesNotContain("api-Slugify.internalHelper").doesNotContain("public static String internalHelper");
        assertThat(cell(page, 6)).contains("<code>Slugify.internalHelper</code>").doesNotContain("href=\"#api-Slugify.internalHelper");
        assertThat(read("api.html")).doesNotContain("internalHelper");
    }

    @Test
    void theApiIndexPageListsEveryPublicTypeAndMemberOfEveryNotebook() throws IOException {
        slugifyNotebook(INTERNAL);
        TestNotebooks.write(notebooks.resolve("01_slug.ipynb"), "# Slug values", """
                //| export com.acme.Slug
                /** A slug. */
                public record Slug(String value) {
                    /** The slug of {@code title}. */
                    public static Slug of(String title) {
                        return new Slug(Slugify.slugify(title));
                    }
                    private static int secret() {
                        return 1;
                    }
                }""");
        run(false);
        String index = read("api.html");
        assertThat(index).contains("<a href=\"00_slugify.html#api-Slugify\"><code>com.acme.Slugify</code></a>",
                "<a href=\"00_slugify.html#api-Slugify.slugify\"><code>com.acme.Slugify.slugify</code></a>",
                "<a href=\"00_slugify.html#api-Slugify.isSlug\"><code>com.acme.Slugify.isSlug</code></a>",
                "<a href=\"01_slug.html#api-Slug\"><code>com.acme.Slug</code></a>",
                "<a href=\"01_slug.html#api-Slug.of\"><code>com.acme.Slug.of</code></a>");
        assertThat(index).doesNotContain("secret", "internalHelper");
        assertThat(read("00_slugify.html")).as("the sidebar links the index page").contains("href=\"api.html\"");
        // the code of another notebook links to the entry where it is defined
        assertThat(read("01_slug.html")).doesNotContain("id=\"api-Slug.secret\"");
        assertThat(read("search-index.js")).contains("Slug.of");
    }

    @Test
    void identifiersInCodeAndBacktickNamesLinkToTheirEntriesAndUnknownNamesStayPlain() throws IOException {
        slugifyNotebook();
        TestNotebooks.write(notebooks.resolve("01_use.ipynb"),
                "# Using it\n\nCall `Slugify.slugify` (or `isSlug`); `List.of` and `x + 1` are plain code.",
                "String s = Slugify.slugify(\"A b\");\nString t = Other.slugify(s);\nList<String> all = List.of(s);");
        DocsResult result = run(false);
        assertThat(result.problems()).isEmpty();
        String page = read("01_use.html");
        String markdown = cell(page, 1);
        assertThat(markdown).containsPattern("<a [^>]*href=\"00_slugify.html#api-Slugify.slugify\"[^>]*><code>Slugify.slugify</code></a>")
                .containsPattern("<a [^>]*href=\"00_slugify.html#api-Slugify.isSlug\"[^>]*><code>isSlug</code></a>")
                .contains("<code>List.of</code>", "<code>x &#43; 1</code>").doesNotContain("href=\"#api-");
        String code = cell(page, 2);
        assertThat(code).containsPattern("<a [^>]*href=\"00_slugify.html#api-Slugify\"[^>]*>Slugify</a>")
                .containsPattern("<a [^>]*href=\"00_slugify.html#api-Slugify.slugify\"[^>]*>slugify</a>");
        assertThat(code.split("00_slugify.html#api-Slugify.slugify", -1)).as("Other.slugify is not our slugify").hasSize(2);
        assertThat(code).doesNotContainPattern("<a [^>]*>List</a>");
    }

    @Test
    void backtickNamesAreReadTheWayJavaDocsWriteThem() throws IOException {
        slugifyNotebook("""
                //| export
                /** The slug, at most {@code max} characters long. */
                public static String slugify(String title, int max) {
                    return slugify(title).substring(0, Math.min(max, title.length()));
                }""", "# Names\n\n`Slugify#isSlug`, `slugify(String, int)`, `com.acme.Slugify`, and the file `Slugify.java`.");
        DocsResult result = run(false);
        assertThat(result.problems()).as("a file name is not a member").isEmpty();
        String names = cell(read("00_slugify.html"), 6);
        assertThat(names).contains("href=\"00_slugify.html#api-Slugify.isSlug\" title=\"method Slugify.isSlug(String)\"><code>Slugify#isSlug</code>")
                .contains("href=\"00_slugify.html#api-Slugify.slugify-2\" title=\"method Slugify.slugify(String, int)\"><code>slugify(String, int)</code>")
                .contains("href=\"00_slugify.html#api-Slugify\" title=\"class Slugify\"><code>com.acme.Slugify</code>")
                .contains("<code>Slugify.java</code>").doesNotContain("<code>Slugify.java</code></a>");
    }

    @Test
    void aBacktickNameThatStartsLikeApiButResolvesToNothingIsAWarningAndAnErrorInStrictMode() {
        slugifyNotebook("# Typo\n\nSee `Slugify.slugfy`.");
        DocsResult result = run(false);
        assertThat(result.problems()).hasSize(1).first().asString()
                .contains("notebooks/00_slugify.ipynb, cell 5 (id c5)", "Slugify.slugfy");
        Sites.deleteRecursively(project.resolve("target"));
        assertThatThrownBy(() -> run(true)).isInstanceOf(NbexportException.class)
                .hasMessageContaining("notebooks/00_slugify.ipynb, cell 5 (id c5)").hasMessageContaining("Slugify.slugfy");
        assertThat(site).doesNotExist();
    }

    @Test
    void notebooksThatDoNotExportAreReportedOnEveryRunAndFailStrictModeUntilTheyExport() {
        TestNotebooks.write(notebooks.resolve("00_slugify.ipynb"), "# Slugify", "//| default_exp Slugify", SLUGIFY);
        DocsResult first = run(false);
        assertThat(first.problems()).extracting(Object::toString).singleElement().asString()
                .contains("notebooks/00_slugify.ipynb, cell 2", "no API sections, the notebooks do not export", "Slugify");
        DocsResult second = run(false);
        assertThat(second.rendered()).as("nothing changed").isEmpty();
        assertThat(second.problems()).extracting(Object::toString).as("the same warning, from the index")
                .isEqualTo(first.problems().stream().map(Object::toString).toList());
        assertThatThrownBy(() -> run(true)).isInstanceOf(NbexportException.class)
                .hasMessageContaining("notebooks/00_slugify.ipynb, cell 2").hasMessageContaining("no API sections");
        slugifyNotebook();
        DocsResult fixed = run(false);
        assertThat(fixed.problems()).isEmpty();
        assertThat(fixed.rendered()).contains("00_slugify.html", "_source/com/acme/Slugify.java.html");
    }

    @Test
    void aBrokenJavadocLinkIsAWarningNamingTheNotebookCellAndLineNotACrash() throws IOException {
        slugifyNotebook("""
                //| export
                /**
                 * Shorter than {@link #slugify(String)}.
                 * Same as {@link #nothingHere}.
                 */
                public static String shorten(String s) {
                    return s;
                }""");
        DocsResult result = run(false);
        assertThat(result.problems()).hasSize(1).first().asString()
                .contains("notebooks/00_slugify.ipynb, cell 5 (id c5), line 4", "{@link #nothingHere}", "shorten");
        assertThat(cell(read("00_slugify.html"), 5)).contains("id=\"api-Slugify.shorten\"", "Same as <code>nothingHere</code>");
        Sites.deleteRecursively(project.resolve("target"));
        assertThatThrownBy(() -> run(true)).isInstanceOf(NbexportException.class).hasMessageContaining("{@link #nothingHere}");
    }

    @Test
    void javadocHtmlIsSanitisedLikeEveryOtherHtmlOfTheSite() throws IOException {
        slugifyNotebook("""
                //| export
                /**
                 * <b>Bold</b> and <script>window.pwned = 1</script> a <a href="javascript:alert(1)">link</a>,
                 * <img src="x.png" onerror="alert(2)"> and <p id="cell-1" onclick="alert(3)">a paragraph</p>.
                 */
                public static String hostile(String s) {
                    return s;
                }""");
        run(false);
        String section = cell(read("00_slugify.html"), 5);
        String entry = section.substring(0, section.indexOf("</section>"));
        assertThat(entry).contains("id=\"api-Slugify.hostile\"", "<b>Bold</b>", "a paragraph")
                .doesNotContain("<script", "window.pwned", "javascript:", "onerror", "onclick", "id=\"cell-1\"");
    }

    @Test
    void changingOneNotebooksApiRendersThePagesThatLinkToIt() {
        slugifyNotebook();
        TestNotebooks.write(notebooks.resolve("01_use.ipynb"), "# Using it\n\nCall `Slugify.slugify`.");
        TestNotebooks.write(notebooks.resolve("02_other.ipynb"), "# Other\n\nNothing about slugs.");
        run(false);
        assertThat(run(false).rendered()).as("nothing changed").isEmpty();
        TestNotebooks.write(notebooks.resolve("00_slugify.ipynb"), "# Slugify", "//| default_exp com.acme.Slugify",
                SLUGIFY.replace("String title", "CharSequence title"), IS_SLUG);
        assertThat(run(false).rendered()).as("slugify changed: its page, the page naming it, the generated file")
                .contains("00_slugify.html", "01_use.html", "_source/com/acme/Slugify.java.html").doesNotContain("02_other.html");
    }
}
