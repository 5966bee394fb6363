package org.annals.review;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
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
import org.annals.notification.NotificationService;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Changesets that use records other open changesets create (decision 0023): shown both ways in review,
 * refused alone, approved together all or nothing, sent back when what they use is rejected or
 * withdrawn, never in a circle. Run against H2 and PostgreSQL by the subclasses.
 */
abstract class DependentChangesetsContract {

    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    HistoryService history;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ProjectService projects;
    @Autowired
    NotificationService notifications;
    @Autowired
    ChangesetRepository changesetRows;
    @Autowired
    Fixtures fixtures;

    UUID project;
    AnnalsPrincipal editor;
    AnnalsPrincipal otherEditor;
    AnnalsPrincipal reviewer;

    @BeforeEach
    void projectWithATeam() {
        project = fixtures.newProject(fixtures.admin());
        editor = member("editor", ProjectRole.EDITOR);
        otherEditor = member("editor2", ProjectRole.EDITOR);
        reviewer = member("reviewer", ProjectRole.REVIEWER);
    }

    private AnnalsPrincipal member(String name, ProjectRole role) {
        AnnalsPrincipal user = fixtures.newUser(name);
        fixtures.addMember(project, user, role);
        return user;
    }

    private EntityService.Proposal propose(AnnalsPrincipal who, EntityPayload values, boolean submit) {
        return as(who, () -> entities.proposeCreate(project, values, "Add " + values.name(), submit));
    }

