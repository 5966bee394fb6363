package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.annals.map.MapFixtures;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The map in Chromium with every request to another host blocked and recorded: the world layer draws (countries as
 * SVG paths, from this server only), the located vetted events show, filters by type and date change the address, a
 * popup opens on a marker and leads to the event, and the timeline opens with the same filters. Nothing was asked of
 * any other host: with no tile source configured, no request leaves the machine.
 */
class MapJourneyTest extends BrowserTest {

    @Autowired
    MapFixtures mapFixtures;

    /** The project the journey reads: the only set-up (to switch to the sample project once it has located events). */
    private MapFixtures.SmallWar project() {
        return mapFixtures.smallWar();
    }

    @Test
    void the_map_shows_filters_and_opens_events_offline_and_hands_its_filters_to_the_timeline() {
        var war = project();
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
        signIn(page, war.viewer().getUsername(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + war.project() + "/map"));

        // the world layer: countries drawn from the bundle
        page.waitForFunction("() => document.querySelector('annals-map')?.hasAttribute('world-drawn')");
        org.assertj.core.api.Assertions.assertThat(page.locator("annals-map .leaflet-world-pane path").count())
                .as("countries drawn").isGreaterThan(100);
        assertThat(page.getByText("2 events on the map; 2 vetted events have no located place")).isVisible();
        assertThat(page.locator("annals-map .shown")).hasText("2 of 2 shown");

        // filter by type and by date: the address follows
        page.getByLabel("Type", new Page.GetByLabelOptions().setExact(true)).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Battles").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*/map\\?type=" + war.battles() + "$"));
        page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2024-11");
        page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/map\\?from=2024-11&type=" + war.battles() + "$"));
        assertThat(page.getByText("1 event on the map; 2 vetted events have no located place")).isVisible();
        assertThat(page.locator("annals-map .shown")).hasText("1 of 1 shown");
        String filteredMap = page.url();

        // the marker in Aleppo opens its popup (as text), which leads to the event
        var popup = page.locator("annals-map .leaflet-popup");
        clickAt(page, 36.2021, 37.1343, popup);
        assertThat(popup).containsText("Rebels enter Aleppo");
        assertThat(popup).containsText("30 November 2024");
        assertThat(popup).containsText("Hay'at Tahrir al-Sham");
        assertThat(popup).containsText(MapFixtures.SOURCE_TITLE);
        popup.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Open the event")).click();
        assertThat(page).hasURL(Pattern.compile(".*/events/" + war.aleppoBattle() + "$"));
        assertThat(page.getByText("Rebels enter Aleppo").first()).isVisible();

        // the filtered map's address opens the same map; its timeline link keeps the filters
        page.navigate(filteredMap);
        assertThat(page.locator("annals-map .shown")).hasText("1 of 1 shown");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show as timeline")).click();
        assertThat(page).hasURL(Pattern.compile(".*/timeline\\?from=2024-11&type=" + war.battles() + "$"));
        assertThat(page.getByText("3 events", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rebels enter Aleppo")))
                .isVisible();

        org.assertj.core.api.Assertions.assertThat(elsewhere).as("requests to other hosts").isEmpty();
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
            page.waitForTimeout(1000);
        }
    }
}
