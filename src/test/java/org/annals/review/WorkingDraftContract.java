package org.annals.review;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.annals.annotation.AnnotationRecordType;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.EditorAnnotation;
import org.annals.annotation.LinkChoice;
import org.annals.base.InvalidInputException;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One working draft per person per project, across sources and record kinds; run on H2 and PostgreSQL. */
abstract class WorkingDraftContract {

    @Autowired
    WorkingDraftService drafts;
    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    AnnotationService annotations;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    SourceService sources;
    @Autowired
    ChangesetRepository changesetRows;
    @Autowired
    Fixtures fixtures;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    UUID project;
    UUID first;
    UUID second;
    AnnalsPrincipal editor;
    AnnalsPrincipal otherEditor;
    AnnalsPrincipal reviewer;

    @BeforeEach
    void projectWithTwoSources() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("drafter");
        otherEditor = fixtures.newUser("drafter");
        reviewer = fixtures.newUser("reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, otherEditor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        first = fixtures.newSource(project, editor, "First report", "Rebels entered Aleppo on 30 November.");
        second = fixtures.newSource(project, editor, "Second report", "Opposition fighters took Aleppo at dawn.");
    }

    private AnnotationService.Marked mark(AnnalsPrincipal who, UUID source, String phrase, AnnotationType type,
            LinkChoice link) {
        String text = as(who, () -> sources.read(project, source)).text();
        int start = text.indexOf(phrase);
        assertThat(start).as(phrase).isNotNegative();
        return as(who, () -> annotations.annotate(project, source, start, start + phrase.length(), phrase, type, link));
    }

    private List<WorkingDraftService.DraftItem> items(AnnalsPrincipal who) {
        return as(who, () -> drafts.items(project, 0, 1000));
    }

    private ChangesetState state(UUID changesetId) {
        return changesetRows.findById(changesetId).orElseThrow().getState();
    }

    private UUID battles() {
        return as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
    }

    @Test
    void marks_in_two_sources_land_in_one_draft_that_is_submitted_and_approved_as_one_changeset() {
        var place = mark(editor, first, "Aleppo", AnnotationType.ENTITY_MENTION,
                new LinkChoice.NewEntity(EntityPayload.of(EntityKind.PLACE, "Aleppo")));
        var again = mark(editor, second, "Aleppo", AnnotationType.ENTITY_MENTION,
                new LinkChoice.Existing(EntityRecordType.KIND, place.linkId()));
        assertThat(again.changesetId()).isEqualTo(place.changesetId());
        assertThat(items(editor)).extracting(WorkingDraftService.DraftItem::kind, WorkingDraftService.DraftItem::contextId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EntityRecordType.KIND, null),
                        org.assertj.core.groups.Tuple.tuple(AnnotationRecordType.KIND, first),
                        org.assertj.core.groups.Tuple.tuple(AnnotationRecordType.KIND, second));
        var inSecond = as(editor, () -> annotations.editor(project, second));
        assertThat(inSecond.draftId()).isEqualTo(place.changesetId());
        assertThat(inSecond.draftSize()).as("annotations of the draft in this source").isEqualTo(1);
        assertThat(inSecond.draftItems()).isEqualTo(3);

        UUID submitted = as(editor, () -> drafts.submit(project, "Aleppo in two reports"));
        assertThat(submitted).isEqualTo(place.changesetId());
        assertThat(as(editor, () -> drafts.overview(project))).isEmpty();
        as(reviewer, () -> review.approve(submitted, null));
        assertThat(as(editor, () -> annotations.evidence(project, EntityRecordType.KIND, place.linkId()))).hasSize(2);

