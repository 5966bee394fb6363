package org.annals.event;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
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
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An installation upgraded to claims (issue 17, point 7; decision 0030): a populated database of the schema before
 * claims (events with a place, actors and several fatality claims that agree or disagree, a pending changeset
 * and revisions whose stored JSON lists {@code fatalities}) is migrated by V23 and V24, and everything is still
 * there as claims, with the ids the application gives, and still works. The test takes the schema back to V22
 * under a context of its own (the subclasses), as an installation of that time has it, then lets Flyway migrate.
 */
abstract class ClaimsMigrationContract {

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
    @Autowired
    ChangesetService changesets;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Flyway flyway;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void events_of_the_schema_before_claims_keep_their_values_and_fatality_claims_as_claims() {
        UUID project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal editor = fixtures.newUser("upgrade-editor");
        AnnalsPrincipal reviewer = fixtures.newUser("upgrade-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        UUID reuters = fixtures.newSource(project, editor, "Reuters", "Twelve were killed in Hama.");
        UUID ministry = fixtures.newSource(project, editor, "Ministry", "Eight died in Hama.");
        UUID hama = approved(editor, reviewer, () -> entities.proposeCreate(project,
                EntityPayload.of(EntityKind.PLACE, "Hama"), "Add Hama", true));
        UUID hts = approved(editor, reviewer, () -> entities.proposeCreate(project,
                EntityPayload.of(EntityKind.ORGANIZATION, "HTS"), "Add HTS", true));
        UUID army = approved(editor, reviewer, () -> entities.proposeCreate(project,
                EntityPayload.of(EntityKind.ORGANIZATION, "Syrian Arab Army"), "Add SAA", true));
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        EventPayload strike = EventPayload.of("Strike on Hama", PartialDate.parse("2024-12-05"), battles).withPlace(hama)
                .withActors(List.of(new EventActor(hts, ActorRole.PRIMARY), new EventActor(army, ActorRole.OPPOSING)));
        UUID disputed = approvedEvent(project, editor, reviewer, strike);
        UUID agreed = approvedEvent(project, editor, reviewer, EventPayload.of("Clash near Hama",
                PartialDate.parse("2024-12"), battles));
        long disputedVersion = as(editor, () -> events.get(project, disputed)).version();
        // a proposal still waiting for review when the installation is upgraded: a new toll for the strike
        UUID pending = as(editor, () -> events.proposeUpdate(project, disputed, disputedVersion,
                strike.withCasualties(List.of(EventClaim.killed(15, 15, reuters))), "Later toll", true)).changesetId();

        // Back to the schema before claims, with the rows an installation of that time has.
        jdbc.execute("drop table event_claim");
        jdbc.execute("alter table event_record drop column contested_fields");
        jdbc.execute("""
                create table event_fatality_claim (
                    event_id      uuid    not null references event_record (id) on delete cascade,
                    ordinal       integer not null,
                    minimum       integer not null,
                    maximum       integer not null,
                    source_id     uuid,
                    note          varchar(500),
                    primary key (event_id, ordinal),
                    constraint ck_fatality_range check (minimum >= 0 and maximum >= minimum))""");
        String fatality = "insert into event_fatality_claim (event_id, ordinal, minimum, maximum, source_id, note)"
                + " values (?, ?, ?, ?, ?, ?)";
        jdbc.update(fatality, disputed, 0, 12, 12, reuters, null);
        jdbc.update(fatality, disputed, 1, 8, 8, ministry, "the ministry's count");
        jdbc.update(fatality, agreed, 0, 10, 20, reuters, null);
        jdbc.update(fatality, agreed, 1, 15, 15, ministry, null);
        // stored JSON of that time: "fatalities", no "claims"
        jdbc.update("update change_operation set payload = ? where changeset_id = ?",
                oldForm(jdbc.queryForObject("select payload from change_operation where changeset_id = ?",
                        String.class, pending), List.of(Map.of("minimum", 15, "maximum", 15, "sourceId", reuters))),
                pending);
        for (Map<String, Object> revision : jdbc.queryForList(
                "select id, snapshot from record_revision where record_id = ?", disputed)) {
            jdbc.update("update record_revision set snapshot = ? where id = ?", oldForm((String) revision.get("snapshot"),
                    List.of(Map.of("minimum", 12, "maximum", 12, "sourceId", reuters),
                            Map.of("minimum", 8, "maximum", 8, "sourceId", ministry, "note", "the ministry's count"))),
                    revision.get("id"));
        }
        String history = flyway.getConfiguration().getTable();
        jdbc.update("delete from \"" + history + "\" where \"version\" in ('23', '24')");
        // later migrations are applied already: the two run out of order, as on a database upgraded past them
        Flyway upgrade = Flyway.configure().configuration(flyway.getConfiguration()).outOfOrder(true).load();
        assertThat(upgrade.info().pending()).as("the claims migrations wait").hasSize(2);

        upgrade.migrate();

        assertThat(upgrade.info().pending()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables"
                + " where lower(table_name) = 'event_fatality_claim'", Integer.class)).isZero();
        List<Map<String, Object>> rows = jdbc.queryForList("select claim_id, field, preferred, source_id, note,"
                + " place_id, actors, category, party, minimum, maximum, qualifier from event_claim where event_id = ?"
                + " order by ordinal", disputed);
        assertThat(rows).extracting(r -> r.get("field")).containsExactly("DATE", "PLACE", "TYPE", "ACTORS",
                "CASUALTIES", "CASUALTIES");
        assertThat(rows).extracting(r -> r.get("claim_id")).containsExactly(
                EventClaims.plainId(disputed, ClaimField.DATE), EventClaims.plainId(disputed, ClaimField.PLACE),
                EventClaims.plainId(disputed, ClaimField.TYPE), EventClaims.plainId(disputed, ClaimField.ACTORS),
                EventClaims.givenId(disputed, ClaimField.CASUALTIES, 0),
                EventClaims.givenId(disputed, ClaimField.CASUALTIES, 1));
        assertThat(rows).extracting(r -> r.get("preferred")).containsExactly(true, true, true, true, true, false);
        assertThat(rows).extracting(r -> r.get("source_id")).containsExactly(null, null, null, null, reuters, ministry);
        assertThat(rows.get(1).get("place_id")).isEqualTo(hama);
        assertThat(rows.get(3).get("actors")).isEqualTo(hts + ":PRIMARY;" + army + ":OPPOSING");
        assertThat(rows.get(5)).containsEntry("category", "KILLED").containsEntry("party", "ALL")
                .containsEntry("minimum", 8).containsEntry("maximum", 8).containsEntry("qualifier", "EXACTLY")
                .containsEntry("note", "the ministry's count");
        assertThat(contested(disputed)).isEqualTo("CASUALTIES");
        assertThat(contested(agreed)).as("10–20 and 15 agree").isEmpty();

        // the application reads them as it writes them: the same claims, values and disputes
        TimelineEntry entry = as(editor, () -> events.get(project, disputed));
        assertThat(entry.placeId()).isEqualTo(hama);
        assertThat(entry.actors()).extracting(TimelineEntry.Actor::entityId).containsExactly(hts, army);
        assertThat(entry.values().claims()).hasSize(6);
        assertThat(EventClaims.normalise(disputed, entry.values())).isEqualTo(entry.values());
        assertThat(entry.disputes()).singleElement().satisfies(d -> assertThat(d.field()).isEqualTo(ClaimField.CASUALTIES));
        assertThat(entry.sourceCount()).isEqualTo(2);
        TimelineEntry second = as(editor, () -> events.get(project, agreed));
        assertThat(second.casualties()).extracting(c -> c.casualties().figure()).containsExactly("10–20", "15");
        assertThat(second.sourcesDisagree()).isFalse();

        // the history written before claims still reads, the fatalities as casualty claims
        var revisions = as(editor, () -> this.history.history(project, EventRecordType.KIND, disputed));
        assertThat(revisions).isNotEmpty();
        assertThat(revisions.getFirst().changes()).anySatisfy(change -> {
            assertThat(change.field()).isEqualTo("Casualties");
            assertThat(change.after()).contains("12 killed per “Reuters”").contains("8 killed per “Ministry”");
        });

        // and the changeset proposed before the upgrade is still approved as it was meant
        assertThat(as(reviewer, () -> changesets.details(pending)).operations()).singleElement()
                .satisfies(op -> assertThat(op.stale()).isFalse());
        as(reviewer, () -> review.approve(pending, null));
        assertThat(as(reviewer, () -> changesets.details(pending)).summary().state()).isEqualTo(ChangesetState.APPROVED);
        TimelineEntry after = as(editor, () -> events.get(project, disputed));
        assertThat(after.casualties()).singleElement().satisfies(c -> {
            assertThat(c.casualties()).isEqualTo(Casualties.killed(15));
            assertThat(c.sourceId()).isEqualTo(reuters);
            assertThat(c.preferred()).isTrue();
        });
        assertThat(after.placeId()).isEqualTo(hama);
        assertThat(contested(disputed)).isEmpty();
    }

