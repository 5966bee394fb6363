package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.collab.PresenceService;
import org.annals.discussion.ThreadLinks;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.TestPropertySource;

/**
 * The application as {@code java -jar target/annals.jar} runs it: production mode, its frontend served
 * from the committed production bundle (Maven's {@code production-mode} test execution puts it on the
 * class path and leaves Vaadin's development tools out). Every route Vaadin knows is opened directly, by
 * its address, never by navigating from another page: a route whose components the bundle loads only
 * for other routes shows up here as an undefined custom element or a console error. Then the same routes
 * on a phone-sized screen, and the source page read and annotated on a phone and at 1366 px.
 */
@Tag("production-mode")
@TestPropertySource(properties = "vaadin.productionMode=true")
class ProductionModeTest extends BrowserTest {

    /**
     * Every custom element (a tag with a dash) in the page and in every shadow root, not defined. Two kinds
     * of tag are plain elements by Vaadin's design, never registered: the grid's cell wrappers
     * ({@code vaadin-grid-cell-content}) and Flow's container for the route ({@code flow-container-*}).
     */
    private static final String UNDEFINED_ELEMENTS = """
            () => {
              const plain = tag => tag === 'vaadin-grid-cell-content' || tag.startsWith('flow-container-');
              const tags = new Set();
              const visit = root => {
                for (const element of root.querySelectorAll('*')) {
                  if (element.localName.includes('-') && !plain(element.localName)) tags.add(element.localName);
                  if (element.shadowRoot) visit(element.shadowRoot);
                }
              };
              visit(document);
              return [...tags].filter(tag => !customElements.get(tag)).sort();
            }""";

    /** Flow has loaded the page and has nothing in flight. */
    private static final String FLOW_IDLE = """
            () => {
              const clients = Object.values(window.Vaadin?.Flow?.clients ?? {}).filter(c => typeof c.isActive === 'function');
              return clients.length > 0 && clients.every(c => !c.isActive());
            }""";

    /**
     * The route's own content (the layout's content, or the page itself for a route without the layout):
     * its size, and the size of the parts that hold a page's substance (grids, the text).
     */
    private static final String MAIN_CONTENT = """
            () => {
              const layout = document.querySelector('vaadin-app-layout');
              const view = layout ? [...layout.children].find(child => !child.hasAttribute('slot'))
                                  : document.querySelector('.login-view') ?? document.body.firstElementChild;
              if (!view) return { found: false };
              const box = element => { const r = element.getBoundingClientRect(); return { width: r.width, height: r.height }; };
              return { found: true, tag: view.localName, className: view.className, view: box(view),
                       parts: [...view.querySelectorAll('vaadin-grid, annals-text')]
                           .filter(part => part.checkVisibility())
                           .map(part => ({ tag: part.localName, className: part.className, ...box(part) })) };
            }""";

    /** Waits as long as the browser's own default: a busy CI machine answers a sign-in or a dialog slowly. */
    private static final LocatorAssertions.IsVisibleOptions PATIENTLY = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(20_000);

    @Autowired
    ServletContext servletContext;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ProjectService projects;
    @Autowired
    SourceService sources;
    @Autowired
    AnnotationService annotations;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;
    @Autowired
    PresenceService presence;
    @Autowired
    org.annals.settings.SiteSettingsService settings;

    /** Values for the route parameters, from the sample project and records added to it. */
    private final Map<String, String> parameters = new LinkedHashMap<>();
    /** Addresses beyond the routes' own: a changeset opened by its link. */
    private final List<String> extraAddresses = new ArrayList<>();
    private UUID project;
    private UUID source;

