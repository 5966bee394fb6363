package org.annals.entity;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetState;
import org.annals.review.HistoryService;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An installation upgraded to place precisions (issue 20, V28; decision 0038): a populated database of the schema
 * before them (places with and without coordinates, a pending changeset and revisions whose stored JSON has no
 * {@code precision}) is migrated by V28, and its places read as before: coordinates of their own as exact points,
 * the others by their ancestors. The schema is taken back under a context of its own (the subclasses).
 */
abstract class PrecisionMigrationContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    PlaceLocator locator;
    @Autowired
    ReviewService review;
    @Autowired
    ChangesetService changesets;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Flyway flyway;

    @Test
    void places_of_the_schema_before_precisions_read_as_exact_points_and_their_parts_as_near_them() {
        UUID project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal editor = fixtures.newUser("precision-editor");
        AnnalsPrincipal reviewer = fixtures.newUser("precision-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        UUID hama = approved(editor, reviewer, project, EntityPayload.of(EntityKind.PLACE, "Hama")
                .withCoordinates(35.13, 36.75));
        UUID citadel = approved(editor, reviewer, project, EntityPayload.of(EntityKind.PLACE, "Hama Citadel")
                .withPartOf(hama));
        long version = as(editor, () -> entities.get(project, hama)).version();
        UUID pending = as(editor, () -> entities.proposeUpdate(project, hama, version, EntityPayload.of(EntityKind.PLACE,
                "Hama").withCoordinates(35.14, 36.76), "Better coordinates", true)).changesetId();

        // Back to the schema before precisions, with the JSON an installation of that time stored.
        jdbc.execute("alter table entity_record drop constraint ck_entity_geo_precision");
        jdbc.execute("alter table entity_record drop column geo_precision");
        for (Map<String, Object> op : jdbc.queryForList("select id, payload from change_operation where changeset_id = ?",
                pending)) {
            jdbc.update("update change_operation set payload = ? where id = ?", oldForm((String) op.get("payload")),
                    op.get("id"));
        }
        for (Map<String, Object> revision : jdbc.queryForList(
                "select id, snapshot from record_revision where record_id in (?, ?)", hama, citadel)) {
            jdbc.update("update record_revision set snapshot = ? where id = ?", oldForm((String) revision.get("snapshot")),
                    revision.get("id"));
        }
        assertThat(jdbc.queryForObject("select count(*) from change_operation where changeset_id = ? and payload like ?",
                Integer.class, pending, "%precision%")).isZero();
        String table = flyway.getConfiguration().getTable();
        jdbc.update("delete from \"" + table + "\" where \"version\" = '28'");
        Flyway upgrade = Flyway.configure().configuration(flyway.getConfiguration()).outOfOrder(true).load();
        assertThat(upgrade.info().pending()).as("the precision migration waits").hasSize(1);

        upgrade.migrate();

        assertThat(upgrade.info().pending()).isEmpty();
        assertThat(jdbc.queryForObject("select geo_precision from entity_record where id = ?", String.class, hama))
                .isNull();
        // Read by the rules: own coordinates without a precision are an exact point; the citadel is near it.
        PlaceLocation city = as(editor, () -> locator.locate(project, hama)).orElseThrow();
        assertThat(city.precision()).isEqualTo(GeoPrecision.EXACT);
        assertThat(city.latitude()).isEqualTo(35.13);
        PlaceLocation part = as(editor, () -> locator.locate(project, citadel)).orElseThrow();
        assertThat(part.precision()).isEqualTo(GeoPrecision.NEAR);
        assertThat(part.locatedBy()).isEqualTo(hama);
        assertThat(as(editor, () -> entities.get(project, hama)).values().precision()).isNull();
        // The history written before still reads.
        assertThat(as(editor, () -> history.history(project, EntityRecordType.KIND, hama))).isNotEmpty();
        // The constraint holds: only the five precisions.
        assertThatThrownBy(() -> jdbc.update("update entity_record set geo_precision = 'CITY' where id = ?", hama))
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.update("update entity_record set geo_precision = 'TOWN' where id = ?", hama);
        assertThat(as(editor, () -> locator.locate(project, hama)).orElseThrow().precision()).isEqualTo(GeoPrecision.TOWN);
        jdbc.update("update entity_record set geo_precision = null where id = ?", hama);

        // The changeset proposed before the upgrade is still approved as it was meant.
        as(reviewer, () -> review.approve(pending, null));
        assertThat(as(reviewer, () -> changesets.details(pending)).summary().state()).isEqualTo(ChangesetState.APPROVED);
        EntityDetails after = as(editor, () -> entities.get(project, hama));
        assertThat(after.values().latitude()).isEqualTo(35.14);
        assertThat(after.values().precision()).isNull();
        assertThat(as(editor, () -> locator.locate(project, hama)).orElseThrow().precision())
                .isEqualTo(GeoPrecision.EXACT);
    }

    private UUID approved(AnnalsPrincipal editor, AnnalsPrincipal reviewer, UUID project, EntityPayload values) {
        var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + values.name(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    /** The stored JSON of an entity as it was before precisions: no "precision" member. */
    private static String oldForm(String stored) {
        if (stored == null) {
            return null;
        }
        var node = (ObjectNode) JSON.readTree(stored);
        node.remove("precision");
        if (node.get("values") instanceof ObjectNode values) {
            values.remove("precision");
        }
        return node.toString();
    }
}
