package org.annals.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.annals.e2e.Browsers;
import org.annals.entity.GeoPrecision;
import org.annals.event.TaxonomyService;
import org.annals.event.TimelineFilter;
import org.annals.map.MapPoint;
import org.annals.map.MapService;
import org.annals.map.ui.EventMap;
import org.annals.project.ProjectRole;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Harness for the map of issue 20 (not part of the normal test run; numbers in docs/performance.md, "Map"):
 * <pre>./mvnw test -Pbenchmark -Dtest=MapBenchmark</pre>
 * Loads 10,000 and 100,000 located vetted events (2,000 places in and around Syria, every precision) into two
 * projects by bulk JDBC insert, then measures {@link MapService#points} (median and p95 of 10 runs), the payload the
 * component receives ({@link EventMap#wire}), and in Chromium the time from navigation to the first drawing of all
 * points and the frame times (requestAnimationFrame deltas) while panning by mouse drag and zooming by wheel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:annals-test.properties",
        properties = "annals.security.login-throttle.max-failures-per-address=1000")
@Tag("benchmark")
class MapBenchmark {

    private static final int PLACES = 2_000;

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MapService maps;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void map_of_ten_thousand_and_a_hundred_thousand_events() throws Exception {
        var viewer = fixtures.newUser("map-bench");
        System.out.println("BENCHMARK load average before: " + Files.readString(Path.of("/proc/loadavg")).strip());
        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.chromium(playwright)) {
            for (int size : new int[] {10_000, 100_000}) {
                UUID project = fixtures.newProject(fixtures.admin());
                fixtures.addMember(project, viewer, ProjectRole.VIEWER);
                insert(project, size);
                server(viewer, project, size);
                browser(browser, viewer.getUsername(), project, size);
            }
        }
        System.out.println("BENCHMARK load average after: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private void server(org.annals.security.AnnalsPrincipal viewer, UUID project, int size) {
        var types = Fixtures.as(viewer, () -> maps.types(project));
        for (int warm = 0; warm < 3; warm++) {
            Fixtures.as(viewer, () -> maps.points(project, TimelineFilter.ALL));
        }
        var runs = new ArrayList<Double>();
        var wireRuns = new ArrayList<Double>();
        List<MapPoint> points = List.of();
        String wire = "";
        for (int run = 0; run < 10; run++) {
            long start = System.nanoTime();
            points = Fixtures.as(viewer, () -> maps.points(project, TimelineFilter.ALL));
            runs.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            wire = EventMap.wire(types, points);
            wireRuns.add((System.nanoTime() - start) / 1e6);
        }
        report(size + " events: MapService.points, ms", runs);
        report(size + " events: wire format, ms", wireRuns);
        System.out.printf(Locale.ROOT, "BENCHMARK %d events: %d points, payload %d bytes (%.1f per event)%n", size,
                points.size(), wire.length(), wire.length() / (double) points.size());
    }

    private void browser(Browser browser, String username, UUID project, int size) {
        var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(120_000);
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("Username").fill(username);
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password")).fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(url -> !url.contains("/login"));
        for (int run = 0; run < 3; run++) {
            page.navigate("http://localhost:" + port + "/projects/" + project + "/map");
            // the first frame after the points are drawn, from the navigation's start (performance.timeOrigin)
            double painted = ((Number) page.waitForFunction("() => { const m = document.querySelector('annals-map');"
                    + " return m && m.hasAttribute('markers') && m.visibleCount > 0 && performance.now(); }", null,
                    new Page.WaitForFunctionOptions().setPollingInterval(10)).jsonValue()).doubleValue();
            System.out.printf(Locale.ROOT, "BENCHMARK %d events: first paint with all points, run %d: %.0f ms%n", size,
                    run + 1, painted);
        }
        page.evaluate("() => { window.frames_ = []; let last = performance.now();"
                + " const tick = (now) => { window.frames_.push(now - last); last = now;"
                + " if (!window.stopFrames_) requestAnimationFrame(tick); }; requestAnimationFrame(tick); }");
        var box = page.locator("annals-map .leaflet-container").boundingBox();
        double x = box.x + box.width / 2;
        double y = box.y + box.height / 2;
        for (int round = 0; round < 4; round++) {
            page.mouse().move(x, y);
            page.mouse().down();
            page.mouse().move(x + 250, y + 120, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(25));
            page.mouse().move(x - 150, y - 80, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(25));
            page.mouse().up();
            page.mouse().wheel(0, -300);
            page.waitForTimeout(400);
            page.mouse().wheel(0, -300);
            page.waitForTimeout(400);
            page.mouse().wheel(0, 600);
            page.waitForTimeout(600);
        }
        @SuppressWarnings("unchecked")
        var frames = (List<Number>) page.evaluate("() => { window.stopFrames_ = true; return window.frames_.slice(1); }");
        var sorted = frames.stream().map(Number::doubleValue).sorted().toList();
        System.out.printf(Locale.ROOT, "BENCHMARK %d events: frames while panning and zooming: %d frames, p50 %.1f ms,"
                + " p95 %.1f ms, max %.1f ms%n", size, sorted.size(), percentile(sorted, 50), percentile(sorted, 95),
                sorted.getLast());
        context.close();
    }

    /** Places spread over Syria and its neighbours with every precision, and events over five years. */
    private void insert(UUID project, int size) {
        var random = new Random(20);
        Timestamp now = Timestamp.from(Instant.now());
        var places = new ArrayList<UUID>();
        var placeRows = new ArrayList<Object[]>();
        GeoPrecision[] precisions = GeoPrecision.values();
        for (int i = 0; i < PLACES; i++) {
            UUID id = UUID.randomUUID();
            places.add(id);
            placeRows.add(new Object[] {id, project, "Place " + i, 32.3 + random.nextDouble() * 5,
                    35.7 + random.nextDouble() * 6.5, precisions[i % precisions.length].name(), now, now});
        }
        jdbc.batchUpdate("insert into entity_record (id, version, project_id, kind, name, latitude, longitude,"
                + " geo_precision, created_at, updated_at) values (?, 0, ?, 'PLACE', ?, ?, ?, ?, ?, ?)", placeRows);
        var types = Fixtures.as(fixtures.admin(), () -> taxonomy.taxonomy(project)).stream()
                .map(TaxonomyService.TypeNode::id).toList();
        var rows = new ArrayList<Object[]>(size);
        for (int i = 0; i < size; i++) {
            rows.add(new Object[] {UUID.randomUUID(), project, "Event " + i,
                    Date.valueOf(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1800))),
                    types.get(random.nextInt(types.size())), places.get((int) Math.floor(Math.pow(random.nextDouble(), 2)
                            * PLACES)), now, now});
            if (rows.size() == 5_000 || i == size - 1) {
                jdbc.batchUpdate("insert into event_record (id, version, project_id, title, start_date,"
                        + " start_precision, type_id, place_id, created_at, updated_at)"
                        + " values (?, 0, ?, ?, ?, 'DAY', ?, ?, ?, ?)", rows);
                rows.clear();
            }
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void report(String what, List<Double> runs) {
        var sorted = runs.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "BENCHMARK %s: median %.1f, p95 %.1f, max %.1f over %d runs%n", what,
                percentile(sorted, 50), percentile(sorted, 95), sorted.getLast(), sorted.size());
    }
}