    @BeforeAll
    void sampleProjectWithRecords() throws InterruptedException {
        AnnalsPrincipal admin = fixtures.admin();
        ProjectSummary sample = awaitSampleProject(admin);
        project = sample.id();
        source = as(admin, () -> sources.library(project, "", Sort.by("title"), 0, 1)).getFirst().id();

        // The records' pages need records: an approved entity and event, and a changeset waiting for review.
        AnnalsPrincipal reviewer = fixtures.newUser("vetter");
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        var entity = as(admin, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Aleppo"),
                "Add Aleppo", true));
        as(reviewer, () -> review.approve(entity.changesetId(), null));
        UUID battles = as(admin, () -> taxonomy.taxonomy(project)).getFirst().id();
        var event = as(admin, () -> events.proposeCreate(project, EventPayload.of("Rebels enter Aleppo",
                PartialDate.parse("2024-11-30"), battles), "Add the event", true));
        as(reviewer, () -> review.approve(event.changesetId(), null));
        String text = as(admin, () -> sources.read(project, source)).text();
        Matcher firstWord = Pattern.compile("\\p{L}{4,}").matcher(text);
        assertThat(firstWord.find()).isTrue();
        String phrase = firstWord.group();
        var marked = as(admin, () -> annotations.annotate(project, source, firstWord.start(), firstWord.end(), phrase,
                AnnotationType.CLAIM, new LinkChoice.None()));
        as(admin, () -> annotations.submitDraft(project, marked.changesetId(), "A claim to review"));

        // Someone else has each record open, so that the pages show who is here ("Also here", an avatar group).
        for (UUID context : List.of(source, entity.entityId(), event.eventId(), marked.changesetId())) {
            as(reviewer, () -> presence.enter(project, context));
        }

