package org.annals.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Annals promises no commercial component. The deny list is the one the build enforces
 * (maven-enforcer's bannedDependencies in pom.xml, execution "no-commercial-dependencies"); this
 * test reads it from there and checks what is really loaded: every jar on the class path of the
 * running tests (the application's runtime dependencies, dev mode's tools, the test libraries) and,
 * when it has been built, what {@code target/annals.jar} carries in BOOT-INF/lib, where dev mode's
 * tools must not be either.
 */
class NoCommercialDependenciesTest {

    /** Dev mode only: the production profile leaves vaadin-dev out of the jar, and with it these. */
    private static final List<String> DEV_TOOLS = List.of("com.vaadin:copilot", "com.vaadin:ui-tests",
            "com.vaadin:vaadin-dev*", "com.vaadin:license-checker", "com.vaadin:open");

    private static final Pattern MAVEN_JAR = Pattern.compile(".*/repository/(.+)/([^/]+)/([^/]+)/\\2-\\3(-[^/]*)?\\.jar");

    @Test
    void the_deny_list_names_the_commercial_vaadin_artifacts() throws Exception {
        assertThat(denyList()).contains("com.vaadin:collaboration-engine", "com.vaadin:vaadin",
                "com.vaadin:vaadin-charts-flow", "com.vaadin:vaadin-map-flow", "com.vaadin:vaadin-grid-pro-flow",
                "com.vaadin:vaadin-crud-flow", "com.vaadin:vaadin-board-flow", "com.vaadin:vaadin-dashboard-flow",
                "com.vaadin:vaadin-spreadsheet-flow", "com.vaadin:vaadin-rich-text-editor-flow",
                "com.vaadin:vaadin-testbench*");
    }

    @Test
    void nothing_on_the_class_path_is_on_the_deny_list() throws Exception {
        List<String> loaded = classPathArtifacts();
        assertThat(loaded).as("artifacts found on the class path").contains("com.vaadin:vaadin-grid-flow",
                "com.vaadin:vaadin-core-components", "com.h2database:h2");
        List<String> deny = denyList();
        assertThat(loaded).filteredOn(artifact -> matchesAny(artifact, deny)).isEmpty();
    }

    @Test
    void the_packaged_jar_holds_nothing_denied_and_no_dev_tool() throws Exception {
        Path jar = Path.of("target", "annals.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "target/annals.jar is built by ./mvnw -Pproduction package");
        List<String> libraries = new ArrayList<>();
        try (var zip = new ZipFile(jar.toFile())) {
            zip.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
                    .forEach(name -> libraries.add(name.substring("BOOT-INF/lib/".length())));
        }
        assertThat(libraries).anyMatch(name -> name.startsWith("vaadin-grid-flow-"));
        List<String> deny = new ArrayList<>(denyList());
        deny.addAll(DEV_TOOLS);
        // A file name has no group id: match the artifact ids of the com.vaadin entries, the only group listed.
        assertThat(deny).allMatch(pattern -> pattern.startsWith("com.vaadin:"));
        List<String> artifactPatterns = deny.stream().map(pattern -> pattern.substring("com.vaadin:".length())).toList();
        assertThat(libraries).filteredOn(name -> artifactPatterns.stream()
                .anyMatch(artifact -> Pattern.matches(glob(artifact).pattern() + "-[0-9].*\\.jar", name))).isEmpty();
    }

    /** The exclude patterns of the enforcer execution "no-commercial-dependencies" in pom.xml. */
    static List<String> denyList() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        var executions = pom.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            var execution = (Element) executions.item(i);
            if ("no-commercial-dependencies".equals(execution.getElementsByTagName("id").item(0).getTextContent())) {
                var excludes = execution.getElementsByTagName("exclude");
                List<String> patterns = new ArrayList<>();
                for (int j = 0; j < excludes.getLength(); j++) {
                    patterns.add(excludes.item(j).getTextContent().strip());
                }
                return patterns;
            }
        }
        throw new IllegalStateException("pom.xml has no enforcer execution 'no-commercial-dependencies'");
    }

    /** groupId:artifactId of every jar from the Maven repository that the test class loader sees. */
    private static List<String> classPathArtifacts() throws IOException {
        List<String> artifacts = new ArrayList<>();
        for (URL manifest : Collections.list(ClassLoader.getSystemClassLoader().getResources("META-INF/MANIFEST.MF"))) {
            String location = manifest.toString();
            if (!location.startsWith("jar:file:")) {
                continue;
            }
            String path = location.substring("jar:file:".length(), location.indexOf("!/"));
            var jar = MAVEN_JAR.matcher(path);
            if (jar.matches()) {
                artifacts.add(jar.group(1).replace('/', '.') + ":" + jar.group(2));
            }
        }
        return artifacts;
    }

    private static boolean matchesAny(String artifact, List<String> patterns) {
        return patterns.stream().anyMatch(pattern -> {
            String[] parts = pattern.split(":");
            String groupAndArtifact = parts.length == 1 ? parts[0] + ":*" : parts[0] + ":" + parts[1];
            return glob(groupAndArtifact).matcher(artifact).matches();
        });
    }

    private static Pattern glob(String glob) {
        return Pattern.compile(Pattern.quote(glob).replace("*", "\\E.*\\Q"));
    }
}
