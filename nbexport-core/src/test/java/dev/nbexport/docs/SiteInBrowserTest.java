package dev.nbexport.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonArray;
import dev.nbexport.json.Json.JsonObject;
import dev.nbexport.notebook.Cell;
import dev.nbexport.notebook.CellType;
import dev.nbexport.notebook.Notebook;
import dev.nbexport.notebook.NotebookWriter;
import dev.nbexport.testing.HeadlessChromium;
import dev.nbexport.testing.TestNotebooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The built site in a real browser ({@link HeadlessChromium}), over pages opened from {@code file://}.
 * Screenshots go to {@code target/site-screenshots/} for review.
 */
class SiteInBrowserTest {

    private static final Path SHOTS = Sites.repository().resolve("nbexport-core/target/site-screenshots");

    private static WebDriver browser;
    private static Path docsSite;
    private static Path hostileSite;
    private static Path exampleSite;

    @BeforeAll
    static void start() throws IOException {
        browser = HeadlessChromium.start();
        docsSite = Sites.build("docs", Sites.repository().resolve("docs"), Sites.repository().resolve("docs")).site();
        hostileSite = Sites.build("hostile", writeHostileProject(), hostileNotebooks()).site();
        exampleSite = Sites.build("example", Sites.repository().resolve("example-project"),
                Sites.repository().resolve("example-project/notebooks")).site();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(Path page) {
        HeadlessChromium.open(browser, page);
    }

    private static Object js(String script, Object... arguments) {
        return HeadlessChromium.js(browser, script, arguments);
    }

    /** Clicks like a reader: scrolled to the middle of the window first, clear of the sticky top bar. */
    private static void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static List<String> consoleProblems() {
        return HeadlessChromium.consoleProblems(browser);
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    @Test
    void everyDocsPageLoadsWithoutConsoleErrors() throws IOException {
        for (String page : List.of("index.html", "01_export_and_check.html", "02_notebooks_in_git.html", "05_docs_site.html")) {
            open(docsSite.resolve(page));
            assertThat(consoleProblems()).as(page).isEmpty();
            assertThat(browser.findElements(By.cssSelector(".nbx-sidebar a"))).as(page).hasSizeGreaterThanOrEqualTo(4);
        }
        screenshot("docs-05_docs_site");
    }

    @Test
    void searchFindsAHeadingAndLeadsToIt() {
        open(docsSite.resolve("index.html"));
        WebElement input = browser.findElement(By.id("nbx-search-input"));
        input.sendKeys("live preview");
        WebElement first = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> d.findElements(By.cssSelector("#nbx-search-results a")).stream().findFirst().orElse(null));
        List<String> results = browser.findElements(By.cssSelector("#nbx-search-results a")).stream().map(WebElement::getText).toList();
        assertThat(results).anySatisfy(r -> assertThat(r).containsIgnoringCase("heading").containsIgnoringCase("live preview"));
        browser.findElements(By.cssSelector("#nbx-search-results a")).stream()
                .filter(a -> a.getText().toLowerCase().contains("heading")).findFirst().orElse(first).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("05_docs_site.html#"));
        assertThat(consoleProblems()).isEmpty();
    }

    @Test
    void anApiLinkInCodeLeadsToTheEntryWhoseSourceLinkLeadsToTheGeneratedLineAndBackToTheCell() throws IOException {
        open(exampleSite.resolve("00_slugify.html"));
        WebElement call = browser.findElements(By.cssSelector("pre.code a.api-link")).stream()
                .filter(a -> a.getText().equals("slugify")).findFirst().orElseThrow();
        click(call);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("00_slugify.html#api-Slugify.slugify"));
        WebElement entry = browser.findElement(By.id("api-Slugify.slugify"));
        assertThat(entry.findElement(By.className("nbx-api-signature")).getText()).contains("public static String slugify(String title)");
        assertThat(entry.findElement(By.className("nbx-api-doc")).getText()).contains("The slug of a title", "slugify(\"Crème Brûlée: 10 Recipes!\")").doesNotContain("{@code");
        assertThat(js("return document.querySelector(':target').id")).isEqualTo("api-Slugify.slugify");
        screenshot("example-api-entry");

        WebElement source = entry.findElement(By.className("nbx-api-source"));
        String line = source.getAttribute("href").replaceAll(".*#L", "");
        click(source);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("_source/") && d.getCurrentUrl().endsWith("#L" + line));
        WebElement target = browser.findElement(By.id("L" + line));
        assertThat(target.getText()).contains("public static String slugify(String title)");
        assertThat(js("return document.querySelector(':target').id")).isEqualTo("L" + line);
        assertThat(consoleProblems()).isEmpty();
        screenshot("example-generated-source");

        // the marker line before it links back to the cell the declaration was written in
        @SuppressWarnings("unchecked")
        List<String> cellLinks = (List<String>) js("const lines = Array.from(document.querySelectorAll('.nbx-line'));"
                + "const at = lines.findIndex(l => l.id === 'L" + line + "');"
                + "return lines.slice(0, at).filter(l => l.querySelector('a.nbx-source-cell')).map(l => l.querySelector('a.nbx-source-cell').href);");
        assertThat(cellLinks).isNotEmpty();
        browser.get(cellLinks.get(cellLinks.size() - 1));
        String cellId = browser.getCurrentUrl().replaceAll(".*#", "");
        assertThat(cellId).startsWith("cell-");
        WebElement cell = browser.findElement(By.id(cellId));
        assertThat(cell.findElements(By.id("api-Slugify.slugify"))).as("the cell whose entry we came from").hasSize(1);
        assertThat(consoleProblems()).isEmpty();
    }

    @Test
    void searchFindsAnApiEntry() {
        open(exampleSite.resolve("index.html"));
        browser.findElement(By.id("nbx-search-input")).sendKeys("wrap");
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> !d.findElements(By.cssSelector("#nbx-search-results a")).isEmpty());
        WebElement api = browser.findElements(By.cssSelector("#nbx-search-results a")).stream()
                .filter(a -> a.getText().toLowerCase().contains("api")).findFirst().orElseThrow();
        click(api);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("01_wordwrap.html#api-"));
        String id = browser.getCurrentUrl().replaceAll(".*#", "");
        assertThat(browser.findElement(By.id(id)).getAttribute("class")).contains("nbx-api-entry");
        assertThat(consoleProblems()).isEmpty();
    }

    @Test
    void theThemeFollowsTheToggleAndStaysChosen() throws IOException {
        open(docsSite.resolve("05_docs_site.html"));
        String before = (String) js("return document.documentElement.getAttribute('data-theme')");
        String background = (String) js("return getComputedStyle(document.documentElement).backgroundColor");
        browser.findElement(By.id("nbx-theme-toggle")).click();
        String after = (String) js("return document.documentElement.getAttribute('data-theme')");
        assertThat(before).isIn("light", "dark");
        assertThat(after).isNotEqualTo(before).isIn("light", "dark");
        assertThat((String) js("return getComputedStyle(document.documentElement).backgroundColor")).isNotEqualTo(background);
        screenshot("docs-05_docs_site-" + after);
        open(docsSite.resolve("index.html"));
        assertThat(js("return document.documentElement.getAttribute('data-theme')")).as("kept across pages").isEqualTo(after);
        browser.findElement(By.id("nbx-theme-toggle")).click(); // back, for the other tests
    }

    @Test
    void mathIsRenderedByTheBundledKatex() throws IOException {
        open(docsSite.resolve("05_docs_site.html"));
        assertThat(browser.findElements(By.cssSelector("span.math-inline .katex"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("span.math-display .katex-display"))).isNotEmpty();
        assertThat(consoleProblems()).isEmpty();
        js("document.getElementById('math').scrollIntoView()");
        screenshot("docs-05_docs_site-math-and-outputs");
    }

    @Test
    void aNotebookFullOfHostileHtmlRunsNoneOfIt() throws Exception {
        open(hostileSite.resolve("00_hostile.html"));
        // give event handlers, image errors and timers their chance, and trigger the interactive ones
        new Actions(browser).moveToElement(browser.findElement(By.xpath("//b[text()='bold']"))).perform();
        browser.findElement(By.tagName("summary")).click();
        Thread.sleep(1000);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(js("return window.nbxPwned === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("iframe, object, embed, base, form, style:not([id]), meta[http-equiv]:not([http-equiv='Content-Security-Policy'])")))
                .isEmpty();
        @SuppressWarnings("unchecked")
        List<String> scripts = (List<String>) js("return Array.from(document.scripts).map(s => s.getAttribute('src'))");
        assertThat(scripts).allSatisfy(src -> assertThat(src).matches("(search-index|_assets/[a-z/.]+)\\.js"));
        assertThat(browser.findElements(By.cssSelector("a[href^='javascript'], [onerror], [onload], [onmouseover]"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".nbx-output-image img, .nbx-cell-markdown img[src^='_images/']"))).hasSize(2);
        // a stream that prints markup shows it as text
        assertThat(browser.findElement(By.cssSelector(".nbx-output-stream-stdout")).getText())
                .isEqualTo("<script>window.nbxPwned=1;alert(1)</script>red");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("md output", "a link", "bold");
        screenshot("hostile");
        // and the site's own controls still work
        String theme = (String) js("return document.documentElement.getAttribute('data-theme')");
        browser.findElement(By.id("nbx-theme-toggle")).click();
        assertThat(js("return document.documentElement.getAttribute('data-theme')")).isNotEqualTo(theme);
        browser.findElement(By.id("nbx-theme-toggle")).click();
    }

    // -- the hostile notebook ------------------------------------------------------------------

    private static Path hostileProject() {
        return Sites.repository().resolve("nbexport-core/target/sites-src/hostile");
    }

    private static Path hostileNotebooks() {
        return hostileProject().resolve("notebooks");
    }

    /** Every payload sets window.nbxPwned (or opens an alert) if it ever runs. */
    private static Path writeHostileProject() throws IOException {
        Files.createDirectories(hostileNotebooks());
        String pwn = "window.nbxPwned=1;alert(1)";
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"" + pwn + "\"><script>" + pwn + "</script><circle r=\"9\"/></svg>";
        Cell markdown = Cell.of(CellType.MARKDOWN, "m1", String.join("\n",
                "# Hostile <script>" + pwn + "</script> notebook",
                "",
                "<script>" + pwn + "</script>",
                "<img src=\"nope.png\" onerror=\"" + pwn + "\">",
                "<svg><script>" + pwn + "</script></svg>",
                "<iframe srcdoc=\"<script>parent." + pwn + "</script>\"></iframe>",
                "<object data=\"data:text/html,<script>" + pwn + "</script>\"></object>",
                "<a href=\"javascript:" + pwn + "\" id=\"nbx-theme-toggle\">a link</a>",
                "<base href=\"javascript:" + pwn + "//\">",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:" + pwn + "\">",
                "<style>body { display: none }</style>",
                "<details open ontoggle=\"" + pwn + "\"><summary>s</summary>d</details>",
                "",
                "[md link](javascript:" + pwn + ") and ![svg](attachment:evil.svg)",
                "",
                "Math: $\\href{javascript:" + pwn.replace(";", "") + "}{click}$ and $x^2$"))
                .with("attachments", new JsonObject(Map.of("evil.svg", new JsonObject(Map.of("image/svg+xml",
                        Json.string(Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8))))))));
        Cell code = Cell.of(CellType.CODE, "c1", "display(evil)").with("outputs", new JsonArray(List.of(
                output("display_data", Map.of("text/html", "<b onmouseover=\"" + pwn + "\">bold</b><script>" + pwn + "</script>"
                        + "<img src=x onerror=\"" + pwn + "\"><form action=\"javascript:" + pwn + "\"><button>go</button></form>")),
                output("display_data", Map.of("image/svg+xml", svg)),
                output("display_data", Map.of("application/javascript", pwn)),
                output("display_data", Map.of("text/markdown", "<script>" + pwn + "</script>**md output**")),
                new JsonObject(Map.of("output_type", Json.string("stream"), "name", Json.string("stdout"),
                        "text", Json.string("<script>" + pwn + "</script>\u001b[31mred\u001b[0m\n"))))));
        Notebook nb = Notebook.empty(TestNotebooks.JJAVA_METADATA.with("title", Json.string("<script>" + pwn + "</script>")))
                .withCells(List.of(markdown, code));
        NotebookWriter.write(nb, hostileNotebooks().resolve("00_hostile.ipynb"));
        return hostileProject();
    }

    private static JsonObject output(String type, Map<String, String> data) {
        Map<String, Json> bundle = new java.util.LinkedHashMap<>();
        data.forEach((k, v) -> bundle.put(k, Json.string(v)));
        return new JsonObject(Map.of("output_type", Json.string(type), "metadata", JsonObject.EMPTY, "data", new JsonObject(bundle)));
    }

}
