package dev.nbexport.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetNameTest {

    @Test
    void aQualifiedClassNameIsATarget() {
        TargetName name = TargetName.parse("com.acme.text.Slugify");

        assertThat(name.packageName()).isEqualTo("com.acme.text");
        assertThat(name.relativePath()).isEqualTo("com/acme/text/Slugify.java");
    }

    @Test
    void namesThatAreNotJavaOrWouldLeaveTheSourceRootAreRejected() {
        assertThat(TargetName.problem("Slugify")).hasValueSatisfying(p -> assertThat(p).contains("no package"));
        assertThat(TargetName.problem("com..A")).isPresent();
        assertThat(TargetName.problem("com.acme/../../etc.A")).isPresent();
        assertThat(TargetName.problem("com.class.A")).isPresent();
        assertThat(TargetName.problem("com.acme.A ")).isPresent();
        assertThat(TargetName.problem("")).isPresent();
        assertThat(TargetName.problem("com.acme.Ok")).isEmpty();
    }
}
