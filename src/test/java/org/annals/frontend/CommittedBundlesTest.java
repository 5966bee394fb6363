package org.annals.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.experimental.FeatureFlags;
import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.internal.StringUtil;
import com.vaadin.flow.server.frontend.scanner.ChunkInfo;
import com.vaadin.flow.server.frontend.scanner.ClassFinder;
import com.vaadin.flow.server.frontend.scanner.EntryPointType;
import com.vaadin.flow.server.frontend.scanner.FrontendDependencies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.annals.AnnalsApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed frontend bundles (src/main/bundles) hold what every route needs, so that the production
 * build and the tests reuse them instead of building anew, and the packaged jar shows every page whole.
 *
 * <p>Vaadin checks a committed bundle only for the set of its imports. It does not check to which
 * route's lazily loaded chunk each import went: a route added (or given a new component) after the
 * bundle was built loads a chunk that lacks its components, and the page stays empty until another
 * route happened to load them (the Activity page's grid, the event page's avatar group). So the
 * application loads every route's dependencies on start-up (decision 0020), and this test fails the
 * build when that stops being so, when a bundle still has per-route chunks, or when a bundle lacks an
 * import the code needs or holds an old version of one of our frontend files.
 *
 * <p>To fix a failure, rebuild the bundles and commit them: see README, "Rebuilding the frontend
 * bundles".
 */
class CommittedBundlesTest {

    private static final Path PROD_BUNDLE = Path.of("src/main/bundles/prod.bundle");
    private static final Path DEV_BUNDLE = Path.of("src/main/bundles/dev.bundle");
    private static final Path FRONTEND = Path.of("frontend");
    private static final String REBUILD = " Rebuild the bundles and commit them (README, \"Rebuilding the frontend bundles\").";
    /** Vite names a route's lazily loaded chunk after the SHA-256 of the route's class name. */
    private static final Pattern ROUTE_CHUNK = Pattern.compile("chunk-[0-9a-f]{64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Map<ChunkInfo, List<String>> modules;

    /** What Vaadin's own build finds in the compiled application: its modules, grouped by chunk. */
    @BeforeAll
    static void scanTheApplicationLikeTheProductionBuild() throws Exception {
        ClassFinder finder = new ClassFinder.DefaultClassFinder(applicationClasses());
        FeatureFlags featureFlags = new FeatureFlags(Lookup.of(finder, ClassFinder.class));
        modules = new FrontendDependencies(finder, true, featureFlags, true).getModules();
    }

    private static Set<Class<?>> applicationClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(AnnalsApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes.resolve("org/annals"))) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(CommittedBundlesTest::load)
                    .collect(Collectors.toSet());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, CommittedBundlesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void every_route_loads_its_frontend_dependencies_on_start_up() {
        Set<String> lazy = modules.keySet().stream()
                .filter(chunk -> chunk.getType() == EntryPointType.ROUTE && !chunk.isEager())
                .map(ChunkInfo::getName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(lazy).as("routes whose components would load on demand from a per-route chunk, which a reused"
                + " bundle may lack; keep @LoadDependenciesOnStartup on AnnalsApplication (decision 0020)").isEmpty();
        assertThat(allModules()).as("modules found by Vaadin's scanner").contains(
                "@vaadin/grid/src/vaadin-grid.js", "@vaadin/avatar-group/src/vaadin-avatar-group.js");
    }

    @Test
    void the_production_bundle_has_no_per_route_chunks() throws IOException {
        try (var bundle = new ZipFile(PROD_BUNDLE.toFile())) {
            Set<String> routeChunks = bundle.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("webapp/VAADIN/build/") && ROUTE_CHUNK.matcher(name).find())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(routeChunks).as(PROD_BUNDLE + " was built with per-route chunks, which go stale when routes"
                    + " change." + REBUILD).isEmpty();
        }
    }

    @Test
    void the_production_bundle_holds_every_module_the_application_imports() throws IOException {
        assertHoldsEveryModule(PROD_BUNDLE);
    }

    @Test
    void the_development_bundle_holds_every_module_the_application_imports() throws IOException {
        assertHoldsEveryModule(DEV_BUNDLE);
    }

    private static void assertHoldsEveryModule(Path bundle) throws IOException {
        JsonNode stats = stats(bundle);
        Set<String> held = new HashSet<>();
        stats.get("bundleImports").forEach(entry -> held.add(normalised(entry.asString())));
        Set<String> missing = allModules().stream().filter(module -> !isHeld(held, normalised(module)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(missing).as("modules the application imports that " + bundle + " lacks." + REBUILD).isEmpty();

        // Our own frontend files: the bundle must hold the version in frontend/.
        Set<String> stale = new TreeSet<>();
        for (var hash : stats.get("frontendHashes").properties()) {
            Path file = FRONTEND.resolve(hash.getKey());
            if (Files.isRegularFile(file) && !hash.getValue().asString().equals(contentHash(file))) {
                stale.add(hash.getKey());
            }
        }
        assertThat(stale).as("frontend files changed since " + bundle + " was built." + REBUILD).isEmpty();
    }

    private static Set<String> allModules() {
        return modules.values().stream().flatMap(List::stream).collect(Collectors.toSet());
    }

    /** A module from a jar ({@code ./x}) goes into the bundle as {@code Frontend/generated/jar-resources/x}. */
    private static boolean isHeld(Set<String> held, String module) {
        return held.contains(module)
                || module.startsWith("./") && held.contains("./generated/jar-resources/" + module.substring(2));
    }

    /** Vaadin writes our files as {@code Frontend/x} in one place and {@code ./x} in another. */
    private static String normalised(String module) {
        return module.replace("Frontend/", "./");
    }

    /** The hash Vaadin records for a frontend file (line endings as on Unix). */
    private static String contentHash(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
            return StringUtil.getHash(content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode stats(Path bundle) throws IOException {
        assertThat(bundle).as("the committed bundle").isRegularFile();
        try (var zip = new ZipFile(bundle.toFile())) {
            var entry = zip.getEntry("config/stats.json");
            assertThat(entry).as("config/stats.json in " + bundle).isNotNull();
            try (InputStream in = zip.getInputStream(entry)) {
                return JSON.readTree(in);
            }
        }
    }
}
