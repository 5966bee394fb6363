package org.annals.review;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.annals.annotation.AnnotationPayload;
import org.annals.annotation.AnnotationRecordType;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.base.InvalidInputException;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.event.ActorRole;
import org.annals.event.EventActor;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.EventService;
import org.annals.event.EventClaim;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One project's records never point into another's, and record ids are unique across the
 * installation: each kind of reference a payload can make, checked when proposed and again when
 * approved, and new ids that another project already uses. The editor and reviewer are members of
 * both projects, so only the rule itself can refuse. Run against H2 and PostgreSQL by the subclasses.
 */
abstract class CrossProjectReferencesContract {

    private static final String TEXT = "Rebels entered Hama on 5 December; twelve people were killed.";

    @Autowired
    Fixtures fixtures;
    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    AnnotationService annotations;
    @Autowired
    SourceService sources;
    @Autowired
    JdbcTemplate jdbc;

    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    Side a;
    Side b;

    /** What one project holds: a source, a place, an event, an annotation, and its taxonomy's first type. */
    record Side(UUID project, UUID source, UUID place, UUID event, UUID annotation, UUID type) {
    }

    @BeforeEach
    void twoProjectsWithTheSameKindsOfData() {
        editor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        a = side();
        b = side();
    }

    private Side side() {
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        UUID source = fixtures.newSource(project, editor, "Report", TEXT);
        UUID type = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var place = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Hama"), "Hama", true));
        approve(place.changesetId());
        var event = as(editor, () -> events.proposeCreate(project, EventPayload.of("Fall of Hama",
                PartialDate.parse("2024-12-05"), type), "Event", true));
        approve(event.changesetId());
        String text = as(editor, () -> sources.read(project, source)).text();
        int start = text.indexOf("Hama");
        var marked = as(editor, () -> annotations.annotate(project, source, start, start + 4, "Hama",
                AnnotationType.CLAIM, LinkChoice.none()));
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Mark Hama"));
        approve(marked.changesetId());
        return new Side(project, source, place.entityId(), event.eventId(), marked.annotationId(), type);
    }

    private void approve(UUID changesetId) {
        as(reviewer, () -> review.approve(changesetId, null));
    }

    private EventPayload eventIn(Side side) {
        return EventPayload.of("Clashes near Hama", PartialDate.parse("2024-12-06"), side.type());
    }

    @Test
    void a_fatality_claim_may_cite_only_a_source_of_its_own_project() {
        assertRefused(() -> events.proposeCreate(b.project(), eventIn(b)
                .withCasualties(List.of(EventClaim.killed(12, 12, a.source()))), "Cites A", true),
                "refers to a source that does not exist in this project");

        var own = as(editor, () -> events.proposeCreate(b.project(), eventIn(b)
                .withCasualties(List.of(EventClaim.killed(12, 12, b.source()))), "Cites B", true));
        approve(own.changesetId());
        assertThat(as(editor, () -> events.get(b.project(), own.eventId())).sourceCount()).isOne();
    }

    @Test
    void every_other_kind_of_reference_into_another_project_is_refused_when_proposed() {
        UUID p = b.project();
        // Events: place, actor, parent event, merge target, type.
        assertRefused(() -> events.proposeCreate(p, eventIn(b).withPlace(a.place()), "Place", true),
                "does not exist in this project");
        assertRefused(() -> events.proposeCreate(p, eventIn(b).withActors(List.of(new EventActor(a.place(),
                ActorRole.PRIMARY))), "Actor", true), "does not exist in this project");
        assertRefused(() -> events.proposeCreate(p, eventIn(b).withParent(a.event()), "Parent", true),
                "does not exist in this project");
        assertRefused(() -> propose(p, ProposedOperation.create(EventRecordType.KIND, UUID.randomUUID(),
                eventIn(b).mergedInto(a.event()))), "does not exist in this project");
        assertRefused(() -> events.proposeCreate(p, eventIn(a), "Type", true), "this project's taxonomy");
        // Entities: part of, merge target.
        assertRefused(() -> entities.proposeCreate(p, EntityPayload.of(EntityKind.PLACE, "Old town").withPartOf(a.place()),
                "Part of", true), "does not exist in this project");
        assertRefused(() -> propose(p, ProposedOperation.create(EntityRecordType.KIND, UUID.randomUUID(),
                EntityPayload.of(EntityKind.PLACE, "Hamah").mergedInto(a.place()))), "does not exist in this project");
        // Annotations: their source, and what they link to (an entity, an event).
        String text = as(editor, () -> sources.read(p, b.source())).text();
        int start = text.indexOf("Hama");
        assertRefused(() -> propose(p, ProposedOperation.create(AnnotationRecordType.KIND, UUID.randomUUID(),
                new AnnotationPayload(a.source(), start, start + 4, "Hama", text.substring(0, start),
                        text.substring(start + 4, start + 36), AnnotationType.CLAIM, null, null))),
                "does not exist in this project");
        assertRefused(() -> annotations.annotate(p, b.source(), start, start + 4, "Hama", AnnotationType.ENTITY_MENTION,
                new LinkChoice.Existing(EntityRecordType.KIND, a.place())), "does not exist in this project");
        assertRefused(() -> annotations.annotate(p, b.source(), start, start + 4, "Hama", AnnotationType.EVENT_MENTION,
                new LinkChoice.Existing(EventRecordType.KIND, a.event())), "does not exist in this project");

        assertThat(openChangesets(p)).isZero();
    }

