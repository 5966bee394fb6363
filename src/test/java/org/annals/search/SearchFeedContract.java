package org.annals.search;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.discussion.DiscussionService;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.review.ChangesetService;
import org.annals.review.RecordRef;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change to searchable data writes its groups to the change feed in its own transaction, once
 * per group; a change that rolls back writes nothing. Run against H2 and PostgreSQL by the subclasses.
 */
abstract class SearchFeedContract {

    static final String TEXT = "HTS fighters entered Hamah on 5 December after the army withdrew from the city.";

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    AnnotationService annotations;
    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    DiscussionService discussion;
    @Autowired
    ProjectService projects;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    UUID project;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;

    @BeforeEach
    void projectWithATeam() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("feed-editor");
        reviewer = fixtures.newUser("feed-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
    }

    long last() {
        Long max = jdbc.queryForObject("select max(id) from search_change", Long.class);
        return max == null ? 0 : max;
    }

    /** The groups written after the id, in order, as TYPE:id. */
    List<String> since(long after) {
        return jdbc.query("select group_type, group_id from search_change where id > ? order by id",
                (rs, i) -> rs.getString(1) + ":" + rs.getObject(2, UUID.class), after);
    }

    static String group(DocumentGroup.Type type, UUID id) {
        return type.name() + ":" + id;
    }

    UUID approvedEntity(String name) {
        var proposal = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, name),
                "Add " + name, true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    UUID approvedEvent(String title) {
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var proposal = as(editor, () -> events.proposeCreate(project,
                EventPayload.of(title, PartialDate.parse("2024-12-05"), battles), "Add " + title, true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.eventId();
    }

    @Test
    void a_draft_its_submission_and_its_approval_each_record_the_changeset_and_the_approval_the_record_once() {
        long start = last();
        var draft = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Afrin"),
                "Add Afrin", false));
        assertThat(since(start)).containsExactly(group(DocumentGroup.Type.CHANGESET, draft.changesetId()));

        long drafted = last();
        as(editor, () -> changesets.submit(draft.changesetId()));
        assertThat(since(drafted)).containsExactly(group(DocumentGroup.Type.CHANGESET, draft.changesetId()));

        long submitted = last();
        as(reviewer, () -> review.approve(draft.changesetId(), null));
        // Announced and decided: the changeset is still written once in the approving transaction.
        assertThat(since(submitted)).containsExactlyInAnyOrder(
                group(DocumentGroup.Type.CHANGESET, draft.changesetId()),
                group(DocumentGroup.Type.ENTITY, draft.entityId()));
    }

