package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.annals.e2e.Browsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Harness for start-up as a person sees it (issue 21; not part of the normal test run): from launching
 * the server process to the sign-in form rendered in Chromium.
 * <pre>./mvnw -Pproduction -DskipTests package
 * ./mvnw test -Pbenchmark -Dtest=StartupBenchmark -Dannals.startup.command='bin/annals'</pre>
 * Each run gets a new empty data folder and starts the app twice on it: the first start (migrations,
 * first administrator) and a restart on the same data, the usual case. For each start the harness polls
 * the port every 20 ms, then loads the sign-in page and waits until the user name and password fields
 * are visible; the time is taken from just before the process is launched. After the restart it signs
 * in, opens a sample source once (the first document open after start) and three more times (warm),
 * each time from navigation start to the first frame with every highlight in view drawn (by the page's first screen
 * or by the view) and to the first frame after the view's own text is painted. The browser that opens it is one that
 * opened it before the restart (a visit after the first start), as a returning person's is.
 * <p>
 * {@code annals.startup.command} is the command line (split at spaces; default {@code java -jar
 * target/annals.jar} with this JVM's java), run in the project folder with {@code ANNALS_DATA_DIR},
 * {@code SERVER_PORT} and {@code ANNALS_ADMIN_PASSWORD} set; {@code annals.startup.runs} the number of
 * runs (5); {@code annals.startup.label} a name printed with the results, which are also appended to
 * target/startup-results.txt. Several configurations can be compared in one go (commands and labels
 * separated by {@code ||}); they take turns run by run. The machine's load average is printed beside every number, since other
 * work on the machine changes start-up a lot.
 */
@Tag("benchmark")
class StartupBenchmark {

    private static final String PASSWORD = "bench-harbour-lantern-917";
    private static final Duration READY_LIMIT = Duration.ofMinutes(3);

    private record Start(double formMillis, double portMillis, String load) {
    }

    private record Launched(Process process, long nanos) {
    }

    /**
     * The opens, and the server's resident memory (MiB) after them, as the operating system counts it. Each open
     * twice: to the first frame with every highlight in view drawn, by the page's first screen or by the view (the
     * issue's "open", as {@code EditorSizesBenchmark} takes it), and to the view's own text painted.
     */
    private record Open(double firstMillis, double firstViewMillis, List<Double> warmMillis,
            List<Double> warmViewMillis, int firstScreensShown, String load, double residentMiB) {
    }

    /** One open's two times (ms since navigation start) and whether the page's first screen showed the text. */
    private record Timed(double screenMillis, double viewMillis, boolean firstScreen) {
    }

    private record Config(String label, List<String> command, List<Start> fresh, List<Start> restart,
            List<Open> opens) {
    }

    @Test
    void launch_to_sign_in_form_fresh_and_restart() throws Exception {
        int runs = Integer.getInteger("annals.startup.runs", 5);
        List<Config> configs = configs();
        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.chromium(playwright)) {
            // Configurations take turns run by run, so that a change in the machine's load (other work on it)
            // falls on all of them alike.
            for (int run = 1; run <= runs; run++) {
                for (Config config : configs) {
                    measure(browser, config);
                    System.out.printf(Locale.ROOT, "run %d %s: fresh %s, restart %s, open %s%n", run, config.label(),
                            config.fresh().getLast(), config.restart().getLast(), config.opens().getLast());
                }
            }
        }
        var report = new StringBuilder();
        for (Config config : configs) {
            report.append(String.format(Locale.ROOT, "%n== %s: %s (%d runs) ==%n", config.label(),
                    String.join(" ", config.command()), runs));
            report.append(summary("fresh data folder: launch to sign-in form rendered",
                    config.fresh().stream().map(Start::formMillis).toList(),
                    config.fresh().stream().map(Start::load).toList()));
            report.append(summary("  of which launch to port open",
                    config.fresh().stream().map(Start::portMillis).toList(), List.of()));
            report.append(summary("restart: launch to sign-in form rendered",
                    config.restart().stream().map(Start::formMillis).toList(),
                    config.restart().stream().map(Start::load).toList()));
            report.append(summary("  of which launch to port open",
                    config.restart().stream().map(Start::portMillis).toList(), List.of()));
            report.append(summary("first document open after restart, in a browser that opened it before the restart"
                    + " (navigation start to every highlight in view drawn, by the page's first screen or the view)",
                    config.opens().stream().map(Open::firstMillis).toList(),
                    config.opens().stream().map(Open::load).toList()));
            report.append(summary("  the same open to the view's own text painted",
                    config.opens().stream().map(Open::firstViewMillis).toList(), List.of()));
            report.append(summary("the same document again, warm (3 per run; first screen or view)",
                    config.opens().stream().flatMap(o -> o.warmMillis().stream()).toList(), List.of()));
            report.append(summary("  the same to the view's own text painted",
                    config.opens().stream().flatMap(o -> o.warmViewMillis().stream()).toList(), List.of()));
            report.append(String.format(Locale.ROOT, "the page's first screen showed the text in %d of %d opens%n",
                    config.opens().stream().mapToInt(Open::firstScreensShown).sum(), config.opens().size() * 4));
            var resident = config.opens().stream().map(Open::residentMiB).sorted().toList();
            report.append(String.format(Locale.ROOT, "server's resident memory after the opens: median %.0f MiB, each %s%n",
                    resident.get(resident.size() / 2), config.opens().stream()
                            .map(o -> String.format(Locale.ROOT, "%.0f", o.residentMiB())).toList()));
        }
        System.out.print(report);
        Path results = Path.of("target", "startup-results.txt");
        Files.createDirectories(results.getParent());
        Files.writeString(results, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(configs.getFirst().fresh()).hasSize(runs);
    }

    /** One run of one configuration: a new data folder, a first start, a restart and the document opens. */
    private static void measure(Browser browser, Config config) throws Exception {
        Path folder = Files.createTempDirectory("annals-startup");
        Path data = folder.resolve("data");
        try {
            int port = freePort();
            String visited;
            Launched first = launch(config.command(), data, port, folder.resolve("first.log"));
            try {
                config.fresh().add(measureStart(browser, first, port, folder.resolve("first.log")));
                // The sample project is imported in the background after the first start; the restart's
                // document open needs it whole, so the first start is stopped only once it is there.
                awaitLogLine(folder.resolve("first.log"), "Created the sample project", Duration.ofSeconds(120));
                visited = visit(browser, port);
            } finally {
                stop(first.process());
            }
            Launched second = launch(config.command(), data, port, folder.resolve("restart.log"));
            try {
                config.restart().add(measureStart(browser, second, port, folder.resolve("restart.log")));
                config.opens().add(openDocument(browser, port, second.process(), visited));
            } finally {
                stop(second.process());
            }
        } finally {
            delete(folder);
        }
    }

    /** {@code annals.startup.command} and {@code annals.startup.label}: one or more, separated by {@code ||}. */
    private static List<Config> configs() {
        String[] commands = System.getProperty("annals.startup.command", "").split("\\|\\|");
        String[] labels = System.getProperty("annals.startup.label", "").split("\\|\\|");
        var configs = new ArrayList<Config>();
        for (int i = 0; i < commands.length; i++) {
            String label = i < labels.length && !labels[i].isBlank() ? labels[i].trim() : "configuration " + (i + 1);
            configs.add(new Config(label, command(commands[i]), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        }
        return configs;
    }

    private static List<String> command(String configured) {
        if (!configured.isBlank()) {
            return Arrays.asList(configured.trim().split("\\s+"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-jar", "target/annals.jar");
    }

    private static Launched launch(List<String> command, Path data, int port, Path log) throws IOException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("ANNALS_DATA_DIR", data.toString());
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("ANNALS_ADMIN_PASSWORD", PASSWORD);
        long nanos = System.nanoTime();
        return new Launched(builder.start(), nanos);
    }

    /** From just before the launch to the sign-in form's fields visible. */
    private static Start measureStart(Browser browser, Launched launch, int port, Path log) throws Exception {
        Process process = launch.process();
        long launched = launch.nanos();
        String load = loadAverage();
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        while (!portOpen(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the app did not open its port; see " + log + ":\n" + tail(log));
            }
            Thread.sleep(20);
        }
        double portMillis = (System.nanoTime() - launched) / 1e6;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/login");
            page.getByLabel("Username").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                    .setState(WaitForSelectorState.VISIBLE).setTimeout(60_000));
            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password"))
                    .waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
            // The first frame that shows the form, as in the editor harness.
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(0)))");
        }
        return new Start((System.nanoTime() - launched) / 1e6, portMillis, load);
    }

    /**
     * A person's visit before the restart: signs in and opens the first sample source once, so that the browser keeps
     * what a returning visitor's browser has (the place where the view drew the text, for the page's first screen).
     * Returns the browser's storage.
     */
    private static String visit(Browser browser, int port) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(sampleSource(page, port));
            page.waitForFunction(VIEW_TEXT, null, new Page.WaitForFunctionOptions().setTimeout(60_000));
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(0)))");
            return context.storageState();
        }
    }

    /**
     * Signs in as the first administrator in the browser that visited before the restart, then opens the first sample
     * source: once cold, three times warm.
     */
    private static Open openDocument(Browser browser, int port, Process process, String visited) throws Exception {
        String load = loadAverage();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setStorageState(visited))) {
            context.addInitScript(EditorCorpus.DRAWN_RECORDER.replace("DRAWN", DRAWN));
            Page page = context.newPage();
            String sourceUrl = sampleSource(page, port);
            Timed first = timeOpen(page, sourceUrl);
            var warm = new ArrayList<Timed>();
            for (int i = 0; i < 3; i++) {
                warm.add(timeOpen(page, sourceUrl));
            }
            int shown = (first.firstScreen() ? 1 : 0) + (int) warm.stream().filter(Timed::firstScreen).count();
            return new Open(first.screenMillis(), first.viewMillis(), warm.stream().map(Timed::screenMillis).toList(),
                    warm.stream().map(Timed::viewMillis).toList(), shown, load, residentMiB(process));
        }
    }

    /** Signs in as the first administrator and returns the address of the first sample source. */
    private static String sampleSource(Page page, int port) {
        String base = "http://localhost:" + port + "/";
        EditorCorpus.signIn(page, port, "admin", PASSWORD);
        page.locator("a[href*='projects/']").first().waitFor();
        String project = (String) page.evaluate("() => document.querySelector(\"a[href*='projects/']\")"
                + ".getAttribute('href').match(/projects\\/([0-9a-f-]{36})/)[1]");
        page.navigate(base + "projects/" + project + "/sources");
        page.locator("a[href*='/sources/']").first().waitFor();
        String source = (String) page.evaluate("() => document.querySelector(\"a[href*='/sources/']\")"
                + ".getAttribute('href')");
        return source.startsWith("http") ? source : base + source.replaceFirst("^/", "");
    }

    /**
     * VmRSS of the server process (bin/annals replaces itself with the JVM, so it is the launched process),
     * printed with its parts: anonymous memory (heap, metaspace, code, stacks) and file pages (the AOT cache,
     * jars, the JVM's library, Lucene's mapped index), which the operating system can drop and share. With
     * {@code -Dannals.startup.nmt=true} (and {@code -XX:NativeMemoryTracking=summary} in the command) the JVM's
     * own account is printed too.
     */
    private static double residentMiB(Process process) {
        double resident = Double.NaN;
        try {
            var parts = new StringBuilder();
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    resident = Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
                if (line.startsWith("RssAnon:") || line.startsWith("RssFile:") || line.startsWith("RssShmem:")) {
                    parts.append(line.replaceAll("\\s+", " ")).append("; ");
                }
            }
            System.out.printf(Locale.ROOT, "resident %.0f MiB: %s%n", resident, parts);
            if (Boolean.getBoolean("annals.startup.nmt")) {
                var jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(process.pid()), "VM.native_memory", "summary").redirectErrorStream(true).start();
                System.out.println(new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // not Linux: no figure
        }
        return resident;
    }

    /** The view's own text is there (the sample source is about 20,000 characters). */
    private static final String VIEW_TEXT = "() => (document.querySelector('annals-text')?.textContent.length ?? 0) > 5000";

    /** Every highlight in view drawn by the view: its text there and no chunk in view left to draw. */
    private static final String DRAWN = "() => { const t = document.querySelector('annals-text');"
            + " return !!t && t.textContent.length > 5000 && " + EditorCorpus.UNDRAWN_IN_VIEW + "(t) === 0; }";

    private static Timed timeOpen(Page page, String url) throws InterruptedException {
        page.navigate(url);
        page.waitForFunction(VIEW_TEXT, null, new Page.WaitForFunctionOptions().setTimeout(60_000));
        double view = ((Number) page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(performance.now())))"))
                .doubleValue();
        double screen = EditorCorpus.recordedFrame(page, "__firstScreenFrame", "0");
        return new Timed(screen, view, Boolean.TRUE.equals(page.evaluate("() => window.__firstScreenShown")));
    }

    private static void awaitLogLine(Path log, String line, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log, StandardCharsets.ISO_8859_1).contains(line)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no '" + line + "' in " + log + " within " + limit);
    }

    /** Whether something accepts connections on this local port (also used by PackagedJarPostgresCheck). */
    static boolean portOpen(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String summary(String what, List<Double> millis, List<String> loads) {
        if (millis.isEmpty()) {
            return what + ": no runs\n";
        }
        var sorted = millis.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        var each = millis.stream().map(m -> String.format(Locale.ROOT, "%.2f", m / 1000)).toList();
        return String.format(Locale.ROOT, "%s: median %.2f s, range %.2f-%.2f s; each %s%s%n", what, median / 1000,
                sorted.getFirst() / 1000, sorted.getLast() / 1000, each,
                loads.isEmpty() ? "" : "; load average (1/5/15 min) at each start " + loads);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
