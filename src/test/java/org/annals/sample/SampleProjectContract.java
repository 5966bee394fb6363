package org.annals.sample;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.entity.GeoPrecision;
import org.annals.entity.PlaceLocator;
import org.annals.event.EventRecordType;
import org.annals.event.EventService;
import org.annals.event.TimelineEntry;
import org.annals.event.TimelineFilter;
import org.annals.map.MapService;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.security.AnnalsPrincipal;
import org.annals.settings.SiteSettingsService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sample project's gazetteer and timeline, seeded once per site through the ordinary changesets, on H2 and
 * PostgreSQL (the seeder's quote look-up and the map's part-of query run on both).
 */
abstract class SampleProjectContract {

    @Autowired
    SampleProjectSeeder seeder;
    @Autowired
    SiteSettingsService settings;
    @Autowired
    ProjectService projects;
    @Autowired
    EventService events;
    @Autowired
    EntityService entities;
    @Autowired
    AnnotationService annotations;
    @Autowired
    PlaceLocator places;
    @Autowired
    MapService maps;
    @Autowired
    Fixtures fixtures;

    AnnalsPrincipal admin;
    UUID project;
    SampleTimeline.Timeline expected;

    @BeforeEach
    void seededOnce() throws IOException {
        admin = fixtures.admin();
        // The first test of this context seeds the site, as the first start does; the others find it seeded.
        if (!as(admin, () -> settings.sampleProjectCreated())) {
            seeder.run();
        }
        project = sampleProjects().getFirst().id();
        expected = SampleTimeline.read();
    }

    private List<ProjectSummary> sampleProjects() {
        return as(admin, () -> projects.myProjects()).stream()
                .filter(p -> p.name().equals(SampleProjectSeeder.PROJECT_NAME)).toList();
    }

    private List<TimelineEntry> timeline() {
        return as(admin, () -> events.timeline(project, TimelineFilter.ALL, 0, 1000));
    }

    @Test
    void every_event_of_the_timeline_file_is_vetted_with_the_sentence_it_comes_from_as_evidence() {
        List<TimelineEntry> vetted = timeline();
        assertThat(vetted).hasSize(expected.events().size()).hasSizeBetween(15, 25);
        Map<String, SampleTimeline.Event> byTitle = new HashMap<>();
        expected.events().forEach(e -> byTitle.put(e.title(), e));
        for (TimelineEntry event : vetted) {
            SampleTimeline.Event source = byTitle.get(event.title());
            assertThat(source).as(event.title()).isNotNull();
            assertThat(event.start().display()).as(event.title()).isNotBlank();
            assertThat(event.placeId()).as(event.title()).isNotNull();
            var evidence = as(admin, () -> annotations.evidence(project, EventRecordType.KIND, event.id()));
            assertThat(evidence).as("evidence of " + event.title()).singleElement().satisfies(quote -> {
                assertThat(quote.exact()).isEqualTo(source.quote());
                assertThat(quote.type()).isEqualTo(AnnotationType.EVENT_MENTION);
            });
            assertThat(event.sourceCount()).isEqualTo(1);
        }
        assertThat(vetted).extracting(TimelineEntry::title).contains("Rebels capture the Citadel of Aleppo",
                "HTS-led rebels take control of Hama", "SNA captures Tell Rifaat from the SDF");
    }

    @Test
    void the_gazetteer_nests_towns_in_districts_in_governorates_in_the_country() {
        var syria = place("Syria");
        assertThat(syria.values().precision()).isEqualTo(GeoPrecision.COUNTRY);
        var aleppo = place("Aleppo");
        assertThat(aleppo.values().precision()).isEqualTo(GeoPrecision.TOWN);
        assertThat(aleppo.partOf().name()).isEqualTo("Mount Simeon District");
        var district = place("Mount Simeon District");
        assertThat(district.values().precision()).isEqualTo(GeoPrecision.REGION);
        assertThat(district.partOf().name()).isEqualTo("Aleppo Governorate");
        assertThat(place("Aleppo Governorate").partOf().id()).isEqualTo(syria.id());
        var citadel = place("Citadel of Aleppo");
        assertThat(citadel.values().latitude()).as("the citadel has no coordinates of its own").isNull();
        assertThat(citadel.partOf().id()).isEqualTo(aleppo.id());
        assertThat(as(admin, () -> entities.search(project, "", EntityKind.ORGANIZATION, 0, 100)))
                .extracting(EntitySummary::name)
                .contains("Hay'at Tahrir al-Sham", "Syrian National Army", "Syrian Arab Army");
    }

    @Test
    void every_event_at_a_place_with_coordinates_is_located_there() {
        List<TimelineEntry> vetted = timeline();
        Map<UUID, org.annals.entity.PlaceLocation> located = as(admin, () -> places.locate(project,
                vetted.stream().map(TimelineEntry::placeId).distinct().toList()));
        var citadel = place("Citadel of Aleppo");
        var aleppo = place("Aleppo");
        for (TimelineEntry event : vetted) {
            var own = as(admin, () -> entities.get(project, event.placeId())).values();
            if (own.latitude() != null) {
                assertThat(located.get(event.placeId())).as(event.title()).isNotNull().satisfies(where -> {
                    assertThat(where.latitude()).isEqualTo(own.latitude());
                    assertThat(where.longitude()).isEqualTo(own.longitude());
                    assertThat(where.precision()).isEqualTo(own.precision());
                    assertThat(where.inherited()).isFalse();
                });
            } else {
                // The one expected exception: the citadel, which can only borrow Aleppo's location.
                assertThat(event.placeId()).as(event.title()).isEqualTo(citadel.id());
                var borrowed = located.get(citadel.id());
                if (borrowed != null) {
                    assertThat(borrowed.locatedBy()).isEqualTo(aleppo.id());
                    assertThat(borrowed.latitude()).isEqualTo(aleppo.values().latitude());
                }
            }
        }
        assertThat(as(admin, () -> maps.points(project, TimelineFilter.ALL)))
                .hasSize(vetted.size() - (located.containsKey(citadel.id()) ? 0 : 1));
    }

    @Test
    void seeding_runs_once_per_site() throws IOException {
        int before = timeline().size();
        seeder.run();
        assertThat(sampleProjects()).hasSize(1);
        assertThat(timeline()).hasSize(before);
    }

    private org.annals.entity.EntityDetails place(String name) {
        UUID id = as(admin, () -> entities.search(project, name, EntityKind.PLACE, 0, 50)).stream()
                .filter(e -> e.name().equals(name)).findFirst().orElseThrow().id();
        return as(admin, () -> entities.get(project, id));
    }
}