    private UUID approvedPlace(String name) {
        var proposal = propose(editor, EntityPayload.of(EntityKind.PLACE, name), true);
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private Changeset row(UUID changesetId) {
        return changesetRows.findById(changesetId).orElseThrow();
    }

    private boolean exists(UUID entityId) {
        try {
            as(reviewer, () -> entities.get(project, entityId));
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    @Test
    void an_event_may_use_a_place_and_an_actor_that_are_only_proposed_and_review_shows_the_dependency_both_ways() {
        var place = propose(editor, EntityPayload.of(EntityKind.PLACE, "Tall Rifaat"), true);
        var actor = propose(editor, EntityPayload.of(EntityKind.ORGANIZATION, "Northern Storm Brigade"), false);
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var event = as(editor, () -> events.proposeCreate(project, EventPayload.of("Clashes near Tall Rifaat",
                        PartialDate.day(LocalDate.of(2024, 12, 1)), battles).withPlace(place.entityId())
                .withActors(List.of(new EventActor(actor.entityId(), ActorRole.PRIMARY))), "Clashes", true));

        var details = as(reviewer, () -> changesets.details(event.changesetId()));
        assertThat(details.dependsOn()).extracting(ChangesetDetails.Link::message)
                .containsExactly("Add Tall Rifaat", "Add Northern Storm Brigade");
        assertThat(details.dependsOn()).allSatisfy(link -> assertThat(link.authorName()).contains(editor.getUsername()));
        assertThat(as(reviewer, () -> changesets.details(place.changesetId())).neededBy())
                .extracting(ChangesetDetails.Link::id).containsExactly(event.changesetId());
        assertThat(as(reviewer, () -> review.dependenciesToApprove(event.changesetId())))
                .extracting(ChangesetSummary::id).containsExactly(place.changesetId(), actor.changesetId());
    }

    @Test
    void approving_a_dependent_alone_is_refused_naming_what_it_waits_for() {
        var city = propose(editor, EntityPayload.of(EntityKind.PLACE, "Aleppo"), true);
        var district = propose(otherEditor, EntityPayload.of(EntityKind.PLACE, "New Aleppo").withPartOf(city.entityId()),
                true);

        assertThatThrownBy(() -> as(reviewer, () -> review.approve(district.changesetId(), null)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("\"Add Aleppo\" by ").hasMessageContaining(editor.getUsername())
                .hasMessageContaining("not approved yet");
        assertThat(row(district.changesetId()).getState()).isEqualTo(ChangesetState.SUBMITTED);
        assertThat(exists(district.entityId())).isFalse();
    }

    @Test
    void approving_with_dependencies_applies_each_in_order_with_its_own_revisions() {
        var city = propose(editor, EntityPayload.of(EntityKind.PLACE, "Aleppo"), true);
        var district = propose(otherEditor, EntityPayload.of(EntityKind.PLACE, "New Aleppo").withPartOf(city.entityId()),
                true);
        var street = propose(editor, EntityPayload.of(EntityKind.PLACE, "Street 5").withPartOf(district.entityId()),
                true);

        List<UUID> approved = as(reviewer, () -> review.approveWithDependencies(street.changesetId(), "All three"));

        assertThat(approved).containsExactly(city.changesetId(), district.changesetId(), street.changesetId());
        assertThat(approved).allSatisfy(id -> assertThat(row(id).getState()).isEqualTo(ChangesetState.APPROVED));
        assertThat(as(reviewer, () -> entities.get(project, street.entityId())).partOf().id())
                .isEqualTo(district.entityId());
        assertThat(as(reviewer, () -> history.history(project, EntityRecordType.KIND, city.entityId())))
                .singleElement().satisfies(r -> assertThat(r.author()).contains(editor.getUsername()));
        assertThat(as(reviewer, () -> history.history(project, EntityRecordType.KIND, district.entityId())))
                .singleElement().satisfies(r -> assertThat(r.author()).contains(otherEditor.getUsername()));
        assertThat(row(street.changesetId()).getDecisionComment()).isEqualTo("All three");
    }

    @Test
    void approving_together_is_all_or_nothing_when_the_dependent_conflicts() {
        UUID hama = approvedPlace("Hama");
        long base = as(editor, () -> entities.get(project, hama)).version();
        var city = propose(editor, EntityPayload.of(EntityKind.PLACE, "Hama Governorate"), true);
        UUID dependent = as(otherEditor, () -> changesets.propose(project, "Hama is in its governorate", List.of(
                ProposedOperation.update(EntityRecordType.KIND, hama, base,
                        EntityPayload.of(EntityKind.PLACE, "Hama").withPartOf(city.entityId()))), true));
        var rename = as(editor, () -> entities.proposeUpdate(project, hama, base,
                EntityPayload.of(EntityKind.PLACE, "Hamah"), "Spelling", true));
        as(reviewer, () -> review.approve(rename.changesetId(), null));

        assertThatThrownBy(() -> as(reviewer, () -> review.approveWithDependencies(dependent, null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Nothing was applied")
                .hasMessageContaining("changed by someone else");

        assertThat(row(city.changesetId()).getState()).isEqualTo(ChangesetState.SUBMITTED);
        assertThat(row(dependent).getState()).isEqualTo(ChangesetState.SUBMITTED);
        assertThat(exists(city.entityId())).isFalse();
        assertThat(as(reviewer, () -> history.history(project, EntityRecordType.KIND, city.entityId()))).isEmpty();
    }

    @Test
    void a_stale_base_in_a_dependency_is_detected_and_names_that_dependency() {
        UUID homs = approvedPlace("Homs");
        long base = as(editor, () -> entities.get(project, homs)).version();
        UUID dependency = UUID.randomUUID();
        UUID first = as(editor, () -> changesets.propose(project, "Homs governorate and its city", List.of(
                ProposedOperation.create(EntityRecordType.KIND, dependency,
                        EntityPayload.of(EntityKind.PLACE, "Homs Governorate")),
                ProposedOperation.update(EntityRecordType.KIND, homs, base,
                        EntityPayload.of(EntityKind.PLACE, "Homs").withPartOf(dependency))), true));
        var district = propose(otherEditor, EntityPayload.of(EntityKind.PLACE, "Talkalakh").withPartOf(dependency),
                true);
        var rename = as(otherEditor, () -> entities.proposeUpdate(project, homs, base,
                EntityPayload.of(EntityKind.PLACE, "Hims"), "Spelling", true));
        as(reviewer, () -> review.approve(rename.changesetId(), null));

        assertThatThrownBy(() -> as(reviewer, () -> review.approveWithDependencies(district.changesetId(), null)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("\"Homs governorate and its city\"")
                .hasMessageContaining("changed by someone else");
        assertThat(row(first).getState()).isEqualTo(ChangesetState.SUBMITTED);
        assertThat(exists(dependency)).isFalse();
        assertThat(exists(district.entityId())).isFalse();
    }

    @Test
    void rejecting_the_dependency_sends_the_dependent_back_to_its_author_with_the_reason() {
        var city = propose(editor, EntityPayload.of(EntityKind.PLACE, "Alepo"), true);
        var district = propose(otherEditor, EntityPayload.of(EntityKind.PLACE, "New Aleppo").withPartOf(city.entityId()),
                true);

        as(reviewer, () -> review.reject(city.changesetId(), "Aleppo is already in the registry"));

        Changeset sentBack = row(district.changesetId());
        assertThat(sentBack.getState()).isEqualTo(ChangesetState.CHANGES_REQUESTED);
        assertThat(sentBack.getDecisionComment()).contains("\"Add Alepo\"")
                .contains("rejected: Aleppo is already in the registry");
        assertThat(as(otherEditor, () -> changesets.discussion(district.changesetId())))
                .extracting(ChangesetDetails.Comment::body).anyMatch(b -> b.contains("Aleppo is already in the registry"));
        assertThat(as(otherEditor, () -> notifications.mine(10))).extracting(n -> n.getMessage())
                .contains("Your changeset \"Add New Aleppo\" needs changes.");
        assertThat(as(reviewer, () -> changesets.details(district.changesetId())).dependsOn()).isEmpty();
    }

    @Test
    void withdrawing_the_dependency_sends_the_dependent_back_too() {
        var city = propose(editor, EntityPayload.of(EntityKind.PLACE, "Idlib"), true);
        var district = propose(otherEditor, EntityPayload.of(EntityKind.PLACE, "Saraqib").withPartOf(city.entityId()),
                true);

        as(editor, () -> changesets.withdraw(city.changesetId()));

        Changeset sentBack = row(district.changesetId());
        assertThat(sentBack.getState()).isEqualTo(ChangesetState.CHANGES_REQUESTED);
        assertThat(sentBack.getDecisionComment()).contains("\"Add Idlib\"").contains("withdrawn by its author");
        assertThatThrownBy(() -> as(reviewer, () -> review.approveWithDependencies(district.changesetId(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("waiting for review");
    }

    @Test
    void a_circle_of_changesets_waiting_for_each_other_is_refused_when_it_would_be_made() {
        var first = propose(editor, EntityPayload.of(EntityKind.ORGANIZATION, "Army"), true);
        var second = propose(otherEditor, EntityPayload.of(EntityKind.MILITARY_UNIT, "Division")
                .withPartOf(first.entityId()), true);
        as(reviewer, () -> review.requestChanges(first.changesetId(), "Add its brigade too"));

        UUID brigade = UUID.randomUUID();
        assertThatThrownBy(() -> as(editor, () -> changesets.amend(first.changesetId(), List.of(
                ProposedOperation.create(EntityRecordType.KIND, brigade,
                        EntityPayload.of(EntityKind.MILITARY_UNIT, "Brigade").withPartOf(second.entityId()))), List.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("circle")
                .hasMessageContaining("\"Add Division\"");
        assertThat(as(editor, () -> changesets.proposedOperations(first.changesetId()))).hasSize(1);
    }

    @Test
    void someone_elses_draft_cannot_be_built_on_but_ones_own_draft_can() {
        var hidden = propose(otherEditor, EntityPayload.of(EntityKind.PLACE, "Draft town"), false);
        assertThatThrownBy(() -> propose(editor, EntityPayload.of(EntityKind.PLACE, "Suburb")
                .withPartOf(hidden.entityId()), true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist in this project");

        var mine = propose(editor, EntityPayload.of(EntityKind.PLACE, "My town"), false);
        var suburb = propose(editor, EntityPayload.of(EntityKind.PLACE, "My suburb").withPartOf(mine.entityId()), true);
        assertThatThrownBy(() -> as(reviewer, () -> review.approveWithDependencies(suburb.changesetId(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"Add My town\"")
                .hasMessageContaining("draft");
        assertThat(row(suburb.changesetId()).getState()).isEqualTo(ChangesetState.SUBMITTED);
    }

    @Test
    void the_reviewer_must_be_allowed_to_approve_every_changeset_of_the_group() {
        var own = propose(reviewer, EntityPayload.of(EntityKind.PLACE, "Raqqa"), true);
        var dependent = propose(editor, EntityPayload.of(EntityKind.PLACE, "Tabqa").withPartOf(own.entityId()), true);

        assertThatThrownBy(() -> as(reviewer, () -> review.approveWithDependencies(dependent.changesetId(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"Add Raqqa\"")
                .hasMessageContaining("your own changeset");
        assertThatThrownBy(() -> as(otherEditor, () -> review.approveWithDependencies(dependent.changesetId(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(exists(own.entityId())).isFalse();

        as(fixtures.admin(), () -> projects.setAllowSelfApproval(project, true));
        as(reviewer, () -> review.approveWithDependencies(dependent.changesetId(), null));
        assertThat(exists(dependent.entityId())).isTrue();
    }

    @Test
    void pickers_get_own_drafts_and_submitted_proposals_but_not_other_peoples_drafts() {
        propose(editor, EntityPayload.of(EntityKind.PLACE, "Kobani (mine)"), false);
        propose(otherEditor, EntityPayload.of(EntityKind.PLACE, "Kobani (submitted)"), true);
        propose(otherEditor, EntityPayload.of(EntityKind.PLACE, "Kobani (their draft)"), false);

        var pending = as(editor, () -> changesets.pendingRecords(project, EntityRecordType.KIND, "KOBANI", 10));

        assertThat(pending).extracting(p -> ((EntityPayload) p.payload()).name(), ChangesetService.PendingRecord::draft)
                .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple("Kobani (mine)", true),
                        org.assertj.core.api.Assertions.tuple("Kobani (submitted)", false));
        assertThat(as(editor, () -> changesets.pendingRecords(project, EventRecordType.KIND, "Kobani", 10))).isEmpty();
    }

    @Test
    void a_draft_of_a_thousand_operations_that_use_pending_records_keeps_one_dependency() {
        var city = propose(otherEditor, EntityPayload.of(EntityKind.PLACE, "Deir ez-Zor"), true);
        var operations = new ArrayList<ProposedOperation>();
        for (int i = 0; i < ChangesetService.MAX_OPERATIONS; i++) {
            operations.add(ProposedOperation.create(EntityRecordType.KIND, UUID.randomUUID(),
                    EntityPayload.of(EntityKind.PLACE, "Street " + i).withPartOf(city.entityId())));
        }
        UUID big = as(editor, () -> changesets.propose(project, "Streets", operations, false));

        assertThat(as(editor, () -> changesets.details(big)).dependsOn()).extracting(ChangesetDetails.Link::id)
                .containsExactly(city.changesetId());
    }
}
