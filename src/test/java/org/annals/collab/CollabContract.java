package org.annals.collab;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.annotation.AnnotationRecordType;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.base.NotFoundException;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.review.RecordRef;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live-update events from the real services, after commit and only then, with ids only, and delivered
 * only to people who may know about them. Run on H2 with the in-process bus and on PostgreSQL with
 * LISTEN/NOTIFY, where events are watched from a second node on the same database.
 *
 * <p>Negative checks need no waiting: a "fence" published after the thing that must not arrive
 * reaches every subscriber after anything published before it on that node, so once the fence is in,
 * whatever is missing never came.
 */
abstract class CollabContract {

    static final String TEXT = "Hay'at Tahrir al-Sham fighters entered the city of Aleppo on 30 November.";

    @Autowired
    CollabBus bus;
    @Autowired
    CollabService collab;
    @Autowired
    AnnotationService annotations;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    ProjectService projects;
    @Autowired
    Fixtures fixtures;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    PresenceService presence;
    @Autowired
    PresenceKeeper keeper;
    @Autowired
    PresenceRepository presenceRows;

    UUID project;
    UUID source;
    AnnalsPrincipal editor;
    AnnalsPrincipal otherEditor;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal viewer;
    private final List<Subscription> subscriptions = new ArrayList<>();

    /** Where events are watched: this node's bus, or another node's on the same database. */
    abstract CollabBus observer();

