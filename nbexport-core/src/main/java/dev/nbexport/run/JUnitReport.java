package dev.nbexport.run;

import dev.nbexport.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a notebook's outcome as a JUnit XML report ({@code TEST-<notebook>.xml}, Surefire's format), one
 * {@code <testsuite>} per notebook and one {@code <testcase>} per code cell, so CI tools list cells as tests.
 */
final class JUnitReport {

    private JUnitReport() {}

    /** {@code notebooks/00_core.ipynb} becomes {@code TEST-notebooks.00_core.ipynb.xml}. */
    static Path file(Path reportsDir, String notebook) {
        return reportsDir.resolve("TEST-" + notebook.replace('/', '.').replace('\\', '.') + ".xml");
    }

    static void write(Path reportsDir, NotebookOutcome outcome) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long failures = outcome.cells().stream().filter(c -> c.status() == CellOutcome.Status.FAILED).count();
        long skipped = outcome.cells().stream().filter(c -> c.status() != CellOutcome.Status.PASSED
                && c.status() != CellOutcome.Status.FAILED).count();
        xml.append("<testsuite name=\"").append(escape(outcome.notebook())).append("\" tests=\"").append(outcome.cells().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(seconds(outcome.seconds())).append("\">\n");
        for (CellOutcome c : outcome.cells()) {
            xml.append("  <testcase classname=\"").append(escape(outcome.notebook())).append("\" name=\"")
                    .append(escape("cell " + c.cell().number() + (c.cell().id() == null ? "" : " (id " + c.cell().id() + ")")))
                    .append("\" time=\"").append(seconds(c.seconds())).append('"');
            switch (c.status()) {
                case PASSED -> xml.append("/>\n");
                case FAILED -> xml.append(">\n    <failure message=\"").append(escape(c.failure().lines().findFirst().orElse("")))
                        .append("\" type=\"").append(escape(c.type())).append("\">").append(escape(c.failure()))
                        .append("</failure>\n  </testcase>\n");
                default -> xml.append(">\n    <skipped message=\"")
                        .append(c.status() == CellOutcome.Status.SKIPPED ? "eval: false" : "not run: an earlier cell failed")
                        .append("\"/>\n  </testcase>\n");
            }
        }
        if (outcome.cells().isEmpty() && outcome.failed()) {
            xml.append("  <testcase classname=\"").append(escape(outcome.notebook())).append("\" name=\"notebook\" time=\"0\">\n")
                    .append("    <failure message=\"").append(escape(String.join("; ", outcome.failures()).lines().findFirst().orElse("")))
                    .append("\">").append(escape(String.join("\n", outcome.failures()))).append("</failure>\n  </testcase>\n");
        }
        xml.append("</testsuite>\n");
        AtomicFiles.writeIfChanged(file(reportsDir, outcome.notebook()), xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\n', '\t' -> out.append(c);
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD'); // XML 1.0 has no way to write control codes
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
