package org.annals.review;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.entity.Alias;
import org.annals.entity.EntityDetails;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.notification.NotificationService;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The moderation engine with entities as records, run against H2 and PostgreSQL by the subclasses. */
abstract class ModerationContract {

    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    HistoryService history;
    @Autowired
    EntityService entities;
    @Autowired
    ProjectService projects;
    @Autowired
    NotificationService notifications;
    @Autowired
    ChangesetRepository changesetRows;
    @Autowired
    RecordRevisionRepository revisions;
    @Autowired
    Fixtures fixtures;

    UUID project;
    AnnalsPrincipal editor;
    AnnalsPrincipal otherEditor;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal viewer;

    @BeforeEach
    void projectWithATeam() {
        project = fixtures.newProject(fixtures.admin());
        editor = member("editor", ProjectRole.EDITOR);
        otherEditor = member("editor2", ProjectRole.EDITOR);
        reviewer = member("reviewer", ProjectRole.REVIEWER);
        viewer = member("viewer", ProjectRole.VIEWER);
    }

    private AnnalsPrincipal member(String name, ProjectRole role) {
        AnnalsPrincipal user = fixtures.newUser(name);
        fixtures.addMember(project, user, role);
        return user;
    }

    private EntityService.Proposal propose(AnnalsPrincipal who, EntityPayload values) {
        return as(who, () -> entities.proposeCreate(project, values, "Add " + values.name(), true));
    }

