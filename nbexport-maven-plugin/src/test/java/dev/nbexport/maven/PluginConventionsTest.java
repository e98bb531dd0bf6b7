package dev.nbexport.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The habits every goal follows, checked on the plugin descriptor that maven-plugin-plugin generated
 * (process-classes runs before the tests) and on the m2e mapping shipped in the jar.
 */
class PluginConventionsTest {

    /** One {@code <mojo>} of the descriptor: goal, class, thread safety, parameter expressions. */
    record Goal(String name, String implementation, boolean threadSafe, Map<String, String> expressions) {}

    static Document xml(String resource) throws Exception {
        try (InputStream in = PluginConventionsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("%s on the test class path (run through Maven)", resource).isNotNull();
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        }
    }

    static List<Element> children(Element parent, String name) {
        var found = new ArrayList<Element>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    static String text(Element parent, String name) {
        var found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }

    static List<Goal> goals() throws Exception {
        var plugin = xml("META-INF/maven/plugin.xml").getDocumentElement();
        var goals = new ArrayList<Goal>();
        for (var mojo : children(children(plugin, "mojos").get(0), "mojo")) {
            var expressions = new LinkedHashMap<String, String>();
            for (var configuration : children(mojo, "configuration")) {
                for (Node n = configuration.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element parameter) {
                        expressions.put(parameter.getTagName(), parameter.getTextContent().trim());
                    }
                }
            }
            goals.add(new Goal(text(mojo, "goal"), text(mojo, "implementation"),
                    "true".equals(text(mojo, "threadSafe")), expressions));
        }
        return goals;
    }

    /** The goals built on {@link AbstractNbexportMojo}: all but the generated {@code help}. */
    static List<Goal> nbexportGoals() throws Exception {
        var ours = new ArrayList<Goal>();
        for (var goal : goals()) {
            if (AbstractNbexportMojo.class.isAssignableFrom(Class.forName(goal.implementation()))) {
                ours.add(goal);
            }
        }
        return ours;
    }

    /** Goal name → the m2e action for it ({@code execute} or {@code ignore}). */
    static Map<String, Element> m2eActions() throws Exception {
        var root = xml("META-INF/m2e/lifecycle-mapping-metadata.xml").getDocumentElement();
        var actions = new LinkedHashMap<String, Element>();
        for (var execution : children(children(root, "pluginExecutions").get(0), "pluginExecution")) {
            var action = (Element) children(execution, "action").get(0).getElementsByTagName("*").item(0);
            var goals = children(children(execution, "pluginExecutionFilter").get(0), "goals").get(0);
            for (var goal : children(goals, "goal")) {
                assertThat(actions.put(goal.getTextContent().trim(), action))
                        .as("m2e maps goal %s once", goal.getTextContent())
                        .isNull();
            }
        }
        return actions;
    }

    @Test
    void thePluginAnswersToTheNbexportPrefixAndHasAHelpGoal() throws Exception {
        var plugin = xml("META-INF/maven/plugin.xml").getDocumentElement();

        assertThat(text(plugin, "goalPrefix")).isEqualTo("nbexport");
        assertThat(goals()).extracting(Goal::name).contains("help");
    }

    @TestFactory
    Stream<DynamicTest> everyGoalSharesTheNotebooksAndSkipParametersAndHasItsOwnSkip() throws Exception {
        return nbexportGoals().stream().map(goal -> dynamicTest(goal.name(), () -> {
            assertThat(goal.expressions())
                    .containsEntry("notebooks", "${nbexport.notebooks}")
                    .containsEntry("skip", "${nbexport.skip}")
                    .containsValue("${nbexport." + goal.name() + ".skip}");
            assertThat(goal.threadSafe()).as("threadSafe").isTrue();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyGoalKnowsItsOwnName() throws Exception {
        return nbexportGoals().stream().map(goal -> dynamicTest(goal.name(), () -> {
            var mojo = (AbstractNbexportMojo) Class.forName(goal.implementation())
                    .getDeclaredConstructor().newInstance();
            assertThat(mojo.goal()).isEqualTo(goal.name());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyGoalHasAnM2eMapping() throws Exception {
        var actions = m2eActions();
        return nbexportGoals().stream().map(goal -> dynamicTest(goal.name(),
                () -> assertThat(actions).containsKey(goal.name())));
    }

    @Test
    void m2eRunsExportOnConfigurationAndIncrementalBuildsAndIgnoresTheRest() throws Exception {
        var actions = m2eActions();

        var export = actions.remove("export");
        assertThat(export.getTagName()).isEqualTo("execute");
        assertThat(text(export, "runOnIncremental")).isEqualTo("true");
        assertThat(text(export, "runOnConfiguration")).isEqualTo("true");
        assertThat(actions).containsOnlyKeys("check", "update", "test", "run", "docs", "clean", "fix", "setup-git", "diff",
                "kernel");
        assertThat(actions.values()).extracting(Element::getTagName).containsOnly("ignore");
    }
}
