package org.annals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every endpoint of the REST API, called over HTTP by every kind of caller: no token, a user who is
 * not a member, each project role, and an administrator (with a WRITE token each, so that only
 * roles decide). Expected: the endpoint's success status for callers with enough rights, 401
 * without credentials, 404 for non-members (projects hide), 403 for members whose role is too low;
 * every refusal as problem JSON.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthorizationMatrixTest {

    /** The password of the administrator in annals-test.properties. */
    static final String ADMIN_PASSWORD = "correct-horse-battery-staple-42";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TokenService tokenService;
    @Autowired
    org.annals.review.HistoryService history;
    @Autowired
    ProjectService projects;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;
    @Autowired
    AnnotationService annotations;
    @Autowired
    org.annals.review.WorkingDraftService drafts;

    private ApiClient api;
    private final Map<Actor, AnnalsPrincipal> principals = new EnumMap<>(Actor.class);
    private final Map<Actor, String> tokens = new EnumMap<>(Actor.class);
    private UUID project;
    private UUID source;
    /** A source imported from a file, so with an original to download. */
    private UUID uploadedSource;
    @Autowired
    org.annals.source.SourceImportService imports;
    private UUID entity;
    /** A source with registry names to accept and reject (issue 18), and their keys. */
    private UUID suggestionSource;
    private UUID idlib;
    private String idlibKey = "";
    private String latakiaKey = "";
    @Autowired
    org.annals.suggest.SuggestionService suggestions;
    private UUID event;
    private UUID pending;
    private UUID annotation;
    /** Who the current case calls as: endpoints on the caller's own draft prepare it for them. */
    private Actor currentActor = Actor.ANONYMOUS;
    private UUID lastDraftItem = UUID.randomUUID();

    enum Actor {
        ANONYMOUS(null), NON_MEMBER(null), VIEWER(ProjectRole.VIEWER), EDITOR(ProjectRole.EDITOR),
        REVIEWER(ProjectRole.REVIEWER), MANAGER(ProjectRole.MANAGER), ADMIN(null);

        final @Nullable ProjectRole role;

        Actor(@Nullable ProjectRole role) {
            this.role = role;
        }

        boolean atLeast(Actor required) {
            return ordinal() >= required.ordinal();
        }
    }

    /** How an endpoint authenticates. */
    enum Auth { TOKEN, PASSWORD }

    /**
     * An endpoint, the least rights it needs, its success status, and how to call it. {@code path}
     * may prepare what the call needs (a fresh changeset to decide) and returns the path.
     */
    record Endpoint(String method, String name, Actor required, int success, Auth auth,
            Function<ApiAuthorizationMatrixTest, String> path, @Nullable Function<ApiAuthorizationMatrixTest, Object> body) {

        boolean inProject() {
            return required != Actor.NON_MEMBER;
        }

        @Override
        public String toString() {
            return method + " " + name;
        }
    }

    static Endpoint get(String name, Actor required, Function<ApiAuthorizationMatrixTest, String> path) {
        return new Endpoint("GET", name, required, 200, Auth.TOKEN, path, null);
    }

    static Endpoint post(String name, Actor required, int success, Function<ApiAuthorizationMatrixTest, String> path,
            Function<ApiAuthorizationMatrixTest, Object> body) {
        return new Endpoint("POST", name, required, success, Auth.TOKEN, path, body);
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", "/tokens", Actor.NON_MEMBER, 201, Auth.PASSWORD, t -> "/api/v1/tokens",
                        t -> Map.of("name", "matrix", "scope", "READ", "expiresOn", LocalDate.now().plusDays(7).toString())),
                new Endpoint("POST", "/tokens (for one project)", Actor.VIEWER, 201, Auth.PASSWORD, t -> "/api/v1/tokens",
                        t -> Map.of("name", "matrix", "projectId", t.project.toString(), "scope", "WRITE",
                                "expiresOn", LocalDate.now().plusDays(7).toString())),
                get("/projects", Actor.NON_MEMBER, t -> "/api/v1/projects"),
                get("/projects/{p}", Actor.VIEWER, t -> t.base()),
                get("/projects/{p}/sources", Actor.VIEWER, t -> t.base() + "/sources"),
                get("/projects/{p}/sources/{s}", Actor.VIEWER, t -> t.base() + "/sources/" + t.source),
                post("/projects/{p}/sources", Actor.EDITOR, 201, t -> t.base() + "/sources",
                        t -> Map.of("title", "Imported over the API", "format", "markdown",
                                "content", "# Report\n\nA paragraph " + UUID.randomUUID() + ".")),
                get("/projects/{p}/sources/{s}/annotations", Actor.VIEWER, t -> t.base() + "/sources/" + t.source + "/annotations"),
                // Issue 19: import by address and the original of a source. The matrix's server may fetch from no
                // private address, so those who get past the permission check are told the address is refused
                // (a real fetch: UrlImportOverApiTest).
                post("/projects/{p}/sources/from-url", Actor.EDITOR, 400, t -> t.base() + "/sources/from-url",
                        t -> Map.of("url", "http://10.0.0.1/report.html")),
                get("/projects/{p}/sources/{s}/original", Actor.VIEWER,
                        t -> t.base() + "/sources/" + t.uploadedSource + "/original"),
                // Issue 17: from a quote to its claims, and the claim a quote makes
                get("/projects/{p}/annotations/{a}/claims", Actor.VIEWER,
                        t -> t.base() + "/annotations/" + t.annotation + "/claims"),
                get("/projects/{p}/sources/{s}/claim-from-quote", Actor.EDITOR,
                        t -> t.base() + "/sources/" + t.source + "/claim-from-quote?start=13&end=28&type=DATE"),
                // Issue 15, item 6: what a script needs to curate a timeline end to end.
                get("/projects/{p}/event-types", Actor.VIEWER, t -> t.base() + "/event-types"),
                get("/projects/{p}/sources/{s}/quotes", Actor.VIEWER, t -> t.base() + "/sources/" + t.source + "/quotes?text=Hama"),
                get("/projects/{p}/entities/{e}/comments", Actor.VIEWER, t -> t.base() + "/entities/" + t.entity + "/comments"),
                post("/projects/{p}/entities/{e}/comments", Actor.VIEWER, 201,
                        t -> t.base() + "/entities/" + t.entity + "/comments", t -> Map.of("body", "Also called Hamath")),
                get("/projects/{p}/events/{v}/comments", Actor.VIEWER, t -> t.base() + "/events/" + t.event + "/comments"),
                get("/projects/{p}/entities/{e}/history", Actor.VIEWER, t -> t.base() + "/entities/" + t.entity + "/history"),
                get("/projects/{p}/events/{v}/history", Actor.VIEWER, t -> t.base() + "/events/" + t.event + "/history"),
                post("/projects/{p}/entities/{e}/history/{r}/revert", Actor.EDITOR, 201,
                        t -> t.base() + "/entities/" + t.entity + "/history/" + t.firstRevision() + "/revert",
                        t -> Map.of("submit", false)),
                post("/projects/{p}/events/{v}/comments", Actor.VIEWER, 201,
                        t -> t.base() + "/events/" + t.event + "/comments", t -> Map.of("body", "Which day exactly?")),
                get("/projects/{p}/changesets", Actor.EDITOR, t -> t.base() + "/changesets?kind=ENTITY&order=newest"),
                get("/projects/{p}/changesets?mine=true", Actor.EDITOR,
                        t -> t.base() + "/changesets?mine=true&state=DRAFT,SUBMITTED"),
                post("/changesets/{c}/request-changes", Actor.REVIEWER, 200,
                        t -> "/api/v1/changesets/" + t.fresh(true) + "/request-changes", t -> Map.of("comment", "Cite it")),
                post("/changesets/{c}/comments", Actor.EDITOR, 201, t -> "/api/v1/changesets/" + t.pending + "/comments",
                        t -> Map.of("body", "Which source says so?")),
                // The author's own actions, like submitting: the EDITOR's changesets.
                post("/changesets/{c}/withdraw", Actor.EDITOR, 200, t -> "/api/v1/changesets/" + t.fresh(true) + "/withdraw",
                        t -> Map.of()),
                get("/changesets/{c}/proposal", Actor.EDITOR, t -> "/api/v1/changesets/" + t.pending + "/proposal"),
                new Endpoint("PUT", "/changesets/{c}", Actor.EDITOR, 200, Auth.TOKEN,
                        t -> "/api/v1/changesets/" + t.fresh(false), t -> Map.of("message", "Revised", "operations",
                                List.of(Map.of("kind", "ENTITY", "action", "CREATE",
                                        "payload", Map.of("kind", "PERSON", "name", "Revised " + UUID.randomUUID()))))),
                get("/changesets/{c}/conflicts", Actor.EDITOR, t -> "/api/v1/changesets/" + t.pending + "/conflicts"),
                post("/changesets/{c}/rebase", Actor.EDITOR, 200, t -> "/api/v1/changesets/" + t.stale() + "/rebase",
                        t -> Map.of("kind", "ENTITY", "recordId", t.staleRecord.toString(), "action", "UPDATE",
                                "baseVersion", t.staleRecordVersion, "payload", Map.of("kind", "PERSON",
                                        "name", "Rebased " + UUID.randomUUID()))),
                get("/projects/{p}/entities", Actor.VIEWER, t -> t.base() + "/entities?q=matrix"),
                get("/projects/{p}/entities/{e}", Actor.VIEWER, t -> t.base() + "/entities/" + t.entity),
                get("/projects/{p}/entities/{e}/evidence", Actor.VIEWER, t -> t.base() + "/entities/" + t.entity + "/evidence"),
                get("/projects/{p}/events", Actor.VIEWER, t -> t.base() + "/events?from=2024-12-01&to=2024-12-31"),
                get("/projects/{p}/events/search", Actor.VIEWER,
                        t -> t.base() + "/events/search?q=Hama%205%20Dec&selection=On%205%20December%202024&size=5"),
                get("/projects/{p}/search", Actor.VIEWER, t -> t.base() + "/search?q=Hama&kind=passage,event&size=5"),
                get("/projects/{p}/sources/{s}/same-words", Actor.EDITOR,
                        t -> t.base() + "/sources/" + t.source + "/same-words?start=0&end=29"),
                get("/projects/{p}/events/{v}", Actor.VIEWER, t -> t.base() + "/events/" + t.event),
                get("/projects/{p}/events/{v}/evidence", Actor.VIEWER, t -> t.base() + "/events/" + t.event + "/evidence"),
                post("/projects/{p}/changesets", Actor.EDITOR, 201, t -> t.base() + "/changesets",
                        t -> Map.of("message", "Add a place", "submit", true, "operations", List.of(Map.of(
                                "kind", "ENTITY", "action", "CREATE",
                                "payload", Map.of("kind", "PLACE", "name", "Matrix place " + UUID.randomUUID()))))),
                get("/projects/{p}/draft", Actor.EDITOR, t -> t.base() + "/draft"),
                post("/projects/{p}/draft/operations", Actor.EDITOR, 200, t -> t.base() + "/draft/operations",
                        t -> Map.of("operations", List.of(Map.of("kind", "ENTITY", "action", "CREATE",
                                "payload", Map.of("kind", "PLACE", "name", "Draft place " + UUID.randomUUID()))))),
                // Each caller works on their own draft: the path puts an item into it first.
                new Endpoint("DELETE", "/projects/{p}/draft/items/{r}", Actor.EDITOR, 200, Auth.TOKEN,
                        t -> t.base() + "/draft/items/" + t.draftItem(), null),
                post("/projects/{p}/draft/submit (own draft)", Actor.EDITOR, 200,
                        t -> t.base() + "/draft/submit?item=" + t.draftItem(), t -> Map.of("message", "My draft, submitted")),
                post("/projects/{p}/draft/split", Actor.EDITOR, 201, t -> t.base() + "/draft/split?item=" + t.draftItem(),
                        t -> Map.of("recordIds", List.of(t.lastDraftItem.toString()), "message", "Split off", "submit", true)),
                get("/projects/{p}/exports/{file}", Actor.VIEWER, t -> t.base() + "/exports/events.csv?from=2024-12-01"),
                get("/changesets/{c}", Actor.EDITOR, t -> "/api/v1/changesets/" + t.pending),
                // Only the author submits: the EDITOR, who proposed the draft.
                post("/changesets/{c}/submit", Actor.EDITOR, 200, t -> "/api/v1/changesets/" + t.fresh(false) + "/submit",
                        t -> Map.of()),
                post("/changesets/{c}/approve", Actor.REVIEWER, 200, t -> "/api/v1/changesets/" + t.fresh(true) + "/approve",
                        t -> Map.of("comment", "Looks right")),
                post("/changesets/{c}/approve?withDependencies=true", Actor.REVIEWER, 200,
                        t -> "/api/v1/changesets/" + t.fresh(true) + "/approve?withDependencies=true", t -> Map.of()),
                post("/changesets/{c}/reject", Actor.REVIEWER, 200, t -> "/api/v1/changesets/" + t.fresh(true) + "/reject",
                        t -> Map.of("comment", "Not in the sources")),
                // Issue 18: suggestions. Each caller accepts and rejects in their own draft, so the same key serves all.
                get("/projects/{p}/sources/{s}/suggestions", Actor.EDITOR,
                        t -> t.base() + "/sources/" + t.suggestionSource + "/suggestions"),
                post("/projects/{p}/draft/suggestions/accept", Actor.EDITOR, 200,
                        t -> t.base() + "/draft/suggestions/accept",
                        t -> Map.of("sourceId", t.suggestionSource.toString(), "key", t.idlibKey)),
                post("/projects/{p}/draft/suggestions/accept-all", Actor.EDITOR, 200,
                        t -> t.base() + "/draft/suggestions/accept-all",
                        t -> Map.of("sourceId", t.suggestionSource.toString(), "entityId", t.idlib.toString())),
                post("/projects/{p}/draft/suggestions/reject", Actor.EDITOR, 200,
                        t -> t.base() + "/draft/suggestions/reject",
                        t -> Map.of("sourceId", t.suggestionSource.toString(), "key", t.latakiaKey)),
                new Endpoint("DELETE", "/projects/{p}/sources/{s}/suggestions/rejections", Actor.EDITOR, 200, Auth.TOKEN,
                        t -> t.base() + "/sources/" + t.suggestionSource + "/suggestions/rejections", null),
                get("/projects/{p}/entities/{e}/unmarked-mentions", Actor.EDITOR,
                        t -> t.base() + "/entities/" + t.idlib + "/unmarked-mentions?limit=10"),
                post("/projects/{p}/draft/suggestions/mentions", Actor.EDITOR, 200,
                        t -> t.base() + "/draft/suggestions/mentions",
                        t -> Map.of("entityId", t.idlib.toString(), "mentions", List.of())),
                get("/projects/{p}/suggestions/never-here", Actor.EDITOR, t -> t.base() + "/suggestions/never-here"),
                new Endpoint("DELETE", "/projects/{p}/suggestions/never-here", Actor.MANAGER, 200, Auth.TOKEN,
                        t -> t.base() + "/suggestions/never-here?alias=matrix", null),
                get("/projects/{p}/suggestions/refused-aliases", Actor.MANAGER,
                        t -> t.base() + "/suggestions/refused-aliases"));
    }

    /** The changesets only their author may act on (others who may read them get 403). */
    private static final java.util.Set<String> AUTHOR_ONLY = java.util.Set.of("POST /changesets/{c}/submit",
            "POST /changesets/{c}/withdraw", "GET /changesets/{c}/proposal", "PUT /changesets/{c}",
            "GET /changesets/{c}/conflicts", "POST /changesets/{c}/rebase");

    static Stream<Arguments> cases() {
        return endpoints().stream().flatMap(endpoint -> Stream.of(Actor.values()).map(actor -> Arguments.of(endpoint, actor)));
    }

    @BeforeAll
    void createOneProjectWithEveryRole() {
        api = new ApiClient(port);
        AnnalsPrincipal admin = fixtures.admin();
        principals.put(Actor.ADMIN, admin);
        principals.put(Actor.NON_MEMBER, fixtures.newUser("nonmember"));
        project = fixtures.newProject(admin);
        for (Actor actor : Actor.values()) {
            if (actor.role != null) {
                AnnalsPrincipal user = fixtures.newUser(actor.name());
                fixtures.addMember(project, user, actor.role);
                principals.put(actor, user);
            }
        }
        AnnalsPrincipal editor = principals.get(Actor.EDITOR);
        AnnalsPrincipal reviewer = principals.get(Actor.REVIEWER);
        source = fixtures.newSource(project, editor, "Matrix source", "Hama fell on 5 December 2024.");
        var uploaded = Fixtures.as(editor, () -> imports.preview(project, "matrix.txt",
                "An uploaded file.".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        uploadedSource = Fixtures.as(editor, () -> imports.importSource(project, new org.annals.source.ImportRequest(
                org.annals.source.SourceMetadata.titled("Uploaded"), uploaded.draft().format(), uploaded.draft().blocks(),
                "matrix.txt", uploaded.charset(), true, uploaded.original()))).sourceId();
        var place = Fixtures.as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE,
                "Hama matrix"), "Add Hama", true));
        Fixtures.as(reviewer, () -> review.approve(place.changesetId(), null));
        entity = place.entityId();
        UUID type = Fixtures.as(admin, () -> taxonomy.taxonomy(project)).getFirst().id();
        var fall = Fixtures.as(editor, () -> events.proposeCreate(project,
                EventPayload.of("Fall of Hama", PartialDate.parse("2024-12-05"), type).withPlace(entity), "Add", true));
        Fixtures.as(reviewer, () -> review.approve(fall.changesetId(), null));
        event = fall.eventId();
        var marked = Fixtures.as(editor, () -> annotations.annotate(project, source, 0, 4, "Hama",
                AnnotationType.ENTITY_MENTION, new LinkChoice.Existing(EntityRecordType.KIND, entity)));
        Fixtures.as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Mark Hama"));
        Fixtures.as(reviewer, () -> review.approve(marked.changesetId(), null));
        annotation = marked.annotationId();
        pending = fresh(true);
        suggestionSource = fixtures.newSource(project, editor, "Suggestions", "Idlib and Latakia, then Idlib again.");
        for (String name : List.of("Idlib", "Latakia")) {
            var named = Fixtures.as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, name),
                    "Add " + name, true));
            Fixtures.as(reviewer, () -> review.approve(named.changesetId(), null));
            if (name.equals("Idlib")) {
                idlib = named.entityId();
            }
        }
        for (var s : Fixtures.as(editor, () -> suggestions.forSource(project, suggestionSource)).suggestions()) {
            if (s.start() == 0 && s.text().equals("Idlib")) {
                idlibKey = s.key();
            } else if (s.text().equals("Latakia")) {
                latakiaKey = s.key();
            }
        }
        assertThat(List.of(idlibKey, latakiaKey)).as("suggestion keys").doesNotContain("");
        // The admin created the project but should act through the ADMIN role alone.
        Fixtures.as(admin, () -> projects.removeMember(project, admin.userId()));
        for (Actor actor : Actor.values()) {
            AnnalsPrincipal user = principals.get(actor);
            if (user != null) {
                tokens.put(actor, Fixtures.as(user, () -> tokenService.create("matrix " + actor, null, TokenScope.WRITE,
                        LocalDate.now().plusDays(1))).secret());
            }
        }
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cases")
    void each_endpoint_allows_exactly_the_callers_with_enough_rights(Endpoint endpoint, Actor actor) {
        currentActor = actor;
        String path = endpoint.path().apply(this);
        Object body = endpoint.body() == null ? null : endpoint.body().apply(this);
        var response = api.send(endpoint.method(), path, credentials(endpoint, actor), body);

        int expected = expected(endpoint, actor);
        if (expected < 400) {
            assertThat(response.status()).as("%s by %s: %s", endpoint, actor, response).isEqualTo(expected);
            if (endpoint.name().endsWith("/original")) {
                assertThat(response.contentType()).isEqualTo("application/octet-stream");
                assertThat(response.header("Content-Disposition")).startsWith("attachment;");
            } else if (endpoint.name().contains("/exports/")) {
                assertThat(response.contentType()).startsWith("text/csv");
                assertThat(response.body()).contains("Fall of Hama");
            } else {
                assertThat(response.contentType()).startsWith("application/json");
                assertThat(response.json().isObject()).isTrue();
            }
        } else {
            response.problem(expected);
        }
    }

    private static int expected(Endpoint endpoint, Actor actor) {
        if (actor == Actor.ANONYMOUS) {
            return 401;
        }
        if (AUTHOR_ONLY.contains(endpoint.toString())) {
            // Changing a changeset is its author's alone; other members are told so, outsiders see nothing.
            return actor == Actor.EDITOR ? 200 : actor == Actor.NON_MEMBER ? 404 : 403;
        }
        if (actor.atLeast(endpoint.required())) {
            return endpoint.success();
        }
        return endpoint.inProject() && actor.role == null ? 404 : 403;
    }

    private Map<String, String> credentials(Endpoint endpoint, Actor actor) {
        AnnalsPrincipal user = principals.get(actor);
        if (user == null) {
            return Map.of();
        }
        if (endpoint.auth() == Auth.PASSWORD) {
            return ApiClient.basic(user.getUsername(), actor == Actor.ADMIN ? ADMIN_PASSWORD : Fixtures.PASSWORD);
        }
        return ApiClient.bearer(tokens.get(actor));
    }

    private String base() {
        return "/api/v1/projects/" + project;
    }

    /**
     * An item in the current caller's working draft when they may have one (its record id); for others an
     * id that is in no draft.
     */
    private UUID draftItem() {
        AnnalsPrincipal user = principals.get(currentActor);
        lastDraftItem = UUID.randomUUID();
        if (user != null && currentActor.atLeast(Actor.EDITOR)) {
            UUID id = lastDraftItem;
            Fixtures.as(user, () -> drafts.add(project, "Matrix draft", List.of(org.annals.review.ProposedOperation.create(
                    EntityRecordType.KIND, id, EntityPayload.of(EntityKind.OTHER, "Draft item " + id)))));
        }
        return lastDraftItem;
    }

    /** A new changeset by the EDITOR: submitted for review, or a draft. */
    private UUID fresh(boolean submitted) {
        return Fixtures.as(principals.get(Actor.EDITOR), () -> entities.proposeCreate(project,
                EntityPayload.of(EntityKind.PERSON, "Matrix person " + UUID.randomUUID()), "Add a person", submitted))
                .changesetId();
    }

    /** The revision that created the matrix's place. */
    private UUID firstRevision() {
        return Fixtures.as(principals.get(Actor.EDITOR), () -> history.history(project, EntityRecordType.KIND, entity))
                .getFirst().id();
    }

    private UUID staleRecord;
    private long staleRecordVersion;

    /**
     * A submitted update by the EDITOR whose record another approved change has moved on since: what
     * a rebase is for. Remembers the record and its version now for the rebase's body.
     */
    private UUID stale() {
        AnnalsPrincipal editor = principals.get(Actor.EDITOR);
        AnnalsPrincipal reviewer = principals.get(Actor.REVIEWER);
        var person = Fixtures.as(editor, () -> entities.proposeCreate(project,
                EntityPayload.of(EntityKind.PERSON, "Stale person " + UUID.randomUUID()), "Add a person", true));
        Fixtures.as(reviewer, () -> review.approve(person.changesetId(), null));
        UUID id = person.entityId();
        long version = Fixtures.as(editor, () -> entities.get(project, id)).version();
        UUID behind = Fixtures.as(editor, () -> entities.proposeUpdate(project, id, version,
                EntityPayload.of(EntityKind.PERSON, "Renamed once " + UUID.randomUUID()), "Rename", true)).changesetId();
        var ahead = Fixtures.as(editor, () -> entities.proposeUpdate(project, id, version,
                EntityPayload.of(EntityKind.PERSON, "Renamed first " + UUID.randomUUID()), "Rename", true));
        Fixtures.as(reviewer, () -> review.approve(ahead.changesetId(), null));
        staleRecord = id;
        staleRecordVersion = Fixtures.as(editor, () -> entities.get(project, id)).version();
        return behind;
    }
}
