package dev.nbexport.run.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.json.Json;
import dev.nbexport.json.Json.JsonObject;
import org.junit.jupiter.api.Test;

class KernelDialectTest {

    private static JsonObject spec(String name, String display) {
        return JsonObject.EMPTY.with("kernelspec", JsonObject.EMPTY.with("name", Json.string(name))
                .with("display_name", Json.string(display)).with("language", Json.string("java")));
    }

    @Test
    void theKernelspecTellsJJavaFromIJava() {
        assertThat(KernelDialect.of(spec("java", "Java (jjava)"))).isEqualTo(KernelDialect.JJAVA);
        assertThat(KernelDialect.of(spec("java", "Java"))).isEqualTo(KernelDialect.IJAVA);
        assertThat(KernelDialect.of(spec("ijava", "IJava 1.3"))).isEqualTo(KernelDialect.IJAVA);
        assertThat(KernelDialect.of(spec("jjava", "Java"))).isEqualTo(KernelDialect.JJAVA);
        assertThat(KernelDialect.of(spec("java17", "Java 17"))).isEqualTo(KernelDialect.JJAVA);
    }

    @Test
    void withoutAKernelspecItIsJJavaAndNbexportMetadataWins() {
        assertThat(KernelDialect.of(JsonObject.EMPTY)).isEqualTo(KernelDialect.JJAVA);
        JsonObject forced = spec("java", "Java (jjava)")
                .with("nbexport", JsonObject.EMPTY.with("kernel", Json.string("ijava")));
        assertThat(KernelDialect.of(forced)).isEqualTo(KernelDialect.IJAVA);
    }
}
