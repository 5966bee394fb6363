package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.annals.AnnalsApplication;
import org.annals.annotation.AnnotationRecordType;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.collab.CollabBus;
import org.annals.collab.CollabEvent;
import org.annals.collab.CollabService;
import org.annals.collab.PresenceService;
import org.annals.collab.Subscription;
import org.annals.project.ProjectRole;
import org.annals.review.RecordRef;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.EmbeddedPostgres;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two complete application nodes, each with its own web server, on one real PostgreSQL database with
 * {@code annals.collab.bus=postgres}: what a reviewer approves on the first node reaches a listener
 * and an editor's open page on the second, and who has a source open on one is seen on the other, as
 * it would be behind a load balancer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {

    static final String TEXT = "Hay'at Tahrir al-Sham fighters entered the city of Aleppo on 30 November.";

    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private UUID project;
    private UUID source;
    private AnnalsPrincipal editor;
    private AnnalsPrincipal watcher;
    private AnnalsPrincipal reviewer;

    @BeforeAll
    void startTwoNodes() throws IOException {
        String database = EmbeddedPostgres.createDatabase();
        // One after the other: the first creates the schema and the administrator, the second finds them.
        first = node(database);
        second = node(database);
    }

    @AfterAll
    void stopNodes() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    /** A whole application as a deployment runs it: the postgres profile and the postgres bus. */
    private static ConfigurableApplicationContext node(String database) throws IOException {
        var test = new Properties();
        try (InputStream in = TwoNodesTest.class.getResourceAsStream("/annals-test.properties")) {
            test.load(in);
        }
        test.setProperty("spring.datasource.url", database);
        test.setProperty("spring.datasource.username", "postgres");
        test.setProperty("spring.datasource.password", "");
        test.setProperty("server.port", "0");
        test.setProperty("annals.collab.bus", "postgres");
        test.setProperty("annals.security.login-throttle.max-failures-per-address", "1000");
        // Command-line arguments: they win over config/application*.yaml, as the test properties do elsewhere.
        String[] args = test.stringPropertyNames().stream().map(k -> "--" + k + "=" + test.getProperty(k))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(AnnalsApplication.class).profiles("postgres").run(args);
    }

    /** Runs as a person against one node's services (each node has its own security-context strategy). */
    private static <T> T on(ConfigurableApplicationContext node, AnnalsPrincipal who, Supplier<T> action) {
        SecurityContextHolder.setContextHolderStrategy(node.getBean(SecurityContextHolderStrategy.class));
        return Fixtures.as(who, action);
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @BeforeEach
    void projectOnTheSharedDatabase() {
        SecurityContextHolder.setContextHolderStrategy(first.getBean(SecurityContextHolderStrategy.class));
        Fixtures fixtures = first.getBean(Fixtures.class);
        editor = fixtures.newUser("alice");
        watcher = fixtures.newUser("bob");
        reviewer = fixtures.newUser("rita");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, watcher, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        source = fixtures.newSource(project, editor, "Offensive report", TEXT);
    }

    /**
     * The events a test is about: the import in the set-up is announced too, and may reach the other node
     * after a test has subscribed there.
     */
    private static java.util.List<CollabEvent> afterSetUp(java.util.List<CollabEvent> batch) {
        return batch.stream().filter(e -> e.kind() != CollabEvent.Kind.IMPORTED).toList();
    }

    /** Alice marks "Aleppo" and submits it on the first node; returns the changeset and the annotation. */
    private AnnotationService.Marked submitOnFirstNode() {
        AnnotationService annotations = first.getBean(AnnotationService.class);
        int start = TEXT.indexOf("Aleppo");
        var marked = on(first, editor, () -> annotations.annotate(project, source, start, start + 6, "Aleppo",
                AnnotationType.CLAIM, new LinkChoice.None()));
        on(first, editor, () -> {
            annotations.submitDraft(project, marked.changesetId(), "Aleppo as a claim");
            return null;
        });
        return marked;
    }

    private void approveOnFirstNode(UUID changesetId) {
        on(first, reviewer, () -> {
            first.getBean(ReviewService.class).approve(changesetId, null);
            return null;
        });
    }

    @Test
    void an_approval_on_one_node_reaches_a_listener_on_the_other() throws InterruptedException {
        assertThat(second.getBean(CollabBus.class).getClass().getSimpleName()).isEqualTo("PostgresCollabBus");
        BlockingQueue<CollabEvent> heard = new LinkedBlockingQueue<>();
        Subscription subscription = on(second, watcher,
                () -> second.getBean(CollabService.class).subscribe(project, batch -> heard.addAll(afterSetUp(batch))));
        toClose.add(subscription::close);

        var marked = submitOnFirstNode();
        CollabEvent submitted = heard.poll(20, TimeUnit.SECONDS);
        assertThat(submitted).isNotNull();
        assertThat(submitted.kind()).isEqualTo(CollabEvent.Kind.SUBMITTED);

        approveOnFirstNode(marked.changesetId());
        CollabEvent approved = heard.poll(20, TimeUnit.SECONDS);
        assertThat(approved).isNotNull();
        assertThat(approved.kind()).isEqualTo(CollabEvent.Kind.APPROVED);
        assertThat(approved.changesetId()).isEqualTo(marked.changesetId());
        assertThat(approved.actorId()).isEqualTo(reviewer.userId());
        assertThat(approved.records()).contains(new RecordRef(AnnotationRecordType.KIND, marked.annotationId()));
        assertThat(approved.contexts()).containsExactly(source);
        // Alice's draft stayed hers: the watcher on the other node never heard of it.
        assertThat(heard).isEmpty();
    }

    @Test
    void a_comment_on_one_node_reaches_a_thread_on_the_other_and_its_mention_is_told_there() throws InterruptedException {
        var marked = submitOnFirstNode();
        approveOnFirstNode(marked.changesetId());
        var annotation = new RecordRef(AnnotationRecordType.KIND, marked.annotationId());
        BlockingQueue<CollabEvent> heard = new LinkedBlockingQueue<>();
        Subscription subscription = on(second, watcher,
                () -> second.getBean(CollabService.class).subscribe(project, batch -> heard.addAll(afterSetUp(batch))));
        toClose.add(subscription::close);

        on(first, editor, () -> first.getBean(org.annals.discussion.DiscussionService.class).comment(project, annotation,
                "@" + watcher.getUsername() + " is this the city?"));

        CollabEvent commented;
        do {
            commented = heard.poll(20, TimeUnit.SECONDS);
            assertThat(commented).as("a comment event from the other node").isNotNull();
        } while (commented.kind() != CollabEvent.Kind.COMMENTED);
        assertThat(commented.records()).containsExactly(annotation);
        assertThat(commented.contexts()).containsExactly(source);
        assertThat(commented.actorId()).isEqualTo(editor.userId());
        // The thread and the notification are in the shared database: the other node reads them.
        assertThat(on(second, watcher, () -> second.getBean(org.annals.discussion.DiscussionService.class)
                .thread(project, annotation))).singleElement()
                .satisfies(c -> assertThat(c.body()).endsWith("is this the city?"));
        assertThat(on(second, watcher, () -> second.getBean(org.annals.notification.NotificationService.class).mine(10)))
                .anySatisfy(n -> assertThat(n.getMessage()).contains("mentioned you"));
    }

    @Test
    void who_has_a_source_open_on_one_node_is_seen_on_the_other() throws InterruptedException {
        BlockingQueue<CollabEvent> heard = new LinkedBlockingQueue<>();
        Subscription subscription = on(second, watcher,
                () -> second.getBean(CollabService.class).subscribe(project, batch -> heard.addAll(afterSetUp(batch))));
        toClose.add(subscription::close);
        PresenceService here = first.getBean(PresenceService.class);
        PresenceService there = second.getBean(PresenceService.class);

        Subscription page = on(first, editor, () -> here.enter(project, source));
        CollabEvent came = heard.poll(20, TimeUnit.SECONDS);
        assertThat(came).isNotNull();
        assertThat(came.kind()).isEqualTo(CollabEvent.Kind.PRESENCE);
        assertThat(came.actorId()).isEqualTo(editor.userId());
        assertThat(on(second, watcher, () -> there.present(project, source)))
                .extracting(PresenceService.Viewer::userId).containsExactly(editor.userId());

        page.close();
        CollabEvent left = heard.poll(20, TimeUnit.SECONDS);
        assertThat(left).isNotNull();
        assertThat(left.kind()).isEqualTo(CollabEvent.Kind.PRESENCE);
        assertThat(on(second, watcher, () -> there.present(project, source))).isEmpty();
    }

    @Test
    void an_approval_on_one_node_appears_in_an_editor_open_on_the_other() {
        assumeFalse(Boolean.getBoolean("annals.skipBrowserTests"), "browser tests skipped by annals.skipBrowserTests");
        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.chromium(playwright)) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            String secondNode = "http://localhost:" + port(second) + "/";
            page.navigate(secondNode + "login");
            page.getByLabel("Username").fill(watcher.getUsername());
            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password")).fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            page.navigate(secondNode + "projects/" + project + "/sources/" + source);
            assertThat(page.locator("annals-text .passage").first()).isVisible();

            var marked = submitOnFirstNode();
            var highlight = page.locator("annals-text [data-ids~='" + marked.annotationId() + "']").first();
            assertThat(highlight).hasAttribute("data-states", Pattern.compile("\\bpending\\b"));

            approveOnFirstNode(marked.changesetId());
            assertThat(highlight).hasAttribute("data-states", "vetted");
            assertThat(page.locator(".annotation-item[data-key='" + marked.annotationId() + "'] .annotation-state"))
                    .hasText("vetted");
        }
    }
}
