package org.annals.map.ui;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.entity.GeoPrecision;
import org.annals.event.ActorRole;
import org.annals.event.EventActor;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The small maps on the event and entity pages, without a browser: what they draw, say and link to. */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class SmallMapsViewTest extends SignedInBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;

    UUID project;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal viewer;
    UUID battles;
    UUID region;
    UUID town;
    UUID nowhere;
    UUID group;
    UUID person;
    UUID inTown;
    UUID inRegion;
    UUID atNowhere;
    UUID placeless;

    @BeforeEach
    void placesAndEvents() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        viewer = fixtures.newUser("viewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        region = entity(EntityPayload.of(EntityKind.PLACE, "Idlib Governorate").withCoordinates(35.75, 36.65)
                .withPrecision(GeoPrecision.REGION));
        town = entity(EntityPayload.of(EntityKind.PLACE, "Saraqib").withCoordinates(35.8647, 36.8006)
                .withPrecision(GeoPrecision.TOWN).withPartOf(region));
        nowhere = entity(EntityPayload.of(EntityKind.PLACE, "A village nobody located"));
        group = entity(EntityPayload.of(EntityKind.ORGANIZATION, "Hay'at Tahrir al-Sham"));
        person = entity(EntityPayload.of(EntityKind.PERSON, "A bystander"));
        inTown = event("Fighting in Saraqib", town, List.of(new EventActor(group, ActorRole.PRIMARY)));
        inRegion = event("Offensive in Idlib Governorate", region, List.of(new EventActor(group, ActorRole.PRIMARY)));
        atNowhere = event("Clash at the village", nowhere, List.of());
        placeless = event("Announcement", null, List.of(new EventActor(person, ActorRole.PRIMARY)));
        signIn(viewer);
    }

    private UUID entity(EntityPayload values) {
        var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + values.name(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private UUID event(String title, UUID place, List<EventActor> actors) {
        var proposal = as(editor, () -> events.proposeCreate(project, EventPayload.of(title,
                PartialDate.parse("2024-11-29"), battles).withPlace(place).withActors(actors), "Add " + title, true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.eventId();
    }


    private SmallMap open(String path) {
        navigate("projects/" + project + "/" + path, Component.class);
        return find(SmallMap.class).single();
    }

    private static String text(SmallMap map) {
        return map.getElement().getTextRecursively();
    }

    @Test
    void an_event_page_maps_the_event_at_its_place_and_says_how_precisely() {
        SmallMap map = open("events/" + inTown);
        assertThat(map.shownCount()).isEqualTo(1);
        assertThat(find(EventMap.class).all()).hasSize(1);
        assertThat(text(map)).contains("Located at Saraqib (town)");
        assertThat(find(Anchor.class).withClassName("small-map-full").all()).isEmpty();
    }

    @Test
    void an_event_that_cannot_be_located_gets_a_note_instead_of_an_empty_map() {
        SmallMap map = open("events/" + atNowhere);
        assertThat(map.shownCount()).isZero();
        assertThat(find(EventMap.class).all()).isEmpty();
        assertThat(find(Paragraph.class).withClassName("small-map-note").single().getText())
                .contains("Not on the map").contains("A village nobody located");

        map = open("events/" + placeless);
        assertThat(find(EventMap.class).all()).isEmpty();
        assertThat(text(map)).contains("the event has no place");
    }

    @Test
    void a_place_page_maps_its_events_and_those_inside_it_and_links_to_the_full_map_of_it() {
        SmallMap map = open("entities/" + region);
        assertThat(map.shownCount()).isEqualTo(2);
        assertThat(text(map)).contains("Located at Idlib Governorate (region)")
                .contains("2 located events at Idlib Governorate or at places inside it");
        assertThat(find(Anchor.class).withClassName("small-map-full").single().getHref())
                .isEqualTo("projects/" + project + "/map?place=" + region);

        assertThat(open("entities/" + town).shownCount()).isEqualTo(1);
        assertThat(find(Anchor.class).withClassName("small-map-full").single().getHref()).endsWith("place=" + town);
    }

    @Test
    void an_actor_page_maps_the_events_it_takes_part_in_and_links_to_the_full_map_of_them() {
        SmallMap map = open("entities/" + group);
        assertThat(map.shownCount()).isEqualTo(2);
        assertThat(find(Anchor.class).withClassName("small-map-full").single().getHref())
                .isEqualTo("projects/" + project + "/map?actor=" + group);
    }

    @Test
    void an_entity_in_no_located_event_has_no_map_and_a_place_without_location_a_note() {
        navigate("projects/" + project + "/entities/" + person, Component.class);
        assertThat(find(SmallMap.class).all()).isEmpty();
        assertThat(find(EventMap.class).all()).isEmpty();

        SmallMap map = open("entities/" + nowhere);
        assertThat(map.shownCount()).isZero();
        assertThat(find(EventMap.class).all()).isEmpty();
        assertThat(text(map)).contains("Not on the map");
    }

    @Test
    void a_borrowed_location_names_the_larger_place_it_comes_from() {
        var citadel = new org.annals.entity.PlaceLocation(UUID.randomUUID(), "Citadel of Aleppo", 36.2, 37.13,
                GeoPrecision.TOWN, UUID.randomUUID(), "Aleppo", "Syria", "Aleppo Governorate", null);
        assertThat(SmallMap.located(citadel))
                .isEqualTo("Located by Aleppo, its town: Citadel of Aleppo has no coordinates of its own");
    }
}
