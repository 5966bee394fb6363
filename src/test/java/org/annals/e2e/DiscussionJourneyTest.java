package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.collab.CollabBus;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.notification.NotificationService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two people discuss an event, each in their own browser: a comment with a mention appears on the
 * other's page without a reload while they are typing a reply of their own, the person mentioned is
 * told (the bell counts it at once), markup in a comment is shown as the characters typed, and a
 * comment that is too long is refused with its text kept. Every check waits (Playwright's assertions
 * retry) instead of reloading.
 */
class DiscussionJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;
    @Autowired
    NotificationService notifications;
    @Autowired
    CollabBus bus;
    @Autowired
    AnnotationService annotations;

    private Page open(AnnalsPrincipal who, String path) {
        Page page = newPerson();
        signInOverHttp(page, who.getUsername(), Fixtures.PASSWORD);
        page.navigate(url(path));
        return page;
    }

    private static Locator commentBox(Page page) {
        return page.locator(".comment-thread vaadin-text-area textarea");
    }

    private static void post(Page page) {
        page.locator(".comment-thread").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Comment"))
                .click();
    }

    @Test
    void a_mention_reaches_the_other_person_live_and_markup_stays_text() {
        AnnalsPrincipal alice = fixtures.newUser("alice");
        AnnalsPrincipal bob = fixtures.newUser("bob");
        AnnalsPrincipal rita = fixtures.newUser("rita");
        AnnalsPrincipal stranger = fixtures.newUser("stranger");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, alice, ProjectRole.EDITOR);
        fixtures.addMember(project, bob, ProjectRole.VIEWER);
        fixtures.addMember(project, rita, ProjectRole.REVIEWER);
        UUID battles = as(alice, () -> taxonomy.taxonomy(project)).getFirst().id();
        var proposal = as(alice, () -> events.proposeCreate(project, EventPayload.of("Fall of Aleppo",
                PartialDate.parse("2024-11-30"), battles), "Add the fall of Aleppo", true));
        as(rita, () -> review.approve(proposal.changesetId(), null));
        String eventPath = "projects/" + project + "/events/" + proposal.eventId();

        Page a = open(alice, eventPath);
        Page b = open(bob, eventPath);
        assertThat(a.getByText("No comments yet.")).isVisible();
        assertThat(b.getByText("No comments yet.")).isVisible();
        // Each page follows the project while open (its thread, its bell).
        await().atMost(Duration.ofSeconds(20)).until(() -> bus.subscriptionCount(project) >= 4);

        // Bob is in the middle of writing something when Alice's comment arrives.
        commentBox(b).fill("Half-typed thought");

        // Alice types @ and the start of Rita's name: Rita (who approved the event) is offered.
        commentBox(a).fill("Please check the date, @" + rita.getUsername().substring(0, 5));
        Locator offer = a.locator(".mention-suggestion").filter(new Locator.FilterOptions().setHasText(rita.getUsername()));
        assertThat(offer).isVisible();
        offer.click();
        assertThat(commentBox(a)).hasValue("Please check the date, @" + rita.getUsername() + " ");
        String markup = "<script>window.hacked = true</script> <b>bold</b> <img src=x onerror=\"window.hacked=true\">";
        commentBox(a).fill(commentBox(a).inputValue() + "and @" + bob.getUsername() + " and @" + stranger.getUsername()
                + ": " + markup);
        post(a);
        assertThat(commentBox(a)).hasValue("");

        // Bob sees it without a reload, as the characters Alice typed, and his own text is still there.
        Locator comment = b.locator(".comment").filter(new Locator.FilterOptions().setHasText("Please check the date"));
        assertThat(comment).isVisible();
        assertThat(comment.locator(".comment-body")).containsText(markup);
        assertThat(comment.locator(".comment-author")).hasText(alice.getUsername());
        assertThat(comment.locator(".mention")).hasText(new String[] {"@" + rita.getUsername(), "@" + bob.getUsername(),
                "@" + stranger.getUsername()});
        assertThat(b.locator(".comment-thread script, .comment-thread b, .comment-thread img")).hasCount(0);
        assertThat(b.evaluate("() => window.hacked === undefined")).isEqualTo(true);
        assertThat(commentBox(b)).hasValue("Half-typed thought");

        // Bob's bell counts the mention at once; it links to the thread.
        Locator bell = b.locator("vaadin-button.notification-bell");
        assertThat(bell).hasText("1");
        bell.click();
        Locator told = b.getByRole(AriaRole.DIALOG).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(Pattern.compile("mentioned you on .*Fall of Aleppo")));
        assertThat(told).isVisible();
        assertThat(told).hasAttribute("href", eventPath);
        b.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
        // Nobody outside the project was told anything.
        assertThat(as(stranger, () -> notifications.mine(10))).isEmpty();

        // Bob (a viewer) replies; Alice sees it without a reload.
        commentBox(b).fill("Half-typed thought, finished.");
        post(b);
        assertThat(a.locator(".comment-body").filter(new Locator.FilterOptions().setHasText("finished.")))
                .isVisible();

        // The box takes at most 10,000 characters; a page that sends more anyway (a modified browser) is
        // refused by the server beside the box, with the text kept and nothing added.
        assertThat(commentBox(a)).hasAttribute("maxlength", "10000");
        String tooLong = "z".repeat(10_001);
        a.locator(".comment-thread vaadin-text-area").evaluate("(field, text) => { field.value = text;"
                + " field.dispatchEvent(new Event('input', {bubbles: true}));"
                + " field.dispatchEvent(new Event('change', {bubbles: true})); }", tooLong);
        post(a);
        assertThat(a.locator(".comment-thread vaadin-text-area")).containsText("at most 10000 characters");
        assertThat(commentBox(a)).hasValue(tooLong);
        assertThat(a.locator(".comment")).hasCount(2);
        assertThat(b.locator(".comment")).hasCount(2);

        // The activity page lists both comments, newest first.
        a.navigate(url("projects/" + project + "/activity"));
        assertThat(a.locator(".activity-line").first()).containsText("commented on");
        assertThat(a.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(bob.getUsername())).first())
                .isVisible();
    }

    @Test
    void an_annotation_has_its_thread_in_the_editor_and_a_redraw_keeps_what_is_typed() {
        String text = "Hay'at Tahrir al-Sham fighters entered the city of Aleppo on 30 November.";
        AnnalsPrincipal alice = fixtures.newUser("alice");
        AnnalsPrincipal bob = fixtures.newUser("bob");
        AnnalsPrincipal rita = fixtures.newUser("rita");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, alice, ProjectRole.EDITOR);
        fixtures.addMember(project, bob, ProjectRole.VIEWER);
        fixtures.addMember(project, rita, ProjectRole.REVIEWER);
        UUID source = fixtures.newSource(project, alice, "Offensive report", text);
        UUID aleppo = vetted(project, source, alice, rita, text, "Aleppo");
        String path = "projects/" + project + "/sources/" + source + "?annotation=" + aleppo;

        Page a = open(alice, path);
        Page b = open(bob, path);
        Locator aliceThread = a.locator(".annotation-detail .comment-thread");
        Locator bobThread = b.locator(".annotation-detail .comment-thread");
        assertThat(aliceThread.getByText("No comments yet.")).isVisible();
        assertThat(bobThread.getByText("No comments yet.")).isVisible();
        await().atMost(Duration.ofSeconds(20)).until(() -> bus.subscriptionCount(project) >= 8);

        // Alice starts a reply; meanwhile another annotation on the source is approved and her editor redraws.
        aliceThread.locator("textarea").fill("Draft reply");
        UUID fighters = vetted(project, source, alice, rita, text, "fighters");
        assertThat(a.locator("annals-text [data-ids~='" + fighters + "']").first()).hasAttribute("data-states", "vetted");
        assertThat(aliceThread.locator("textarea")).hasValue("Draft reply");

        // Bob, a viewer, asks in the annotation's thread; Alice sees it at once, her reply still there.
        bobThread.locator("textarea").fill("Which Aleppo, the city or the governorate?");
        bobThread.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Comment")).click();
        assertThat(aliceThread.locator(".comment-body")).hasText("Which Aleppo, the city or the governorate?");
        assertThat(aliceThread.locator("textarea")).hasValue("Draft reply");
    }

    /** An annotation of the phrase, proposed by the editor and approved by the reviewer: its id. */
    private UUID vetted(UUID project, UUID source, AnnalsPrincipal editor, AnnalsPrincipal reviewer, String text,
            String phrase) {
        int start = text.indexOf(phrase);
        var marked = as(editor, () -> annotations.annotate(project, source, start, start + phrase.length(), phrase,
                AnnotationType.CLAIM, new LinkChoice.None()));
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), phrase));
        as(reviewer, () -> review.approve(marked.changesetId(), null));
        return marked.annotationId();
    }

    @Test
    void an_import_shows_at_once_in_the_others_source_list_and_activity() {
        AnnalsPrincipal alice = fixtures.newUser("alice");
        AnnalsPrincipal vera = fixtures.newUser("vera");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, alice, ProjectRole.EDITOR);
        fixtures.addMember(project, vera, ProjectRole.VIEWER);
        Page sources = open(vera, "projects/" + project + "/sources");
        assertThat(sources.getByText("No sources yet")).isVisible();
        Page activity = open(vera, "projects/" + project + "/activity");
        assertThat(activity.locator(".activity-line")).hasCount(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> bus.subscriptionCount(project) >= 4);

        fixtures.newSource(project, alice, "Report on the fall of Aleppo", "Opposition forces entered the city.");

        // Vera's empty list becomes the list with the new source, and her activity page gains the line.
        assertThat(sources.getByText("Report on the fall of Aleppo")).isVisible();
        assertThat(sources.getByText("No sources yet")).hasCount(0);
        assertThat(activity.locator(".activity-line").first()).containsText("imported");
        assertThat(activity.locator(".activity-line").first()).containsText("Report on the fall of Aleppo");

        fixtures.newSource(project, alice, "Second report", "Government forces withdrew.");
        assertThat(sources.getByText("Second report")).isVisible();
        assertThat(activity.locator(".activity-line")).hasCount(2);
    }
}
