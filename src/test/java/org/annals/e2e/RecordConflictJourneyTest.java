package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.annals.collab.CollabBus;
import org.annals.entity.EntityDetails;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.event.EventPayload;
import org.annals.notification.NotificationService;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.event.TimelineEntry;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetState;
import org.annals.review.ChangesetSummary;
import org.annals.review.ProposedOperation;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two people change the same event. Bea has its form open with values typed in when Dana's change is
 * approved: Bea's page and form are told at once, she compares field by field, carries her values over
 * and submits a proposal based on the new version, with nothing she typed lost. Every check waits
 * (Playwright's assertions retry) instead of reloading: a page that is not pushed to fails them.
 */
class RecordConflictJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;
    @Autowired
    ChangesetService changesets;
    @Autowired
    CollabBus bus;
    @Autowired
    EntityService entities;
    @Autowired
    NotificationService notifications;

    private Page open(AnnalsPrincipal who, String path) {
        Page page = newPerson();
        signInOverHttp(page, who.getUsername(), Fixtures.PASSWORD);
        page.navigate(url(path));
        return page;
    }

    @Test
    void an_approval_while_the_form_is_open_is_announced_compared_and_carried_over_without_losing_anything() {
        AnnalsPrincipal dana = fixtures.newUser("dana");
        AnnalsPrincipal bea = fixtures.newUser("bea");
        AnnalsPrincipal rita = fixtures.newUser("rita");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, dana, ProjectRole.EDITOR);
        fixtures.addMember(project, bea, ProjectRole.EDITOR);
        fixtures.addMember(project, rita, ProjectRole.REVIEWER);
        UUID type = as(dana, () -> taxonomy.taxonomy(project)).getFirst().id();
        var created = as(dana, () -> events.proposeCreate(project, EventPayload.of("Clashes near Hama",
                PartialDate.parse("2024-12-05"), type).withNotes("First reports", List.of()), "Add the clashes", true));
        as(rita, () -> review.approve(created.changesetId(), null));
        UUID event = created.eventId();
        String eventPath = "projects/" + project + "/events/" + event;

        Page d = open(dana, eventPath);
        Page b = open(bea, eventPath);
        Page timeline = open(rita, "projects/" + project + "/timeline?q=Hama");
        assertThat(timeline.locator(".timeline-entry")).containsText(new String[] {"Clashes near Hama"});
        assertThat(b.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Clashes near Hama"))).isVisible();
        // Each sees the other on the event's page.
        assertThat(b.locator(".presence-bar")).hasAttribute("data-users", dana.userId().toString());
        assertThat(d.locator(".presence-bar")).hasAttribute("data-users", bea.userId().toString());

        // Bea starts changing the event: a new title and her own notes.
        b.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose changes")).click();
        Locator form = b.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions()
                .setName("Propose changes to Clashes near Hama"));
        form.getByLabel("Title", new Locator.GetByLabelOptions().setExact(true)).fill("Battle of Hama");
        form.getByLabel("Notes").fill("Bea's notes from the agency report");
        form.getByLabel("Title", new Locator.GetByLabelOptions().setExact(true)).press("Tab");

        // Meanwhile Dana's change to the same event (notes and tags) is approved.
        TimelineEntry before = as(dana, () -> events.get(project, event));
        UUID danas = as(dana, () -> changesets.propose(project, "Tag and annotate the clashes",
                List.of(ProposedOperation.update(org.annals.event.EventRecordType.KIND, event, before.version(),
                        before.values().withNotes("Dana's notes from the ministry", List.of("verified")))), true));
        await().atMost(Duration.ofSeconds(20)).until(() -> bus.subscriptionCount(project) >= 5);
        as(rita, () -> review.approve(danas, null));

        // Bea's form says so at once, and the page behind it already shows the new values.
        Locator notice = form.locator(".conflict-notice");
        assertThat(notice).containsText("'s change to this event was approved while you were editing");
        assertThat(notice).containsText(dana.getUsername());
        assertThat(b.locator(".entity-facts")).containsText("Tags: verified");
        assertThat(d.locator(".entity-facts")).containsText("Tags: verified");
        // Nothing she typed is lost.
        assertThat(form.getByLabel("Title", new Locator.GetByLabelOptions().setExact(true))).hasValue("Battle of Hama");
        assertThat(form.getByLabel("Notes")).hasValue("Bea's notes from the agency report");

        // She compares: her title is kept, the approved tags are taken, and for the notes (both changed)
        // she chooses the approved ones.
        notice.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Compare and carry over…")).click();
        Locator compare = b.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions()
                .setName("Compare with the approved version"));
        assertThat(compare.locator(".compare-field")).containsText(new String[] {"Title", "Notes", "Tags"});
        assertThat(compare.locator(".compare-conflict")).hasText("Notes");
        compare.getByRole(AriaRole.RADIOGROUP, new Locator.GetByRoleOptions().setName("Keep for Notes"))
                .getByText("Approved").click();
        compare.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Carry over")).click();

        assertThat(notice).containsText("now based on the version just approved");
        assertThat(form.getByLabel("Title", new Locator.GetByLabelOptions().setExact(true))).hasValue("Battle of Hama");
        assertThat(form.getByLabel("Notes")).hasValue("Dana's notes from the ministry");
        assertThat(form.getByLabel("Tags")).hasValue("verified");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(b.getByText("Submitted for review.")).isVisible();

        // What she submitted is based on the new version, with her values: a reviewer can approve it.
        TimelineEntry now = as(bea, () -> events.get(project, event));
        ChangesetSummary submitted = as(bea, () -> changesets.mine(project, 5)).getFirst();
        ProposedOperation op = as(bea, () -> changesets.proposedOperations(submitted.id())).getFirst();
        assertThat(op.baseVersion()).isEqualTo(now.version());
        var values = (EventPayload) op.payload();
        assertThat(values.title()).isEqualTo("Battle of Hama");
        assertThat(values.notes()).isEqualTo("Dana's notes from the ministry");
        assertThat(values.tags()).containsExactly("verified");
        assertThat(as(bea, () -> changesets.myConflicts(project))).isEmpty();

        // Approving it updates both open pages live.
        as(rita, () -> review.approve(submitted.id(), null));
        assertThat(d.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Battle of Hama"))).isVisible();
        assertThat(b.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Battle of Hama"))).isVisible();
        assertThat(b.locator(".history")).containsText(Pattern.compile("Tag and annotate the clashes"));
        // The reviewer's timeline picked it up too, with its filter kept.
        assertThat(timeline.locator(".timeline-entry")).containsText(new String[] {"Battle of Hama"});
        assertThat(timeline).hasURL(Pattern.compile("q=Hama"));
    }

    @Test
    void an_author_whose_submitted_change_went_stale_is_told_and_updates_it_to_the_current_version() {
        AnnalsPrincipal dana = fixtures.newUser("dana");
        AnnalsPrincipal bea = fixtures.newUser("bea");
        AnnalsPrincipal rita = fixtures.newUser("rita");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, dana, ProjectRole.EDITOR);
        fixtures.addMember(project, bea, ProjectRole.EDITOR);
        fixtures.addMember(project, rita, ProjectRole.REVIEWER);
        var created = as(dana, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Homs"),
                "Add Homs", true));
        as(rita, () -> review.approve(created.changesetId(), null));
        UUID homs = created.entityId();
        EntityDetails base = as(bea, () -> entities.get(project, homs));
        var beas = as(bea, () -> entities.proposeUpdate(project, homs, base.version(),
                base.values().withDescription("Third-largest city of Syria"), "Describe Homs", true));
        var danas = as(dana, () -> entities.proposeUpdate(project, homs, base.version(),
                base.values().withWikidataId("Q80768"), "Link Homs to Wikidata", true));

        Page b = open(bea, "projects/" + project + "/changes");
        Page d = open(dana, "projects/" + project + "/entities/" + homs);
        assertThat(d.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Homs"))).isVisible();
        assertThat(b.getByText("Describe Homs")).isVisible();
        assertThat(b.locator(".conflict-badge")).hasCount(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> bus.subscriptionCount(project) >= 1);

        as(rita, () -> review.approve(danas.changesetId(), null));

        // Dana's open page of the entity shows her approved change; Bea's My changes marks hers at once,
        // and the notification links to it.
        assertThat(d.locator(".entity-facts")).containsText("Wikidata: Q80768");
        assertThat(b.locator(".conflict-badge")).hasText("Conflict");
        var notification = as(bea, () -> notifications.mine(5)).getFirst();
        assertThat(notification.getMessage()).contains("\"Describe Homs\" conflicts with a change approved just now");
        b.navigate(url(notification.getLink()));
        Locator help = b.locator(".conflict-notice");
        assertThat(help).containsText("Someone else's change to the same record was approved");

        b.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update to the current version…")).click();
        Locator form = b.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Propose changes to Homs"));
        assertThat(form.getByLabel("Description")).hasValue("Third-largest city of Syria");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Compare and carry over…")).click();
        Locator compare = b.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions()
                .setName("Compare with the approved version"));
        assertThat(compare.locator(".compare-field")).containsText(new String[] {"Description", "Wikidata id"});
        compare.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Carry over")).click();
        assertThat(form.getByLabel("Wikidata id")).hasValue("Q80768");
        assertThat(form.getByLabel("Description")).hasValue("Third-largest city of Syria");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(b.getByText("Updated: your proposal is now based on the current version.")).isVisible();
        assertThat(b.locator(".conflict-badge")).hasCount(0);

        // Still the same changeset, still waiting for review, now based on the current version: it can be approved.
        assertThat(as(bea, () -> changesets.myConflicts(project))).isEmpty();
        as(rita, () -> review.approve(beas.changesetId(), null));
        EntityDetails now = as(bea, () -> entities.get(project, homs));
        assertThat(now.values().description()).isEqualTo("Third-largest city of Syria");
        assertThat(now.values().wikidataId()).isEqualTo("Q80768");
    }

    @Test
    void an_event_proposal_is_edited_in_place_and_a_stale_one_is_carried_over_to_the_current_version() {
        AnnalsPrincipal dana = fixtures.newUser("dana");
        AnnalsPrincipal bea = fixtures.newUser("bea");
        AnnalsPrincipal rita = fixtures.newUser("rita");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, dana, ProjectRole.EDITOR);
        fixtures.addMember(project, bea, ProjectRole.EDITOR);
        fixtures.addMember(project, rita, ProjectRole.REVIEWER);
        UUID type = as(dana, () -> taxonomy.taxonomy(project)).getFirst().id();
        var created = as(dana, () -> events.proposeCreate(project, EventPayload.of("Fall of Hama",
                PartialDate.parse("2024-12-05"), type), "Add the fall of Hama", true));
        as(rita, () -> review.approve(created.changesetId(), null));
        UUID event = created.eventId();
        TimelineEntry base = as(bea, () -> events.get(project, event));
        // Bea saves a draft with notes; Dana's end date is submitted on the same version.
        var beas = as(bea, () -> events.proposeUpdate(project, event, base.version(),
                base.values().withNotes("Bea's first notes", List.of()), "Notes on Hama", false));
        UUID danas = as(dana, () -> changesets.propose(project, "End date of the fall of Hama",
                List.of(ProposedOperation.update(org.annals.event.EventRecordType.KIND, event, base.version(),
                        base.values().withEnd(PartialDate.parse("2024-12-06")))), true));

        // Bea edits her draft in place: the form shows what she proposed, and saving keeps the changeset.
        Page b = open(bea, "projects/" + project + "/changes?changeset=" + beas.changesetId());
        b.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit")).click();
        Locator draft = b.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions()
                .setName("Edit your proposal for Fall of Hama"));
        assertThat(draft.getByLabel("Notes")).hasValue("Bea's first notes");
        draft.getByLabel("Notes").fill("Bea's notes from the agency report");
        draft.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(b.getByText("Submitted for review.")).isVisible();
        var edited = (EventPayload) as(bea, () -> changesets.proposedOperations(beas.changesetId())).getFirst().payload();
        assertThat(edited.notes()).isEqualTo("Bea's notes from the agency report");
        assertThat(as(bea, () -> changesets.mine(project, 5))).filteredOn(c -> c.id().equals(beas.changesetId()))
                .singleElement().satisfies(c -> assertThat(c.state()).isEqualTo(ChangesetState.SUBMITTED));
        assertThat(b.locator(".conflict-badge")).hasCount(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> bus.subscriptionCount(project) >= 1);

        // Dana's end date is approved: Bea's submitted change is now stale, and she is told at once.
        as(rita, () -> review.approve(danas, null));
        assertThat(b.locator(".conflict-badge")).hasText("Conflict");
        b.getByText("Notes on Hama").click();
        b.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update to the current version…")).click();
        Locator form = b.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions()
                .setName("Edit your proposal for Fall of Hama"));
        assertThat(form.getByLabel("Notes")).hasValue("Bea's notes from the agency report");
        assertThat(form.getByLabel("End")).hasValue("");
        // Saving before comparing is refused: her proposal would still be based on the old version.
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(b.getByText("compare first")).isVisible();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Compare and carry over…")).click();
        Locator compare = b.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions()
                .setName("Compare with the approved version"));
        assertThat(compare.locator(".compare-field")).containsText(new String[] {"End", "Notes"});
        compare.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Carry over")).click();
        assertThat(form.getByLabel("End")).hasValue("2024-12-06");
        assertThat(form.getByLabel("Notes")).hasValue("Bea's notes from the agency report");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(b.getByText("Updated: your proposal is now based on the current version.")).isVisible();
        assertThat(b.locator(".conflict-badge")).hasCount(0);

        // The same changeset, based on the current version, with both changes: it can be approved.
        assertThat(as(bea, () -> changesets.myConflicts(project))).isEmpty();
        as(rita, () -> review.approve(beas.changesetId(), null));
        TimelineEntry now = as(bea, () -> events.get(project, event));
        assertThat(now.end()).isEqualTo(PartialDate.parse("2024-12-06"));
        assertThat(now.values().notes()).isEqualTo("Bea's notes from the agency report");
    }

    @Test
    void a_record_deleted_under_an_open_form_is_said_and_what_was_typed_can_become_a_new_proposal() {
        AnnalsPrincipal dana = fixtures.newUser("dana");
        AnnalsPrincipal bea = fixtures.newUser("bea");
        AnnalsPrincipal rita = fixtures.newUser("rita");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, dana, ProjectRole.EDITOR);
        fixtures.addMember(project, bea, ProjectRole.EDITOR);
        fixtures.addMember(project, rita, ProjectRole.REVIEWER);
        var created = as(dana, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Tall Rifaat"),
                "Add Tall Rifaat", true));
        as(rita, () -> review.approve(created.changesetId(), null));
        UUID town = created.entityId();

        Page b = open(bea, "projects/" + project + "/entities/" + town);
        b.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose changes")).click();
        Locator form = b.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Propose changes to Tall Rifaat"));
        form.getByLabel("Description").fill("Town north of Aleppo, taken on 2 December");
        form.getByLabel("Description").press("Tab");
        await().atMost(Duration.ofSeconds(20)).until(() -> bus.subscriptionCount(project) >= 3);

        // Dana's deletion of the entity is approved while Bea's form is open.
        long version = as(dana, () -> entities.get(project, town)).version();
        var deletion = as(dana, () -> entities.proposeDelete(project, town, version, "Duplicate of Tal Rifat", true));
        as(rita, () -> review.approve(deletion.changesetId(), null));

        Locator notice = form.locator(".conflict-notice");
        assertThat(notice).containsText("This entity was deleted while you were editing");
        assertThat(b.locator(".record-gone")).containsText("This entity was deleted meanwhile.");
        assertThat(form.getByLabel("Description")).hasValue("Town north of Aleppo, taken on 2 December");
        // Submitting an update of a deleted entity is held back until she decides what to do.
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(b.getByText("was deleted or merged while you were editing, so these values cannot change it"))
                .isVisible();
        notice.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Propose as a new entity")).click();
        form = b.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Propose a new entity"));
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(b.getByText("Submitted for review.")).isVisible();

        // Her values are a new proposal, not lost and not an update of the deleted record.
        ChangesetSummary mine = as(bea, () -> changesets.mine(project, 5)).getFirst();
        ProposedOperation op = as(bea, () -> changesets.proposedOperations(mine.id())).getFirst();
        assertThat(op.action()).isEqualTo(org.annals.review.ChangeAction.CREATE);
        assertThat(op.recordId()).isNotEqualTo(town);
        var values = (EntityPayload) op.payload();
        assertThat(values.name()).isEqualTo("Tall Rifaat");
        assertThat(values.description()).isEqualTo("Town north of Aleppo, taken on 2 December");
    }
}