    private UUID approved(AnnalsPrincipal editor, AnnalsPrincipal reviewer,
            java.util.function.Supplier<EntityService.Proposal> proposal) {
        var made = as(editor, proposal);
        as(reviewer, () -> review.approve(made.changesetId(), null));
        return made.entityId();
    }

    private UUID approvedEvent(UUID project, AnnalsPrincipal editor, AnnalsPrincipal reviewer, EventPayload values) {
        var made = as(editor, () -> events.proposeCreate(project, values, "Add " + values.title(), true));
        as(reviewer, () -> review.approve(made.changesetId(), null));
        return made.eventId();
    }

    private String contested(UUID eventId) {
        return jdbc.queryForObject("select contested_fields from event_record where id = ?", String.class, eventId);
    }

    /** The stored JSON of an event as written before claims: its claims dropped, these fatalities instead. */
    private static String oldForm(String json, List<Map<String, Object>> fatalities) {
        ObjectNode event = (ObjectNode) JSON.readTree(json);
        event.remove("claims");
        var list = event.putArray("fatalities");
        for (Map<String, Object> f : fatalities) {
            ObjectNode claim = list.addObject();
            claim.put("minimum", (Integer) f.get("minimum"));
            claim.put("maximum", (Integer) f.get("maximum"));
            claim.put("sourceId", f.get("sourceId").toString());
            claim.put("note", (String) f.get("note"));
        }
        return JSON.writeValueAsString(event);
    }
}
