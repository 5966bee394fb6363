package org.annals.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.annals.account.AccountService;
import org.annals.account.UserDirectory;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.collab.CollabService;
import org.annals.collab.PresenceService;
import org.annals.discussion.ActivityService;
import org.annals.discussion.DiscussionService;
import org.annals.review.RecordRef;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.security.AnnalsPrincipal;
import org.annals.settings.SiteSettingsService;
import org.annals.source.ImportPreview;
import org.annals.source.ImportRequest;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.source.SourceService;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.notification.NotificationService;
import org.annals.review.ChangesetService;
import org.annals.review.HistoryService;
import org.annals.review.ProposedOperation;
import org.annals.review.ReviewService;
import org.annals.entity.EntityDirectory;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.annotation.AnnotationService;
import org.annals.export.ExportFilter;
import org.annals.export.ExportFormat;
import org.annals.export.ExportProgress;
import org.annals.export.ExportService;
import org.annals.release.ReleaseService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.event.TimelineFilter;
import org.springframework.data.domain.Sort;
import org.annals.support.Fixtures;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.annals.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * Every public service entry point, called by every kind of caller: anonymous, a signed-in user who
 * is not a member, each project role, and an administrator. A call is "allowed" when it gets past
 * the permission checks (a business-rule refusal such as "last manager" still counts as allowed);
 * "denied" when it fails with access denied, not signed in, or not found (how projects hide).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceAuthorizationMatrixTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountService accounts;
    @Autowired
    UserDirectory directory;
    @Autowired
    SiteSettingsService settings;
    @Autowired
    org.annals.search.SearchIndexService searchIndex;
    @Autowired
    ProjectService projects;
    @Autowired
    SourceImportService imports;
    @Autowired
    SourceService sources;
    @Autowired
    org.annals.source.CaptureService captures;
    @Autowired
    org.annals.source.fetch.UrlImportService urlImports;
    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    org.annals.review.WorkingDraftService drafts;
    @Autowired
    HistoryService history;
    @Autowired
    EntityService entities;
    @Autowired
    NotificationService notifications;
    @Autowired
    EventService events;
    @Autowired
    AnnotationService annotations;
    @Autowired
    org.annals.event.EventSearch eventSearch;
    @Autowired
    org.annals.search.SearchService search;
    @Autowired
    ExportService exports;
    @Autowired
    org.annals.entity.PlaceLocator placeLocator;
    @Autowired
    ReleaseService releases;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    EntityDirectory directoryOfEntities;
    @Autowired
    org.annals.event.prefill.EventPrefillService prefill;
    @Autowired
    TokenService tokens;
    @Autowired
    CollabService collab;
    @Autowired
    PresenceService presence;
    @Autowired
    DiscussionService discussion;
    @Autowired
    ActivityService activity;
    @Autowired
    org.annals.annotation.QuoteLocator quotes;
    @Autowired
    org.annals.suggest.SuggestionService suggestions;
    @Autowired
    org.annals.map.MapService maps;

    private final Map<Actor, AnnalsPrincipal> principals = new EnumMap<>(Actor.class);
    private UUID project;
    private UUID source;
    /** A source imported from a file: it has an original. */
    private UUID uploaded;
    private UUID entity;
    private UUID revision;
    private UUID pending;
    private UUID event;
    private UUID annotation;
    private UUID release;
    private UUID eventType;
    private ImportPreview preview;
    private AnnalsPrincipal bystander;
    private UUID bystanderToken;

    /** An entry point, the least rights it needs, and how to call it. */
    record EntryPoint(String name, Actor required, Consumer<ServiceAuthorizationMatrixTest> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<EntryPoint> entryPoints() {
        return List.of(
                new EntryPoint("AccountService.createUser", Actor.ADMIN,
                        t -> t.accounts.createUser(Fixtures.uniqueName("m"), "", Fixtures.PASSWORD, false)),
                new EntryPoint("AccountService.findUsers", Actor.ADMIN, t -> t.accounts.findUsers("", 0, 10)),
                new EntryPoint("AccountService.countUsers", Actor.ADMIN, t -> t.accounts.countUsers("")),
                new EntryPoint("AccountService.setEnabled", Actor.ADMIN,
                        t -> t.accounts.setEnabled(t.bystander.userId(), true)),
                new EntryPoint("AccountService.setAdmin", Actor.ADMIN,
                        t -> t.accounts.setAdmin(t.bystander.userId(), false)),
                new EntryPoint("AccountService.resetPassword", Actor.ADMIN,
                        t -> t.accounts.resetPassword(t.bystander.userId(), Fixtures.PASSWORD)),
                new EntryPoint("AccountService.changeOwnPassword", Actor.NON_MEMBER,
                        t -> t.accounts.changeOwnPassword("wrong-current-password", "another-long-passphrase-9")),
                new EntryPoint("AccountService.me", Actor.NON_MEMBER, t -> t.accounts.me()),
                new EntryPoint("UserDirectory.searchEnabled", Actor.NON_MEMBER, t -> t.directory.searchEnabled("a", 5)),
                new EntryPoint("UserDirectory.findEnabled", Actor.NON_MEMBER, t -> t.directory.findEnabled("admin")),
                new EntryPoint("UserDirectory.find", Actor.NON_MEMBER, t -> t.directory.find(t.bystander.userId())),
                new EntryPoint("SiteSettingsService.usersMayCreateProjects", Actor.NON_MEMBER,
                        t -> t.settings.usersMayCreateProjects()),
                new EntryPoint("SiteSettingsService.setUsersMayCreateProjects", Actor.ADMIN,
                        t -> t.settings.setUsersMayCreateProjects(false)),
                new EntryPoint("SearchIndexService.status", Actor.ADMIN, t -> t.searchIndex.status()),
                new EntryPoint("SearchIndexService.rebuild", Actor.ADMIN, t -> t.searchIndex.rebuild()),
                new EntryPoint("ProjectService.myProjects", Actor.NON_MEMBER, t -> t.projects.myProjects()),
                new EntryPoint("ProjectService.mayCreateProjects", Actor.NON_MEMBER, t -> t.projects.mayCreateProjects()),
                new EntryPoint("ProjectService.create", Actor.ADMIN, t -> t.projects.create("matrix", null)),
                new EntryPoint("ProjectService.get", Actor.VIEWER, t -> t.projects.get(t.project)),
                new EntryPoint("ProjectService.findVisible", Actor.VIEWER,
                        t -> t.projects.findVisible(t.project).orElseThrow(() -> new NotFoundException("Project"))),
                new EntryPoint("ProjectService.describe", Actor.MANAGER,
                        t -> t.projects.describe(t.project, "Matrix project", null)),
                new EntryPoint("ProjectService.members", Actor.MANAGER, t -> t.projects.members(t.project)),
                new EntryPoint("ProjectService.memberCandidates", Actor.MANAGER,
                        t -> t.projects.memberCandidates(t.project, "b", 5)),
                new EntryPoint("ProjectService.addMember", Actor.MANAGER,
                        t -> t.projects.addMember(t.project, t.principals.get(Actor.VIEWER).getUsername(), ProjectRole.VIEWER)),
                new EntryPoint("ProjectService.changeRole", Actor.MANAGER,
                        t -> t.projects.changeRole(t.project, t.principals.get(Actor.VIEWER).userId(), ProjectRole.VIEWER)),
                new EntryPoint("ProjectService.removeMember", Actor.MANAGER,
                        t -> t.projects.removeMember(t.project, t.principals.get(Actor.MANAGER).userId())),
                new EntryPoint("SourceImportService.preview", Actor.EDITOR,
                        t -> t.imports.preview(t.project, "a.txt", "Some text.".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                new EntryPoint("SourceImportService.preview (charset chosen)", Actor.EDITOR,
                        t -> t.imports.preview(t.project, "a.txt", "Some text.".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                "windows-1252")),
                new EntryPoint("SourceImportService.previewPasted", Actor.EDITOR,
                        t -> t.imports.previewPasted(t.project, "Some pasted text.")),
                new EntryPoint("SourceImportService.previewPasted (format given)", Actor.EDITOR,
                        t -> t.imports.previewPasted(t.project, "# Some pasted text", org.annals.source.parse.SourceFormat.PLAIN_TEXT)),
                new EntryPoint("SourceImportService.importSource", Actor.EDITOR,
                        t -> t.imports.importSource(t.project, new ImportRequest(SourceMetadata.titled("Matrix"),
                                t.preview.draft().format(), t.preview.draft().blocks(), null, null, true))),
                // Issue 19: captures and import by address. The matrix's server fetches from no private address:
                // those who get past the permission check are told the address is refused.
                new EntryPoint("SourceImportService.previewCaptured", Actor.EDITOR,
                        t -> t.imports.previewCaptured(t.project, "page.html", t.preview.draft(), "UTF-8", "fetched",
                                org.annals.source.Original.fetched("https://example.org/", "https://example.org/", 200,
                                        "text/html", java.time.Instant.now(), new byte[] {'x'}))),
                new EntryPoint("CaptureService.details", Actor.VIEWER, t -> t.captures.details(t.project, t.uploaded)),
                new EntryPoint("CaptureService.original", Actor.VIEWER, t -> t.captures.original(t.project, t.uploaded)),
                new EntryPoint("UrlImportService.enabled", Actor.NON_MEMBER, t -> t.urlImports.enabled()),
                new EntryPoint("UrlImportService.maxUrlsPerBatch", Actor.NON_MEMBER, t -> t.urlImports.maxUrlsPerBatch()),
                new EntryPoint("UrlImportService.preview", Actor.EDITOR,
                        t -> t.urlImports.preview(t.project, "http://10.0.0.1/report.html")),
                new EntryPoint("UrlImportService.previewAll", Actor.EDITOR,
                        t -> t.urlImports.previewAll(t.project, List.of("http://169.254.169.254/latest/meta-data/"))),
                new EntryPoint("SourceService.library", Actor.VIEWER,
                        t -> t.sources.library(t.project, "", Sort.unsorted(), 0, 10)),
                new EntryPoint("SourceService.count", Actor.VIEWER, t -> t.sources.count(t.project, "")),
                new EntryPoint("SourceService.read", Actor.VIEWER, t -> t.sources.read(t.project, t.source)),
                new EntryPoint("SourceService.outline", Actor.VIEWER, t -> t.sources.outline(t.project, t.source)),
                new EntryPoint("SourceService.passages", Actor.VIEWER, t -> t.sources.passages(t.project, t.source)),
                new EntryPoint("ProjectService.allowsSelfApproval", Actor.VIEWER, t -> t.projects.allowsSelfApproval(t.project)),
                new EntryPoint("ProjectService.setAllowSelfApproval", Actor.MANAGER,
                        t -> t.projects.setAllowSelfApproval(t.project, false)),
                new EntryPoint("ChangesetService.propose", Actor.EDITOR, t -> t.changesets.propose(t.project, "matrix",
                        List.of(ProposedOperation.create(EntityRecordType.KIND, UUID.randomUUID(),
                                EntityPayload.of(EntityKind.OTHER, "Matrix"))), true)),
                new EntryPoint("WorkingDraftService.add", Actor.EDITOR, t -> t.drafts.add(t.project, "matrix",
                        List.of(ProposedOperation.create(EntityRecordType.KIND, UUID.randomUUID(),
                                EntityPayload.of(EntityKind.OTHER, "Matrix draft item"))))),
                new EntryPoint("WorkingDraftService.overview", Actor.EDITOR, t -> t.drafts.overview(t.project)),
                new EntryPoint("WorkingDraftService.items", Actor.EDITOR, t -> t.drafts.items(t.project, 0, 50)),
                new EntryPoint("WorkingDraftService.count", Actor.EDITOR, t -> t.drafts.count(t.project)),
                new EntryPoint("WorkingDraftService.dependents", Actor.EDITOR,
                        t -> t.drafts.dependents(t.project, List.of(UUID.randomUUID()))),
                new EntryPoint("WorkingDraftService.remove", Actor.EDITOR,
                        t -> t.drafts.remove(t.project, List.of(UUID.randomUUID()), false)),
                new EntryPoint("WorkingDraftService.split", Actor.EDITOR,
                        t -> t.drafts.split(t.project, List.of(UUID.randomUUID()), "matrix", false)),
                new EntryPoint("WorkingDraftService.submit", Actor.EDITOR, t -> t.drafts.submit(t.project, "matrix")),
                new EntryPoint("WorkingDraftService.discard", Actor.EDITOR, t -> t.drafts.discard(t.project)),
                new EntryPoint("EntityService.addCreateToDraft", Actor.EDITOR, t -> t.entities.addCreateToDraft(t.project,
                        EntityPayload.of(EntityKind.PLACE, "Matrix draft place"), "matrix")),
                new EntryPoint("EntityService.addUpdateToDraft", Actor.EDITOR, t -> t.entities.addUpdateToDraft(t.project,
                        t.entity, 0, EntityPayload.of(EntityKind.PERSON, "Renamed in a draft"), "matrix")),
                new EntryPoint("EventService.addCreateToDraft", Actor.EDITOR, t -> t.events.addCreateToDraft(t.project,
                        EventPayload.of("Matrix draft event", PartialDate.parse("2024-12"), t.eventType), "matrix")),
                new EntryPoint("EventService.addUpdateToDraft", Actor.EDITOR, t -> t.events.addUpdateToDraft(t.project,
                        t.event, 0, EventPayload.of("Renamed in a draft", PartialDate.parse("2024"), t.eventType), "matrix")),
                new EntryPoint("SourceService.titles", Actor.VIEWER, t -> t.sources.titles(t.project, List.of(t.source))),
                new EntryPoint("ChangesetService.mine", Actor.EDITOR, t -> t.changesets.mine(t.project, 10)),
                new EntryPoint("ChangesetService.details", Actor.EDITOR, t -> t.changesets.details(t.pending)),
                new EntryPoint("ChangesetService.comment", Actor.EDITOR, t -> t.changesets.comment(t.pending, "A comment")),
                new EntryPoint("ChangesetService.myPending", Actor.EDITOR,
                        t -> t.changesets.myPending(t.project, EntityRecordType.KIND)),
                new EntryPoint("ChangesetService.myConflicts", Actor.EDITOR, t -> t.changesets.myConflicts(t.project)),
                new EntryPoint("ChangesetService.pendingRecords", Actor.EDITOR,
                        t -> t.changesets.pendingRecords(t.project, EntityRecordType.KIND, "matrix", 10)),
                new EntryPoint("EntityService.pending", Actor.EDITOR, t -> t.entities.pending(t.project, "matrix", null, 10)),
                new EntryPoint("ReviewService.queue", Actor.EDITOR, t -> t.review.queue(t.project, null, null, true, 0, 10)),
                new EntryPoint("ReviewService.queueSize", Actor.EDITOR, t -> t.review.queueSize(t.project, null, null)),
                new EntryPoint("ReviewService.allowances", Actor.EDITOR, t -> t.review.allowances(t.pending)),
                new EntryPoint("ReviewService.requestChanges", Actor.REVIEWER,
                        t -> t.review.requestChanges(t.pending, "Please add a source")),
                new EntryPoint("ReviewService.reject", Actor.REVIEWER, t -> t.review.reject(t.pending, "Not needed")),
                new EntryPoint("ReviewService.approve", Actor.REVIEWER, t -> t.review.approve(t.pending, null)),
                new EntryPoint("ReviewService.approveAll", Actor.REVIEWER, t -> t.review.approveAll(List.of(t.pending))),
                new EntryPoint("ReviewService.dependenciesToApprove", Actor.EDITOR,
                        t -> t.review.dependenciesToApprove(t.pending)),
                new EntryPoint("ReviewService.approveWithDependencies", Actor.REVIEWER,
                        t -> t.review.approveWithDependencies(t.pending, null)),
                new EntryPoint("HistoryService.history", Actor.VIEWER,
                        t -> t.history.history(t.project, EntityRecordType.KIND, t.entity)),
                new EntryPoint("HistoryService.revert", Actor.EDITOR,
                        t -> t.history.revert(t.project, EntityRecordType.KIND, t.entity, t.revision, false)),
                new EntryPoint("EntityService.search", Actor.VIEWER, t -> t.entities.search(t.project, "", null, 0, 10)),
                new EntryPoint("EntityService.searchRanked", Actor.VIEWER,
                        t -> t.entities.searchRanked(t.project, "Matrix", null, 10)),
                new EntryPoint("EntityService.recentRanked", Actor.VIEWER,
                        t -> t.entities.recentRanked(t.project, "Matrix", null, 10)),
                new EntryPoint("EntityService.count", Actor.VIEWER, t -> t.entities.count(t.project, "", null)),
                new EntryPoint("EntityService.get", Actor.VIEWER, t -> t.entities.get(t.project, t.entity)),
                new EntryPoint("EntityService.proposeCreate", Actor.EDITOR, t -> t.entities.proposeCreate(t.project,
                        EntityPayload.of(EntityKind.PLACE, "Matrix place"), "matrix", false)),
                new EntryPoint("EntityService.proposeUpdate", Actor.EDITOR, t -> t.entities.proposeUpdate(t.project,
                        t.entity, 0, EntityPayload.of(EntityKind.PERSON, "Renamed"), "matrix", false)),
                new EntryPoint("EntityService.proposeDelete", Actor.EDITOR,
                        t -> t.entities.proposeDelete(t.project, t.entity, 0, "matrix", false)),
                new EntryPoint("EntityService.proposeMerge", Actor.EDITOR,
                        t -> t.entities.proposeMerge(t.project, t.entity, t.entity, "matrix", false)),
                new EntryPoint("NotificationService.mine", Actor.NON_MEMBER, t -> t.notifications.mine(5)),
                new EntryPoint("NotificationService.unread", Actor.NON_MEMBER, t -> t.notifications.unread()),
                new EntryPoint("NotificationService.markAllRead", Actor.NON_MEMBER, t -> t.notifications.markAllRead()),
                new EntryPoint("EntityDirectory.kindOf", Actor.VIEWER, t -> t.directoryOfEntities.kindOf(t.project, t.entity)),
                new EntryPoint("EntityDirectory.names", Actor.VIEWER,
                        t -> t.directoryOfEntities.names(t.project, List.of(t.entity))),
                new EntryPoint("EntityDirectory.displayName", Actor.NON_MEMBER,
                        t -> t.directoryOfEntities.displayName(t.entity)),
                new EntryPoint("EntityDirectory.describedRegistry", Actor.VIEWER, t -> t.directoryOfEntities.describedRegistry(t.project)),
                new EntryPoint("EventPrefillService.suggest", Actor.EDITOR, t -> t.prefill.suggest(t.project,
                        "On 2 December an airstrike killed 11 civilians.",
                        new org.annals.event.prefill.SourceContext(t.source, null, "en"))),
                new EntryPoint("TaxonomyService.taxonomy", Actor.VIEWER, t -> t.taxonomy.taxonomy(t.project)),
                new EntryPoint("TaxonomyService.addType", Actor.MANAGER, t -> t.taxonomy.addType(t.project, null, "Matrix")),
                new EntryPoint("TaxonomyService.rename", Actor.MANAGER, t -> t.taxonomy.rename(t.project, t.eventType, "Battles")),
                new EntryPoint("TaxonomyService.remove", Actor.MANAGER, t -> t.taxonomy.remove(t.project, t.eventType)),
                new EntryPoint("EventService.timeline", Actor.VIEWER,
                        t -> t.events.timeline(t.project, TimelineFilter.ALL, 0, 10)),
                new EntryPoint("EventService.count", Actor.VIEWER, t -> t.events.count(t.project, TimelineFilter.ALL)),
                new EntryPoint("EventService.get", Actor.VIEWER, t -> t.events.get(t.project, t.event)),
                new EntryPoint("EventService.parts", Actor.VIEWER, t -> t.events.parts(t.project, t.event)),
                new EntryPoint("EventService.sites", Actor.VIEWER, t -> t.events.sites(t.project, TimelineFilter.ALL, 10)),
                new EntryPoint("MapService.points", Actor.VIEWER, t -> t.maps.points(t.project, TimelineFilter.ALL)),
                new EntryPoint("MapService.pointsOfEvent", Actor.VIEWER, t -> t.maps.pointsOfEvent(t.project, t.event)),
                new EntryPoint("MapService.types", Actor.VIEWER, t -> t.maps.types(t.project)),
                new EntryPoint("MapService.popup", Actor.VIEWER, t -> t.maps.popup(t.project, t.event)),
                new EntryPoint("EventService.likelyDuplicates", Actor.VIEWER,
                        t -> t.events.likelyDuplicates(t.project, PartialDate.parse("2024-12-05"), t.entity)),
                new EntryPoint("EventService.proposeCreate", Actor.EDITOR, t -> t.events.proposeCreate(t.project,
                        EventPayload.of("Matrix event", PartialDate.parse("2024-12"), t.eventType), "matrix", false)),
                new EntryPoint("EventService.proposeUpdate", Actor.EDITOR, t -> t.events.proposeUpdate(t.project, t.event,
                        0, EventPayload.of("Renamed", PartialDate.parse("2024"), t.eventType), "matrix", false)),
                new EntryPoint("EventService.proposeDelete", Actor.EDITOR,
                        t -> t.events.proposeDelete(t.project, t.event, 0, "matrix", false)),
                new EntryPoint("EventService.proposeMerge", Actor.EDITOR,
                        t -> t.events.proposeMerge(t.project, t.event, t.event, "matrix", false)),
                new EntryPoint("EventService.proposePreferred", Actor.EDITOR, t -> t.events.proposePreferred(t.project,
                        t.event, 1, org.annals.event.EventClaims.plainId(t.event, org.annals.event.ClaimField.DATE),
                        "matrix")),
                new EntryPoint("AnnotationService.quotes", Actor.VIEWER,
                        t -> t.annotations.quotes(t.project, List.of(t.annotation))),
                new EntryPoint("EventService.recent", Actor.VIEWER, t -> t.events.recent(t.project, "", 10)),
                new EntryPoint("EventService.sitesOfEntity", Actor.VIEWER,
                        t -> t.events.sitesOfEntity(t.project, t.entity, 10)),
                new EntryPoint("MapService.pointsOfEntity", Actor.VIEWER,
                        t -> t.maps.pointsOfEntity(t.project, t.entity)),
                new EntryPoint("EventService.describe", Actor.EDITOR,
                        t -> t.events.describe(t.project, t.event, 1,
                                EventPayload.of("Matrix event", PartialDate.parse("2024-12"), t.eventType))),
                new EntryPoint("EntityService.recent", Actor.VIEWER, t -> t.entities.recent(t.project, "", null, 10)),
                new EntryPoint("ChangesetService.openInContext", Actor.EDITOR,
                        t -> t.changesets.openInContext(t.project, t.source)),
                new EntryPoint("AnnotationService.editor", Actor.VIEWER, t -> t.annotations.editor(t.project, t.source)),
                new EntryPoint("QuoteLocator.find", Actor.VIEWER, t -> t.quotes.find(t.project, t.source, "source")),
                new EntryPoint("AnnotationService.evidence", Actor.VIEWER,
                        t -> t.annotations.evidence(t.project, EntityRecordType.KIND, t.entity)),
                new EntryPoint("AnnotationService.checkSelection", Actor.EDITOR,
                        t -> t.annotations.checkSelection(t.project, t.source, 2, 8, "source")),
                new EntryPoint("AnnotationService.linkCandidates", Actor.EDITOR,
                        t -> t.annotations.linkCandidates(t.project, null, "matrix", 10)),
                new EntryPoint("AnnotationService.annotate", Actor.EDITOR, t -> t.annotations.annotate(t.project, t.source,
                        2, 8, "source", AnnotationType.CLAIM, new LinkChoice.None())),
                new EntryPoint("AnnotationService.changeSpan", Actor.EDITOR,
                        t -> t.annotations.changeSpan(t.project, t.source, t.annotation, 2, 15)),
                new EntryPoint("AnnotationService.stepSpan", Actor.EDITOR,
                        t -> t.annotations.stepSpan(t.project, t.source, t.annotation, true, true)),
                new EntryPoint("AnnotationService.changeLink", Actor.EDITOR, t -> t.annotations.changeLink(t.project,
                        t.source, t.annotation, AnnotationType.CLAIM, new LinkChoice.Existing(EntityRecordType.KIND, t.entity))),
                new EntryPoint("AnnotationService.delete", Actor.EDITOR,
                        t -> t.annotations.delete(t.project, t.source, t.annotation)),
                new EntryPoint("AnnotationService.linkCandidates (in a passage)", Actor.EDITOR,
                        t -> t.annotations.linkCandidates(t.project, t.source, null, "matrix 5 Dec", "On 5 December 2024.", 10)),
                new EntryPoint("AnnotationService.annotate (with the same words elsewhere)", Actor.EDITOR,
                        t -> t.annotations.annotate(t.project, t.source, 2, 8, "source", AnnotationType.CLAIM,
                                new LinkChoice.None(), List.of())),
                new EntryPoint("AnnotationService.annotate (with the claim the quote makes)", Actor.EDITOR,
                        t -> t.annotations.annotate(t.project, t.source, 2, 8, "source", AnnotationType.DATE,
                                new LinkChoice.Existing(org.annals.event.EventRecordType.KIND, t.event), List.of(),
                                org.annals.event.EventClaim.date(null, PartialDate.parse("2024-12-05"), null, null, null))),
                new EntryPoint("AnnotationService.claimFromQuote", Actor.EDITOR,
                        t -> t.annotations.claimFromQuote(t.project, t.source, 2, 8, AnnotationType.DATE)),
                new EntryPoint("AnnotationService.claimsBackedBy", Actor.VIEWER,
                        t -> t.annotations.claimsBackedBy(t.project, t.annotation)),
                new EntryPoint("AnnotationService.sameWords", Actor.EDITOR,
                        t -> t.annotations.sameWords(t.project, t.source, 0, 8)),
                new EntryPoint("AnnotationService.addSameWords", Actor.EDITOR, t -> t.annotations.addSameWords(t.project,
                        AnnotationType.CLAIM, EntityRecordType.KIND, t.entity, List.of())),
                new EntryPoint("AnnotationService.possibleDuplicates", Actor.EDITOR, t -> t.annotations.possibleDuplicates(
                        t.project, EntityKind.PERSON, "Matrix person", List.of(), null)),
                new EntryPoint("EntityService.possibleDuplicates", Actor.VIEWER, t -> t.entities.possibleDuplicates(
                        t.project, EntityKind.PERSON, "MATRIX PERSON", List.of("Matrix"), null)),
                new EntryPoint("EventSearch.search", Actor.VIEWER, t -> t.eventSearch.search(t.project, "Matrix 5 Dec 2024",
                        org.annals.event.EventSearch.Context.NONE, 10)),
                new EntryPoint("SearchService.search", Actor.VIEWER,
                        t -> t.search.search(org.annals.search.SearchRequest.of(t.project, "Matrix"))),
                new EntryPoint("SearchService.rankRecords", Actor.VIEWER, t -> t.search.rankRecords(t.project, "Matrix",
                        org.annals.search.SearchKind.ENTITY, java.util.Set.of(), 10)),
                new EntryPoint("EventSearch.read", Actor.VIEWER, t -> t.eventSearch.read(t.project, "Matrix person 2024",
                        org.annals.event.EventSearch.Context.NONE)),
                new EntryPoint("ReleaseService.list", Actor.VIEWER, t -> t.releases.list(t.project)),
                new EntryPoint("ReleaseService.file", Actor.VIEWER, t -> t.releases.file(t.project, t.release)),
                new EntryPoint("ReleaseService.changes", Actor.VIEWER, t -> t.releases.changes(t.project, t.release)),
                new EntryPoint("ReleaseService.publish", Actor.MANAGER, t -> t.releases.publish(t.project, "Matrix")),
                new EntryPoint("ReleaseService.start", Actor.MANAGER,
                        t -> t.releases.start(t.project, "Matrix in the background").await()),
                new EntryPoint("ReleaseService.publishing", Actor.MANAGER, t -> t.releases.publishing(t.project)),
                new EntryPoint("ExportService.start", Actor.VIEWER, t -> {
                    var job = t.exports.start(t.project, ExportFormat.EVENTS_CSV, ExportFilter.ALL, false);
                    job.await();
                    job.discard();
                }),
                new EntryPoint("ExportService.stream", Actor.VIEWER,
                        t -> t.exports.stream(t.project, ExportFormat.EVENTS_CSV, ExportFilter.ALL, false).close()),
                new EntryPoint("ExportService.count", Actor.VIEWER,
                        t -> t.exports.count(t.project, ExportFormat.EVENTS_CSV, ExportFilter.ALL)),
                new EntryPoint("ExportService.export", Actor.VIEWER, t -> {
                    try {
                        t.exports.export(t.project, ExportFormat.DATASET_JSON, ExportFilter.ALL, false,
                                java.io.OutputStream.nullOutputStream(), ExportProgress.NONE);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }),
                // Issue 20: where places lie is as readable as the places themselves.
                new EntryPoint("PlaceLocator.locate", Actor.VIEWER,
                        t -> t.placeLocator.locate(t.project, List.of(t.entity))),
                new EntryPoint("PlaceLocator.locate (one place)", Actor.VIEWER,
                        t -> t.placeLocator.locate(t.project, t.entity)),
                new EntryPoint("TokenService.create", Actor.NON_MEMBER,
                        t -> t.tokens.create("matrix", null, TokenScope.READ, java.time.LocalDate.now().plusDays(1))),
                new EntryPoint("TokenService.create (for one project)", Actor.VIEWER,
                        t -> t.tokens.create("matrix", t.project, TokenScope.READ, java.time.LocalDate.now().plusDays(1))),
                new EntryPoint("TokenService.mine", Actor.NON_MEMBER, t -> t.tokens.mine()),
                // Anyone revokes their own token; only an administrator someone else's.
                new EntryPoint("TokenService.revoke (someone else's)", Actor.ADMIN, t -> t.tokens.revoke(t.bystanderToken)),
                new EntryPoint("CollabService.subscribe", Actor.VIEWER,
                        t -> t.collab.subscribe(t.project, batch -> { }).close()),
                new EntryPoint("CollabService.subscribe with a filter", Actor.VIEWER,
                        t -> t.collab.subscribe(t.project, event -> true, batch -> { }).close()),
                new EntryPoint("PresenceService.enter", Actor.VIEWER, t -> t.presence.enter(t.project, t.source).close()),
                new EntryPoint("PresenceService.present", Actor.VIEWER, t -> t.presence.present(t.project, t.source)),
                new EntryPoint("ChangesetService.discussion", Actor.EDITOR, t -> t.changesets.discussion(t.pending)),
                new EntryPoint("ChangesetService.mine (paged)", Actor.EDITOR, t -> t.changesets.mine(t.project,
                        java.util.Set.of(), null, null, true, 0, 10)),
                new EntryPoint("ChangesetService.countMine", Actor.EDITOR, t -> t.changesets.countMine(t.project,
                        java.util.Set.of(), null, null)),
                new EntryPoint("DiscussionService.thread", Actor.VIEWER,
                        t -> t.discussion.thread(t.project, new RecordRef(EntityRecordType.KIND, t.entity))),
                new EntryPoint("DiscussionService.comment", Actor.VIEWER,
                        t -> t.discussion.comment(t.project, new RecordRef(EntityRecordType.KIND, t.entity), "Matrix")),
                new EntryPoint("DiscussionService.mentionable", Actor.VIEWER,
                        t -> t.discussion.mentionable(t.project, "", 5)),
                new EntryPoint("ActivityService.feed", Actor.VIEWER, t -> t.activity.feed(t.project, 0, 10)),
                new EntryPoint("ActivityService.count", Actor.VIEWER, t -> t.activity.count(t.project)),
                new EntryPoint("PresenceService.select and clearSelection", Actor.VIEWER, t -> {
                    try (var page = t.presence.enter(t.project, t.source)) {
                        t.presence.select(page, 0, 1);
                        t.presence.clearSelection(page);
                    }
                }),
                new EntryPoint("PresenceService.selections", Actor.VIEWER, t -> t.presence.selections(t.project, t.source)),
                new EntryPoint("SourceService.text", Actor.VIEWER, t -> t.sources.text(t.project, t.source)),
                // Issue 18: suggestions are for editors; the project-wide refusals are undone by managers.
                new EntryPoint("SuggestionService.forSource", Actor.EDITOR,
                        t -> t.suggestions.forSource(t.project, t.source)),
                new EntryPoint("SuggestionService.accept", Actor.EDITOR,
                        t -> t.suggestions.accept(t.project, t.source, "MENTION:0:1", null)),
                new EntryPoint("SuggestionService.acceptAll", Actor.EDITOR,
                        t -> t.suggestions.acceptAll(t.project, t.source, t.entity)),
                new EntryPoint("SuggestionService.reject", Actor.EDITOR,
                        t -> t.suggestions.reject(t.project, t.source, "MENTION:0:1", true)),
                new EntryPoint("SuggestionService.forgetRejections", Actor.EDITOR,
                        t -> t.suggestions.forgetRejections(t.project, t.source)),
                new EntryPoint("SuggestionService.neverHere", Actor.EDITOR, t -> t.suggestions.neverHere(t.project)),
                new EntryPoint("SuggestionService.allowAgain", Actor.MANAGER,
                        t -> t.suggestions.allowAgain(t.project, "matrix")),
                new EntryPoint("SuggestionService.refusedAliases", Actor.MANAGER,
                        t -> t.suggestions.refusedAliases(t.project)),
                new EntryPoint("SuggestionService.unmarkedMentions", Actor.EDITOR,
                        t -> t.suggestions.unmarkedMentions(t.project, t.entity, 5)),
                new EntryPoint("SuggestionService.proposeMentions", Actor.EDITOR,
                        t -> t.suggestions.proposeMentions(t.project, t.entity, List.of())));
    }

    static Stream<Arguments> cases() {
        return entryPoints().stream().flatMap(entry -> Stream.of(Actor.values()).map(actor -> Arguments.of(entry, actor)));
    }

    @BeforeAll
    void createOneProjectWithEveryRole() {
        principals.put(Actor.ADMIN, fixtures.admin());
        principals.put(Actor.NON_MEMBER, fixtures.newUser("nonmember"));
        bystander = fixtures.newUser("bystander");
        bystanderToken = Fixtures.as(bystander, () -> tokens.create("bystander", null, TokenScope.READ,
                java.time.LocalDate.now().plusDays(1))).token().id();
        AnnalsPrincipal creator = principals.get(Actor.ADMIN);
        project = fixtures.newProject(creator);
        for (Actor actor : Actor.values()) {
            ProjectRole role = actor.projectRole();
            if (role != null) {
                AnnalsPrincipal user = fixtures.newUser(actor.name());
                fixtures.addMember(project, user, role);
                principals.put(actor, user);
            }
        }
        preview = Fixtures.as(creator, () -> imports.previewPasted(project, "A source for the matrix."));
        source = Fixtures.as(creator, () -> imports.importSource(project, new ImportRequest(
                SourceMetadata.titled("Matrix source"), preview.draft().format(), preview.draft().blocks(), null, null,
                false)).sourceId());
        var file = Fixtures.as(creator, () -> imports.preview(project, "matrix.txt",
                "An uploaded source for the matrix.".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        uploaded = Fixtures.as(creator, () -> imports.importSource(project, new ImportRequest(
                SourceMetadata.titled("Uploaded matrix source"), file.draft().format(), file.draft().blocks(),
                "matrix.txt", file.charset(), false, file.original())).sourceId());
        var proposal = Fixtures.as(principals.get(Actor.EDITOR), () -> entities.proposeCreate(project,
                EntityPayload.of(EntityKind.PERSON, "Matrix person"), "matrix", true));
        Fixtures.as(principals.get(Actor.REVIEWER), () -> review.approve(proposal.changesetId(), null));
        entity = proposal.entityId();
        revision = Fixtures.as(creator, () -> history.history(project, EntityRecordType.KIND, entity)).getFirst().id();
        eventType = Fixtures.as(creator, () -> taxonomy.taxonomy(project)).getFirst().id();
        var eventProposal = Fixtures.as(principals.get(Actor.EDITOR), () -> events.proposeCreate(project,
                EventPayload.of("Matrix event", PartialDate.parse("2024-12-05"), eventType), "event", true));
        Fixtures.as(principals.get(Actor.REVIEWER), () -> review.approve(eventProposal.changesetId(), null));
        event = eventProposal.eventId();
        var marked = Fixtures.as(principals.get(Actor.EDITOR), () -> annotations.annotate(project, source, 0, 1, "A",
                AnnotationType.CLAIM, new LinkChoice.None()));
        Fixtures.as(principals.get(Actor.EDITOR), () -> annotations.submitDraft(project, marked.changesetId(), "matrix"));
        Fixtures.as(principals.get(Actor.REVIEWER), () -> review.approve(marked.changesetId(), null));
        annotation = marked.annotationId();
        release = Fixtures.as(creator, () -> releases.publish(project, "Matrix release")).id();
        pending = Fixtures.as(principals.get(Actor.EDITOR), () -> entities.proposeCreate(project,
                EntityPayload.of(EntityKind.PLACE, "Matrix pending"), "pending", true)).changesetId();
        // The admin created the project but should act through the ADMIN role alone.
        Fixtures.as(creator, () -> projects.removeMember(project, creator.userId()));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cases")
    void each_entry_point_allows_exactly_the_callers_with_enough_rights(EntryPoint entry, Actor actor) {
        boolean allowed = callAs(actor, entry);
        assertThat(allowed).as("%s by %s", entry, actor).isEqualTo(actor.atLeast(entry.required()));
    }

    private boolean callAs(Actor actor, EntryPoint entry) {
        @Nullable AnnalsPrincipal principal = principals.get(actor);
        try {
            if (principal == null) {
                Fixtures.anonymously(() -> {
                    entry.call().accept(this);
                    return null;
                });
            } else {
                Fixtures.as(principal, () -> entry.call().accept(this));
            }
            return true;
        } catch (AccessDeniedException | AuthenticationCredentialsNotFoundException | NotFoundException denied) {
            return false;
        } catch (InvalidInputException businessRule) {
            return true;
        }
    }
}
