package dev.nbexport.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.docs.output.StaleOutputs;
import dev.nbexport.docs.site.ApiCatalog;
import dev.nbexport.docs.site.ApiEntry;
import dev.nbexport.docs.site.LinkResolver;
import dev.nbexport.docs.site.Page;
import dev.nbexport.docs.site.PageCell;
import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellRef;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.testing.TestNotebooks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageRendererTest {

    private static final JsonObject STDOUT = new JsonObject(Map.of("output_type", Json.string("stream"),
            "name", Json.string("stdout"), "text", Json.string("printed\n")));

    private static Page render(Notebook nb, ApiCatalog api) {
        return new PageRenderer(api).render(nb, "guides/01_x.ipynb", "notebooks/guides/01_x.ipynb", "guides/01_x.html",
                (content, ext) -> "_images/x." + ext).page();
    }

    private static Cell withOutput(Cell cell) {
        return cell.with("outputs", new JsonArray(List.of(STDOUT)));
    }

    @Test
    void directivesAndMagicsAreNotShownAndHiddenCellsAreLeftOut() {
        Notebook nb = TestNotebooks.of("# Title", "//| export\n%maven a:b:1\nint shown = 1;", "//| hide\nint secret = 2;",
                "//| test\n%jars lib.jar\nassert shown == 1;");
        Notebook tagged = nb.withCell(1, nb.cells().get(1).withSource("int x = 1;")
                .withMetadata(JsonObject.EMPTY.with("tags", new JsonArray(List.of(Json.string("hide"))))));
        Page page = render(nb, ApiCatalog.NONE);
        assertThat(page.cells()).extracting(PageCell::number).containsExactly(1, 4);
        assertThat(page.cells().get(1).html()).contains("assert").doesNotContain("%jars", "//|", ">test<");
        assertThat(render(tagged, ApiCatalog.NONE).cells()).extracting(PageCell::number).containsExactly(1, 4);
    }

    @Test
    void exportCellsShowTheirApiNotTheirSourceExportsShowBothExportiNothing() {
        ApiEntry entry = new ApiEntry(ApiEntry.Kind.METHOD, "twice", "com.acme.Twice.twice", "int twice(int x)", "", "", "twice", null);
        ApiCatalog api = new ApiCatalog() {
            @Override
            public List<ApiEntry> entries(CellRef cell) {
                return cell.notebook().equals("notebooks/guides/01_x.ipynb") && cell.number() != 4 ? List.of(entry) : List.of();
            }

            @Override
            public LinkResolver resolver() {
                return LinkResolver.NONE;
            }
        };
        Notebook nb = TestNotebooks.of("# Title", "//| export\nstatic int twice(int x) { return 2 * x; }",
                "//| exports\nstatic int thrice(int x) { return 3 * x; }", "//| exporti\nstatic int hidden() { return 0; }");
        Page page = render(nb, api);
        assertThat(page.cells()).extracting(PageCell::number).containsExactly(1, 2, 3);
        assertThat(page.cells().get(1).html()).isEmpty();
        assertThat(page.cells().get(1).api()).containsExactly(entry);
        assertThat(page.cells().get(2).html()).contains("thrice");
        assertThat(page.cells().get(2).api()).containsExactly(entry);
        assertThat(page.api()).hasSize(2);
        assertThat(render(nb, ApiCatalog.NONE).cells()).extracting(PageCell::number).containsExactly(1, 3);
    }

    @Test
    void outputsFromAnEarlierSourceAreMarkedStale() {
        Cell current = withOutput(Cell.of(CellType.CODE, "c1", "System.out.println(\"printed\");"));
        Cell fresh = current.withMetadata(JsonObject.EMPTY.with("nbexport",
                JsonObject.EMPTY.with(StaleOutputs.SOURCE_HASH_KEY, Json.string(StaleOutputs.sourceHash(current.source())))));
        Cell stale = current.withMetadata(JsonObject.EMPTY.with("nbexport",
                JsonObject.EMPTY.with(StaleOutputs.SOURCE_HASH_KEY, Json.string(StaleOutputs.sourceHash("older source")))));
        Notebook nb = Notebook.empty(TestNotebooks.JJAVA_METADATA).withCells(List.of(current, fresh, stale));
        assertThat(render(nb, ApiCatalog.NONE).cells()).extracting(PageCell::stale).containsExactly(false, false, true);
    }

    @Test
    void theTitleIsTheFirstHeadingElseTheFileName() {
        PageRenderer renderer = new PageRenderer(ApiCatalog.NONE);
        assertThat(renderer.title(TestNotebooks.of("int x = 1;", "# Real title", "# Later"), "a/01_x.ipynb")).isEqualTo("Real title");
        assertThat(renderer.title(TestNotebooks.of("int x = 1;"), "a/01_x.ipynb")).isEqualTo("01_x");
        Page page = render(TestNotebooks.of("# One\n\n## Two $x$"), ApiCatalog.NONE);
        assertThat(page.title()).isEqualTo("One");
        assertThat(page.hasMath()).isTrue();
        assertThat(page.headings()).extracting(h -> h.anchor()).containsExactly("one", "two-x");
    }

    @Test
    void rawCellsAndEmptyCodeCellsAreNotShown() {
        Notebook nb = Notebook.empty(TestNotebooks.JJAVA_METADATA).withCells(List.of(Cell.of(CellType.RAW, "r", "<script>x</script>"),
                Cell.of(CellType.CODE, "e", "//| export\n"), Cell.of(CellType.CODE, "m", "%%loadFromPOM\n<dependency/>")));
        assertThat(render(nb, ApiCatalog.NONE).cells()).isEmpty();
    }

    @Test
    void searchEntriesForThePageAndItsHeadings() {
        var rendered = new PageRenderer(ApiCatalog.NONE).render(TestNotebooks.of("# Guide", "# Usage"), "g.ipynb", "notebooks/g.ipynb",
                "g.html", (c, e) -> "x");
        assertThat(rendered.search()).extracting(s -> s.kind() + " " + s.title() + " " + s.url())
                .containsExactly("page Guide g.html", "heading Guide g.html#guide", "heading Usage g.html#usage");
    }
}
