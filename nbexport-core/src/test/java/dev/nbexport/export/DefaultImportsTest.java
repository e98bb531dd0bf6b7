package dev.nbexport.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultImportsTest {

    private final DefaultImports defaults = DefaultImports.jdk();

    @Test
    void namesFromJShellsDefaultPackagesAreQualifiedFromTheJdk() {
        assertThat(defaults.qualify("List")).contains("java.util.List");
        assertThat(defaults.qualify("Collectors")).contains("java.util.stream.Collectors");
        assertThat(defaults.qualify("Function")).contains("java.util.function.Function");
        assertThat(defaults.qualify("Path")).contains("java.nio.file.Path");
        assertThat(defaults.qualify("BigDecimal")).contains("java.math.BigDecimal");
        assertThat(defaults.qualify("Pattern")).contains("java.util.regex.Pattern");
        assertThat(defaults.qualify("URI")).contains("java.net.URI");
        assertThat(defaults.qualify("IOException")).contains("java.io.IOException");
        assertThat(defaults.qualify("ConcurrentHashMap")).contains("java.util.concurrent.ConcurrentHashMap");
        assertThat(defaults.qualify("Preferences")).contains("java.util.prefs.Preferences");
    }

    @Test
    void namesFromJJavasStartUpImportOfJavaTimeAreQualifiedToo() {
        assertThat(defaults.qualify("LocalDate")).contains("java.time.LocalDate");
        assertThat(defaults.qualify("Duration")).contains("java.time.Duration");
    }

    @Test
    void otherNamesJavaLangAndNonPublicClassesAreNotImported() {
        assertThat(defaults.qualify("Timer")).contains("java.util.Timer");
        assertThat(defaults.qualify("JFrame")).isEmpty();
        assertThat(defaults.qualify("String")).isEmpty();
        assertThat(defaults.qualify("Entry")).isEmpty();
        assertThat(defaults.qualify("ImmutableCollections")).isEmpty(); // package-private in java.util
    }
}
