package dev.nbexport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbexport.report.parameters.ParameterInput;
import dev.nbexport.run.worker.WorkerLaunch;
import dev.nbexport.testing.HeadlessChromium;
import dev.nbexport.testing.TestNotebooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Reports of real runs in a real browser ({@link HeadlessChromium}): the page opens from {@code file://}
 * without console errors and shows the outputs the run printed; markup a notebook prints, displays or is
 * given as a parameter value runs none of its script.
 */
class ReportInBrowserTest {

    /** Every payload sets window.nbxPwned (or opens an alert) if it ever runs. */
    private static final String PWN = "window.nbxPwned=1;alert(1)";

    @TempDir
    static Path project;

    private static WebDriver browser;
    private static Path report;
    private static Path hostile;

    @BeforeAll
    static void runReports() throws Exception {
        browser = HeadlessChromium.start();
        Path plain = TestNotebooks.write(project.resolve("notebooks/squares.ipynb"),
                "# Squares\n\nThe squares up to `n`, and a picture.",
                "//| parameters\n// how many squares\nint n = 3;",
                "for (int i = 1; i <= n; i++) System.out.println(i + \" squared is \" + i * i);",
                "var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
                        + "image.setRGB(1, 1, 0xff0000);\ndisplay(image);",
                "# Growth\n\n$n^2$ grows fast.",
                "n * n");
        String script = "<script>" + PWN + "</script>";
        Path evil = TestNotebooks.write(project.resolve("notebooks/hostile.ipynb"),
                "# Hostile " + script + " report\n\n" + script + "\n<img src=\"nope.png\" onerror=\"" + PWN + "\">\n"
                        + "<a href=\"javascript:" + PWN + "\">a link</a>",
                "//| parameters\nString who = \"World\";",
                "System.out.println(who);",
                "display(\"<b onmouseover='" + PWN + "'>bold</b>" + script + "<img src=x onerror='" + PWN + "'>"
                        + "<iframe srcdoc='" + script + "'></iframe>\", \"text/html\");",
                "display(\"<svg xmlns='http://www.w3.org/2000/svg' onload='" + PWN + "'><circle r='9'/></svg>\", \"image/svg+xml\");",
                "display(\"" + PWN + "\", \"application/javascript\");");
        List<String> progress = new ArrayList<>();
        RunSummary summary = RunCommand.run(new RunRequest(project, List.of(
                new RunSpec(plain, ParameterInput.parse("n=4", "-Dnbexport.parameters"), null),
                new RunSpec(evil, ParameterInput.parse("who=" + script + "<img src=x onerror=" + PWN + ">", "-Dnbexport.parameters"), null)),
                List.of(), List.of(), 2, Duration.ofSeconds(60), project.resolve("target/nbexport-runs"), project.resolve("target"),
                "test", WorkerLaunch.currentJava(), WorkerLaunch.DEFAULT_JVM_ARGS), progress::add);
        assertThat(summary.line()).as(String.join("\n", progress)).startsWith("2 runs: 2 completed");
        report = project.resolve("target/nbexport-runs/squares.html");
        hostile = project.resolve("target/nbexport-runs/hostile.html");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReportOpensOfflineWithoutConsoleErrorsAndShowsTheRunsOutputs() {
        HeadlessChromium.open(browser, report);
        assertThat(HeadlessChromium.consoleProblems(browser)).isEmpty();
        assertThat(browser.getTitle()).isEqualTo("Squares · notebooks/squares.ipynb");
        assertThat(browser.findElement(By.cssSelector(".nbx-run-status")).getText()).isEqualTo("completed");
        assertThat(browser.findElement(By.cssSelector(".nbx-run-parameters tr.nbx-given")).getText())
                .contains("n", "int", "4", "3", "how many squares");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("1 squared is 1", "4 squared is 16", "16")
                .doesNotContain("5 squared");
        // the picture is inline, decoded by the browser (8 pixels wide), and the math was typeset by the inlined KaTeX
        assertThat(HeadlessChromium.js(browser, "return Array.from(document.images)"
                + ".filter(i => i.src.startsWith('data:image/png') && i.complete && i.naturalWidth === 8).length"))
                .isEqualTo(1L);
        assertThat(browser.findElements(By.cssSelector(".katex"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".nbx-cell-timing"))).hasSizeGreaterThanOrEqualTo(4);
        // the theme toggle (an inlined script) works, so the page's own scripts were allowed to run
        String theme = (String) HeadlessChromium.js(browser, "return document.documentElement.getAttribute('data-theme')");
        browser.findElement(By.id("nbx-theme-toggle")).click();
        assertThat(HeadlessChromium.js(browser, "return document.documentElement.getAttribute('data-theme')")).isNotEqualTo(theme);
        browser.findElement(By.id("nbx-theme-toggle")).click();
        assertThat(HeadlessChromium.consoleProblems(browser)).isEmpty();
    }

    @Test
    void theIndexLinksBothReports() {
        HeadlessChromium.open(browser, project.resolve("target/nbexport-runs/index.html"));
        assertThat(HeadlessChromium.consoleProblems(browser)).isEmpty();
        browser.findElement(By.cssSelector("a[href='squares.html']")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/squares.html");
    }

    @Test
    void hostileMarkupInOutputsAndParametersRunsNoneOfIt() throws Exception {
        HeadlessChromium.open(browser, hostile);
        for (var bold : browser.findElements(By.xpath("//b[text()='bold']"))) {
            new Actions(browser).moveToElement(bold).perform();
        }
        Thread.sleep(1000);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(HeadlessChromium.js(browser, "return window.nbxPwned === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("iframe, object, embed, base, form"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href^='javascript'], [onerror], [onload], [onmouseover]"))).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> scripts = (List<String>) HeadlessChromium.js(browser,
                "return Array.from(document.scripts).map(s => s.getAttribute('src'))");
        assertThat(scripts).as("only the page's own inlined scripts").containsOnlyNulls();
        // what the notebook printed and the value it was given show as text
        assertThat(browser.findElement(By.cssSelector(".nbx-output-stream-stdout")).getText())
                .isEqualTo("<script>" + PWN + "</script><img src=x onerror=" + PWN + ">");
        assertThat(browser.findElement(By.cssSelector(".nbx-run-parameters")).getText()).contains("<script>" + PWN + "</script>");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("bold", "a link");
    }
}
