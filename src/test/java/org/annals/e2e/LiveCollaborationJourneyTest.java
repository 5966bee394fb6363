package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.EditorAnnotation;
import org.annals.collab.CollabBus;
import org.annals.collab.CollabEvent;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Three people at work on one source at once, each in their own browser: they see who else is there,
 * what one does shows up on the others' screens without a reload, and nobody loses what they are in
 * the middle of. Every check waits
 * (Playwright's assertions retry) instead of reloading: a page that is not pushed to fails them.
 */
class LiveCollaborationJourneyTest extends BrowserTest {

    static final String TEXT = "Hay'at Tahrir al-Sham fighters entered the city of Aleppo on 30 November.";
    static final String SECOND = "The army withdrew from Hama; at least 12 people were killed.";

    @Autowired
    Fixtures fixtures;
    @Autowired
    AnnotationService annotations;
    @Autowired
    CollabBus bus;
    @Autowired
    org.annals.source.SourceService sources;

    private Page open(AnnalsPrincipal who, String path) {
        Page page = newPerson();
        signInOverHttp(page, who.getUsername(), Fixtures.PASSWORD);
        page.navigate(url(path));
        return page;
    }

    /** The highlight of one annotation: the first text segment it covers. */
    private static Locator highlight(Page page, String key) {
        return page.locator("annals-text [data-ids~='" + key + "']").first();
    }

    private static Locator presence(Page page) {
        return page.locator(".presence-bar");
    }

    private static Locator state(Page page, String key) {
        return page.locator(".annotation-item[data-key='" + key + "'] .annotation-state");
    }

    @Test
    void a_proposal_shows_up_pending_for_others_and_turns_vetted_for_everyone_while_a_form_stays_open() {
        AnnalsPrincipal alice = fixtures.newUser("alice");
        AnnalsPrincipal bob = fixtures.newUser("bob");
        AnnalsPrincipal reviewer = fixtures.newUser("rita");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, alice, ProjectRole.EDITOR);
        fixtures.addMember(project, bob, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        UUID source = fixtures.newSource(project, alice, "Offensive report", TEXT, SECOND);
        String sourcePath = "projects/" + project + "/sources/" + source;

        Page a = open(alice, sourcePath);
        Page b = open(bob, sourcePath);
        Page r = open(reviewer, "projects/" + project + "/review");
        assertThat(a.locator("annals-text .passage").first()).isVisible();
        assertThat(b.locator("annals-text .passage").first()).isVisible();
        assertThat(r.getByText("Nothing to review")).isVisible();
        // Each open page listens to the project while it is open: the editors for the text and for who
        // is here, the review queue for its list, and every page's bell for mentions and decisions.
        await().atMost(Duration.ofSeconds(20)).until(() -> bus.subscriptionCount(project) == 8);
        // Alice and Bob see each other beside the title (whoever opened first sees the other arrive).
        assertThat(presence(a)).isVisible();
        assertThat(presence(a)).hasAttribute("data-users", bob.userId().toString());
        assertThat(presence(b)).hasAttribute("data-users", alice.userId().toString());
        assertThat(presence(a)).hasAttribute("aria-label", "Also here: " + bob.displayName());

        // Alice marks a phrase and submits it.
        AnnotationJourneyTest.select(a, "Hay'at Tahrir al-Sham", 0);
        AnnotationJourneyTest.chooseType(a, "Claim");
        a.getByRole(AriaRole.DIALOG).getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("No link yet"))
                .check();
        AnnotationJourneyTest.save(a);
        a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review…")).click();
        Locator submit = a.getByRole(AriaRole.DIALOG);
        submit.getByLabel("Message for the reviewers").fill("HTS named in the report");
        submit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit")).click();
        assertThat(a.getByText("Submitted for review.")).isVisible();
        EditorAnnotation hts = as(alice, () -> annotations.editor(project, source)).annotations().stream()
                .filter(x -> x.exact().equals("Hay'at Tahrir al-Sham")).findFirst().orElseThrow();

        // Bob, who only had the page open, sees it as pending; the reviewer's queue lists it.
        assertThat(highlight(b, hts.key())).hasAttribute("data-states", Pattern.compile("\\bpending\\b"));
        assertThat(state(b, hts.key())).hasText("pending review");
        // Bob opens it from the side panel with the keyboard.
        b.locator(".annotation-item[data-key='" + hts.key() + "']").press("Enter");
        assertThat(b.locator(".annotation-detail-heading")).hasText("Claim · pending review");
        assertThat(r.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("HTS named in the report")))
                .isVisible();

        // Alice starts a second annotation and is typing in its form, and Bob has selected text to mark
        // next, when the reviewer approves the first.
        AnnotationJourneyTest.select(a, "entered the city of Aleppo", 0);
        AnnotationJourneyTest.chooseType(a, "Entity mention");
        Locator form = a.getByRole(AriaRole.DIALOG);
        form.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("New entity")).check();
        form.getByLabel("Name").fill("Rebel coalition, not saved yet");
        AnnotationJourneyTest.select(b, "withdrew from Hama", 0);

        r.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
        assertThat(r.getByText("Approved and applied.")).isVisible();

        // Both editors see it turn vetted, without a reload...
        assertThat(highlight(a, hts.key())).hasAttribute("data-states", "vetted");
        assertThat(highlight(b, hts.key())).hasAttribute("data-states", "vetted");
        assertThat(state(b, hts.key())).hasText("vetted");
        // Bob's chosen annotation stays chosen and shows its new state.
        assertThat(b.locator(".annotation-detail-heading")).hasText("Claim · vetted");
        // ... Alice's form is still open with what she typed, and Bob's selection is still there.
        assertThat(form).hasAttribute("opened", "");
        assertThat(form.getByLabel("Name")).isVisible();
        assertThat(form.getByLabel("Name")).hasValue("Rebel coalition, not saved yet");
        assertThat(b.evaluate("() => window.getSelection().toString()")).isEqualTo("withdrew from Hama");
        assertThat(a.getByText("Your unsaved annotation was kept in this browser")).isHidden();

        // Alice's form still works: she saves it, and her draft is there.
        AnnotationJourneyTest.chooseOption(a, form, "Kind", "Organisation or armed group");
        AnnotationJourneyTest.save(a);
        assertThat(a.locator(".draft-count")).containsText("1 annotation");

        // Bob leaves: Alice no longer sees him.
        b.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timeline")).click();
        assertThat(presence(a)).isHidden();

        // Pages that are left stop listening: once out of the project (the bell follows the project
        // that is open), nothing stays subscribed for them.
        for (Page page : List.of(a, b, r)) {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Projects").setExact(true)).first()
                    .click();
            assertThat(page).hasURL(Pattern.compile(":\\d+/?$"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> bus.subscriptionCount(project) == 0);
    }

    /** The text of every range painted as someone else's selection (CSS custom highlights), sorted. */
    static final String PEER_HIGHLIGHTS = """
            () => [...CSS.highlights.entries()].filter(([name]) => name.startsWith('annals-peer-'))
                .flatMap(([, highlight]) => [...highlight].map(range => range.toString())).sort()""";

    private static Locator peerLegend(Page page, AnnalsPrincipal who) {
        return page.locator("annals-text .annals-peer[data-user='" + who.userId() + "']");
    }

    @SuppressWarnings("unchecked")
    private static List<String> peerHighlights(Page page) {
        return (List<String>) page.evaluate(PEER_HIGHLIGHTS);
    }

    @Test
    void what_someone_selects_is_marked_lightly_with_their_name_for_the_others_until_they_clear_it_or_leave() {
        AnnalsPrincipal alice = fixtures.newUser("alice");
        AnnalsPrincipal bob = fixtures.newUser("bob");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, alice, ProjectRole.EDITOR);
        // A viewer sees where others work, and is seen, too.
        fixtures.addMember(project, bob, ProjectRole.VIEWER);
        UUID source = fixtures.newSource(project, alice, "Offensive report", TEXT, SECOND);
        String sourcePath = "projects/" + project + "/sources/" + source;
        Page a = open(alice, sourcePath);
        Page b = open(bob, sourcePath);
        assertThat(a.locator("annals-text .passage").first()).isVisible();
        assertThat(b.locator("annals-text .passage").first()).isVisible();
        assertThat(presence(a)).hasAttribute("data-users", bob.userId().toString());
        assertThat(presence(b)).hasAttribute("data-users", alice.userId().toString());
        assertThat(b.locator("annals-text .annals-peer")).hasCount(0);

        // Alice selects a phrase: Bob sees it marked, with her name in the legend and on hover.
        AnnotationJourneyTest.select(a, "withdrew from Hama", 0);
        assertThat(peerLegend(b, alice)).hasText(alice.displayName() + "’s selection");
        assertThat(peerLegend(b, alice)).hasAttribute("title",
                alice.displayName() + " has this selected: “withdrew from Hama”");
        b.waitForFunction("(" + PEER_HIGHLIGHTS + ")().join('|') === 'withdrew from Hama'");
        // Lightly: a faint tint on the text itself, nothing added to or changed in it, no annotation made.
        assertThat(b.locator("annals-text [data-ids]")).hasCount(0);
        assertThat(b.locator("annals-text .passage").nth(1)).hasText(SECOND);
        @SuppressWarnings("unchecked")
        var centre = (java.util.Map<String, Number>) b.evaluate("""
                () => { const [, h] = [...CSS.highlights.entries()].find(([n]) => n.startsWith('annals-peer-'));
                        const r = [...h][0].getBoundingClientRect();
                        return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }""");
        b.mouse().move(centre.get("x").doubleValue(), centre.get("y").doubleValue());
        assertThat(b.locator("annals-text .passage").nth(1).locator("[data-s]"))
                .hasAttribute("title", "Selected by " + alice.displayName());
        // Alice does not see her own selection marked as someone else's.
        assertThat(a.locator("annals-text .annals-peer")).hasCount(0);

        // Bob selects something himself: his selection stays his while Alice changes hers, and she sees his.
        AnnotationJourneyTest.select(b, "fighters entered", 0);
        assertThat(peerLegend(a, bob)).isVisible();
        AnnotationJourneyTest.select(a, "at least 12 people", 0);
        b.waitForFunction("(" + PEER_HIGHLIGHTS + ")().join('|') === 'at least 12 people'");
        assertThat(b.evaluate("() => window.getSelection().toString()")).isEqualTo("fighters entered");
        assertThat(peerLegend(b, alice)).hasAttribute("title", alice.displayName() + " has this selected: “at least 12 people”");

        // A modified client that reports its selection without the browser's throttle (40 in a row) is
        // held to a few stored selections, the last one winning.
        String text = as(alice, () -> sources.read(project, source)).text();
        int last = text.indexOf("fighters entered");
        var aliceShared = new java.util.concurrent.atomic.AtomicInteger();
        // Published after everything Alice shared: once the counter has it, it has counted all of hers (each
        // subscriber is told in its own time, so Bob's page may be told before the counter).
        var fence = new CollabEvent(project, CollabEvent.Kind.APPROVED, UUID.randomUUID(), java.util.Set.of(),
                java.util.Set.of(), null, false);
        var fenced = new java.util.concurrent.atomic.AtomicBoolean();
        try (var counting = bus.subscribe(project, batch -> batch.forEach(e -> {
            if (e.kind() == CollabEvent.Kind.PRESENCE && alice.userId().equals(e.actorId())) {
                aliceShared.incrementAndGet();
            }
            if (e.equals(fence)) {
                fenced.set(true);
            }
        }))) {
            a.evaluate("""
                    ([last, length]) => { const t = document.querySelector('annals-text');
                      for (let i = 0; i < 39; i++) {
                        t.dispatchEvent(new CustomEvent('annals-share', {detail: {start: i, end: i + 5}}));
                      }
                      t.dispatchEvent(new CustomEvent('annals-share', {detail: {start: last, end: last + length}}));
                    }""", List.of(last, "fighters entered".length()));
            b.waitForFunction("(" + PEER_HIGHLIGHTS + ")().join('|') === 'fighters entered'");
            bus.publish(fence);
            await().atMost(Duration.ofSeconds(20)).untilTrue(fenced);
            assertThat(aliceShared.get()).isBetween(1, 5);
        }

        // Alice clears her selection (Escape): the mark goes.
        a.locator("annals-text").press("Escape");
        assertThat(peerLegend(b, alice)).hasCount(0);
        b.waitForFunction("(" + PEER_HIGHLIGHTS + ")().length === 0");
        assertThat(b.locator("annals-text .passage").nth(1).locator("[data-s]")).not().hasAttribute("title",
                Pattern.compile("Selected by"));

        // Bob's selection goes when he leaves the page.
        assertThat(peerLegend(a, bob)).isVisible();
        b.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timeline")).click();
        assertThat(peerLegend(a, bob)).hasCount(0);
        a.waitForFunction("(" + PEER_HIGHLIGHTS + ")().length === 0");
        assertThat(presence(a)).isHidden();
    }

    @Test
    void a_flood_of_five_thousand_events_costs_an_open_editor_a_few_reloads_and_it_keeps_answering() {
        AnnalsPrincipal alice = fixtures.newUser("alice");
        AnnalsPrincipal bob = fixtures.newUser("bob");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, alice, ProjectRole.EDITOR);
        fixtures.addMember(project, bob, ProjectRole.EDITOR);
        UUID source = fixtures.newSource(project, alice, "Offensive report", TEXT, SECOND);
        Page a = open(alice, "projects/" + project + "/sources/" + source);
        assertThat(a.locator("annals-text .passage").first()).isVisible();
        // The editor's three subscriptions: the text and panel, who is here, and the bell.
        await().atMost(Duration.ofSeconds(20)).until(() -> bus.subscriptionCount(project) == 3);
        Counter refreshes = Metrics.globalRegistry.counter("annals.live.refreshes");
        double before = refreshes.count();

        // Five thousand changes to this source, announced as fast as the bus takes them (as a bulk
        // approval by several reviewers at once might), while Alice goes on working.
        var flood = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 5_000; i++) {
                bus.publish(new CollabEvent(project, CollabEvent.Kind.APPROVED, UUID.randomUUID(), java.util.Set.of(),
                        java.util.Set.of(source), bob.userId(), false));
            }
        });
        AnnotationJourneyTest.select(a, "withdrew from Hama", 0);
        AnnotationJourneyTest.chooseType(a, "Claim");
        Locator form = a.getByRole(AriaRole.DIALOG);
        assertThat(form.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("No link yet"))).isVisible();
        await().atMost(Duration.ofSeconds(60)).until(() -> !flood.isAlive());

        // The page reloaded, but a few times, not once per event: the bus and the page fold a flood.
        await().atMost(Duration.ofSeconds(20)).until(() -> refreshes.count() > before);
        double reloads = refreshes.count() - before;
        System.out.printf("5,000 events: the open editor reloaded %.0f times%n", reloads);
        assertThat(reloads).isBetween(1.0, 50.0);

        // And it still answers Alice and still follows the others: her annotation is saved, Bob's shows up.
        form.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("No link yet")).check();
        AnnotationJourneyTest.save(a);
        assertThat(a.locator(".draft-count")).containsText("1 annotation");
        String text = as(bob, () -> sources.read(project, source)).text();
        int aleppo = text.indexOf("Aleppo");
        var bobs = as(bob, () -> annotations.annotate(project, source, aleppo, aleppo + 6, "Aleppo",
                org.annals.annotation.AnnotationType.CLAIM, new org.annals.annotation.LinkChoice.None()));
        as(bob, () -> annotations.submitDraft(project, bobs.changesetId(), "Bob's claim"));
        assertThat(highlight(a, bobs.annotationId().toString())).hasAttribute("data-states", "pending");
    }
}