        var next = mark(editor, first, "Rebels", AnnotationType.CLAIM, LinkChoice.none());
        assertThat(next.changesetId()).as("the next mark starts a new draft").isNotEqualTo(submitted);
    }

    @Test
    void new_records_and_edits_from_the_forms_join_the_same_draft() {
        var mention = mark(editor, first, "Rebels entered Aleppo", AnnotationType.CLAIM, LinkChoice.none());
        var place = as(editor, () -> entities.addCreateToDraft(project, EntityPayload.of(EntityKind.PLACE, "Aleppo"),
                "Add Aleppo"));
        var event = as(editor, () -> events.addCreateToDraft(project, EventPayload.of("Rebels enter Aleppo",
                PartialDate.parse("2024-11-30"), battles()).withPlace(place.entityId()), "Add the event"));
        var vetted = as(otherEditor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PERSON, "Someone"),
                "Add", true));
        as(reviewer, () -> review.approve(vetted.changesetId(), null));
        long version = as(editor, () -> entities.get(project, vetted.entityId())).version();
        var edit = as(editor, () -> entities.addUpdateToDraft(project, vetted.entityId(), version,
                EntityPayload.of(EntityKind.PERSON, "Someone else"), "Rename"));

        assertThat(List.of(place.changesetId(), event.changesetId(), edit.changesetId()))
                .containsOnly(mention.changesetId());
        assertThat(items(editor)).extracting(WorkingDraftService.DraftItem::action).containsExactly(ChangeAction.CREATE,
                ChangeAction.CREATE, ChangeAction.CREATE, ChangeAction.UPDATE);
        // The same record again replaces its item rather than adding a second one.
        as(editor, () -> entities.addUpdateToDraft(project, vetted.entityId(), version,
                EntityPayload.of(EntityKind.PERSON, "Someone, renamed twice"), "Rename"));
        assertThat(items(editor)).hasSize(4).last().extracting(WorkingDraftService.DraftItem::label).asString()
                .contains("renamed twice");
        as(editor, () -> drafts.submit(project, "Aleppo"));
        as(reviewer, () -> review.approve(mention.changesetId(), null));
        assertThat(as(editor, () -> events.get(project, event.eventId())).placeId()).isEqualTo(place.entityId());
    }

    @Test
    void removing_an_item_removes_exactly_its_operation_and_never_leaves_a_dangling_reference() {
        var linked = mark(editor, first, "Aleppo", AnnotationType.ENTITY_MENTION,
                new LinkChoice.NewEntity(EntityPayload.of(EntityKind.PLACE, "Aleppo")));
        var event = as(editor, () -> events.addCreateToDraft(project, EventPayload.of("Rebels enter Aleppo",
                PartialDate.parse("2024-11-30"), battles()).withPlace(linked.linkId()), ""));
        var claim = mark(editor, second, "took Aleppo", AnnotationType.EVENT_MENTION,
                new LinkChoice.Existing(EventRecordType.KIND, event.eventId()));
        var loose = mark(editor, second, "dawn", AnnotationType.DATE, LinkChoice.none());
        assertThat(items(editor)).hasSize(5);

        as(editor, () -> drafts.remove(project, Set.of(loose.annotationId()), false));
        assertThat(items(editor)).extracting(WorkingDraftService.DraftItem::recordId)
                .containsExactly(linked.linkId(), linked.annotationId(), event.eventId(), claim.annotationId());
        assertThat(as(editor, () -> annotations.editor(project, second)).annotations())
                .extracting(EditorAnnotation::id).containsExactly(claim.annotationId());

        // The place is used by the first mark and by the event, which the second mark uses in turn.
        assertThat(as(editor, () -> drafts.dependents(project, Set.of(linked.linkId()))))
                .extracting(WorkingDraftService.DraftItem::recordId)
                .containsExactly(linked.annotationId(), event.eventId(), claim.annotationId());
        assertThatThrownBy(() -> as(editor, () -> drafts.remove(project, Set.of(linked.linkId()), false)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"Place: Aleppo\" is used by 3 other items");
        assertThat(items(editor)).hasSize(4);

        var removed = as(editor, () -> drafts.remove(project, Set.of(linked.linkId()), true));
        assertThat(removed).hasSize(4);
        assertThat(as(editor, () -> drafts.overview(project))).isEmpty();
        assertThat(state(linked.changesetId())).isEqualTo(ChangesetState.WITHDRAWN);
        assertThat(as(editor, () -> annotations.editor(project, first)).annotations()).isEmpty();
        assertThat(as(editor, () -> annotations.editor(project, second)).annotations()).isEmpty();
        assertThat(as(editor, () -> changesets.myPending(project, EntityRecordType.KIND))).isEmpty();
        assertThat(as(editor, () -> changesets.myPending(project, EventRecordType.KIND))).isEmpty();
    }

    @Test
    void splitting_moves_the_chosen_items_with_the_new_records_they_use_into_a_changeset_of_their_own() {
        var linked = mark(editor, first, "Aleppo", AnnotationType.ENTITY_MENTION,
                new LinkChoice.NewEntity(EntityPayload.of(EntityKind.PLACE, "Aleppo")));
        var other = mark(editor, second, "Opposition fighters", AnnotationType.CLAIM, LinkChoice.none());
        var alsoAleppo = mark(editor, second, "Aleppo", AnnotationType.ENTITY_MENTION,
                new LinkChoice.Existing(EntityRecordType.KIND, linked.linkId()));

        var split = as(editor, () -> drafts.split(project, Set.of(linked.annotationId()), "Aleppo first", true));
        assertThat(split.moved()).extracting(WorkingDraftService.DraftItem::recordId)
                .containsExactly(linked.linkId(), linked.annotationId());
        assertThat(split.alsoMoved()).extracting(WorkingDraftService.DraftItem::recordId).containsExactly(linked.linkId());
        assertThat(state(split.changesetId())).isEqualTo(ChangesetState.SUBMITTED);
        assertThat(items(editor)).extracting(WorkingDraftService.DraftItem::recordId)
                .containsExactly(other.annotationId(), alsoAleppo.annotationId());

        // The place now comes from the split-off changeset, which the draft's other mark uses: it stays there.
        assertThatThrownBy(() -> as(editor, () -> drafts.split(project, Set.of(UUID.randomUUID()), "x", true)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Choose at least one item");
        as(reviewer, () -> review.approve(split.changesetId(), null));
        assertThat(as(editor, () -> entities.get(project, linked.linkId())).values().name()).isEqualTo("Aleppo");

        var kept = as(editor, () -> drafts.split(project, Set.of(other.annotationId()), "Later", false));
        assertThat(state(kept.changesetId())).isEqualTo(ChangesetState.DRAFT);
        assertThat(changesetRows.findById(kept.changesetId()).orElseThrow().isWorkingDraft()).isFalse();
        var next = mark(editor, first, "Rebels", AnnotationType.CLAIM, LinkChoice.none());
        assertThat(next.changesetId()).as("marks still go to the working draft").isEqualTo(linked.changesetId());
    }

    @Test
    void a_new_record_that_another_open_changeset_uses_stays_in_the_draft() {
        var place = as(editor, () -> entities.addCreateToDraft(project, EntityPayload.of(EntityKind.PLACE, "Aleppo"), ""));
        var mention = mark(editor, first, "Aleppo", AnnotationType.ENTITY_MENTION,
                new LinkChoice.Existing(EntityRecordType.KIND, place.entityId()));
        var moved = as(editor, () -> drafts.split(project, Set.of(mention.annotationId()), "Mark", false));
        assertThat(moved.moved()).hasSize(2).as("the place moved with the mark that needs it");
        // Now the other way round: a changeset of its own that uses a place of the draft.
        var town = as(editor, () -> entities.addCreateToDraft(project, EntityPayload.of(EntityKind.PLACE, "Hama"), ""));
        var event = as(editor, () -> events.proposeCreate(project, EventPayload.of("Fall of Hama",
                PartialDate.parse("2024-12-05"), battles()).withPlace(town.entityId()), "Hama", true));
        assertThatThrownBy(() -> as(editor, () -> drafts.remove(project, Set.of(town.entityId()), true)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is used by the changeset \"Hama\"");
        assertThat(items(editor)).extracting(WorkingDraftService.DraftItem::recordId).containsExactly(town.entityId());
        assertThat(state(event.changesetId())).isEqualTo(ChangesetState.SUBMITTED);
    }

    @Test
    void two_peoples_drafts_are_separate() {
        var mine = mark(editor, first, "Rebels", AnnotationType.CLAIM, LinkChoice.none());
        var theirs = mark(otherEditor, first, "Aleppo", AnnotationType.CLAIM, LinkChoice.none());
        assertThat(mine.changesetId()).isNotEqualTo(theirs.changesetId());
        assertThat(items(editor)).extracting(WorkingDraftService.DraftItem::recordId).containsExactly(mine.annotationId());
        assertThat(items(otherEditor)).extracting(WorkingDraftService.DraftItem::recordId)
                .containsExactly(theirs.annotationId());
        assertThatThrownBy(() -> as(editor, () -> drafts.remove(project, Set.of(theirs.annotationId()), false)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no longer in your draft");
        as(otherEditor, () -> drafts.discard(project));
        assertThat(state(theirs.changesetId())).isEqualTo(ChangesetState.WITHDRAWN);
        assertThat(state(mine.changesetId())).isEqualTo(ChangesetState.DRAFT);
        assertThat(as(otherEditor, () -> drafts.count(project))).isZero();
        assertThat(as(editor, () -> drafts.count(project))).isEqualTo(1);
    }

    @Test
    void an_older_draft_of_one_source_stays_an_ordinary_draft_that_still_submits() {
        String text = as(editor, () -> sources.read(project, first)).text();
        int start = text.indexOf("Aleppo");
        var payload = new org.annals.annotation.AnnotationPayload(first, start, start + 6, "Aleppo",
                text.substring(Math.max(0, start - 32), start), text.substring(start + 6, Math.min(text.length(), start + 38)),
                AnnotationType.CLAIM, null, null);
        UUID older = as(editor, () -> changesets.propose(project, "Annotations in \"First report\"",
                List.of(ProposedOperation.create(AnnotationRecordType.KIND, UUID.randomUUID(), payload)), false));

        var next = mark(editor, first, "Rebels", AnnotationType.CLAIM, LinkChoice.none());
        assertThat(next.changesetId()).isNotEqualTo(older);
        assertThat(as(editor, () -> annotations.editor(project, first)).annotations())
                .extracting(EditorAnnotation::state).containsOnly(EditorAnnotation.State.DRAFT);
        as(editor, () -> annotations.submitDraft(project, older, "Aleppo"));
        as(reviewer, () -> review.approve(older, null));
        assertThat(state(older)).isEqualTo(ChangesetState.APPROVED);
        assertThat(items(editor)).extracting(WorkingDraftService.DraftItem::recordId).containsExactly(next.annotationId());
    }

    @Test
    void viewers_have_no_draft_and_an_empty_draft_cannot_be_submitted() {
        AnnalsPrincipal viewer = fixtures.newUser("viewer");
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        assertThatThrownBy(() -> as(viewer, () -> drafts.overview(project)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> as(editor, () -> drafts.submit(project, "Nothing")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Your draft is empty");
        mark(editor, first, "Rebels", AnnotationType.CLAIM, LinkChoice.none());
        assertThatThrownBy(() -> as(editor, () -> drafts.submit(project, "  ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Describe the change");
        assertThat(as(editor, () -> drafts.count(project))).isEqualTo(1);
    }

    @Test
    void the_migration_makes_each_persons_most_recent_draft_their_working_draft_and_leaves_the_rest_ordinary()
            throws Exception {
        var place = EntityPayload.of(EntityKind.PLACE, "Aleppo");
        UUID older = as(editor, () -> changesets.propose(project, "Older", List.of(ProposedOperation.create(
                EntityRecordType.KIND, UUID.randomUUID(), place)), false));
        UUID newer = as(editor, () -> changesets.propose(project, "Newer", List.of(ProposedOperation.create(
                EntityRecordType.KIND, UUID.randomUUID(), EntityPayload.of(EntityKind.PLACE, "Hama"))), false));
        UUID submitted = as(editor, () -> changesets.propose(project, "Submitted", List.of(ProposedOperation.create(
                EntityRecordType.KIND, UUID.randomUUID(), EntityPayload.of(EntityKind.PLACE, "Homs"))), true));
        UUID theirs = as(otherEditor, () -> changesets.propose(project, "Theirs", List.of(ProposedOperation.create(
                EntityRecordType.KIND, UUID.randomUUID(), EntityPayload.of(EntityKind.PLACE, "Idlib"))), false));
        jdbc.update("update changeset set updated_at = ? where id = ?", java.sql.Timestamp.valueOf("2026-01-01 10:00:00"),
                older);
        jdbc.update("update changeset set updated_at = ? where id = ?", java.sql.Timestamp.valueOf("2026-01-02 10:00:00"),
                newer);

        // The migration's own statement, kept to this project (other tests' drafts share the database).
        String script = new String(getClass().getResourceAsStream("/db/migration/V21__working_draft.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String update = java.util.Arrays.stream(script.replaceAll("(?m)^--.*$", "").split(";")).map(String::strip)
                .filter(statement -> statement.startsWith("update")).findFirst().orElseThrow();
        assertThat(jdbc.update(update + " and c.project_id = ?", project)).isEqualTo(2);

        assertThat(changesetRows.findById(newer).orElseThrow().isWorkingDraft()).isTrue();
        assertThat(changesetRows.findById(theirs).orElseThrow().isWorkingDraft()).isTrue();
        assertThat(changesetRows.findById(older).orElseThrow().isWorkingDraft()).isFalse();
        assertThat(changesetRows.findById(submitted).orElseThrow().isWorkingDraft()).isFalse();
        var next = mark(editor, first, "Rebels", AnnotationType.CLAIM, LinkChoice.none());
        assertThat(next.changesetId()).as("work goes on in the newest draft").isEqualTo(newer);
        as(editor, () -> changesets.submit(older));
        assertThat(state(older)).isEqualTo(ChangesetState.SUBMITTED);
    }
}
