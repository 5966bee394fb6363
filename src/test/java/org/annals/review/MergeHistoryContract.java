package org.annals.review;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.annotation.AnnotationRecordType;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.collab.CollabBus;
import org.annals.collab.CollabEvent;
import org.annals.collab.Recorder;
import org.annals.collab.Subscription;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.event.ActorRole;
import org.annals.event.EventActor;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a merge does to other records is history like any change (decision 0007): every event whose
 * actors or place moved and every annotation whose link moved gets a revision naming the merge's
 * changeset, and the approval's announcement names them, so open pages hear of it. And an event's
 * history can be reverted like an entity's. Run on H2 and on PostgreSQL (watched from a second node).
 */
abstract class MergeHistoryContract {

    static final String TEXT = "HTS fighters entered Hamah on 5 December after the army withdrew from the city.";

    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    AnnotationService annotations;
    @Autowired
    ReviewService review;
    @Autowired
    HistoryService history;
    @Autowired
    ChangesetService changesets;
    @Autowired
    Fixtures fixtures;

    UUID project;
    UUID source;
    UUID battles;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    private final List<Subscription> subscriptions = new ArrayList<>();

    /** Where announcements are watched: this node's bus, or another node's on the same database. */
    abstract CollabBus observer();

    @BeforeEach
    void projectWithASource() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        source = fixtures.newSource(project, editor, "Report from Hamah", TEXT);
        battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
    }

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(Subscription::close);
    }

    private Recorder watch() {
        var recorder = new Recorder();
        subscriptions.add(observer().subscribe(project, recorder));
        return recorder;
    }

    private UUID entity(EntityKind kind, String name) {
        var proposal = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(kind, name), "Add " + name, true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private UUID event(EventPayload values) {
        var proposal = as(editor, () -> events.proposeCreate(project, values, "Add " + values.title(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.eventId();
    }

    private EventPayload battle(String title, UUID place, EventActor... actors) {
        return EventPayload.of(title, PartialDate.parse("2024-12-05"), battles).withPlace(place).withActors(List.of(actors));
    }

    /** An approved annotation of the phrase, linked to the record. */
    private UUID annotation(String phrase, AnnotationType type, String linkKind, UUID linkId) {
        int start = TEXT.indexOf(phrase);
        var marked = as(editor, () -> annotations.annotate(project, source, start, start + phrase.length(), phrase, type,
                new LinkChoice.Existing(linkKind, linkId)));
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Mark " + phrase));
        as(reviewer, () -> review.approve(marked.changesetId(), null));
        return marked.annotationId();
    }

    private HistoryService.Revision lastRevision(String kind, UUID id) {
        return as(editor, () -> history.history(project, kind, id)).getLast();
    }

    /** The record's newest revision is the merge's, and it shows the field that moved. */
    private void assertMovedBy(UUID mergeChangeset, String kind, UUID id, String field, String before, String after) {
        var revision = lastRevision(kind, id);
        assertThat(revision.changesetId()).as("changeset of the newest revision of %s %s", kind, id)
                .isEqualTo(mergeChangeset);
        assertThat(revision.action()).isEqualTo(ChangeAction.UPDATE);
        assertThat(revision.reviewer()).isEqualTo(reviewer.getUsername());
        assertThat(revision.changes()).anySatisfy(change -> {
            assertThat(change.field()).isEqualTo(field);
            assertThat(change.before()).contains(before);
            assertThat(change.after()).contains(after);
        });
    }

    /** The announcement of the merge's approval, once committed. */
    private static CollabEvent approvalOf(Recorder recorder, UUID changeset) {
        return recorder.until(e -> e.kind() == CollabEvent.Kind.APPROVED && changeset.equals(e.changesetId())).getLast();
    }

    @Test
    void an_entity_merge_gives_every_moved_place_actor_and_annotation_link_a_revision_and_announces_it() {
        UUID hamah = entity(EntityKind.PLACE, "Hamah");
        UUID hama = entity(EntityKind.PLACE, "Hama");
        UUID homs = entity(EntityKind.PLACE, "Homs");
        UUID htsShort = entity(EntityKind.ORGANIZATION, "HTS");
        UUID hts = entity(EntityKind.ORGANIZATION, "Hay'at Tahrir al-Sham");
        UUID army = entity(EntityKind.ORGANIZATION, "Syrian Arab Army");
        UUID inHamah = event(battle("Fighting in Hamah", hamah, new EventActor(army, ActorRole.OPPOSING)));
        UUID byHts = event(battle("HTS advance on Homs", homs, new EventActor(htsShort, ActorRole.PRIMARY),
                new EventActor(army, ActorRole.OPPOSING)));
        UUID both = event(battle("HTS enters Hamah", hamah, new EventActor(htsShort, ActorRole.PRIMARY)));
        UUID untouched = event(battle("Army holds Homs", homs, new EventActor(army, ActorRole.PRIMARY)));
        UUID hamahMention = annotation("Hamah", AnnotationType.ENTITY_MENTION, EntityRecordType.KIND, hamah);
        UUID htsMention = annotation("HTS", AnnotationType.ENTITY_MENTION, EntityRecordType.KIND, htsShort);
        long untouchedRevisions = as(editor, () -> history.history(project, EventRecordType.KIND, untouched)).size();

        Recorder heard = watch();
        var placeMerge = as(editor, () -> entities.proposeMerge(project, hamah, hama, "Hamah is Hama", true));
        as(reviewer, () -> review.approve(placeMerge.changesetId(), null));

        assertMovedBy(placeMerge.changesetId(), EventRecordType.KIND, inHamah, "Place", "Hamah", "Hama");
        assertMovedBy(placeMerge.changesetId(), EventRecordType.KIND, both, "Place", "Hamah", "Hama");
        assertMovedBy(placeMerge.changesetId(), AnnotationRecordType.KIND, hamahMention, "Links to", "Hamah", "Hama");
        CollabEvent placeApproval = approvalOf(heard, placeMerge.changesetId());
        for (var moved : List.of(new RecordRef(EventRecordType.KIND, inHamah), new RecordRef(EventRecordType.KIND, both),
                new RecordRef(AnnotationRecordType.KIND, hamahMention), new RecordRef(EntityRecordType.KIND, hamah))) {
            assertThat(placeApproval.concernsRecord(moved)).as("announced: %s", moved).isTrue();
        }
        assertThat(placeApproval.concernsContext(source)).as("the annotation's source is announced").isTrue();

        var actorMerge = as(editor, () -> entities.proposeMerge(project, htsShort, hts, "HTS is Hay'at Tahrir al-Sham",
                true));
        as(reviewer, () -> review.approve(actorMerge.changesetId(), null));

        assertMovedBy(actorMerge.changesetId(), EventRecordType.KIND, byHts, "Actors", "Primary actor: HTS",
                "Primary actor: Hay'at Tahrir al-Sham");
        assertMovedBy(actorMerge.changesetId(), EventRecordType.KIND, both, "Actors", "HTS", "Hay'at Tahrir al-Sham");
        assertMovedBy(actorMerge.changesetId(), AnnotationRecordType.KIND, htsMention, "Links to", "HTS",
                "Hay'at Tahrir al-Sham");
        CollabEvent actorApproval = approvalOf(heard, actorMerge.changesetId());
        for (var moved : List.of(new RecordRef(EventRecordType.KIND, byHts), new RecordRef(EventRecordType.KIND, both),
                new RecordRef(AnnotationRecordType.KIND, htsMention))) {
            assertThat(actorApproval.concernsRecord(moved)).as("announced: %s", moved).isTrue();
        }
        // What the merges did not touch has no new revision.
        assertThat(as(editor, () -> history.history(project, EventRecordType.KIND, untouched))).hasSize(
                (int) untouchedRevisions);
        assertThat(as(editor, () -> events.get(project, both)).values().actors())
                .containsExactly(new EventActor(hts, ActorRole.PRIMARY));
    }

    @Test
    void an_event_merge_gives_moved_parts_and_evidence_a_revision_and_announces_them() {
        UUID hama = entity(EntityKind.PLACE, "Hama");
        UUID survivor = event(battle("Capture of Hama", hama));
        UUID duplicate = event(battle("Hama captured", hama));
        UUID part = event(battle("Fighting at the airport", hama).withParent(duplicate));
        UUID evidence = annotation("entered Hamah", AnnotationType.EVENT_MENTION, EventRecordType.KIND, duplicate);

        Recorder heard = watch();
        var merge = as(editor, () -> events.proposeMerge(project, duplicate, survivor, "Same capture", true));
        as(reviewer, () -> review.approve(merge.changesetId(), null));

        assertMovedBy(merge.changesetId(), EventRecordType.KIND, part, "Part of", "Hama captured", "Capture of Hama");
        assertMovedBy(merge.changesetId(), AnnotationRecordType.KIND, evidence, "Links to", "Hama captured",
                "Capture of Hama");
        CollabEvent approval = approvalOf(heard, merge.changesetId());
        for (var moved : List.of(new RecordRef(EventRecordType.KIND, duplicate), new RecordRef(EventRecordType.KIND, part),
                new RecordRef(AnnotationRecordType.KIND, evidence))) {
            assertThat(approval.concernsRecord(moved)).as("announced: %s", moved).isTrue();
        }
    }

    @Test
    void reverting_an_event_to_an_earlier_revision_restores_it_through_review() {
        UUID hama = entity(EntityKind.PLACE, "Hama");
        UUID homs = entity(EntityKind.PLACE, "Homs");
        EventPayload original = battle("Capture of Hama", hama).withNotes("Rebels entered the city.", List.of("urban"));
        UUID event = event(original);
        var current = as(editor, () -> events.get(project, event));
        var change = as(editor, () -> events.proposeUpdate(project, event, current.version(),
                current.values().withPlace(homs).withNotes("Wrong city.", List.of()), "Move to Homs", true));
        as(reviewer, () -> review.approve(change.changesetId(), null));

        var revisions = as(editor, () -> history.history(project, EventRecordType.KIND, event));
        assertThat(revisions).hasSize(2);
        assertThat(revisions.getLast().changes()).extracting(ChangesetDetails.FieldChange::field)
                .containsExactly("Place", "Notes", "Tags");

        UUID revert = as(editor, () -> history.revert(project, EventRecordType.KIND, event, revisions.getFirst().id(),
                true));
        var proposed = as(reviewer, () -> changesets.details(revert));
        // The message names the moment readably, never as a raw ISO string.
        assertThat(proposed.summary().message()).startsWith("Revert Capture of Hama").endsWith(" UTC")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        as(reviewer, () -> review.approve(revert, null));

        var restored = as(editor, () -> events.get(project, event));
        // as the event was, its plain values as the plain claims they are stored as (decision 0030)
        assertThat(restored.values()).isEqualTo(org.annals.event.EventClaims.normalise(event, original));
        var afterRevert = as(editor, () -> history.history(project, EventRecordType.KIND, event));
        assertThat(afterRevert).hasSize(3);
        assertThat(afterRevert.getLast().changesetId()).isEqualTo(revert);
        assertThat(afterRevert.getLast().changes()).extracting(ChangesetDetails.FieldChange::field)
                .containsExactly("Place", "Notes", "Tags");
    }
}
