package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.annals.project.ProjectService;
import org.annals.settings.SiteSettingsService;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sample project's map in Chromium with every request to another host blocked and recorded: the world layer draws
 * (countries as SVG paths, from this server only), its 23 vetted events show (the one at the Citadel of Aleppo, which
 * has no coordinates, by Aleppo's), filters by type and date change the address, a popup opens on a marker and leads
 * to the event, and the timeline opens with the same filters. Nothing was asked of any other host: with no tile
 * source configured, no request leaves the machine.
 */
class MapJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ProjectService projects;
    @Autowired
    SourceService sources;
    @Autowired
    SiteSettingsService settings;

    @Test
    void the_sample_map_shows_filters_and_opens_events_offline_and_hands_its_filters_to_the_timeline()
            throws InterruptedException {
        UUID project = sampleProject();
        Page page = newPerson();
        List<String> elsewhere = new CopyOnWriteArrayList<>();
        page.context().route("**/*", route -> {
            String host = URI.create(route.request().url()).getHost();
            if ("localhost".equals(host) || "127.0.0.1".equals(host)) {
                route.resume();
            } else {
                elsewhere.add(route.request().url());
                route.abort();
            }
        });
        signInOverHttp(page, "admin", ADMIN_PASSWORD);
        page.navigate(url("projects/" + project + "/map"));

        // the world layer: countries drawn from the bundle; every vetted event located
        page.waitForFunction("() => document.querySelector('annals-map')?.hasAttribute('world-drawn')");
        org.assertj.core.api.Assertions.assertThat(page.locator("annals-map .leaflet-world-pane path").count())
                .as("countries drawn").isGreaterThan(100);
        assertThat(page.getByText("23 events on the map", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.locator("annals-map .shown")).hasText("23 of 23 shown");

        // filter by type and by date: the address follows (battles of December: six)
        page.getByLabel("Type", new Page.GetByLabelOptions().setExact(true)).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Battles").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*/map\\?type=" + UUID_PATTERN + "$"));
        page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2024-12");
        page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/map\\?from=2024-12&type=" + UUID_PATTERN + "$"));
        assertThat(page.getByText("6 events on the map", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.locator("annals-map .shown")).hasText("6 of 6 shown");
        String filteredMap = page.url();

        // the marker in Hama opens its popup (as text), which leads to the event
        var popup = page.locator("annals-map .leaflet-popup");
        clickAt(page, 35.1318, 36.7578, popup);
        assertThat(popup).containsText("HTS-led rebels take control of Hama");
        assertThat(popup).containsText("5 December 2024");
        assertThat(popup).containsText("Hay'at Tahrir al-Sham");
        assertThat(popup).containsText("Northwestern Syria offensive (2024)");
        popup.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Open the event")).click();
        assertThat(page).hasURL(Pattern.compile(".*/events/" + UUID_PATTERN + "$"));
        assertThat(page.getByText("HTS-led rebels take control of Hama").first()).isVisible();

        // the filtered map's address opens the same map; its timeline link keeps the filters
        page.navigate(filteredMap);
        assertThat(page.locator("annals-map .shown")).hasText("6 of 6 shown");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show as timeline")).click();
        assertThat(page).hasURL(Pattern.compile(".*/timeline\\?from=2024-12&type=" + UUID_PATTERN + "$"));
        assertThat(page.getByText("6 events", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rebels capture Homs")))
                .isVisible();

        org.assertj.core.api.Assertions.assertThat(elsewhere).as("requests to other hosts").isEmpty();
    }

    private static final String UUID_PATTERN = "[0-9a-f-]{36}";

    /** The sample project once the site has created it (texts, gazetteer and timeline, in the background). */
    private UUID sampleProject() throws InterruptedException {
        var admin = fixtures.admin();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            var found = Fixtures.as(admin, () -> projects.myProjects()).stream()
                    .filter(p -> p.name().equals("Syria 2024 offensives")).findFirst();
            if (found.isPresent() && Fixtures.as(admin, () -> settings.sampleProjectCreated())
                    && Fixtures.as(admin, () -> sources.count(found.get().id(), "")) >= 5) {
                return found.get().id();
            }
            org.assertj.core.api.Assertions.assertThat(Instant.now()).as("the sample project is created at start-up")
                    .isBefore(deadline);
            Thread.sleep(250);
        }
    }

    /**
     * Clicks the map where this place is drawn (the markers are on a canvas), until what it opens shows: the page's
     * layout may still move (a field's helper text appearing) between measuring and clicking.
     */
    private static void clickAt(Page page, double latitude, double longitude, com.microsoft.playwright.Locator opens) {
        for (int attempt = 0; attempt < 5 && opens.count() == 0; attempt++) {
            @SuppressWarnings("unchecked")
            var point = (List<Number>) page.locator("annals-map").evaluate("(map, at) => { const box = map.shadowRoot"
                    + ".querySelector('.leaflet-container').getBoundingClientRect();"
                    + " const p = map.map.latLngToContainerPoint(at); return [box.left + p.x, box.top + p.y]; }",
                    List.of(latitude, longitude));
            page.mouse().click(point.get(0).doubleValue(), point.get(1).doubleValue());
            try {
                opens.first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED).setTimeout(1000));
            } catch (com.microsoft.playwright.TimeoutError notYet) {
                // the layout moved under the click: measure and click again
            }
        }
    }
}
