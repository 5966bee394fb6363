package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.e2e.Browsers;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.review.ProposedOperation;
import org.annals.review.WorkingDraftService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Harness for "a draft of 1,000 items still opens fast" (issue 15, item 3; not part of the normal test
 * run): 500 marks in two sources and 500 new entities in one working draft, the "My draft" page opened
 * in Chromium, and the server work behind it.
 * <pre>./mvnw test -Pbenchmark -Dtest=WorkingDraftBenchmark</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:annals-test.properties",
        properties = "annals.security.login-throttle.max-failures-per-address=1000")
@Tag("benchmark")
class WorkingDraftBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SourceService sources;
    @Autowired
    AnnotationService annotations;
    @Autowired
    WorkingDraftService drafts;

    @Test
    void a_working_draft_of_a_thousand_items() {
        AnnalsPrincipal editor = fixtures.newUser("drafter");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, org.annals.project.ProjectRole.EDITOR);
        var sourceIds = List.of(fixtures.newSource(project, editor, "First of two", words("alpha", 260)),
                fixtures.newSource(project, editor, "Second of two", words("beta", 260)));

        // 500 marks, one word each, through the annotation service as the reader makes them.
        var addMark = new ArrayList<Double>();
        List<UUID> marks = new ArrayList<>();
        var texts = sourceIds.stream().map(id -> Fixtures.as(editor, () -> sources.read(project, id)).text()).toList();
        for (int i = 0; i < 500; i++) {
            UUID source = sourceIds.get(i % 2);
            String text = texts.get(i % 2);
            String word = (i % 2 == 0 ? "alpha" : "beta") + String.format(Locale.ROOT, "%03d", i / 2);
            int start = text.indexOf(word);
            long t0 = System.nanoTime();
            marks.add(Fixtures.as(editor, () -> annotations.annotate(project, source, start, start + word.length(), word,
                    AnnotationType.CLAIM, LinkChoice.none())).annotationId());
            addMark.add((System.nanoTime() - t0) / 1e6);
        }
        report("add one mark to a draft of 0-99 items", addMark.subList(5, 100));
        report("add one mark to a draft of 400-499 items", addMark.subList(400, 500));
        for (int batch = 0; batch < 5; batch++) {
            var ops = new ArrayList<ProposedOperation>();
            for (int i = 0; i < 100; i++) {
                ops.add(ProposedOperation.create(EntityRecordType.KIND, UUID.randomUUID(), EntityPayload.of(EntityKind.PLACE,
                        String.format(Locale.ROOT, "Bench place %04d", batch * 100 + i))));
            }
            Fixtures.as(editor, () -> drafts.add(project, "Bench", ops));
        }
        assertThat(Fixtures.as(editor, () -> drafts.count(project))).isEqualTo(1000);

        var open = new ArrayList<Double>();
        var last = new ArrayList<Double>();
        for (int i = 0; i < 30; i++) {
            open.add(millis(() -> {
                Fixtures.as(editor, () -> drafts.overview(project));
                Fixtures.as(editor, () -> drafts.count(project));
                return Fixtures.as(editor, () -> drafts.items(project, 0, 50));
            }));
            last.add(millis(() -> Fixtures.as(editor, () -> drafts.items(project, 950, 50))));
        }
        report("server work to open the page (overview, count, first 50 items), 1,000 items", open.subList(5, 30));
        report("server work for the last page (items 950-999)", last.subList(5, 30));

        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.chromium(playwright)) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
            Page page = context.newPage();
            signIn(page, editor.getUsername());
            String draftUrl = url("projects/" + project + "/draft");
            var fullLoad = new ArrayList<Double>();
            var scrolled = new ArrayList<Double>();
            for (int i = 0; i < 12; i++) {
                page.navigate(draftUrl);
                page.getByText("“alpha000”").first().waitFor();
                fullLoad.add(((Number) page.evaluate("() => new Promise(r => requestAnimationFrame(() =>"
                        + " r(performance.now())))")).doubleValue());
                page.evaluate("() => { window.__asked = performance.now();"
                        + " document.querySelector('vaadin-grid').scrollToIndex(999); }");
                page.getByText("Bench place 0499").waitFor();
                scrolled.add(((Number) page.evaluate("() => new Promise(r => requestAnimationFrame(() =>"
                        + " r(performance.now() - window.__asked)))")).doubleValue());
            }
            report("full page load of My draft (1,000 items) to the first rows painted", fullLoad.subList(2, 12));
            report("scroll to the end of the list to the last rows painted", scrolled.subList(2, 12));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review…")).waitFor();
            context.close();

            // The same page with a draft of ten items, in the same run: what a page load costs here anyway.
            AnnalsPrincipal small = fixtures.newUser("small-drafter");
            fixtures.addMember(project, small, org.annals.project.ProjectRole.EDITOR);
            var ops = new ArrayList<ProposedOperation>();
            for (int i = 0; i < 10; i++) {
                ops.add(ProposedOperation.create(EntityRecordType.KIND, UUID.randomUUID(), EntityPayload.of(EntityKind.PLACE,
                        String.format(Locale.ROOT, "Small place %02d", i))));
            }
            Fixtures.as(small, () -> drafts.add(project, "Small", ops));
            Page smallPage = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
            signIn(smallPage, small.getUsername());
            var smallLoad = new ArrayList<Double>();
            for (int i = 0; i < 12; i++) {
                smallPage.navigate(draftUrl);
                smallPage.getByText("Small place 00").first().waitFor();
                smallLoad.add(((Number) smallPage.evaluate("() => new Promise(r => requestAnimationFrame(() =>"
                        + " r(performance.now())))")).doubleValue());
            }
            report("for comparison, full page load of My draft with 10 items", smallLoad.subList(2, 12));
        }

        var remove = new ArrayList<Double>();
        for (int i = 0; i < 20; i++) {
            UUID mark = marks.get(i);
            remove.add(millis(() -> {
                Fixtures.as(editor, () -> drafts.dependents(project, Set.of(mark)));
                return Fixtures.as(editor, () -> drafts.remove(project, Set.of(mark), false));
            }));
        }
        report("remove one item (dependents, then remove) from a draft of about 1,000", remove.subList(3, 20));
    }

    private static String[] words(String prefix, int count) {
        var paragraphs = new ArrayList<String>();
        var p = new StringBuilder();
        for (int i = 0; i < count; i++) {
            p.append(p.isEmpty() ? "" : " ").append(prefix).append(String.format(Locale.ROOT, "%03d", i));
            if (i % 40 == 39) {
                paragraphs.add(p.append('.').toString());
                p.setLength(0);
            }
        }
        if (!p.isEmpty()) {
            paragraphs.add(p.append('.').toString());
        }
        return paragraphs.toArray(String[]::new);
    }

    private void signIn(Page page, String username) {
        page.navigate(url("login"));
        page.getByLabel("Username").fill(username);
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password")).fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private static double millis(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String what, List<Double> samples) {
        var sorted = samples.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%s: median %.1f ms, min %.1f, max %.1f (n=%d)%n", what,
                sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast(), sorted.size());
    }
}
