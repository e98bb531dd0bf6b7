package dev.nbexport.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.NbexportException;
import dev.nbexport.testing.KilledRun;
import dev.nbexport.testing.TestNotebooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsCommandTest {

    @TempDir
    Path project;
    Path notebooks;
    Path site;

    @BeforeEach
    void layout() throws IOException {
        notebooks = Files.createDirectories(project.resolve("notebooks"));
        site = project.resolve("target/nbexport-docs");
        TestNotebooks.write(notebooks.resolve("00_intro.ipynb"), "# Intro", "System.out.println(1);");
        Files.createDirectories(notebooks.resolve("guides"));
        TestNotebooks.write(notebooks.resolve("guides/01_use.ipynb"), "# Using it\n\nSee [intro](../00_intro.ipynb).");
    }

    private DocsResult run() {
        return run(false);
    }

    private DocsResult run(boolean strict) {
        return new DocsCommand().run(Sites.request("Test site", project, notebooks, site, project.resolve("target/nbexport/docs.index"), strict));
    }

    private String read(String path) throws IOException {
        return Files.readString(site.resolve(path), StandardCharsets.UTF_8);
    }

    @Test
    void aPagePerNotebookAtItsRelativePathAndAGeneratedHomePage() throws IOException {
        DocsResult result = run();
        assertThat(result.rendered()).containsExactly("00_intro.html", "guides/01_use.html", "index.html");
        assertThat(read("index.html")).contains("<a href=\"00_intro.html\">Intro</a>", "<h2 id=\"section-1\">guides</h2>",
                "<a href=\"guides/01_use.html\">Using it</a>");
        String guide = read("guides/01_use.html");
        assertThat(guide).contains("href=\"../00_intro.html\"", "href=\"../_assets/site.css\"", "<title>Using it · Test site</title>")
                .contains("class=\"nbx-prev\" href=\"../00_intro.html\"");
        assertThat(read("00_intro.html")).contains("class=\"nbx-next\" href=\"../guides/01_use.html\"".replace("../", ""));
        assertThat(read("search-index.js")).startsWith("window.nbxSearchDocs = ").contains("\"Using it\"");
        assertThat(site.resolve("_assets/katex/fonts/KaTeX_Main-Regular.woff2")).isRegularFile();
    }

    @Test
    void theSameNotebooksGiveTheSameBytes() throws IOException {
        run();
        Path other = project.resolve("target/other");
        new DocsCommand().run(Sites.request("Test site", project, notebooks, other, project.resolve("target/other.index"), false));
        try (var files = Files.walk(site)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(other.resolve(site.relativize(f))).as(site.relativize(f).toString()).hasSameBinaryContentAs(f);
            }
        }
        assertThat(project.resolve("target/other.index")).hasSameBinaryContentAs(project.resolve("target/nbexport/docs.index"));
    }

    @Test
    void aRunRemovesWhatAKilledRunLeftHalfWrittenInTheSiteAndBesideItsIndexAndNothingElse() throws IOException {
        run();
        List<Path> leftovers = List.of(
                Files.writeString(site.resolve("guides/" + KilledRun.leftoverOf("01_use.html")), "<!DOCTYPE"),
                Files.writeString(site.resolve(KilledRun.leftoverOf("search-index.js")), "window."),
                Files.writeString(project.resolve("target/nbexport/" + KilledRun.leftoverOf("docs.index")), "{"));
        List<Path> others = List.of(
                Files.writeString(site.resolve("guides/.01_use.html.8345127710349.tmp"), "not our name"),
                Files.writeString(project.resolve("target/nbexport/" + KilledRun.leftoverOf("export.index")), "export's to remove"),
                Files.writeString(notebooks.resolve(KilledRun.leftoverOf("00_intro.ipynb")), "not a folder of the docs"));

        DocsResult again = run();

        assertThat(again.rendered()).as("nothing changed").isEmpty();
        assertThat(leftovers).allSatisfy(file -> assertThat(file).doesNotExist());
        assertThat(others).allSatisfy(file -> assertThat(file).exists());
    }

    @Test
    void aSecondRunRendersNothingAndRewritesNothing() throws IOException {
        run();
        FileTime old = FileTime.fromMillis(978307200000L);
        Files.setLastModifiedTime(site.resolve("00_intro.html"), old);
        Files.setLastModifiedTime(site.resolve("search-index.js"), old);
        DocsResult second = run();
        assertThat(second.rendered()).isEmpty();
        assertThat(second.unchanged()).isEqualTo(3);
        assertThat(Files.getLastModifiedTime(site.resolve("00_intro.html"))).isEqualTo(old);
        assertThat(Files.getLastModifiedTime(site.resolve("search-index.js"))).isEqualTo(old);
    }

    @Test
    void aChangedNotebookRendersItsPageOnlyUnlessItsTitleChanged() {
        run();
        TestNotebooks.write(notebooks.resolve("00_intro.ipynb"), "# Intro", "System.out.println(2);");
        assertThat(run().rendered()).containsExactly("00_intro.html");
        TestNotebooks.write(notebooks.resolve("00_intro.ipynb"), "# Introduction", "System.out.println(2);");
        assertThat(run().rendered()).as("every sidebar shows the new title").containsExactly("00_intro.html", "guides/01_use.html", "index.html");
    }

    @Test
    void aDeletedPageIsNotRenderedButFileAndOnlyOurFilesAreRemoved() throws IOException {
        run();
        Files.writeString(site.resolve("notes.txt"), "mine");
        Files.delete(notebooks.resolve("guides/01_use.ipynb"));
        run();
        assertThat(site.resolve("guides/01_use.html")).doesNotExist();
        assertThat(site.resolve("notes.txt")).hasContent("mine");
        assertThat(read("index.html")).doesNotContain("01_use");
    }

    @Test
    void aNotebookWhoseStampIsKnownIsNotReadAgainAndOneWithANewStampIs() throws IOException {
        Path intro = notebooks.resolve("00_intro.ipynb");
        // a stamp (size, modification time) is trusted once it is older than two seconds
        FileTime past = FileTime.fromMillis(978307200000L);
        Files.setLastModifiedTime(intro, past);
        Files.setLastModifiedTime(notebooks.resolve("guides/01_use.ipynb"), past);
        run();
        // the same size and time, other bytes: only a stamp the index does not know makes a run read it
        byte[] broken = new byte[(int) Files.size(intro)];
        Arrays.fill(broken, (byte) '{');
        Files.write(intro, broken);
        Files.setLastModifiedTime(intro, past);
        assertThat(run().rendered()).as("the stamp vouches for the notebook: not read").isEmpty();
        Files.setLastModifiedTime(intro, FileTime.fromMillis(978307200000L + 1000));
        assertThatThrownBy(this::run).as("a new stamp: read, and found broken").isInstanceOf(NbexportException.class)
                .hasMessageContaining("00_intro.ipynb");
        TestNotebooks.write(intro, "# Intro", "System.out.println(2);");
        assertThat(run().rendered()).containsExactly("00_intro.html");
    }

    @Test
    void indexIpynbIsTheHomePage() {
        TestNotebooks.write(notebooks.resolve("index.ipynb"), "# Welcome");
        DocsResult result = run();
        assertThat(result.rendered()).containsExactly("00_intro.html", "guides/01_use.html", "index.html");
        assertThat(site.resolve("index.html")).content().contains("<h1 id=\"welcome\">Welcome</h1>", "<title>Welcome · Test site</title>");
    }

    @Test
    void projectTemplatesOverrideBlocksAndProjectCssIsLinked() throws IOException {
        Path docs = Files.createDirectories(project.resolve("src/docs/templates"));
        Files.writeString(docs.resolve("page.peb"), "{% extends \"base\" %}{% block content %}<p class=\"custom\">{{ page.title }}</p>{% endblock %}");
        Files.writeString(project.resolve("src/docs/brand.css"), "body { color: teal; }");
        run();
        assertThat(read("00_intro.html")).contains("<p class=\"custom\">Intro</p>", "<link rel=\"stylesheet\" href=\"_assets/extra/brand.css\">");
        assertThat(read("_assets/extra/brand.css")).contains("teal");
        Files.writeString(docs.resolve("page.peb"), "{% extends \"base\" %}{% block content %}<p class=\"changed\"></p>{% endblock %}");
        assertThat(run().rendered()).as("a changed template renders every page").hasSize(3);
    }

    @Test
    void strictModeFailsOnProblemsNamingNotebookAndCellAndWritesNothing() throws IOException {
        TestNotebooks.write(notebooks.resolve("02_pics.ipynb"), "# Pics\n\n![x](attachment:gone.png)");
        assertThat(run().problems()).extracting(Object::toString)
                .containsExactly("notebooks/02_pics.ipynb, cell 1 (id c1): image attachment:gone.png is not attached to the cell");
        Sites.deleteRecursively(project.resolve("target"));
        assertThatThrownBy(() -> run(true)).isInstanceOf(NbexportException.class)
                .hasMessageContaining("notebooks/02_pics.ipynb, cell 1 (id c1): image attachment:gone.png");
        assertThat(site).doesNotExist();
        assertThatThrownBy(() -> run(true)).as("an unchanged page keeps its problems").isInstanceOf(NbexportException.class);
    }

    @Test
    void aBrokenNotebookIsAnErrorNamingItAndNothingIsWritten() throws IOException {
        Files.writeString(notebooks.resolve("03_broken.ipynb"), "{ not json");
        assertThatThrownBy(this::run).isInstanceOf(NbexportException.class).hasMessageContaining("03_broken.ipynb");
        assertThat(site).doesNotExist();
    }

    @Test
    void theOutputFolderMayNotHoldTheNotebooks() {
        assertThatThrownBy(() -> new DocsCommand().run(Sites.request("t", project, notebooks, project, project.resolve("i"), false)))
                .isInstanceOf(NbexportException.class).hasMessageContaining("holds the project or its notebooks");
    }
}
