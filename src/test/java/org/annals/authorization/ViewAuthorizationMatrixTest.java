package org.annals.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.annals.base.ui.AccessDeniedView;
import org.annals.base.ui.NotFoundView;
import org.annals.base.ui.RecordNotFoundView;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.ImportRequest;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every route, opened by every kind of caller. The expected outcome is the page itself, the sign-in
 * page (anonymous), "not found" (a non-member, who must not learn that the project exists, or a
 * page the user's global role does not allow), or "access denied" (a member whose project role is
 * too low).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ViewPackages(packages = "org.annals")
class ViewAuthorizationMatrixTest extends SignedInBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    SourceImportService imports;
    @Autowired
    org.annals.entity.EntityService entities;
    @Autowired
    org.annals.review.ReviewService review;
    @Autowired
    org.annals.project.ProjectService projects;
    @Autowired
    org.annals.event.EventService events;
    @Autowired
    org.annals.event.TaxonomyService taxonomy;

    private final Map<Actor, AnnalsPrincipal> principals = new EnumMap<>(Actor.class);
    private UUID project;
    private UUID source;
    private UUID entity;
    private UUID event;

    enum Outcome { SHOWN, SIGN_IN, NOT_FOUND, DENIED }

    /** A route, the view it shows, and the least rights needed to see it. */
    record Page(String route, String viewName, Actor required) {
        @Override
        public String toString() {
            return route;
        }
    }

    static List<Page> pages() {
        return List.of(
                new Page("", "ProjectsView", Actor.NON_MEMBER),
                new Page("account", "AccountView", Actor.NON_MEMBER),
                new Page("account/tokens", "TokensView", Actor.NON_MEMBER),
                new Page("admin/users", "UsersView", Actor.ADMIN),
                new Page("admin/search", "SearchIndexView", Actor.ADMIN),
                new Page("projects/{p}", "ProjectOverviewView", Actor.VIEWER),
                new Page("projects/{p}/sources", "SourcesView", Actor.VIEWER),
                new Page("projects/{p}/sources/{s}", "ReaderView", Actor.VIEWER),
                new Page("projects/{p}/import", "ImportView", Actor.EDITOR),
                new Page("projects/{p}/timeline", "TimelineView", Actor.VIEWER),
                new Page("projects/{p}/map", "MapView", Actor.VIEWER),
                new Page("projects/{p}/search", "SearchView", Actor.VIEWER),
                new Page("projects/{p}/activity", "ActivityView", Actor.VIEWER),
                new Page("projects/{p}/review", "ReviewQueueView", Actor.EDITOR),
                new Page("projects/{p}/changes", "MyChangesView", Actor.EDITOR),
                new Page("projects/{p}/draft", "MyDraftView", Actor.EDITOR),
                new Page("projects/{p}/entities", "EntitiesView", Actor.VIEWER),
                new Page("projects/{p}/entities/{e}", "EntityView", Actor.VIEWER),
                new Page("projects/{p}/events/{v}", "EventView", Actor.VIEWER),
                new Page("projects/{p}/export", "ExportView", Actor.VIEWER),
                new Page("projects/{p}/releases", "ReleasesView", Actor.VIEWER),
                new Page("projects/{p}/members", "MembersView", Actor.MANAGER),
                new Page("projects/{p}/taxonomy", "TaxonomyView", Actor.MANAGER),
                new Page("projects/{p}/suggestions", "SuggestionSettingsView", Actor.MANAGER));
    }

    static Stream<Arguments> cases() {
        return pages().stream().flatMap(page -> Stream.of(Actor.values()).map(actor -> Arguments.of(page, actor)));
    }

    @BeforeAll
    void createOneProjectWithEveryRole() {
        AnnalsPrincipal admin = fixtures.admin();
        principals.put(Actor.ADMIN, admin);
        principals.put(Actor.NON_MEMBER, fixtures.newUser("nonmember"));
        project = fixtures.newProject(admin);
        source = Fixtures.as(admin, () -> {
            var preview = imports.previewPasted(project, "A source to read.");
            return imports.importSource(project, new ImportRequest(SourceMetadata.titled("Readable"),
                    preview.draft().format(), preview.draft().blocks(), null, null, false)).sourceId();
        });
        Fixtures.as(admin, () -> projects.setAllowSelfApproval(project, true));
        entity = Fixtures.as(admin, () -> {
            var proposal = entities.proposeCreate(project, org.annals.entity.EntityPayload.of(
                    org.annals.entity.EntityKind.PLACE, "Aleppo"), "Add Aleppo", true);
            review.approve(proposal.changesetId(), null);
            return proposal.entityId();
        });
        event = Fixtures.as(admin, () -> {
            UUID type = taxonomy.taxonomy(project).getFirst().id();
            var proposal = events.proposeCreate(project, org.annals.event.EventPayload.of("Fall of Aleppo",
                    org.annals.event.PartialDate.parse("2024-11-30"), type), "Add event", true);
            review.approve(proposal.changesetId(), null);
            return proposal.eventId();
        });
        for (Actor actor : Actor.values()) {
            ProjectRole role = actor.projectRole();
            if (role != null) {
                AnnalsPrincipal user = fixtures.newUser(actor.name());
                fixtures.addMember(project, user, role);
                principals.put(actor, user);
            }
        }
    }

    @ParameterizedTest(name = "{0} opened by {1}")
    @MethodSource("cases")
    void each_page_is_shown_exactly_to_callers_with_enough_rights(Page page, Actor actor) {
        Outcome outcome = open(page, actor);
        assertThat(outcome).as("%s opened by %s", page, actor).isEqualTo(expected(page, actor));
    }

    @ParameterizedTest(name = "a malformed or unknown project id in {0}")
    @MethodSource("pages")
    void unknown_project_ids_look_exactly_like_projects_the_user_cannot_see(Page page) {
        if (!page.route().contains("{p}")) {
            return;
        }
        signInAs(principals.get(Actor.ADMIN));
        assertThat(outcomeOf(page.route().replace("{p}", UUID.randomUUID().toString()).replace("{s}", source.toString()).replace("{e}", entity.toString()).replace("{v}", event.toString()),
                page)).isEqualTo(Outcome.NOT_FOUND);
        assertThat(outcomeOf(page.route().replace("{p}", "not-a-uuid").replace("{s}", "not-a-uuid").replace("{e}", "not-a-uuid").replace("{v}", "not-a-uuid"), page))
                .isEqualTo(Outcome.NOT_FOUND);
    }

    private static Outcome expected(Page page, Actor actor) {
        if (actor == Actor.ANONYMOUS) {
            return Outcome.SIGN_IN;
        }
        if (actor.atLeast(page.required())) {
            return Outcome.SHOWN;
        }
        boolean projectPage = page.route().contains("{p}");
        // A member who lacks the role is told so; everyone else cannot tell the page exists.
        return projectPage && actor.projectRole() != null ? Outcome.DENIED : Outcome.NOT_FOUND;
    }

    private Outcome open(Page page, Actor actor) {
        signInAs(principals.get(actor));
        return outcomeOf(page.route().replace("{p}", project.toString()).replace("{s}", source.toString()).replace("{e}", entity.toString()).replace("{v}", event.toString()), page);
    }

    private Outcome outcomeOf(String location, Page page) {
        // Through the router itself: the test kit's navigate() insists on a view, and the sign-in page is none.
        com.vaadin.flow.component.UI.getCurrent().navigate(location);
        if (sentToSignInPage()) {
            return Outcome.SIGN_IN;
        }
        Class<?> shown = getCurrentView().getClass();
        if (shown.getSimpleName().equals(page.viewName())) {
            return Outcome.SHOWN;
        }
        if (shown == NotFoundView.class || shown == RecordNotFoundView.class) {
            return Outcome.NOT_FOUND;
        }
        if (shown == AccessDeniedView.class) {
            return Outcome.DENIED;
        }
        throw new AssertionError("Unexpected view " + shown.getName() + " for " + location);
    }

    /**
     * The sign-in page is a page of its own, not a view (decision 43): Vaadin sends the browser there by opening
     * its address in place of the page, which the simulated browser keeps as a pending script call.
     */
    private static boolean sentToSignInPage() {
        return com.vaadin.flow.component.UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(pending -> pending.getInvocation())
                .anyMatch(call -> call.getExpression().contains("window.open")
                        && call.getParameters().stream().anyMatch(parameter -> "/login".equals(String.valueOf(parameter))));
    }

    /** Restarts the simulated browser session as the given user (or signed out). */
    private void signInAs(@Nullable AnnalsPrincipal principal) {
        if (principal != null) {
            signIn(principal);
            return;
        }
        cleanVaadinEnvironment();
        SecurityContextHolder.clearContext();
        initVaadinEnvironment();
    }
}
