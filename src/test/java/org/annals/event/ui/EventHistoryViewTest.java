package org.annals.event.ui;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.UUID;
import org.annals.event.EventClaim;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetState;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An event's page without a browser: its history shows each change field by field, and reverts. */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class EventHistoryViewTest extends SignedInBrowserlessTest {

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


    @Test
    void the_history_shows_field_changes_with_claim_sources_and_reverting_proposes_the_earlier_values() {
        UUID project = fixtures.newProject(fixtures.admin());
        var editor = fixtures.newUser("hist-editor");
        var reviewer = fixtures.newUser("hist-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        UUID sohr = fixtures.newSource(project, editor, "SOHR daily report", "Sixty were killed in Hama.");
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var created = as(editor, () -> events.proposeCreate(project, EventPayload.of("Shelling of Hama",
                PartialDate.parse("2024-12-04"), battles), "Add the shelling", true));
        as(reviewer, () -> review.approve(created.changesetId(), null));
        var current = as(editor, () -> events.get(project, created.eventId()));
        var changed = as(editor, () -> events.proposeUpdate(project, created.eventId(), current.version(),
                current.values().withCasualties(List.of(EventClaim.killed(40, 60, sohr))), "Add the toll", true));
        as(reviewer, () -> review.approve(changed.changesetId(), null));

        signIn(editor);
        navigate("projects/" + project + "/events/" + created.eventId(), Component.class);

        var changes = find(Div.class).withClassName("revision-change").all().stream()
                .map(div -> div.getElement().getTextRecursively()).toList();
        assertThat(changes).anySatisfy(text -> assertThat(text).startsWith("Casualties: ")
                .contains("→ 40–60 killed per “SOHR daily report”"));
        // The claim on the page and in the history links to its source.
        assertThat(find(Anchor.class).withClassName("source-link").all()).isNotEmpty()
                .allSatisfy(link -> assertThat(link.getHref()).endsWith("/sources/" + sohr));
        // Moments are written readably, never as raw ISO strings.
        assertThat(find(Span.class).withClassName("revision-when").all()).hasSize(2)
                .allSatisfy(when -> assertThat(when.getText()).matches("\\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} UTC"));

        // Only the older state can be gone back to.
        var revert = find(Button.class).withText("Revert to this").single();
        test(revert).click();

        var proposed = as(editor, () -> changesets.mine(project, 10)).getFirst();
        assertThat(proposed.state()).isEqualTo(ChangesetState.SUBMITTED);
        assertThat(proposed.message()).startsWith("Revert Shelling of Hama");
        as(reviewer, () -> review.approve(proposed.id(), null));
        assertThat(as(editor, () -> events.get(project, created.eventId())).casualties()).isEmpty();
    }
}
