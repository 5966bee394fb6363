package org.annals.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the frontend unit tests (frontend/test/*.test.ts, Node's own test runner, some checks in
 * headless Chromium) as part of the Maven build, so a change to the text model fails the build like
 * any Java test. Node is the one on the PATH if it is recent enough to strip TypeScript types, else
 * the copy under ~/.cache/annals. Without either the test is skipped, unless
 * {@code ANNALS_REQUIRE_NODE_TESTS=true} makes a missing Node a failure (set it in CI).
 */
class FrontendUnitTest {

    private static final String CACHED_NODE = ".cache/annals/node-24.21.0/package/bin/node";
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)");
    private static final long TIMEOUT_MINUTES = 3;

    private record Node(Path executable, int major, int minor) {
    }

    @Test
    void frontend_unit_tests_pass() throws Exception {
        Optional<Node> found = findNode();
        if (found.isEmpty()) {
            String message = "No Node.js 22.13+ on the PATH and none at ~/" + CACHED_NODE
                    + ": the frontend unit tests did not run.";
            if ("true".equals(System.getenv("ANNALS_REQUIRE_NODE_TESTS"))) {
                fail(message + " ANNALS_REQUIRE_NODE_TESTS=true requires them.");
            }
            Assumptions.abort(message + " Set ANNALS_REQUIRE_NODE_TESTS=true to make this a failure.");
        }
        Node node = found.get();

        List<String> command = new ArrayList<>();
        command.add(node.executable().toString());
        if (node.major() < 23) {
            command.add("--experimental-strip-types");
        }
        command.add("--test");
        // Since Node 21 the arguments of --test are globs, not directories; Node expands this one itself.
        command.add("frontend/test/*.test.ts");

        ProcessBuilder builder = new ProcessBuilder(command).directory(projectDir().toFile()).redirectErrorStream(true);
        systemChromium().ifPresent(chromium -> builder.environment().put("ANNALS_CHROMIUM", chromium.toString()));
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> copy(process.getInputStream(), output));

        boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        String log = output.toString(StandardCharsets.UTF_8);

        assertThat(finished).as("node --test did not finish within %d minutes:%n%s", TIMEOUT_MINUTES, log).isTrue();
        assertThat(process.exitValue()).as("%s exited with %d:%n%s", String.join(" ", command), process.exitValue(), log)
                .isZero();
    }

    private static Path projectDir() {
        String basedir = System.getProperty("basedir");
        return Path.of(basedir != null ? basedir : System.getProperty("user.dir")).toAbsolutePath();
    }

    /** Node on the PATH if it has type stripping and stripTypeScriptTypes (22.13+), else the cached copy. */
    private static Optional<Node> findNode() {
        Optional<Node> onPath = onPath("node").flatMap(FrontendUnitTest::withVersion)
                .filter(node -> node.major() > 22 || (node.major() == 22 && node.minor() >= 13));
        if (onPath.isPresent()) {
            return onPath;
        }
        Path cached = Path.of(System.getProperty("user.home"), CACHED_NODE);
        return Files.isExecutable(cached) ? withVersion(cached) : Optional.empty();
    }

    private static Optional<Node> withVersion(Path executable) {
        try {
            Process process = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            Matcher matcher = VERSION.matcher(version);
            if (process.exitValue() != 0 || !matcher.lookingAt()) {
                return Optional.empty();
            }
            return Optional.of(new Node(executable, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<Path> onPath(String... names) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .flatMap(dir -> Stream.of(names).map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** As the browser tests find it: {@code ANNALS_CHROMIUM}, else chromium, chromium-browser or google-chrome on the PATH. */
    private static Optional<Path> systemChromium() {
        String configured = System.getenv("ANNALS_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        return onPath("chromium", "chromium-browser", "google-chrome");
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
