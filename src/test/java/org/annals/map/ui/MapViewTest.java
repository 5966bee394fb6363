package org.annals.map.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import org.annals.base.ui.EmptyState;
import org.annals.map.MapFixtures;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The map page without a browser: its filters come from the address (the timeline's parameters), the count line says
 * how many events are drawn and how many have no located place, the links to the timeline and back carry the filters,
 * and an empty project or filter shows an empty state instead of a map.
 */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class MapViewTest extends SignedInBrowserlessTest {

    @Autowired
    MapFixtures mapFixtures;
    @Autowired
    Fixtures fixtures;

    MapFixtures.SmallWar war;

    @BeforeEach
    void aSmallWar() {
        war = mapFixtures.smallWar();
        signIn(war.viewer());
    }


    private void open(String page, String query) {
        UI.getCurrent().navigate("projects/" + war.project() + "/" + page, QueryParameters.fromString(query));
    }

    private String countLine() {
        return find(Span.class).withClassName("map-count").single().getText();
    }

    private String href(String className) {
        return find(Anchor.class).withClassName(className).single().getHref();
    }

    @Test
    void the_filters_come_from_the_address_and_the_timeline_link_carries_them() {
        open("map", "from=2024-11&type=" + war.battles());

        // battles from November: the Aleppo one is drawn; Tall Rifat has no coordinates, the last one no place
        assertThat(countLine()).isEqualTo("1 event on the map; 2 vetted events have no located place");
        EventMap map = find(EventMap.class).single();
        assertThat(map.count()).isEqualTo(1);
        assertThat(map.isVisible()).isTrue();
        String data = map.getElement().getProperty("data");
        assertThat(data).contains("\"day\":[" + LocalDate.of(2024, 11, 30).toEpochDay() + "]", "\"lat\":[36.2021]",
                "\"radius\":[6000]", "\"type\":[0]").doesNotContain("Rebels enter Aleppo", war.aleppoBattle().toString());
        assertThat(href("to-timeline")).isEqualTo("projects/" + war.project() + "/timeline?from=2024-11&type="
                + war.battles());
        // the popup is asked for by the point's index and comes as text
        assertThat(map.popup(0)).contains("\"title\":\"Rebels enter Aleppo\"", MapFixtures.SOURCE_TITLE);

        // a changed filter changes the link and what is drawn
        test(find(TextField.class).withCaption("Text").single()).setValue("citadel");
        assertThat(href("to-timeline")).endsWith("&q=citadel");
        assertThat(find(EmptyState.class).single().getElement().getTextRecursively())
                .contains("No vetted event matches these filters.");
        assertThat(map.isVisible()).isFalse();
    }

    @Test
    void the_timeline_links_to_the_map_with_its_filters() {
        open("timeline", "to=2024-12-01&q=Aleppo&contested=yes");
        assertThat(href("to-map")).isEqualTo("projects/" + war.project() + "/map?to=2024-12-01&q=Aleppo&contested=yes");

        open("map", "to=2024-12-01&q=Aleppo");
        assertThat(countLine()).isEqualTo("1 event on the map");
        assertThat(href("to-timeline")).isEqualTo("projects/" + war.project() + "/timeline?to=2024-12-01&q=Aleppo");
    }

    @Test
    void a_project_without_events_shows_an_empty_state_and_no_map() {
        var project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, war.viewer(), org.annals.project.ProjectRole.VIEWER);
        UI.getCurrent().navigate("projects/" + project + "/map");
        assertThat(find(EmptyState.class).single().getElement().getTextRecursively()).contains("No events");
        // neither a map nor a count line: only visible components are found
        assertThat(find(EventMap.class).all()).isEmpty();
        assertThat(find(Span.class).withClassName("map-count").all()).isEmpty();
    }

    @Test
    void filters_whose_events_have_no_located_place_say_so() {
        open("map", "place=" + war.tallRifat());
        assertThat(countLine()).isEqualTo("0 events on the map; 1 vetted event has no located place");
        assertThat(find(EmptyState.class).single().getElement().getTextRecursively()).contains("Nothing to draw");
    }
}
