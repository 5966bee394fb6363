package org.annals.review;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.annals.base.NotFoundException;
import org.annals.entity.EntityDetails;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.notification.Notification;
import org.annals.notification.NotificationService;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * An author hears that their open changeset went stale when someone else's change to the same record
 * is approved, sees it among their conflicts, and moves it onto the current version with the values
 * they choose. Run against H2 and PostgreSQL by the subclasses.
 */
abstract class StaleChangesetContract {

    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    EntityService entities;
    @Autowired
    NotificationService notifications;
    @Autowired
    ChangesetRepository changesetRows;
    @Autowired
    Fixtures fixtures;

    UUID project;
    AnnalsPrincipal dana;
    AnnalsPrincipal bo;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal viewer;

    @BeforeEach
    void projectWithATeam() {
        project = fixtures.newProject(fixtures.admin());
        dana = member("dana", ProjectRole.EDITOR);
        bo = member("bo", ProjectRole.EDITOR);
        reviewer = member("reviewer", ProjectRole.REVIEWER);
        viewer = member("viewer", ProjectRole.VIEWER);
    }

    private AnnalsPrincipal member(String name, ProjectRole role) {
        AnnalsPrincipal user = fixtures.newUser(name);
        fixtures.addMember(project, user, role);
        return user;
    }