    @BeforeEach
    void projectWithATeamAndASource() {
        project = fixtures.newProject(fixtures.admin());
        editor = member("editor", ProjectRole.EDITOR);
        otherEditor = member("editor2", ProjectRole.EDITOR);
        reviewer = member("reviewer", ProjectRole.REVIEWER);
        viewer = member("viewer", ProjectRole.VIEWER);
        source = fixtures.newSource(project, editor, "Offensive report", TEXT);
    }

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(Subscription::close);
    }

    private AnnalsPrincipal member(String name, ProjectRole role) {
        AnnalsPrincipal user = fixtures.newUser(name);
        fixtures.addMember(project, user, role);
        return user;
    }

    private Recorder watch() {
        var recorder = new Recorder();
        subscriptions.add(observer().subscribe(project, batch -> deliver(recorder, batch)));
        return recorder;
    }

    private Recorder watchAs(AnnalsPrincipal who) {
        var recorder = new Recorder();
        subscriptions.add(as(who, () -> collab.subscribe(project, batch -> deliver(recorder, batch))));
        return recorder;
    }

    /**
     * The events a test is about: the set-up's import is announced too, and through another node's bus
     * (PostgreSQL) it may arrive after a test has started watching.
     */
    private void deliver(Recorder recorder, java.util.List<CollabEvent> batch) {
        var wanted = batch.stream()
                .filter(e -> !(e.kind() == CollabEvent.Kind.IMPORTED && e.contexts().contains(source))).toList();
        if (!wanted.isEmpty()) {
            recorder.onEvents(wanted);
        }
    }

    private CollabEvent fence() {
        CollabEvent fence = Recorder.fence(project);
        bus.publish(fence);
        return fence;
    }

    private UUID proposeEntity(String name, boolean submit) {
        return as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, name), "Add " + name,
                submit)).changesetId();
    }

    @Test
    void marking_submitting_and_approving_are_announced_with_ids_only() {
        Recorder events = watch();
        int start = TEXT.indexOf("Aleppo");
        var marked = as(editor, () -> annotations.annotate(project, source, start, start + "Aleppo".length(), "Aleppo",
                AnnotationType.CLAIM, new LinkChoice.None()));
        var annotation = new RecordRef(AnnotationRecordType.KIND, marked.annotationId());

        CollabEvent drafted = events.next();
        assertThat(drafted).isEqualTo(new CollabEvent(project, CollabEvent.Kind.DRAFT_CHANGED, marked.changesetId(),
                java.util.Set.of(annotation), java.util.Set.of(source), editor.userId(), false));

        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Aleppo"));
        assertThat(events.next()).isEqualTo(new CollabEvent(project, CollabEvent.Kind.SUBMITTED, marked.changesetId(),
                java.util.Set.of(annotation), java.util.Set.of(source), editor.userId(), false));

        as(reviewer, () -> review.approve(marked.changesetId(), null));
        // The approval, and the author's notification of it (in either order: two listeners after commit).
        CollabEvent first = events.next();
        CollabEvent second = events.next();
        CollabEvent approved = first.kind() == CollabEvent.Kind.APPROVED ? first : second;
        CollabEvent notified = approved == first ? second : first;
        assertThat(notified).isEqualTo(new CollabEvent(project, CollabEvent.Kind.NOTIFIED, null, java.util.Set.of(),
                java.util.Set.of(), editor.userId(), false));
        assertThat(approved.kind()).isEqualTo(CollabEvent.Kind.APPROVED);
        assertThat(approved.changesetId()).isEqualTo(marked.changesetId());
        assertThat(approved.actorId()).isEqualTo(reviewer.userId());
        assertThat(approved.records()).contains(annotation);
        assertThat(approved.contexts()).containsExactly(source);
        assertThat(approved.concernsContext(source)).isTrue();
        assertThat(approved.concernsContext(UUID.randomUUID())).isFalse();
    }

    /**
     * What lets a page that changed something and read everything right after skip its own event
     * ({@code LiveRefresh.covered}): a delivery says the {@link PublishClock} number of its batch, which is never
     * below the number of any event in it: an event announcing a commit is numbered above the clock read before
     * that commit (a batch may also hold later events, so its number may be higher, never lower). Deliveries
     * outside the bus have no number.
     */
    @Test
    void deliveries_are_numbered_after_the_change_they_announce() {
        var numbers = new java.util.concurrent.ConcurrentHashMap<CollabEvent, Long>();
        var clockWhenDelivered = new java.util.concurrent.ConcurrentHashMap<CollabEvent, Long>();
        Recorder events = new Recorder();
        subscriptions.add(as(editor, () -> collab.subscribe(project, batch -> {
            long number = PublishClock.ofDelivery();
            long now = PublishClock.now();
            batch.forEach(e -> {
                numbers.put(e, number);
                clockWhenDelivered.put(e, now);
            });
            deliver(events, batch);
        })));
        long before = PublishClock.now();
        int start = TEXT.indexOf("Aleppo");
        var marked = as(editor, () -> annotations.annotate(project, source, start, start + "Aleppo".length(), "Aleppo",
                AnnotationType.CLAIM, new LinkChoice.None()));
        long after = PublishClock.now();
        CollabEvent fence = fence();

        CollabEvent drafted = events.until(e -> e.kind() == CollabEvent.Kind.DRAFT_CHANGED).getLast();
        assertThat(drafted.changesetId()).isEqualTo(marked.changesetId());
        assertThat(numbers.get(drafted)).isGreaterThan(before).isLessThanOrEqualTo(clockWhenDelivered.get(drafted));
        events.until(fence);
        assertThat(numbers.get(fence)).isGreaterThan(after).isLessThanOrEqualTo(clockWhenDelivered.get(fence));
        assertThat(PublishClock.ofDelivery()).isEqualTo(PublishClock.UNKNOWN);
    }

    @Test
    void nothing_is_announced_before_the_transaction_commits() {
        Recorder events = watch();
        var inTransaction = new TransactionTemplate(transactions);
        UUID changeset = inTransaction.execute(status -> {
            UUID proposed = proposeEntity("Hama", true);
            // Still inside the transaction: a fence sent now arrives with nothing before it.
            CollabEvent fence = fence();
            assertThat(events.until(fence)).containsExactly(fence);
            return proposed;
        });
        CollabEvent submitted = events.next();
        assertThat(submitted.kind()).isEqualTo(CollabEvent.Kind.SUBMITTED);
        assertThat(submitted.changesetId()).isEqualTo(changeset);
        assertThat(submitted.records()).hasSize(1).allMatch(r -> r.kind().equals(EntityRecordType.KIND));
    }

    @Test
    void a_change_that_rolls_back_is_never_announced() {
        Recorder events = watch();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            proposeEntity("Homs", true);
            status.setRollbackOnly();
        });
        CollabEvent fence = fence();
        assertThat(events.until(fence)).containsExactly(fence);
    }

    @Test
    void each_member_hears_only_what_their_role_may_see() {
        Recorder asViewer = watchAs(viewer);
        Recorder asOtherEditor = watchAs(otherEditor);
        Recorder asAuthor = watchAs(editor);

        UUID draft = proposeEntity("Idlib", false);
        UUID submitted = proposeEntity("Daraa", true);
        as(reviewer, () -> review.approve(submitted, null));
        CollabEvent fence = fence();

        // The author hears about their own draft and that they were notified of the decision; other
        // editors only about submissions and decisions; a viewer only about vetted data.
        assertThat(asAuthor.until(fence)).extracting(CollabEvent::kind, CollabEvent::changesetId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(CollabEvent.Kind.DRAFT_CHANGED, draft),
                        org.assertj.core.groups.Tuple.tuple(CollabEvent.Kind.SUBMITTED, submitted),
                        org.assertj.core.groups.Tuple.tuple(CollabEvent.Kind.APPROVED, submitted),
                        org.assertj.core.groups.Tuple.tuple(CollabEvent.Kind.NOTIFIED, null),
                        org.assertj.core.groups.Tuple.tuple(CollabEvent.Kind.APPROVED, fence.changesetId()));
        assertThat(asOtherEditor.until(fence)).extracting(CollabEvent::kind).containsExactly(
                CollabEvent.Kind.SUBMITTED, CollabEvent.Kind.APPROVED, CollabEvent.Kind.APPROVED);
        assertThat(asViewer.until(fence)).extracting(CollabEvent::changesetId).containsExactly(submitted,
                fence.changesetId());
    }

    @Test
    void outsiders_cannot_subscribe_and_a_removed_member_hears_nothing_more() {
        AnnalsPrincipal outsider = fixtures.newUser("outsider");
        assertThatThrownBy(() -> as(outsider, () -> collab.subscribe(project, batch -> { })))
                .isInstanceOf(NotFoundException.class);

        int before = bus.subscriptionCount(project);
        Recorder removed = watchAs(otherEditor);
        assertThat(bus.subscriptionCount(project)).isEqualTo(before + 1);
        as(fixtures.admin(), () -> projects.removeMember(project, otherEditor.userId()));
        proposeEntity("Latakia", true);
        // The next delivery finds them no longer a member: it delivers nothing and ends their subscription.
        await().atMost(Duration.ofSeconds(20)).until(() -> bus.subscriptionCount(project) == before);
        assertThat(removed.drain()).isEmpty();
    }

    @Test
    void members_see_who_has_a_source_open_until_the_page_closes() {
        Recorder events = watch();
        Subscription page = as(otherEditor, () -> presence.enter(project, source));
        CollabEvent came = events.next();
        assertThat(came).isEqualTo(new CollabEvent(project, CollabEvent.Kind.PRESENCE, null, java.util.Set.of(),
                java.util.Set.of(source), otherEditor.userId(), false));
        assertThat(came.changesPresenceIn(source)).isTrue();
        assertThat(came.changesRecords()).isFalse();
        assertThat(came.concernsReviewQueue()).isFalse();

        // Any member sees it, with the name; a second page of the same person counts once.
        Subscription secondTab = as(otherEditor, () -> presence.enter(project, source));
        events.next();
        assertThat(as(viewer, () -> presence.present(project, source)))
                .containsExactly(new PresenceService.Viewer(otherEditor.userId(), otherEditor.displayName()));
        assertThat(as(viewer, () -> presence.present(project, UUID.randomUUID()))).isEmpty();

        page.close();
        page.close();
        secondTab.close();
        // Each of the two pages' closing is announced. Through PostgreSQL the two announcements may arrive as one:
        // they are the same words, and when the bus sends them in one transaction (a busy node batches what
        // waits), PostgreSQL delivers identical notifications of a transaction once. One is all a page needs to
        // load who is there again.
        assertThat(events.next().kind()).isEqualTo(CollabEvent.Kind.PRESENCE);
        assertThat(as(viewer, () -> presence.present(project, source))).isEmpty();
        // Closing twice announced nothing more: at most the second page's announcement before the fence.
        CollabEvent fence = fence();
        assertThat(events.until(fence)).endsWith(fence).hasSizeLessThanOrEqualTo(2)
                .allMatch(e -> e.equals(fence) || e.kind() == CollabEvent.Kind.PRESENCE);
    }

    @Test
    void outsiders_neither_appear_nor_see_who_is_there() {
        AnnalsPrincipal outsider = fixtures.newUser("outsider");
        assertThatThrownBy(() -> as(outsider, () -> presence.enter(project, source)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(outsider, () -> presence.present(project, source)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void pages_of_a_node_that_stopped_age_out_and_this_nodes_open_pages_do_not() {
        Recorder events = watch();
        Subscription mine = as(editor, () -> presence.enter(project, source));
        assertThat(events.next().actorId()).isEqualTo(editor.userId());
        // A row that another node wrote and stopped refreshing two minutes ago. (Whichever sweep removes
        // it, this node's heartbeat or the one called below, announces it.)
        var now = java.time.Instant.now();
        presenceRows.save(new Presence(UUID.randomUUID(), project, source, reviewer.userId(),
                now.minus(java.time.Duration.ofMinutes(2))));
        assertThat(as(viewer, () -> presence.present(project, source))).extracting(PresenceService.Viewer::userId)
                .containsExactly(editor.userId());

        keeper.sweep(now.plus(PresenceKeeper.TIMEOUT).plusSeconds(1));
        CollabEvent gone = events.next();
        assertThat(gone.kind()).isEqualTo(CollabEvent.Kind.PRESENCE);
        assertThat(gone.actorId()).isEqualTo(reviewer.userId());
        // The stale row is gone; this node's open page stays, however old its last heartbeat looks.
        assertThat(presenceRows.findAll()).filteredOn(p -> p.getProjectId().equals(project))
                .extracting(Presence::getUserId).containsExactly(editor.userId());
        mine.close();
    }

    @Test
    void a_shared_selection_is_seen_by_the_members_and_goes_when_cleared_or_when_the_page_closes() {
        Recorder events = watch();
        PresenceService.OpenPage page = as(otherEditor, () -> presence.enter(project, source));
        events.next();
        assertThat(as(viewer, () -> presence.selections(project, source))).isEmpty();

        as(otherEditor, () -> presence.select(page, 22, 30));
        CollabEvent selected = events.next();
        assertThat(selected).isEqualTo(new CollabEvent(project, CollabEvent.Kind.PRESENCE, null, java.util.Set.of(),
                java.util.Set.of(source), otherEditor.userId(), false));
        assertThat(as(viewer, () -> presence.selections(project, source))).containsExactly(
                new PresenceService.Selection(otherEditor.userId(), otherEditor.displayName(), 22, 30));
        // Offsets only: the row holds no text.
        assertThat(presenceRows.findById(page.id())).get().satisfies(row -> {
            assertThat(row.getSelectionStart()).isEqualTo(22);
            assertThat(row.getSelectionEnd()).isEqualTo(30);
        });

        // The same selection again is not announced again.
        as(otherEditor, () -> presence.select(page, 22, 30));
        CollabEvent fence = fence();
        assertThat(events.until(fence)).containsExactly(fence);

        // Each open page has its own; another context shows none of them.
        PresenceService.OpenPage editorsPage = as(editor, () -> presence.enter(project, source));
        as(editor, () -> presence.select(editorsPage, 0, 5));
        assertThat(as(viewer, () -> presence.selections(project, source)))
                .extracting(PresenceService.Selection::userId, PresenceService.Selection::start)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(otherEditor.userId(), 22),
                        org.assertj.core.groups.Tuple.tuple(editor.userId(), 0));
        assertThat(as(viewer, () -> presence.selections(project, UUID.randomUUID()))).isEmpty();

        as(otherEditor, () -> presence.clearSelection(page));
        assertThat(as(viewer, () -> presence.selections(project, source)))
                .extracting(PresenceService.Selection::userId).containsExactly(editor.userId());
        editorsPage.close();
        assertThat(as(viewer, () -> presence.selections(project, source))).isEmpty();
        // Second page opened and selected, first cleared, second closed: each announced (at most once: sent
        // together, PostgreSQL's NOTIFY folds identical events into one, which is all a page needs to reload).
        fence = fence();
        assertThat(events.until(fence)).hasSizeBetween(3, 5).extracting(CollabEvent::actorId)
                .containsOnly(editor.userId(), otherEditor.userId(), null).endsWith((UUID) null);
        page.close();
    }

    @Test
    void a_selection_must_be_a_range_shared_by_its_own_page_of_a_member() {
        PresenceService.OpenPage page = as(otherEditor, () -> presence.enter(project, source));
        for (int[] bad : new int[][] {{-1, 3}, {5, 5}, {6, 2}}) {
            assertThatThrownBy(() -> as(otherEditor, () -> presence.select(page, bad[0], bad[1])))
                    .isInstanceOf(org.annals.base.InvalidInputException.class)
                    .hasMessageContaining("start at 0 or later and end after its start");
        }
        // Someone else cannot share through another person's page.
        assertThatThrownBy(() -> as(editor, () -> presence.select(page, 1, 2)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> as(editor, () -> presence.clearSelection(page)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(as(viewer, () -> presence.selections(project, source))).isEmpty();
        // Outsiders learn nothing.
        AnnalsPrincipal outsider = fixtures.newUser("outsider");
        assertThatThrownBy(() -> as(outsider, () -> presence.selections(project, source)))
                .isInstanceOf(NotFoundException.class);
        // A person removed from the project shares nothing more.
        as(fixtures.admin(), () -> projects.removeMember(project, otherEditor.userId()));
        assertThatThrownBy(() -> as(otherEditor, () -> presence.select(page, 1, 2)))
                .isInstanceOf(NotFoundException.class);
        // A closed page shares nothing.
        page.close();
        assertThatThrownBy(() -> as(otherEditor, () -> presence.select(page, 1, 2)))
                .isInstanceOf(NotFoundException.class);
        assertThat(as(viewer, () -> presence.selections(project, source))).isEmpty();
    }
}