    private UUID approvedEntity(EntityPayload values) {
        var proposal = propose(editor, values);
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private ChangesetState state(UUID changesetId) {
        return changesetRows.findById(changesetId).orElseThrow().getState();
    }

    @Test
    void a_proposed_entity_exists_only_once_approved_and_has_a_revision_naming_author_and_reviewer() {
        var proposal = propose(editor, EntityPayload.of(EntityKind.PERSON, "Abu Mohammad al-Julani")
                .withAliases(List.of(new Alias("أبو محمد الجولاني", "ar"), new Alias("Ahmed al-Sharaa", "en")))
                .withWikidataId("Q3766"));
        assertThatThrownBy(() -> as(viewer, () -> entities.get(project, proposal.entityId())))
                .isInstanceOf(NotFoundException.class);
        assertThat(as(viewer, () -> entities.search(project, "sharaa", null, 0, 10))).isEmpty();

        as(reviewer, () -> review.approve(proposal.changesetId(), "Looks right"));

        assertThat(state(proposal.changesetId())).isEqualTo(ChangesetState.APPROVED);
        EntityDetails stored = as(viewer, () -> entities.get(project, proposal.entityId()));
        assertThat(stored.values().aliases()).extracting(Alias::name).containsExactly("أبو محمد الجولاني", "Ahmed al-Sharaa");
        assertThat(as(viewer, () -> entities.search(project, "SHARAA", null, 0, 10))).hasSize(1);
        var revisionsOfEntity = as(viewer, () -> history.history(project, EntityRecordType.KIND, proposal.entityId()));
        assertThat(revisionsOfEntity).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(ChangeAction.CREATE);
            assertThat(r.author()).contains(editor.getUsername());
            assertThat(r.reviewer()).contains(reviewer.getUsername());
            assertThat(r.changes()).extracting(ChangesetDetails.FieldChange::field).contains("Name", "Aliases", "Wikidata");
        });
        assertThat(as(editor, () -> notifications.mine(10))).extracting(n -> n.getMessage())
                .contains("Your changeset \"Add Abu Mohammad al-Julani\" was approved.");
    }

    @Test
    void only_legal_transitions_are_possible() {
        var draft = as(editor, () -> changesets.propose(project, "Draft", List.of(ProposedOperation.create(
                EntityRecordType.KIND, UUID.randomUUID(), EntityPayload.of(EntityKind.PLACE, "Aleppo"))), false));
        assertThat(state(draft)).isEqualTo(ChangesetState.DRAFT);
        assertThatThrownBy(() -> as(reviewer, () -> review.approve(draft, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("waiting for review");

        as(editor, () -> changesets.submit(draft));
        assertThatThrownBy(() -> as(editor, () -> changesets.submit(draft))).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> as(reviewer, () -> review.reject(draft, " ")))
                .hasMessageContaining("Say why in a comment");
        assertThatThrownBy(() -> as(reviewer, () -> review.requestChanges(draft, null)))
                .hasMessageContaining("Say why in a comment");

        as(reviewer, () -> review.requestChanges(draft, "Add the Arabic name"));
        assertThat(state(draft)).isEqualTo(ChangesetState.CHANGES_REQUESTED);
        assertThatThrownBy(() -> as(reviewer, () -> review.approve(draft, null))).isInstanceOf(InvalidInputException.class);
        as(editor, () -> changesets.revise(draft, "Draft with Arabic", List.of(ProposedOperation.create(
                EntityRecordType.KIND, UUID.randomUUID(), EntityPayload.of(EntityKind.PLACE, "Aleppo")
                        .withAliases(List.of(new Alias("حلب", "ar")))))));
        as(editor, () -> changesets.submit(draft));
        as(reviewer, () -> review.reject(draft, "Duplicate of an existing place"));
        assertThat(state(draft)).isEqualTo(ChangesetState.REJECTED);
        assertThatThrownBy(() -> as(editor, () -> changesets.withdraw(draft))).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> as(editor, () -> changesets.submit(draft))).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> as(editor, () -> changesets.revise(draft, "again", List.of())))
                .hasMessageContaining("Only drafts");

        var pending = propose(editor, EntityPayload.of(EntityKind.PLACE, "Hama"));
        assertThatThrownBy(() -> as(otherEditor, () -> changesets.withdraw(pending.changesetId())))
                .isInstanceOf(AccessDeniedException.class);
        as(editor, () -> changesets.withdraw(pending.changesetId()));
        assertThat(state(pending.changesetId())).isEqualTo(ChangesetState.WITHDRAWN);
        assertThatThrownBy(() -> as(reviewer, () -> review.approve(pending.changesetId(), null)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void editors_cannot_decide_and_reviewers_cannot_approve_their_own_unless_the_project_allows() {
        var own = propose(reviewer, EntityPayload.of(EntityKind.ORGANIZATION, "Hay'at Tahrir al-Sham"));
        assertThatThrownBy(() -> as(otherEditor, () -> review.approve(own.changesetId(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(reviewer, () -> review.allowances(own.changesetId())).get(ReviewAction.APPROVE).reason())
                .contains("cannot approve your own");
        assertThatThrownBy(() -> as(reviewer, () -> review.approve(own.changesetId(), null)))
                .hasMessageContaining("cannot approve your own");

        as(fixtures.admin(), () -> projects.setAllowSelfApproval(project, true));
        as(reviewer, () -> review.approve(own.changesetId(), null));
        assertThat(state(own.changesetId())).isEqualTo(ChangesetState.APPROVED);
    }

    @Test
    void the_second_of_two_edits_from_the_same_base_is_refused_and_nothing_is_lost() {
        UUID place = approvedEntity(EntityPayload.of(EntityKind.PLACE, "Homs"));
        EntityDetails base = as(editor, () -> entities.get(project, place));

        var first = as(editor, () -> entities.proposeUpdate(project, place, base.version(),
                base.values().withDescription("Third-largest city of Syria"), "Describe Homs", true));
        var second = as(otherEditor, () -> entities.proposeUpdate(project, place, base.version(),
                base.values().withCoordinates(34.73, 36.72), "Locate Homs", true));

        as(reviewer, () -> review.approve(first.changesetId(), null));
        assertThatThrownBy(() -> as(reviewer, () -> review.approve(second.changesetId(), null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("changed by someone else");

        EntityDetails now = as(viewer, () -> entities.get(project, place));
        assertThat(now.values().description()).isEqualTo("Third-largest city of Syria");
        assertThat(now.values().latitude()).isNull();
        assertThat(state(second.changesetId())).isEqualTo(ChangesetState.SUBMITTED);
        var diff = as(reviewer, () -> changesets.details(second.changesetId())).operations().getFirst();
        assertThat(diff.stale()).isTrue();
    }

    @Test
    void an_approved_changeset_shows_the_values_it_replaced_as_before_even_after_later_changes() {
        var created = propose(editor, EntityPayload.of(EntityKind.PLACE, "Homs"));
        as(reviewer, () -> review.approve(created.changesetId(), null));
        UUID place = created.entityId();
        long v1 = as(editor, () -> entities.get(project, place)).version();
        var describe = as(editor, () -> entities.proposeUpdate(project, place, v1,
                EntityPayload.of(EntityKind.PLACE, "Homs").withDescription("Third-largest city of Syria"), "Describe", true));
        as(reviewer, () -> review.approve(describe.changesetId(), null));
        long v2 = as(editor, () -> entities.get(project, place)).version();
        var rename = as(editor, () -> entities.proposeUpdate(project, place, v2,
                EntityPayload.of(EntityKind.PLACE, "Hims").withDescription("City in western Syria"), "Rename", true));
        as(reviewer, () -> review.approve(rename.changesetId(), null));

        var described = as(reviewer, () -> changesets.details(describe.changesetId())).operations().getFirst();
        assertThat(described.stale()).isFalse();
        assertThat(described.fields()).filteredOn(ChangesetDetails.FieldChange::changed)
                .extracting(ChangesetDetails.FieldChange::field, ChangesetDetails.FieldChange::before,
                        ChangesetDetails.FieldChange::after)
                .containsExactly(tuple("Description", "", "Third-largest city of Syria"));
        assertThat(described.fields()).filteredOn(f -> f.field().equals("Name"))
                .extracting(ChangesetDetails.FieldChange::before, ChangesetDetails.FieldChange::after)
                .containsExactly(tuple("Homs", "Homs"));

        var renamed = as(reviewer, () -> changesets.details(rename.changesetId())).operations().getFirst();
        assertThat(renamed.fields()).filteredOn(ChangesetDetails.FieldChange::changed)
                .extracting(ChangesetDetails.FieldChange::field, ChangesetDetails.FieldChange::before,
                        ChangesetDetails.FieldChange::after)
                .containsExactlyInAnyOrder(tuple("Name", "Homs", "Hims"),
                        tuple("Description", "Third-largest city of Syria",
                                "City in western Syria"));

        var creation = as(reviewer, () -> changesets.details(created.changesetId())).operations().getFirst();
        assertThat(creation.fields()).isNotEmpty().allSatisfy(f -> assertThat(f.before()).isNull());
        assertThat(creation.fields()).filteredOn(f -> f.field().equals("Name"))
                .extracting(ChangesetDetails.FieldChange::after).containsExactly("Homs");

        long v3 = as(editor, () -> entities.get(project, place)).version();
        var deletion = as(editor, () -> entities.proposeDelete(project, place, v3, "Remove", true));
        as(reviewer, () -> review.approve(deletion.changesetId(), null));
        var deleted = as(reviewer, () -> changesets.details(deletion.changesetId())).operations().getFirst();
        assertThat(deleted.fields()).filteredOn(f -> f.field().equals("Name"))
                .extracting(ChangesetDetails.FieldChange::before, ChangesetDetails.FieldChange::after)
                .containsExactly(tuple("Hims", null));
    }

    @Test
    void a_changeset_that_depends_on_an_unapproved_one_cannot_be_approved_first() {
        var city = propose(editor, EntityPayload.of(EntityKind.PLACE, "Aleppo"));
        var district = propose(otherEditor, EntityPayload.of(EntityKind.PLACE, "New Aleppo").withPartOf(city.entityId()));

        assertThatThrownBy(() -> as(reviewer, () -> review.approve(district.changesetId(), null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not approved yet");
        assertThat(state(district.changesetId())).isEqualTo(ChangesetState.SUBMITTED);

        as(reviewer, () -> review.approve(city.changesetId(), null));
        as(reviewer, () -> review.approve(district.changesetId(), null));
        assertThat(as(viewer, () -> entities.get(project, city.entityId())).parts()).extracting(e -> e.name())
                .containsExactly("New Aleppo");
    }

    @Test
    void one_changeset_can_create_records_that_refer_to_each_other() {
        UUID division = UUID.randomUUID();
        UUID brigade = UUID.randomUUID();
        UUID changeset = as(editor, () -> changesets.propose(project, "Units", List.of(
                ProposedOperation.create(EntityRecordType.KIND, division, EntityPayload.of(EntityKind.MILITARY_UNIT, "25th Division")),
                ProposedOperation.create(EntityRecordType.KIND, brigade,
                        EntityPayload.of(EntityKind.MILITARY_UNIT, "Brigade 1").withPartOf(division))), true));
        as(reviewer, () -> review.approve(changeset, null));
        assertThat(as(viewer, () -> entities.get(project, brigade)).partOf().id()).isEqualTo(division);
    }

    @Test
    void merging_moves_references_and_the_old_id_still_resolves() {
        UUID survivor = approvedEntity(EntityPayload.of(EntityKind.ORGANIZATION, "Syrian National Army"));
        UUID duplicate = approvedEntity(EntityPayload.of(EntityKind.ORGANIZATION, "SNA"));
        UUID unit = approvedEntity(EntityPayload.of(EntityKind.MILITARY_UNIT, "Sultan Suleiman Shah Division")
                .withPartOf(duplicate));

        var merge = as(editor, () -> entities.proposeMerge(project, duplicate, survivor, "SNA is the SNA", true));
        as(reviewer, () -> review.approve(merge.changesetId(), null));

        EntityDetails resolved = as(viewer, () -> entities.get(project, duplicate));
        assertThat(resolved.id()).isEqualTo(survivor);
        assertThat(resolved.redirectedFrom()).isEqualTo(duplicate);
        assertThat(resolved.parts()).extracting(e -> e.id()).containsExactly(unit);
        assertThat(as(viewer, () -> entities.search(project, "SNA", null, 0, 10))).extracting(e -> e.id())
                .doesNotContain(duplicate);
        assertThat(as(viewer, () -> history.history(project, EntityRecordType.KIND, unit))).hasSize(2)
                .last().satisfies(r -> assertThat(r.changes()).extracting(ChangesetDetails.FieldChange::field)
                        .containsExactly("Part of"));
    }

    @Test
    void an_entity_with_references_cannot_simply_be_deleted() {
        UUID city = approvedEntity(EntityPayload.of(EntityKind.PLACE, "Damascus"));
        approvedEntity(EntityPayload.of(EntityKind.PLACE, "Barzeh").withPartOf(city));
        long version = as(editor, () -> entities.get(project, city)).version();
        var delete = as(editor, () -> entities.proposeDelete(project, city, version, "Remove", true));
        assertThatThrownBy(() -> as(reviewer, () -> review.approve(delete.changesetId(), null)))
                .hasMessageContaining("cannot be deleted: 1 entity is part of it.");
        assertThat(as(viewer, () -> entities.get(project, city)).values().name()).isEqualTo("Damascus");
        assertThat(state(delete.changesetId())).isEqualTo(ChangesetState.SUBMITTED);

        // Only a redirect left behind by a merge: the message names that, not "0 entities are part of it".
        UUID survivor = approvedEntity(EntityPayload.of(EntityKind.PLACE, "Dimashq"));
        UUID duplicate = approvedEntity(EntityPayload.of(EntityKind.PLACE, "Dimashq city"));
        var merge = as(editor, () -> entities.proposeMerge(project, duplicate, survivor, "Same city", true));
        as(reviewer, () -> review.approve(merge.changesetId(), null));
        long survivorVersion = as(editor, () -> entities.get(project, survivor)).version();
        var deleteSurvivor = as(editor, () -> entities.proposeDelete(project, survivor, survivorVersion, "Remove", true));
        assertThatThrownBy(() -> as(reviewer, () -> review.approve(deleteSurvivor.changesetId(), null)))
                .hasMessageContaining("cannot be deleted: 1 entity was merged into it.");
    }

    @Test
    void a_revert_is_a_new_changeset_that_restores_the_earlier_values() {
        UUID entity = approvedEntity(EntityPayload.of(EntityKind.PERSON, "Bashar al-Assad"));
        long v = as(editor, () -> entities.get(project, entity)).version();
        var rename = as(editor, () -> entities.proposeUpdate(project, entity, v,
                EntityPayload.of(EntityKind.PERSON, "B. al-Assad"), "Shorter", true));
        as(reviewer, () -> review.approve(rename.changesetId(), null));
        var firstRevision = as(viewer, () -> history.history(project, EntityRecordType.KIND, entity)).getFirst();

        UUID revert = as(editor, () -> history.revert(project, EntityRecordType.KIND, entity, firstRevision.id(), true));
        assertThat(as(viewer, () -> entities.get(project, entity)).values().name()).isEqualTo("B. al-Assad");
        as(reviewer, () -> review.approve(revert, null));

        assertThat(as(viewer, () -> entities.get(project, entity)).values().name()).isEqualTo("Bashar al-Assad");
        assertThat(as(viewer, () -> history.history(project, EntityRecordType.KIND, entity))).hasSize(3);
    }

    @Test
    void bad_input_is_refused_with_a_clear_message_and_nothing_is_stored() {
        long before = changesetRows.count();
        var tooManyAliases = IntStream.range(0, 10_000).mapToObj(i -> new Alias("alias " + i, null)).toList();
        assertThatThrownBy(() -> propose(editor, EntityPayload.of(EntityKind.PERSON, "Many").withAliases(tooManyAliases)))
                .hasMessageContaining("at most 100 aliases");
        assertThatThrownBy(() -> propose(editor, EntityPayload.of(EntityKind.PERSON, "X").withWikidataId("Q12a")))
                .hasMessageContaining("Wikidata id is Q followed by digits");
        assertThatThrownBy(() -> propose(editor, EntityPayload.of(EntityKind.PERSON, "  ")))
                .hasMessageContaining("name must not be empty");
        assertThatThrownBy(() -> propose(editor, EntityPayload.of(EntityKind.PERSON, "Y").withCoordinates(1.0, 2.0)))
                .hasMessageContaining("Only places");
        assertThatThrownBy(() -> as(editor, () -> changesets.propose(project, " ", List.of(), true)))
                .hasMessageContaining("Describe the change");

        UUID elsewhere = fixtures.newProject(fixtures.admin());
        fixtures.addMember(elsewhere, editor, ProjectRole.EDITOR);
        var foreign = as(editor, () -> entities.proposeCreate(elsewhere, EntityPayload.of(EntityKind.PLACE, "Idlib"),
                "Other project", true));
        assertThatThrownBy(() -> as(editor, () -> entities.proposeUpdate(project, foreign.entityId(), 0,
                EntityPayload.of(EntityKind.PLACE, "Forged"), "Forged id", true)))
                .hasMessageContaining("does not exist in this project");
        assertThatThrownBy(() -> propose(editor, EntityPayload.of(EntityKind.PLACE, "Part of foreign")
                .withPartOf(foreign.entityId()))).hasMessageContaining("does not exist in this project");
        assertThatThrownBy(() -> as(viewer, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "V"),
                "viewer", true))).isInstanceOf(AccessDeniedException.class);
        assertThat(changesetRows.count()).isEqualTo(before + 1);
    }

    @Test
    void the_queue_lists_submitted_changesets_filtered_and_in_either_order() {
        var a = propose(editor, EntityPayload.of(EntityKind.PLACE, "Saraqib"));
        var b = propose(otherEditor, EntityPayload.of(EntityKind.PLACE, "Maarat al-Numan"));
        var draft = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Draft"), "d", false));

        var oldestFirst = as(reviewer, () -> review.queue(project, null, null, false, 0, 50));
        assertThat(oldestFirst).extracting(ChangesetSummary::id).containsExactly(a.changesetId(), b.changesetId())
                .doesNotContain(draft.changesetId());
        assertThat(as(reviewer, () -> review.queue(project, null, null, true, 0, 50))).extracting(ChangesetSummary::id)
                .containsExactly(b.changesetId(), a.changesetId());
        assertThat(as(reviewer, () -> review.queue(project, otherEditor.userId(), null, true, 0, 50)))
                .extracting(ChangesetSummary::id).containsExactly(b.changesetId());
        assertThat(as(reviewer, () -> review.queue(project, null, "EVENT", true, 0, 50))).isEmpty();
        assertThat(as(reviewer, () -> review.queueSize(project, null, EntityRecordType.KIND))).isEqualTo(2);

        var refused = as(reviewer, () -> review.approveAll(List.of(a.changesetId(), b.changesetId(), draft.changesetId())));
        assertThat(refused).containsOnlyKeys(draft.changesetId());
        assertThat(state(a.changesetId())).isEqualTo(ChangesetState.APPROVED);
        assertThat(state(b.changesetId())).isEqualTo(ChangesetState.APPROVED);
        assertThat(as(editor, () -> changesets.mine(project, 10))).extracting(ChangesetSummary::state)
                .contains(ChangesetState.APPROVED, ChangesetState.DRAFT);
        assertThat(as(editor, () -> changesets.myPending(project, EntityRecordType.KIND)))
                .extracting(ChangesetService.PendingChange::recordId).containsExactly(draft.entityId());
    }

    @Test
    void an_author_pages_through_their_own_changesets_by_state_and_kind() {
        var approved = propose(editor, EntityPayload.of(EntityKind.PLACE, "Saraqib"));
        as(reviewer, () -> review.approve(approved.changesetId(), null));
        var submitted = propose(editor, EntityPayload.of(EntityKind.PLACE, "Kafranbel"));
        var draft = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Draft"), "d", false));
        propose(otherEditor, EntityPayload.of(EntityKind.PLACE, "Someone else's"));
        var none = java.util.Set.<ChangesetState>of();

        assertThat(as(editor, () -> changesets.mine(project, none, null, null, true, 0, 50))).extracting(ChangesetSummary::id)
                .containsExactly(draft.changesetId(), submitted.changesetId(), approved.changesetId());
        assertThat(as(editor, () -> changesets.mine(project, none, null, null, false, 1, 2))).extracting(ChangesetSummary::id)
                .containsExactly(draft.changesetId());
        assertThat(as(editor, () -> changesets.countMine(project, none, null, null))).isEqualTo(3);
        var open = java.util.EnumSet.of(ChangesetState.DRAFT, ChangesetState.SUBMITTED);
        assertThat(as(editor, () -> changesets.mine(project, open, EntityRecordType.KIND, null, false, 0, 50)))
                .extracting(ChangesetSummary::id).containsExactly(submitted.changesetId(), draft.changesetId());
        assertThat(as(editor, () -> changesets.countMine(project, java.util.Set.of(ChangesetState.APPROVED), null, null)))
                .isEqualTo(1);
        assertThat(as(editor, () -> changesets.mine(project, none, "EVENT", null, true, 0, 50))).isEmpty();
        assertThat(as(editor, () -> changesets.countMine(project, none, null, UUID.randomUUID()))).isZero();
        assertThatThrownBy(() -> as(viewer, () -> changesets.mine(project, none, null, null, true, 0, 50)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_failing_operation_late_in_a_changeset_leaves_every_earlier_one_unapplied() {
        UUID city = approvedEntity(EntityPayload.of(EntityKind.PLACE, "Raqqa"));
        approvedEntity(EntityPayload.of(EntityKind.PLACE, "Tabqa").withPartOf(city));
        long cityVersion = as(editor, () -> entities.get(project, city)).version();
        UUID fresh = UUID.randomUUID();
        UUID changeset = as(editor, () -> changesets.propose(project, "Create then delete", List.of(
                ProposedOperation.create(EntityRecordType.KIND, fresh, EntityPayload.of(EntityKind.PLACE, "Mansoura")),
                ProposedOperation.delete(EntityRecordType.KIND, city, cityVersion)), true));
        long revisionsBefore = revisions.count();

        assertThatThrownBy(() -> as(reviewer, () -> review.approve(changeset, null))).hasMessageContaining("cannot be deleted");

        assertThatThrownBy(() -> as(viewer, () -> entities.get(project, fresh))).isInstanceOf(NotFoundException.class);
        assertThat(revisions.count()).isEqualTo(revisionsBefore);
        assertThat(state(changeset)).isEqualTo(ChangesetState.SUBMITTED);
        var list = new ArrayList<>(as(editor, () -> changesets.details(changeset)).operations());
        assertThat(list).hasSize(2);
    }

    @Test
    void an_author_edits_a_changeset_sent_back_and_resubmits_it() {
        var proposal = propose(editor, EntityPayload.of(EntityKind.PLACE, "Kafr Zita"));
        as(reviewer, () -> review.requestChanges(proposal.changesetId(), "Add the Arabic name"));

        var operations = as(editor, () -> changesets.proposedOperations(proposal.changesetId()));
        assertThat(operations).singleElement().satisfies(op -> assertThat(((EntityPayload) op.payload()).name())
                .isEqualTo("Kafr Zita"));
        assertThatThrownBy(() -> as(otherEditor, () -> changesets.proposedOperations(proposal.changesetId())))
                .isInstanceOf(AccessDeniedException.class);
        var op = operations.getFirst();
        as(editor, () -> changesets.revise(proposal.changesetId(), "Add Kafr Zita with its Arabic name", List.of(
                new ProposedOperation(op.kind(), op.recordId(), op.action(), op.baseVersion(),
                        ((EntityPayload) op.payload()).withAliases(List.of(new Alias("كفر زيتا", "ar")))))));
        as(editor, () -> changesets.submit(proposal.changesetId()));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));

        assertThat(as(viewer, () -> entities.get(project, proposal.entityId())).values().aliases())
                .containsExactly(new Alias("كفر زيتا", "ar"));
        assertThat(as(editor, () -> changesets.details(proposal.changesetId())).discussion())
                .extracting(ChangesetDetails.Comment::body).containsExactly("Add the Arabic name");
    }
}
