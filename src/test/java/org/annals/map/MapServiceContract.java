package org.annals.map;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.annals.base.NotFoundException;
import org.annals.entity.GeoPrecision;
import org.annals.event.EventService;
import org.annals.event.TimelineEntry;
import org.annals.event.TimelineFilter;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the map shows, on H2 and PostgreSQL (the subclasses): exactly the timeline's filtered events that have a
 * located place, in date order, at their place's coordinates and precision; the popup's plain text; and nothing for
 * someone who is not a member.
 */
abstract class MapServiceContract {

    @Autowired
    MapService maps;
    @Autowired
    EventService events;
    @Autowired
    MapFixtures mapFixtures;
    @Autowired
    Fixtures fixtures;

    MapFixtures.SmallWar war;

    @BeforeEach
    void aSmallWar() {
        war = mapFixtures.smallWar();
    }

    private List<UUID> pointIds(TimelineFilter filter) {
        return as(war.viewer(), () -> maps.points(war.project(), filter)).stream().map(MapPoint::eventId).toList();
    }

    /** The timeline's events for the filter whose place has coordinates (the only located places here). */
    private List<UUID> locatedTimelineIds(TimelineFilter filter) {
        Set<UUID> located = Set.of(war.aleppo(), war.citadel());
        return as(war.viewer(), () -> events.timeline(war.project(), filter, 0, 1000)).stream()
                .filter(e -> e.placeId() != null && located.contains(e.placeId()))
                .sorted(java.util.Comparator.comparing((TimelineEntry e) -> e.start().date()))
                .map(TimelineEntry::id).toList();
    }

    @Test
    void the_points_are_the_timelines_filtered_events_that_have_a_located_place() {
        var all = TimelineFilter.ALL;
        var battles = new TimelineFilter(null, null, war.battles(), null, null, "");
        var december = new TimelineFilter(LocalDate.of(2024, 12, 1), null, null, null, null, "");
        var byActor = new TimelineFilter(null, null, null, war.hts(), null, "");
        var byText = new TimelineFilter(null, null, null, null, null, "citadel");
        var byPlace = new TimelineFilter(null, null, null, null, war.tallRifat(), "");

        assertThat(pointIds(all)).containsExactly(war.aleppoBattle(), war.citadelBlast());
        assertThat(pointIds(battles)).containsExactly(war.aleppoBattle());
        assertThat(pointIds(december)).containsExactly(war.citadelBlast());
        assertThat(pointIds(byActor)).containsExactly(war.aleppoBattle());
        assertThat(pointIds(byText)).containsExactly(war.citadelBlast());
        assertThat(pointIds(byPlace)).isEmpty();
        for (var filter : List.of(all, battles, december, byActor, byText, byPlace, all.contested(true))) {
            assertThat(pointIds(filter)).as(filter.toString()).isEqualTo(locatedTimelineIds(filter));
        }
        // the timeline has the unlocated and placeless battles the map leaves off
        assertThat(as(war.viewer(), () -> events.count(war.project(), all))).isEqualTo(4);
    }

    @Test
    void a_point_is_at_its_places_coordinates_with_the_places_precision() {
        var points = as(war.viewer(), () -> maps.points(war.project(), TimelineFilter.ALL));
        MapPoint aleppo = points.getFirst();
        assertThat(aleppo.latitude()).isEqualTo(36.2021);
        assertThat(aleppo.longitude()).isEqualTo(37.1343);
        assertThat(aleppo.precision()).isEqualTo(GeoPrecision.TOWN);
        assertThat(aleppo.start()).isEqualTo(LocalDate.of(2024, 11, 30));
        assertThat(aleppo.typeId()).isEqualTo(war.battles());
        assertThat(points.get(1).precision()).isEqualTo(GeoPrecision.EXACT);
    }

    @Test
    void the_legend_lists_the_top_level_types_in_the_taxonomys_order() {
        var types = as(war.viewer(), () -> maps.types(war.project()));
        assertThat(types.getFirst().id()).isEqualTo(war.battles());
        assertThat(types.get(1).id()).isEqualTo(war.explosions());
    }

    @Test
    void a_popup_tells_date_title_type_place_actors_and_sources_as_text() {
        MapPopup popup = as(war.viewer(), () -> maps.popup(war.project(), war.aleppoBattle()));
        assertThat(popup.eventId()).isEqualTo(war.aleppoBattle());
        assertThat(popup.date()).isEqualTo("30 November 2024");
        assertThat(popup.title()).isEqualTo("Rebels enter Aleppo");
        assertThat(popup.type()).isEqualTo(as(war.viewer(), () -> maps.types(war.project())).getFirst().name());
        assertThat(popup.place()).isEqualTo("Aleppo (town or city)");
        assertThat(popup.actors()).containsExactly("Hay'at Tahrir al-Sham");
        assertThat(popup.sources()).containsExactly(MapFixtures.SOURCE_TITLE);
        assertThat(popup.address()).isEqualTo("projects/" + war.project() + "/events/" + war.aleppoBattle());

        MapPopup blast = as(war.viewer(), () -> maps.popup(war.project(), war.citadelBlast()));
        assertThat(blast.place()).isEqualTo("Hama citadel");
        assertThat(blast.actors()).isEmpty();
        assertThat(blast.sources()).isEmpty();
    }

    @Test
    void someone_of_another_project_gets_nothing() {
        var stranger = fixtures.newUser("map-stranger");
        fixtures.addMember(fixtures.newProject(fixtures.admin()), stranger, org.annals.project.ProjectRole.VIEWER);
        assertThatThrownBy(() -> as(stranger, () -> maps.points(war.project(), TimelineFilter.ALL)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> maps.popup(war.project(), war.aleppoBattle())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> maps.types(war.project())))
                .isInstanceOf(NotFoundException.class);
        // nor does an event of another project open through this one
        var other = mapFixtures.smallWar();
        assertThatThrownBy(() -> as(war.viewer(), () -> maps.popup(war.project(), other.aleppoBattle())))
                .isInstanceOf(NotFoundException.class);
    }
}