    private UUID approvedPlace(String name) {
        var proposal = as(dana, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, name),
                "Add " + name, true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private java.util.List<String> messagesOf(AnnalsPrincipal who) {
        return as(who, () -> notifications.mine(20)).stream().map(Notification::getMessage).toList();
    }

    @Test
    void an_approval_tells_the_authors_of_open_changesets_on_the_same_record_and_no_one_else() {
        UUID homs = approvedPlace("Homs");
        UUID hama = approvedPlace("Hama");
        EntityDetails base = as(bo, () -> entities.get(project, homs));
        long hamaVersion = as(bo, () -> entities.get(project, hama)).version();
        var danas = as(dana, () -> entities.proposeUpdate(project, homs, base.version(),
                base.values().withDescription("Third-largest city of Syria"), "Describe Homs", true));
        var bosDraft = as(bo, () -> entities.proposeUpdate(project, homs, base.version(),
                base.values().withCoordinates(34.73, 36.72), "Locate Homs", false));
        var bosOther = as(bo, () -> entities.proposeUpdate(project, hama, hamaVersion,
                EntityPayload.of(EntityKind.PLACE, "Hama").withDescription("On the Orontes"), "Describe Hama", true));
        assertThat(as(bo, () -> changesets.myConflicts(project))).isEmpty();

        as(reviewer, () -> review.approve(danas.changesetId(), null));

        assertThat(as(bo, () -> changesets.myConflicts(project))).containsExactly(bosDraft.changesetId());
        assertThat(as(dana, () -> changesets.myConflicts(project))).isEmpty();
        assertThat(messagesOf(bo)).contains("Your changeset \"Locate Homs\" conflicts with a change approved just now:"
                + " open it to update it to the current version.");
        assertThat(as(bo, () -> notifications.mine(20))).filteredOn(n -> n.getMessage().contains("Locate Homs"))
                .singleElement().extracting(Notification::getLink)
                .isEqualTo("projects/" + project + "/changes?changeset=" + bosDraft.changesetId());
        assertThat(messagesOf(bo)).noneMatch(m -> m.contains("Describe Hama"));
        assertThat(messagesOf(dana)).noneMatch(m -> m.contains("conflicts"));
        assertThat(bosOther.changesetId()).isNotIn(as(bo, () -> changesets.myConflicts(project)));
    }

    @Test
    void the_author_moves_a_stale_submitted_changeset_onto_the_current_version_with_the_values_they_chose() {
        UUID homs = approvedPlace("Homs");
        EntityDetails base = as(bo, () -> entities.get(project, homs));
        var danas = as(dana, () -> entities.proposeUpdate(project, homs, base.version(),
                base.values().withDescription("Third-largest city of Syria"), "Describe Homs", true));
        var bos = as(bo, () -> entities.proposeUpdate(project, homs, base.version(),
                base.values().withCoordinates(34.73, 36.72), "Locate Homs", true));
        as(reviewer, () -> review.approve(danas.changesetId(), null));
        EntityDetails now = as(bo, () -> entities.get(project, homs));

        var conflict = as(bo, () -> changesets.conflicts(bos.changesetId())).getFirst();
        assertThat(conflict.recordGone()).isFalse();
        assertThat(conflict.currentVersion()).isEqualTo(now.version());
        assertThat(((EntityPayload) conflict.startedFrom()).description()).isNull();
        assertThat(((EntityPayload) conflict.current()).description()).isEqualTo("Third-largest city of Syria");
        assertThat(((EntityPayload) conflict.proposed().payload()).latitude()).isEqualTo(34.73);

        EntityPayload carried = now.values().withCoordinates(34.73, 36.72);
        var rebased = ProposedOperation.update(EntityRecordType.KIND, homs, now.version(), carried);
        // Only the author: another editor, a reviewer and a viewer are refused.
        assertThatThrownBy(() -> as(dana, () -> changesets.rebase(bos.changesetId(), rebased)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(reviewer, () -> changesets.rebase(bos.changesetId(), rebased)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(viewer, () -> changesets.rebase(bos.changesetId(), rebased)))
                .isInstanceOfAny(AccessDeniedException.class, NotFoundException.class);
        assertThatThrownBy(() -> as(reviewer, () -> changesets.conflicts(bos.changesetId())))
                .isInstanceOf(AccessDeniedException.class);
        // Based on what the author did not compare with: refused, nothing changes.
        assertThatThrownBy(() -> as(bo, () -> changesets.rebase(bos.changesetId(),
                ProposedOperation.update(EntityRecordType.KIND, homs, base.version(), carried))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("compare with its current values once more");
        assertThat(as(bo, () -> changesets.myConflicts(project))).containsExactly(bos.changesetId());

        as(bo, () -> changesets.rebase(bos.changesetId(), rebased));

        assertThat(as(bo, () -> changesets.myConflicts(project))).isEmpty();
        assertThat(changesetRows.findById(bos.changesetId()).orElseThrow().getState())
                .isEqualTo(ChangesetState.SUBMITTED);
        assertThat(as(reviewer, () -> changesets.details(bos.changesetId())).operations().getFirst().stale()).isFalse();
        as(reviewer, () -> review.approve(bos.changesetId(), null));
        EntityDetails merged = as(viewer, () -> entities.get(project, homs));
        assertThat(merged.values().description()).isEqualTo("Third-largest city of Syria");
        assertThat(merged.values().latitude()).isEqualTo(34.73);
    }

    @Test
    void a_changeset_on_a_deleted_record_is_a_conflict_that_cannot_be_moved_and_says_why() {
        UUID homs = approvedPlace("Homs");
        EntityDetails base = as(bo, () -> entities.get(project, homs));
        var deletion = as(dana, () -> entities.proposeDelete(project, homs, base.version(), "Delete Homs", true));
        var bos = as(bo, () -> entities.proposeUpdate(project, homs, base.version(),
                base.values().withCoordinates(34.73, 36.72), "Locate Homs", true));
        as(reviewer, () -> review.approve(deletion.changesetId(), null));

        assertThat(as(bo, () -> changesets.myConflicts(project))).containsExactly(bos.changesetId());
        assertThat(messagesOf(bo)).anyMatch(m -> m.contains("\"Locate Homs\" conflicts"));
        var conflict = as(bo, () -> changesets.conflicts(bos.changesetId())).getFirst();
        assertThat(conflict.recordGone()).isTrue();
        assertThat(conflict.current()).isNull();
        assertThatThrownBy(() -> as(bo, () -> changesets.rebase(bos.changesetId(),
                ProposedOperation.update(EntityRecordType.KIND, homs, base.version() + 1, base.values()))))
                .hasMessageContaining("no longer exists");
    }
}
