package org.annals.map;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.beans.factory.annotation.Autowired;

/** The small map of an entity: a place's events and those inside it, an actor's events; vetted ones only. */
abstract class EntityMapPointsContract {

    @Autowired
    MapService maps;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;
    @Autowired
    Fixtures fixtures;

    UUID project;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal viewer;
    UUID battles;
    UUID region;
    UUID town;
    UUID square;
    UUID elsewhere;
    UUID group;
    UUID atRegion;
    UUID atTown;
    UUID atSquare;
    UUID atElsewhere;

    @BeforeEach
    void placesInsidePlacesAndTheirEvents() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        viewer = fixtures.newUser("viewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        region = place(EntityPayload.of(EntityKind.PLACE, "Idlib Governorate").withCoordinates(35.75, 36.65)
                .withPrecision(GeoPrecision.REGION));
        town = place(EntityPayload.of(EntityKind.PLACE, "Saraqib").withCoordinates(35.8647, 36.8006)
                .withPrecision(GeoPrecision.TOWN).withPartOf(region));
        square = place(EntityPayload.of(EntityKind.PLACE, "Saraqib main square").withCoordinates(35.865, 36.801)
                .withPrecision(GeoPrecision.EXACT).withPartOf(town));
        elsewhere = place(EntityPayload.of(EntityKind.PLACE, "Hama").withCoordinates(35.13, 36.76)
                .withPrecision(GeoPrecision.TOWN));
        group = place(EntityPayload.of(EntityKind.ORGANIZATION, "Hay'at Tahrir al-Sham"));
        atTown = event("Fighting in Saraqib", "2024-11-29", town, List.of(new EventActor(group, ActorRole.PRIMARY)));
        atSquare = event("Square taken", "2024-11-30", square, List.of());
        atRegion = event("Offensive in Idlib Governorate", "2024-11-27", region, List.of());
        atElsewhere = event("Hama captured", "2024-12-05", elsewhere, List.of(new EventActor(group, ActorRole.PRIMARY)));
        // Neither a place-less event nor a pending one is on any map.
        event("Announcement", "2024-11-27", null, List.of(new EventActor(group, ActorRole.PRIMARY)));
        as(editor, () -> events.proposeCreate(project, EventPayload.of("Pending in Saraqib",
                PartialDate.parse("2024-11-28"), battles).withPlace(town), "Pending", true));
    }

    private UUID place(EntityPayload values) {
        var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + values.name(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private UUID event(String title, String day, UUID at, List<EventActor> actors) {
        var proposal = as(editor, () -> events.proposeCreate(project, EventPayload.of(title, PartialDate.parse(day),
                battles).withPlace(at).withActors(actors), "Add " + title, true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.eventId();
    }

    private List<UUID> pointsOf(UUID entity) {
        return as(viewer, () -> maps.pointsOfEntity(project, entity)).stream().map(MapPoint::eventId).toList();
    }

    @Test
    void a_place_shows_its_events_and_those_at_places_inside_it_at_any_depth_oldest_first() {
        assertThat(pointsOf(region)).containsExactly(atRegion, atTown, atSquare);
        assertThat(pointsOf(town)).containsExactly(atTown, atSquare);
        assertThat(pointsOf(square)).containsExactly(atSquare);
        assertThat(pointsOf(elsewhere)).containsExactly(atElsewhere);
    }

    @Test
    void each_point_is_where_its_own_place_lies_not_where_the_entity_lies() {
        var points = as(viewer, () -> maps.pointsOfEntity(project, region));
        assertThat(points).filteredOn(p -> p.eventId().equals(atSquare)).singleElement().satisfies(p -> {
            assertThat(p.latitude()).isEqualTo(35.865);
            assertThat(p.precision()).isEqualTo(GeoPrecision.EXACT);
            assertThat(p.placeId()).isEqualTo(square);
        });
    }

    @Test
    void an_actor_shows_the_located_events_it_takes_part_in() {
        assertThat(pointsOf(group)).containsExactly(atTown, atElsewhere);
    }

    @Test
    void an_entity_of_another_project_or_without_events_shows_nothing() {
        UUID other = fixtures.newProject(fixtures.admin());
        assertThat(as(fixtures.admin(), () -> maps.pointsOfEntity(other, region))).isEmpty();
        UUID lonely = place(EntityPayload.of(EntityKind.PERSON, "Nobody in particular"));
        assertThat(pointsOf(lonely)).isEmpty();
    }

    @Test
    void only_members_see_the_points() {
        AnnalsPrincipal stranger = fixtures.newUser("stranger");
        assertThatThrownBy(() -> as(stranger, () -> maps.pointsOfEntity(project, region)))
                .isInstanceOfAny(AccessDeniedException.class, org.annals.base.NotFoundException.class);
    }
}
