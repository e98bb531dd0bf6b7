package dev.nbexport.docs;

import dev.nbexport.io.FileStamp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's static files, every one from the classpath, so the site needs no network: nbexport's
 * own CSS and scripts, lunr (search) and KaTeX (math) from their webjars.
 *
 * <p>Math is rendered in the page by KaTeX's own script, not at build time: the JDK has no
 * JavaScript engine, and bundling one (GraalJS) would add tens of megabytes to the plugin to save
 * pages with math a few milliseconds. The TeX source stays in the page, readable without script.
 * Only KaTeX's {@code woff2} fonts are copied: every browser that runs KaTeX reads them, and its CSS
 * lists them first.
 */
public final class SiteAssets {

    private static final String OWN = "dev/nbexport/docs/assets/";
    // the webjars' versions are the ones on the classpath (managed in the parent POM), read from their jars
    private static final String KATEX = "META-INF/resources/webjars/katex/" + webjarVersion("katex") + "/dist/";
    private static final String LUNR = "META-INF/resources/webjars/lunr/" + webjarVersion("lunr") + "/";
    private static final Pattern WOFF2 = Pattern.compile("url\\(fonts/([A-Za-z0-9_\\-]+\\.woff2)\\)");

    private SiteAssets() {}

    /** Site path ({@code _assets/site.css}) to bytes, in a fixed order; {@code nbexport:run}'s report inlines them. */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : new String[] {"site.css", "site.js", "theme.js"}) {
            files.put("_assets/" + name, resource(OWN + name));
        }
        files.put("_assets/lunr.min.js", resource(LUNR + "lunr.min.js"));
        byte[] css = resource(KATEX + "katex.min.css");
        files.put("_assets/katex/katex.min.css", css);
        files.put("_assets/katex/katex.min.js", resource(KATEX + "katex.min.js"));
        Matcher fonts = WOFF2.matcher(new String(css, StandardCharsets.UTF_8));
        while (fonts.find()) {
            files.putIfAbsent("_assets/katex/fonts/" + fonts.group(1), resource(KATEX + "fonts/" + fonts.group(1)));
        }
        return files;
    }

    /**
     * Which build of nbexport makes these files (and the search index): the jar this class is in, with
     * its stamp, and the webjars' folders; {@code ""} when that is not a jar (classes in a folder),
     * and so not known. A run of the same build need not read the assets again to know their bytes.
     */
    public static String buildKey() {
        try {
            CodeSource source = SiteAssets.class.getProtectionDomain().getCodeSource();
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            if (jar == null || !Files.isRegularFile(jar)) {
                return "";
            }
            return jar + "\t" + FileStamp.of(jar) + "\t" + KATEX + "\t" + LUNR;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return "";
        }
    }

    private static String webjarVersion(String artifact) {
        java.util.Properties properties = new java.util.Properties();
        try (InputStream in = SiteAssets.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " webjar is not on nbexport's classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = SiteAssets.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing from nbexport's classpath: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