        parameters.put("projectId", project.toString());
        parameters.put("sourceId", source.toString());
        parameters.put("entityId", entity.entityId().toString());
        parameters.put("eventId", event.eventId().toString());
        String changeset = "?" + ThreadLinks.CHANGESET_PARAMETER + "=" + marked.changesetId();
        extraAddresses.add("projects/" + project + "/review" + changeset);
        extraAddresses.add("projects/" + project + "/changes" + changeset);
    }

    private ProjectSummary awaitSampleProject(AnnalsPrincipal admin) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            var found = as(admin, () -> projects.myProjects()).stream()
                    .filter(p -> p.name().equals("Syria 2024 offensives")).findFirst();
            // Done once the site says so: the sources first, then its gazetteer and timeline.
            if (found.isPresent() && as(admin, () -> settings.sampleProjectCreated())
                    && as(admin, () -> sources.count(found.get().id(), "")) >= 5) {
                return found.get();
            }
            assertThat(Instant.now()).as("the sample project is created at start-up").isBefore(deadline);
            Thread.sleep(250);
        }
    }

    /** Every route Vaadin registered, with its parameters filled in: nothing to keep in step by hand. */
    private List<String> everyAddress() {
        List<RouteData> routes = ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext))
                .getRegisteredRoutes();
        assertThat(routes).as("routes registered").hasSizeGreaterThan(10);
        List<String> addresses = new ArrayList<>();
        for (RouteData route : routes) {
            addresses.add(fill(route.getTemplate()));
        }
        addresses.addAll(extraAddresses);
        return addresses;
    }

    private String fill(String template) {
        Matcher parameter = Pattern.compile(":([A-Za-z0-9_]+)(\\([^)]*\\))?([?*])?").matcher(template);
        StringBuilder address = new StringBuilder();
        while (parameter.find()) {
            String value = parameters.get(parameter.group(1));
            assertThat(value).as("a sample value for the parameter '%s' of the route %s (add one in %s)",
                    parameter.group(1), template, getClass().getSimpleName()).isNotNull();
            parameter.appendReplacement(address, Matcher.quoteReplacement(value));
        }
        parameter.appendTail(address);
        return address.toString();
    }

    /**
     * A signed-in window of the given size that records the browser's errors, still blank. The sign-in page's form
     * itself is used in production mode by the first route test.
     */
    private Page adminWindow(int width, int height, List<String> errors) {
        Page page = newPerson();
        page.setViewportSize(width, height);
        recordErrors(page, errors);
        signInOverHttp(page, "admin", ADMIN_PASSWORD);
        return page;
    }

    private static void recordErrors(Page page, List<String> errors) {
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add("console: " + message.text());
            }
        });
        page.onPageError(error -> errors.add("page error: " + error));
        // The console names no address for a failed load; the response does.
        page.onResponse(response -> {
            if (response.status() >= 400) {
                errors.add("response " + response.status() + ": " + response.url());
            }
        });
    }

    /** Loads the address as a new page (like typing it or reloading), and waits until Flow is idle. */
    private void open(Page page, String address) {
        page.navigate(url(address));
        page.waitForFunction(FLOW_IDLE);
        // Components upgrade as their modules arrive: give late ones up to 300 ms before looking. A page whose
        // elements are all defined goes on at once; one still missing some after that is reported by check().
        try {
            page.waitForFunction("() => (" + UNDEFINED_ELEMENTS + ")().length === 0", null,
                    new Page.WaitForFunctionOptions().setTimeout(300));
        } catch (TimeoutError stillUndefined) {
            // check() names them
        }
        page.waitForFunction(FLOW_IDLE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_route_opened_directly_has_every_custom_element_defined_and_no_console_error() {
        List<String> errors = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        // The sign-in page, before anyone is signed in; then its form signs the administrator in.
        Page page = newPerson();
        page.setViewportSize(1280, 900);
        recordErrors(page, errors);
        page.navigate(url("login"));
        assertThat(page.getByLabel("Username")).isVisible();
        check(page, "login", errors, problems);
        // The sign-in page is a plain page (decision 43) that has the browser fetch the application's scripts while
        // the person types: every file it names is one the build made, and the bundle of every route is among them.
        var prefetched = (List<String>) page.evaluate(
                "() => [...document.querySelectorAll('link[rel=prefetch]')].map(link => link.href)");
        assertThat(prefetched).as("files the sign-in page prefetches")
                .anyMatch(file -> file.contains("/VAADIN/build/indexhtml-"))
                .anyMatch(file -> file.contains("/VAADIN/build/generated-flow-imports-") && file.endsWith(".js"))
                .allSatisfy(file -> assertThat(page.request().get(file).status()).as(file).isEqualTo(200));
        submitSignInForm(page, "admin", ADMIN_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Projects").setLevel(2)))
                .isVisible(PATIENTLY);

        for (String address : everyAddress()) {
            errors.clear();
            open(page, address);
            check(page, address, errors, problems);
        }
        assertThat(problems).as("routes opened directly in production mode").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void check(Page page, String address, List<String> errors, List<String> problems) {
        var undefined = (List<String>) page.evaluate(UNDEFINED_ELEMENTS);
        if (!undefined.isEmpty()) {
            problems.add(address + ": custom elements not defined " + undefined);
        }
        if (!errors.isEmpty()) {
            problems.add(address + ": " + errors);
        }
        if (!undefined.isEmpty() || !errors.isEmpty()) {
            System.out.println("[route] " + address + " " + undefined + errors);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_route_on_a_phone_shows_its_main_content() {
        List<String> errors = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Page page = adminWindow(390, 844, errors);
        for (String address : everyAddress()) {
            open(page, address);
            var content = (Map<String, Object>) page.evaluate(MAIN_CONTENT);
            if (!Boolean.TRUE.equals(content.get("found"))) {
                problems.add(address + ": no content");
                continue;
            }
            var view = (Map<String, Number>) content.get("view");
            if (view.get("width").doubleValue() < 300 || view.get("height").doubleValue() <= 0) {
                problems.add(address + ": the page's content is " + view);
            }
            for (var part : (List<Map<String, Object>>) content.get("parts")) {
                if (((Number) part.get("height")).doubleValue() <= 0 || ((Number) part.get("width")).doubleValue() <= 0) {
                    problems.add(address + ": " + part);
                }
            }
        }
        assertThat(problems).as("routes at 390x844").isEmpty();
        assertThat(errors).as("browser errors at 390x844").isEmpty();
    }

    @Test
    void the_source_page_reads_and_annotates_on_a_phone() {
        List<String> errors = new ArrayList<>();
        Page page = adminWindow(390, 844, errors);
        open(page, "projects/" + project + "/sources/" + source);
        Locator text = page.locator("annals-text");
        assertThat(text.locator(".passage").first()).isVisible(PATIENTLY);
        assertThat(text.boundingBox().height).as("height of the text on a phone").isGreaterThan(200);
        assertThat(text.boundingBox().width).as("width of the text on a phone").isGreaterThan(300);

        String phrase = (String) page.evaluate("() => document.querySelectorAll('annals-text .passage')[1].textContent");
        selectInSecondPassage(page, phrase.strip().split("\\s+")[0]);
        Locator toolbar = page.getByRole(AriaRole.TOOLBAR, new Page.GetByRoleOptions().setName("Annotate selection"));
        assertThat(toolbar).isVisible(PATIENTLY);
        var bar = toolbar.boundingBox();
        assertThat(bar.x).isGreaterThanOrEqualTo(0);
        assertThat(bar.x + bar.width).isLessThanOrEqualTo(390);
        toolbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Entity mention")).click();
        // The dialog's host element has no box of its own (its overlay has): look at what it shows.
        Locator save = page.getByRole(AriaRole.DIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save to draft"));
        assertThat(save).isVisible(PATIENTLY);
        assertThat(save).isInViewport();
        assertThat(errors).isEmpty();
    }

    /** Selects a word of the second passage as a person's selection would, as a DOM range. */
    private static void selectInSecondPassage(Page page, String word) {
        page.evaluate("""
                word => {
                  const passage = document.querySelectorAll('annals-text .passage')[1];
                  const walker = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT);
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const at = node.data.indexOf(word);
                    if (at >= 0) {
                      passage.scrollIntoView({ block: 'center' });
                      const range = document.createRange();
                      range.setStart(node, at);
                      range.setEnd(node, at + word.length);
                      getSelection().removeAllRanges();
                      getSelection().addRange(range);
                      return;
                    }
                  }
                  throw new Error('not found: ' + word);
                }""", word);
    }

    @Test
    void the_reader_column_stays_wide_enough_at_1366_with_the_navigation_and_side_panel_open() {
        List<String> errors = new ArrayList<>();
        Page page = adminWindow(1366, 768, errors);
        open(page, "projects/" + project + "/sources/" + source);
        assertThat(page.locator("vaadin-app-layout [slot='drawer']").first()).isVisible(PATIENTLY);
        assertThat(page.locator(".annotation-panel")).isVisible(PATIENTLY);
        Locator text = page.locator("annals-text");
        assertThat(text.locator(".passage").first()).isVisible(PATIENTLY);
        assertThat(text.boundingBox().width).as("width of the reader's column at 1366 px").isGreaterThanOrEqualTo(500);
        assertThat(text.boundingBox().height).as("height of the reader's column at 1366 px").isGreaterThan(300);
        assertThat(errors).isEmpty();
    }

    /**
     * Vaadin's client registers for {@code DOMContentLoaded} after it has passed and would otherwise start at its
     * next 50 ms check (LateReadyListeners): a listener for it added to a loaded page is called once, in a task of
     * its own; other events, other targets and listeners added in time are left alone.
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_ready_listener_added_after_the_page_loaded_is_called_once() {
        List<String> errors = new ArrayList<>();
        Page page = adminWindow(1280, 800, errors);
        open(page, "projects/" + project + "/sources");
        var calls = (Map<String, Object>) page.evaluate("""
                async () => {
                  const calls = { document: [], sameTask: 0, window: 0, load: 0 };
                  document.addEventListener('DOMContentLoaded', (e) => calls.document.push(e.type));
                  document.addEventListener('DOMContentLoaded', { handleEvent: (e) => calls.document.push('object ' + e.type) });
                  calls.sameTask = calls.document.length;
                  window.addEventListener('DOMContentLoaded', () => calls.window++);
                  document.addEventListener('load', () => calls.load++);
                  await new Promise((resolve) => setTimeout(resolve, 50));
                  return { ...calls, readyState: document.readyState };
                }""");
        assertThat(calls.get("readyState")).isEqualTo("complete");
        assertThat((List<String>) calls.get("document")).containsExactly("DOMContentLoaded", "object DOMContentLoaded");
        assertThat(((Number) calls.get("sameTask")).intValue()).as("called in the caller's own task").isZero();
        assertThat(((Number) calls.get("window")).intValue()).as("window's listener").isZero();
        assertThat(((Number) calls.get("load")).intValue()).as("another event's listener").isZero();
        assertThat(errors).isEmpty();
    }
}
