package org.annals.entity;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where places lie (decision 0038), on H2 and PostgreSQL: own coordinates with their precision (unset reads as
 * exact), a nearest located ancestor's coarsened to at least "near", none up the chain, the administrative levels
 * from part-of, merged places and part-of cycles; and the rules a precision must follow to be proposed.
 */
// One set of places (and events) for every test: the tests only read them or add places of their own.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlaceLocatorContract {

    @Autowired
    PlaceLocator locator;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    UUID project;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal viewer;
    UUID syria;
    UUID idlib;
    UUID district;
    UUID town;
    UUID citadel;
    UUID tower;

    @BeforeAll
    void aChainOfPlaces() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("geo-editor");
        reviewer = fixtures.newUser("geo-reviewer");
        viewer = fixtures.newUser("geo-viewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        syria = place("Syria", 35.0, 38.5, GeoPrecision.COUNTRY, null);
        idlib = place("Idlib Governorate", 35.9, 36.6, GeoPrecision.REGION, syria);
        district = place("Jisr al-Shughur District", 35.8, 36.3, GeoPrecision.REGION, idlib);
        town = place("Jisr al-Shughur", 35.81, 36.32, GeoPrecision.TOWN, district);
        citadel = place("Citadel", null, null, null, town);
        tower = place("North tower", null, null, null, citadel);
    }

    UUID place(String name, @Nullable Double latitude, @Nullable Double longitude, @Nullable GeoPrecision precision,
            @Nullable UUID partOf) {
        var values = EntityPayload.of(EntityKind.PLACE, name).withCoordinates(latitude, longitude)
                .withPrecision(precision).withPartOf(partOf);
        var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + name, true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private PlaceLocation located(UUID place) {
        return as(viewer, () -> locator.locate(project, place)).orElseThrow();
    }

    @Test
    void a_place_with_coordinates_lies_there_with_its_own_precision_and_unset_reads_as_exact() {
        for (GeoPrecision precision : GeoPrecision.values()) {
            UUID spot = place("Spot " + precision, 35.5, 36.5, precision, null);
            assertThat(located(spot)).as(precision.name()).satisfies(where -> {
                assertThat(where.latitude()).isEqualTo(35.5);
                assertThat(where.longitude()).isEqualTo(36.5);
                assertThat(where.precision()).isEqualTo(precision);
                assertThat(where.inherited()).isFalse();
                assertThat(where.locatedBy()).isNull();
                assertThat(where.locatedByName()).isNull();
            });
        }
        UUID unset = place("A place from before precisions", 34.7, 36.7, null, town);
        assertThat(located(unset).precision()).isEqualTo(GeoPrecision.EXACT);
        assertThat(located(unset).inherited()).isFalse();
        assertThat(located(syria).precision()).isEqualTo(GeoPrecision.COUNTRY);
    }

    @Test
    void a_place_without_coordinates_takes_its_nearest_located_ancestors_at_least_near() {
        // Parent: the town's point, still a town.
        PlaceLocation inCitadel = located(citadel);
        assertThat(inCitadel.latitude()).isEqualTo(35.81);
        assertThat(inCitadel.longitude()).isEqualTo(36.32);
        assertThat(inCitadel.precision()).isEqualTo(GeoPrecision.TOWN);
        assertThat(inCitadel.locatedBy()).isEqualTo(town);
        assertThat(inCitadel.locatedByName()).isEqualTo("Jisr al-Shughur");
        assertThat(inCitadel.placeId()).isEqualTo(citadel);
        assertThat(inCitadel.placeName()).isEqualTo("Citadel");
        // Grandparent: the same, the nearest located ancestor being two levels up.
        PlaceLocation inTower = located(tower);
        assertThat(inTower.locatedBy()).isEqualTo(town);
        assertThat(inTower.precision()).isEqualTo(GeoPrecision.TOWN);
        // An exact ancestor's point is not the part's: near it.
        UUID mosque = place("Great Mosque", 35.812, 36.321, GeoPrecision.EXACT, town);
        UUID courtyard = place("Courtyard", null, null, null, mosque);
        UUID fountain = place("Fountain", null, null, null, courtyard);
        assertThat(located(courtyard).precision()).isEqualTo(GeoPrecision.NEAR);
        assertThat(located(fountain).precision()).isEqualTo(GeoPrecision.NEAR);
        assertThat(located(fountain).locatedBy()).isEqualTo(mosque);
        // A near or region ancestor keeps its own (coarser or equal) precision; unset counts as exact.
        UUID old = place("Old market", 35.0, 36.0, null, null);
        UUID stall = place("Stall", null, null, null, old);
        assertThat(located(stall).precision()).isEqualTo(GeoPrecision.NEAR);
        UUID inDistrict = place("Somewhere in the district", null, null, null, district);
        assertThat(located(inDistrict).precision()).isEqualTo(GeoPrecision.REGION);
        assertThat(located(inDistrict).locatedByName()).isEqualTo("Jisr al-Shughur District");
    }

    @Test
    void no_coordinates_anywhere_up_the_chain_means_no_location() {
        UUID region = place("Unmapped region", null, null, null, null);
        UUID village = place("Unmapped village", null, null, null, region);
        assertThat(as(viewer, () -> locator.locate(project, village))).isEmpty();
        assertThat(as(viewer, () -> locator.locate(project, List.of(village, region, citadel))))
                .containsOnlyKeys(citadel);
        // Not a place of this project: nothing, not another project's.
        UUID elsewhere = fixtures.newProject(fixtures.admin());
        assertThat(as(fixtures.admin(), () -> locator.locate(elsewhere, List.of(town)))).isEmpty();
    }

    @Test
    void administrative_levels_come_from_the_part_of_chain() {
        PlaceLocation inTower = located(tower);
        assertThat(inTower.country()).isEqualTo("Syria");
        assertThat(inTower.admin1()).isEqualTo("Idlib Governorate");
        assertThat(inTower.admin2()).isEqualTo("Jisr al-Shughur District");
        // Self counts: the district's own admin2 is itself, the governorate's admin1 itself and no admin2.
        assertThat(located(district).admin2()).isEqualTo("Jisr al-Shughur District");
        assertThat(located(idlib).admin1()).isEqualTo("Idlib Governorate");
        assertThat(located(idlib).admin2()).isNull();
        assertThat(located(syria).country()).isEqualTo("Syria");
        assertThat(located(syria).admin1()).isNull();
        // A third region level below the district is no admin level; a chain without a country has none.
        UUID subdistrict = place("Badama Subdistrict", 35.85, 36.25, GeoPrecision.REGION, district);
        assertThat(located(subdistrict).admin1()).isEqualTo("Idlib Governorate");
        assertThat(located(subdistrict).admin2()).isEqualTo("Jisr al-Shughur District");
        UUID loose = place("Governorate without a country", 33.5, 36.3, GeoPrecision.REGION, null);
        UUID quarter = place("Quarter", 33.51, 36.31, GeoPrecision.TOWN, loose);
        assertThat(located(quarter).country()).isNull();
        assertThat(located(quarter).admin1()).isEqualTo("Governorate without a country");
        assertThat(located(quarter).admin2()).isNull();
        // Regions above the country (a "Middle East" region) are not below it: no admin level.
        UUID middleEast = place("Middle East", 29.0, 41.0, GeoPrecision.REGION, null);
        UUID lebanon = place("Lebanon", 33.9, 35.8, GeoPrecision.COUNTRY, middleEast);
        UUID beirut = place("Beirut", 33.89, 35.5, GeoPrecision.TOWN, lebanon);
        assertThat(located(beirut).country()).isEqualTo("Lebanon");
        assertThat(located(beirut).admin1()).isNull();
    }

    @Test
    void many_places_at_once_resolve_the_same_as_one_by_one() {
        // More than the threshold, so the whole project is read in one query and resolved in memory.
        var ids = new java.util.ArrayList<UUID>(List.of(syria, idlib, district, town, citadel, tower));
        for (int i = 0; i < PlaceLocator.WHOLE_PROJECT_FROM; i++) {
            ids.add(UUID.randomUUID()); // no such place: left out
        }
        Map<UUID, PlaceLocation> all = as(viewer, () -> locator.locate(project, ids));
        assertThat(all).containsOnlyKeys(syria, idlib, district, town, citadel, tower);
        for (UUID id : List.of(syria, idlib, district, town, citadel, tower)) {
            assertThat(all.get(id)).isEqualTo(located(id));
        }
        // The lookup an export uses gives the same, batch after batch.
        Map<UUID, PlaceLocation> first = as(viewer, () -> locator.lookupUnchecked(project).locate(List.of(tower)));
        assertThat(first.get(tower)).isEqualTo(all.get(tower));
    }

    @Test
    void a_merged_place_stands_for_its_survivor() {
        UUID duplicate = place("Jisr ash-Shughur", null, null, null, null);
        UUID alley = place("Alley", null, null, null, duplicate);
        assertThat(as(viewer, () -> locator.locate(project, alley))).isEmpty();
        var merge = as(editor, () -> entities.proposeMerge(project, duplicate, town, "Same town", true));
        as(reviewer, () -> review.approve(merge.changesetId(), null));
        // The duplicate redirects to the town: its location is the town's own.
        PlaceLocation merged = located(duplicate);
        assertThat(merged.latitude()).isEqualTo(35.81);
        assertThat(merged.precision()).isEqualTo(GeoPrecision.TOWN);
        assertThat(merged.placeName()).isEqualTo("Jisr al-Shughur");
        // Its part moved to the town with the merge, and would follow the redirect anyway.
        assertThat(located(alley).locatedBy()).isEqualTo(town);
        assertThat(located(alley).country()).isEqualTo("Syria");
    }

    @Test
    void a_part_of_cycle_in_old_data_ends_the_walk() {
        UUID first = place("First", null, null, null, null);
        UUID second = place("Second", null, null, null, first);
        // Validation refuses cycles; data from elsewhere might still hold one.
        jdbc.update("update entity_record set part_of_id = ? where id = ?", second, first);
        assertThat(as(viewer, () -> locator.locate(project, List.of(first, second)))).isEmpty();
        UUID located = place("Third", 30.0, 31.0, GeoPrecision.TOWN, null);
        jdbc.update("update entity_record set part_of_id = ? where id = ?", located, second);
        assertThat(located(first).locatedBy()).isEqualTo(located);
    }

    @Test
    void a_precision_needs_coordinates_and_a_place() {
        assertThatThrownBy(() -> as(editor, () -> entities.proposeCreate(project,
                EntityPayload.of(EntityKind.PLACE, "Vague").withPrecision(GeoPrecision.TOWN), "Add", true)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("A precision needs coordinates");
        assertThatThrownBy(() -> as(editor, () -> entities.proposeCreate(project,
                EntityPayload.of(EntityKind.ORGANIZATION, "Army").withPrecision(GeoPrecision.EXACT), "Add", true)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Only places have a precision");
        // Nothing was stored by either refusal.
        assertThat(jdbc.queryForObject("select count(*) from entity_record where project_id = ? and name in (?, ?)",
                Long.class, project, "Vague", "Army")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from change_operation o join changeset c on c.id = o.changeset_id"
                + " where c.project_id = ? and o.payload like ?", Long.class, project, "%Vague%")).isZero();
        // With coordinates it is taken, and review shows it.
        UUID spot = place("Checkpoint", 35.7, 36.4, GeoPrecision.NEAR, town);
        assertThat(as(viewer, () -> entities.get(project, spot)).values().precision()).isEqualTo(GeoPrecision.NEAR);
    }

    @Test
    void locating_needs_a_role_in_the_project() {
        AnnalsPrincipal stranger = fixtures.newUser("geo-stranger");
        // Outsiders are not told the project exists (the matrix checks every role).
        assertThatThrownBy(() -> as(stranger, () -> locator.locate(project, town)))
                .isInstanceOf(org.annals.base.NotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> locator.locate(project, List.of(town))))
                .isInstanceOf(org.annals.base.NotFoundException.class);
    }
}
