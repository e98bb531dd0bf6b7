package dev.nbexport.docs.template;

import dev.nbexport.NbexportException;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The site's HTML templates, rendered by Pebble: {@code base} (the page skeleton, with blocks
 * {@code title}, {@code head}, {@code sidebar}, {@code content}, {@code toc}), {@code page} (a
 * notebook's page), {@code cell}, {@code api} (a cell's API entries), {@code home} (the generated
 * home page), {@code api-index} (every API entry) and {@code source} (a generated file's page);
 * {@code report} and {@code report-index} are {@code nbexport:run}'s pages.
 *
 * <p>A project overrides any of them with a file of the same name in {@code src/docs/templates/}
 * ({@code page.peb}); an override may {@code {% extends "base" %}} and replace only some blocks.
 * Values are HTML-escaped unless a template says {@code | raw}, which the built-in templates use only
 * for HTML the site rendered and sanitised itself.
 */
public final class SiteTemplates {

    /** Names of the built-in templates, without the {@code .peb} suffix. */
    public static final List<String> NAMES = List.of("base", "page", "cell", "api", "home", "api-index", "source",
            "report", "report-index");

    private static final String SUFFIX = ".peb";
    private static final String BUILT_IN = "dev/nbexport/docs/templates";

    private final Path overrides;
    private PebbleEngine engine; // made on first render: a run that renders nothing needs no engine

    /** @param overrides the project's template folder ({@code src/docs/templates}); need not exist */
    public SiteTemplates(Path overrides) {
        this.overrides = overrides;
    }

    private synchronized PebbleEngine engine() {
        if (engine == null) {
            List<Loader<?>> loaders = new ArrayList<>();
            if (overrides != null && Files.isDirectory(overrides)) {
                FileLoader project = new FileLoader();
                project.setPrefix(overrides.toAbsolutePath().toString());
                project.setSuffix(SUFFIX);
                loaders.add(project);
            }
            ClasspathLoader builtIn = new ClasspathLoader(SiteTemplates.class.getClassLoader());
            builtIn.setPrefix(BUILT_IN);
            builtIn.setSuffix(SUFFIX);
            loaders.add(builtIn);
            engine = new PebbleEngine.Builder().loader(new DelegatingLoader(loaders)).autoEscaping(true)
                    .strictVariables(false).newLineTrimming(true).cacheActive(true).build();
        }
        return engine;
    }

    /** Renders template {@code name} with {@code model}. */
    public String render(String name, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            engine().getTemplate(name).evaluate(out, model);
        } catch (PebbleException e) {
            throw new NbexportException("docs template " + name + SUFFIX + " failed: " + e.getMessage(),
                    "Fix the template" + (overrides == null ? "." : " (overrides are in " + overrides + ")."), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The overriding template files, sorted: what changes when a project edits its templates. */
    public List<Path> overrideFiles() {
        if (overrides == null || !Files.isDirectory(overrides)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(overrides)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
