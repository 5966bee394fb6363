package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Proposing an event in a real browser, approving it, and sharing a filtered timeline by its address. */
class TimelineJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;

    private UUID entity(UUID project, org.annals.security.AnnalsPrincipal proposer,
            org.annals.security.AnnalsPrincipal approver, EntityKind kind, String name) {
        var proposal = Fixtures.as(proposer, () -> entities.proposeCreate(project, EntityPayload.of(kind, name),
                "Add " + name, true));
        Fixtures.as(approver, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    @Test
    void an_approved_event_appears_under_its_day_and_a_filtered_address_shows_the_same_to_another_member() {
        var editor = fixtures.newUser("chronicler");
        var reviewer = fixtures.newUser("vetter");
        var viewer = fixtures.newUser("reader");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        entity(project, editor, reviewer, EntityKind.PLACE, "Hama");
        entity(project, editor, reviewer, EntityKind.ORGANIZATION, "Hay'at Tahrir al-Sham");
        entity(project, editor, reviewer, EntityKind.PLACE, "Homs");

        Page editorPage = newPerson();
        signInOverHttp(editorPage, editor.getUsername(), Fixtures.PASSWORD);
        editorPage.navigate(url("projects/" + project + "/timeline"));
        editorPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose an event")).click();
        Locator form = editorPage.getByRole(AriaRole.DIALOG);
        form.getByLabel("Title").fill("Rebels capture Hama");
        form.getByLabel("Start", new Locator.GetByLabelOptions().setExact(true)).fill("5 December 2024");
        form.getByLabel("Type", new Locator.GetByLabelOptions().setExact(true)).click();
        editorPage.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Battles")).click();
        form.getByLabel("Place").fill("Hama");
        editorPage.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Hama")).click();
        form.getByLabel("Primary actors").fill("Tahrir");
        editorPage.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Hay'at Tahrir al-Sham")).click();
        editorPage.keyboard().press("Escape");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a casualty figure")).click();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a casualty figure")).click();
        form.getByLabel("Figure", new Locator.GetByLabelOptions().setExact(true)).nth(0).fill("12");
        form.getByLabel("Note", new Locator.GetByLabelOptions().setExact(true)).nth(0).fill("SOHR");
        form.getByLabel("Figure", new Locator.GetByLabelOptions().setExact(true)).nth(1).fill("40-60");
        form.getByLabel("Note", new Locator.GetByLabelOptions().setExact(true)).nth(1).fill("local activists");
        form.getByLabel("Message for the reviewers").fill("Hama falls");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(editorPage.locator(".pending-overlay")).containsText("Rebels capture Hama");

        Page reviewerPage = newPerson();
        signInOverHttp(reviewerPage, reviewer.getUsername(), Fixtures.PASSWORD);
        reviewerPage.navigate(url("projects/" + project + "/review"));
        reviewerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
        assertThat(reviewerPage.getByText("Approved and applied.")).isVisible();

        editorPage.navigate(url("projects/" + project + "/timeline"));
        Locator day = editorPage.locator(".timeline-day").filter(new Locator.FilterOptions().setHasText("5 December 2024"));
        assertThat(day.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Rebels capture Hama"))).isVisible();
        assertThat(day).containsText("Hay'at Tahrir al-Sham");
        assertThat(day).containsText("sources disagree");
        // The band and the per-day chart get the same events (drawn by Chart.js in the browser, which the element
        // loads as its own chunk the first time: "drawn" once both charts are made).
        assertThat(editorPage.locator("annals-timeline-charts canvas")).hasCount(2);
        assertThat(editorPage.locator("annals-timeline-charts[drawn]")).hasCount(1);
        org.assertj.core.api.Assertions.assertThat((Boolean) editorPage.locator("annals-timeline-charts").evaluate(
                "element => [...element.shadowRoot.querySelectorAll('canvas')].every(c => c.width > 0 && c.height > 0)"))
                .as("both canvases sized by Chart.js").isTrue();
        org.assertj.core.api.Assertions.assertThat((String) editorPage.locator("annals-timeline-charts")
                .evaluate("element => element.data")).contains("Rebels capture Hama", "\"day\":\"2024-12-05\"");

        editorPage.getByLabel("Place").fill("Hama");
        editorPage.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Hama")).click();
        assertThat(editorPage).hasURL(Pattern.compile(".*/timeline\\?place=[0-9a-f-]{36}$"));
        String shared = editorPage.url();

        Page viewerPage = newPerson();
        signInOverHttp(viewerPage, viewer.getUsername(), Fixtures.PASSWORD);
        viewerPage.navigate(shared);
        assertThat(viewerPage.getByText("1 event", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(viewerPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rebels capture Hama")))
                .isVisible();

        viewerPage.navigate(shared.replaceFirst("place=[0-9a-f-]{36}", "place=" + UUID.randomUUID()));
        assertThat(viewerPage.getByText("1 event", new Page.GetByTextOptions().setExact(true))).isVisible();
    }
}