    @Test
    void a_proposal_stored_with_a_reference_into_another_project_is_refused_at_approval() {
        // As if stored before these checks existed: the references are rewritten behind the engine's back.
        var claim = as(editor, () -> events.proposeCreate(b.project(), eventIn(b).withPlace(b.place())
                .withCasualties(List.of(EventClaim.killed(12, 12, b.source()))), "Cites B", true));
        jdbc.update("update change_operation set payload = replace(replace(payload, ?, ?), ?, ?) where changeset_id = ?",
                b.source().toString(), a.source().toString(), b.place().toString(), a.place().toString(),
                claim.changesetId());
        long eventsBefore = count("event_record", b.project());

        assertThatThrownBy(() -> approve(claim.changesetId())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("refers to a source that does not exist in this project")
                .hasMessageContaining("refers to an entity that does not exist in this project");
        assertThat(count("event_record", b.project())).isEqualTo(eventsBefore);
        assertThat(state(claim.changesetId())).isEqualTo("SUBMITTED");
    }

    @Test
    void a_new_record_may_not_take_an_id_that_a_record_of_another_project_has() {
        assertRefused(() -> propose(b.project(), ProposedOperation.create(EntityRecordType.KIND, a.place(),
                EntityPayload.of(EntityKind.PLACE, "Hama"))), "already used by another record");
        assertRefused(() -> propose(b.project(), ProposedOperation.create(EventRecordType.KIND, a.event(), eventIn(b))),
                "already used by another record");
        String text = as(editor, () -> sources.read(b.project(), b.source())).text();
        int start = text.indexOf("Hama");
        assertRefused(() -> propose(b.project(), ProposedOperation.create(AnnotationRecordType.KIND, a.annotation(),
                new AnnotationPayload(b.source(), start, start + 4, "Hama", text.substring(0, start),
                        text.substring(start + 4, start + 36), AnnotationType.CLAIM, null, null))),
                "already used by another record");
        // Changing a record of another project by its id finds nothing here.
        assertRefused(() -> propose(b.project(), ProposedOperation.update(EntityRecordType.KIND, a.place(), 1,
                EntityPayload.of(EntityKind.PLACE, "Hamah"))), "does not exist in this project");
        assertThat(openChangesets(b.project())).isZero();
    }

    @Test
    void when_two_projects_propose_the_same_new_id_the_later_approval_is_refused_cleanly() {
        UUID shared = UUID.randomUUID();
        UUID inA = propose(a.project(), ProposedOperation.create(EntityRecordType.KIND, shared,
                EntityPayload.of(EntityKind.PLACE, "Homs")));
        UUID inB = propose(b.project(), ProposedOperation.create(EntityRecordType.KIND, shared,
                EntityPayload.of(EntityKind.PLACE, "Homs")));
        approve(inA);
        long entitiesInB = count("entity_record", b.project());

        assertThatThrownBy(() -> approve(inB)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already used by another record");
        assertThat(count("entity_record", b.project())).isEqualTo(entitiesInB);
        assertThat(state(inB)).isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("select project_id from entity_record where id = ?", UUID.class, shared))
                .isEqualTo(a.project());
    }

    private UUID propose(UUID project, ProposedOperation operation) {
        return as(editor, () -> changesets.propose(project, "Hand-made", List.of(operation), true));
    }

    private void assertRefused(Supplier<?> proposal, String reason) {
        assertThatThrownBy(() -> as(editor, proposal)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(reason);
    }

    private long openChangesets(UUID project) {
        return jdbc.queryForObject("select count(*) from changeset where project_id = ? and state in ('DRAFT', 'SUBMITTED')",
                Long.class, project);
    }

    private long count(String table, UUID project) {
        return jdbc.queryForObject("select count(*) from " + table + " where project_id = ?", Long.class, project);
    }

    private String state(UUID changesetId) {
        return jdbc.queryForObject("select state from changeset where id = ?", String.class, changesetId);
    }
}
