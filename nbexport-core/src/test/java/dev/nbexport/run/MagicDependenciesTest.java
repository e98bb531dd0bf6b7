package dev.nbexport.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbexport.problem.Problem;
import dev.nbexport.run.session.ProjectArtifact;
import dev.nbexport.testing.TestNotebooks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MagicDependenciesTest {

    @Test
    void aMavenMagicForAnArtifactThePomLacksIsAProblemNamingTheCellAndTheDependencyToAdd() {
        var guava = new ProjectArtifact("com.google.guava", "guava", "33.0.0-jre", null);
        var notebook = TestNotebooks.of("%maven com.google.guava:guava:33.0.0-jre", "int x = 1;\n%maven org.slf4j:slf4j-api:2.0.17",
                "%%loadFromPOM\n<dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>32.0.0-jre</version></dependency>");
        List<Problem> problems = MagicDependencies.problems(notebook, "notebooks/a.ipynb", List.of(guava));
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "notebooks/a.ipynb, cell 2 (id c2), line 2: org.slf4j:slf4j-api:2.0.17 is not a dependency of the project"
                        + " (nbexport never downloads a notebook's libraries)",
                "notebooks/a.ipynb, cell 3 (id c3), line 1: com.google.guava:guava:32.0.0-jre is asked for, but the project has version 33.0.0-jre");
        assertThat(problems.get(0).hint()).contains("<artifactId>slf4j-api</artifactId>");
        assertThat(MagicDependencies.problems(notebook, "notebooks/a.ipynb", List.of(guava,
                new ProjectArtifact("org.slf4j", "slf4j-api", "2.0.17", Path.of("x.jar"))))).hasSize(1);
    }
}
