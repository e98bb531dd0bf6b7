package dev.nbexport.run.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What {@code %maven} and {@code %%loadFromPOM} do under nbexport: instead of downloading, check that the
 * artifact is a dependency of the project (so it is on the class path already) in the version asked for.
 * A notebook that only works because its kernel downloaded a library would otherwise pass here and fail
 * once exported.
 */
public final class DependencyCheck {

    private final List<ProjectArtifact> artifacts;

    public DependencyCheck(List<ProjectArtifact> artifacts) {
        this.artifacts = List.copyOf(artifacts);
    }

    /** A dependency a notebook asks for. */
    public record Wanted(String groupId, String artifactId, String version) {

        /** {@code g:a:v}, {@code g:a:packaging:v} or {@code g:a:packaging:classifier:v}, as JJava accepts them. */
        public static Optional<Wanted> parse(String coordinates) {
            String[] parts = coordinates.strip().split(":", -1);
            if (parts.length < 3 || parts.length > 5) {
                return Optional.empty();
            }
            for (String p : parts) {
                if (p.isBlank()) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Wanted(parts[0], parts[1], parts[parts.length - 1]));
        }

        /** The {@code <dependency>} element that adds this to a pom. */
        public String pomElement() {
            return "<dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId
                    + "</artifactId><version>" + version + "</version></dependency>";
        }

        @Override
        public String toString() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    /** Why {@code wanted} is not available as asked, or empty when the project has it. */
    public Optional<MissingDependency> check(Wanted wanted) {
        for (ProjectArtifact a : artifacts) {
            if (a.groupId().equals(wanted.groupId()) && a.artifactId().equals(wanted.artifactId())) {
                if (a.version().equals(wanted.version())) {
                    return Optional.empty();
                }
                return Optional.of(new MissingDependency(wanted,
                        wanted + " is asked for, but the project has version " + a.version(),
                        "Make the notebook ask for " + a.coordinates() + ", or change the version in the pom."));
            }
        }
        return Optional.of(new MissingDependency(wanted,
                wanted + " is not a dependency of the project (nbexport never downloads a notebook's libraries)",
                "Add it to the pom: " + wanted.pomElement()));
    }

    /** The dependencies a {@code %%loadFromPOM} body (a pom or a fragment of one) declares. */
    public static List<Wanted> dependenciesOf(String pomFragment) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            String wrapped = "<nbexport>" + pomFragment.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "") + "</nbexport>";
            var document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(wrapped.getBytes(StandardCharsets.UTF_8)));
            NodeList nodes = document.getElementsByTagName("dependency");
            List<Wanted> result = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                if (e.getParentNode() instanceof Element parent && parent.getTagName().equals("exclusions")) {
                    continue;
                }
                result.add(new Wanted(text(e, "groupId"), text(e, "artifactId"), text(e, "version")));
            }
            return result;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a pom: " + e.getMessage(), e);
        }
    }

    private static String text(Element dependency, String tag) {
        NodeList found = dependency.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }

    /**
     * A dependency a notebook needs and the project lacks.
     *
     * @param wanted what the notebook asked for
     * @param message what is wrong
     * @param hint what to change
     */
    public record MissingDependency(Wanted wanted, String message, String hint) {}
}