    @Test
    void rejecting_requesting_changes_and_withdrawing_record_the_changeset() {
        var first = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Idlib"),
                "Add Idlib", true));
        long start = last();
        as(reviewer, () -> review.requestChanges(first.changesetId(), "Which Idlib?"));
        assertThat(since(start)).containsExactly(group(DocumentGroup.Type.CHANGESET, first.changesetId()));

        long sentBack = last();
        as(editor, () -> changesets.withdraw(first.changesetId()));
        assertThat(since(sentBack)).containsExactly(group(DocumentGroup.Type.CHANGESET, first.changesetId()));

        var second = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Hama"),
                "Add Hama", true));
        long submitted = last();
        as(reviewer, () -> review.reject(second.changesetId(), "Duplicate"));
        assertThat(since(submitted)).containsExactly(group(DocumentGroup.Type.CHANGESET, second.changesetId()));
    }

    @Test
    void an_import_records_the_source() {
        long start = last();
        UUID source = fixtures.newSource(project, editor, "Report from Hamah", TEXT);
        assertThat(since(start)).containsExactly(group(DocumentGroup.Type.SOURCE, source));
    }

    @Test
    void an_approved_annotation_records_the_annotation() {
        UUID source = fixtures.newSource(project, editor, "Report from Hamah", TEXT);
        UUID hamah = approvedEntity("Hamah");
        int at = TEXT.indexOf("Hamah");
        var marked = as(editor, () -> annotations.annotate(project, source, at, at + 5, "Hamah",
                AnnotationType.ENTITY_MENTION, new LinkChoice.Existing(EntityRecordType.KIND, hamah)));
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Mark Hamah"));
        long start = last();
        as(reviewer, () -> review.approve(marked.changesetId(), null));
        assertThat(since(start)).contains(group(DocumentGroup.Type.ANNOTATION, marked.annotationId()));
    }

    @Test
    void comments_on_records_and_on_changesets_are_recorded() {
        UUID afrin = approvedEntity("Afrin");
        long start = last();
        UUID comment = as(editor, () -> discussion.comment(project, new RecordRef(EntityRecordType.KIND, afrin),
                "Is this the town or the district?"));
        assertThat(since(start)).containsExactly(group(DocumentGroup.Type.COMMENT, comment));

        var proposal = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Azaz"),
                "Add Azaz", true));
        long proposed = last();
        as(reviewer, () -> changesets.comment(proposal.changesetId(), "Source?"));
        assertThat(since(proposed)).containsExactly(group(DocumentGroup.Type.CHANGESET, proposal.changesetId()));
    }

    @Test
    void a_change_that_rolls_back_leaves_no_row() {
        UUID afrin = approvedEntity("Afrin");
        long start = last();
        var inTransaction = new TransactionTemplate(transactions);
        inTransaction.executeWithoutResult(status -> {
            as(editor, () -> discussion.comment(project, new RecordRef(EntityRecordType.KIND, afrin), "Rolled back"));
            status.setRollbackOnly();
        });
        assertThat(since(start)).isEmpty();
        // The same in a transaction that commits does write it (the row is written just before the commit).
        inTransaction.executeWithoutResult(status -> as(editor,
                () -> discussion.comment(project, new RecordRef(EntityRecordType.KIND, afrin), "Kept")));
        assertThat(since(start)).hasSize(1);
    }

    @Test
    void merges_and_deletions_of_entities_and_events_record_both_sides() {
        UUID hama = approvedEntity("Hama");
        UUID hamah = approvedEntity("Hamah");
        long start = last();
        var merge = as(editor, () -> entities.proposeMerge(project, hamah, hama, "Same city", true));
        as(reviewer, () -> review.approve(merge.changesetId(), null));
        assertThat(since(start)).contains(group(DocumentGroup.Type.ENTITY, hamah), group(DocumentGroup.Type.ENTITY, hama));

        UUID azaz = approvedEntity("Azaz");
        long merged = last();
        var delete = as(editor, () -> entities.proposeDelete(project, azaz, as(editor, () -> entities.get(project, azaz))
                .version(), "Not needed", true));
        as(reviewer, () -> review.approve(delete.changesetId(), null));
        assertThat(since(merged)).contains(group(DocumentGroup.Type.ENTITY, azaz));

        UUID capture = approvedEvent("Capture of Hama");
        UUID captured = approvedEvent("Hama captured");
        long events2 = last();
        var eventMerge = as(editor, () -> events.proposeMerge(project, captured, capture, "Same capture", true));
        as(reviewer, () -> review.approve(eventMerge.changesetId(), null));
        assertThat(since(events2)).contains(group(DocumentGroup.Type.EVENT, captured),
                group(DocumentGroup.Type.EVENT, capture));

        UUID clash = approvedEvent("Clash at the airport");
        long eventsMerged = last();
        var eventDelete = as(editor, () -> events.proposeDelete(project, clash,
                as(editor, () -> events.get(project, clash)).version(), "Not needed", true));
        as(reviewer, () -> review.approve(eventDelete.changesetId(), null));
        assertThat(since(eventsMerged)).contains(group(DocumentGroup.Type.EVENT, clash));
    }

    @Test
    void deleting_a_project_records_the_project() {
        String name = as(fixtures.admin(), () -> projects.get(project)).name();
        long start = last();
        as(fixtures.admin(), () -> projects.delete(project, name));
        assertThat(since(start)).containsExactly(group(DocumentGroup.Type.PROJECT, project));
    }
}
