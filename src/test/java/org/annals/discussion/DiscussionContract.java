package org.annals.discussion;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.annals.annotation.AnnotationRecordType;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.collab.CollabEvent;
import org.annals.collab.CollabService;
import org.annals.collab.Subscription;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.notification.Notification;
import org.annals.notification.NotificationService;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.ChangesetService;
import org.annals.review.RecordRef;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Threads on records and changesets, mentions and the activity feed, through the real services on a
 * real database: what is stored (exactly what was typed, or nothing at all), who is told (members
 * who may read the thread, and nobody else, without the writer learning which), and who sees which
 * line of the feed.
 */
abstract class DiscussionContract {

    static final String TEXT = "Hay'at Tahrir al-Sham fighters entered the city of Aleppo on 30 November.";

    @Autowired
    DiscussionService discussion;
    @Autowired
    ActivityService activity;
    @Autowired
    NotificationService notifications;
    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    EventService events;
    @Autowired
    EntityService entities;
    @Autowired
    AnnotationService annotations;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ProjectService projects;
    @Autowired
    CollabService collab;
    @Autowired
    Fixtures fixtures;

    UUID project;
    UUID source;
    AnnalsPrincipal manager;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal viewer;
    AnnalsPrincipal stranger;
    RecordRef event;
    private final List<Subscription> subscriptions = new ArrayList<>();

    @BeforeEach
    void projectWithATeamAVettedEventAndASource() {
        project = fixtures.newProject(fixtures.admin());
        manager = member("manager", ProjectRole.MANAGER);
        editor = member("editor", ProjectRole.EDITOR);
        reviewer = member("reviewer", ProjectRole.REVIEWER);
        viewer = member("viewer", ProjectRole.VIEWER);
        stranger = fixtures.newUser("stranger");
        source = fixtures.newSource(project, editor, "Offensive report", TEXT);
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var proposal = as(editor, () -> events.proposeCreate(project,
                EventPayload.of("Fall of Aleppo", PartialDate.parse("2024-11-30"), battles), "Add the fall of Aleppo", true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        event = new RecordRef(EventRecordType.KIND, proposal.eventId());
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

    /** The person's notifications of mentions (decisions on their own changesets are told too). */
    private List<Notification> notificationsOf(AnnalsPrincipal who) {
        return as(who, () -> notifications.mine(100)).stream().filter(n -> n.getMessage().contains("mentioned you"))
                .toList();
    }

    private UUID pendingEntity(String name) {
        return as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, name), "Add " + name,
                true)).changesetId();
    }

    @Test
    void every_member_may_comment_on_a_record_and_the_thread_keeps_it_exactly_as_typed() {
        String markup = "<script>alert('x')</script> <b>bold</b> & \"quotes\"\nsecond line";
        as(viewer, () -> discussion.comment(project, event, markup));
        as(editor, () -> discussion.comment(project, event, "  Agreed.  "));

        var thread = as(manager, () -> discussion.thread(project, event));
        assertThat(thread).extracting(ThreadComment::body).containsExactly(markup, "Agreed.");
        assertThat(thread.getFirst().author()).isEqualTo(viewer.getUsername());
        // Another record's thread is another thread.
        UUID entity = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Aleppo"),
                "Add Aleppo", true)).entityId();
        assertThat(as(viewer, () -> discussion.thread(project, new RecordRef(EntityRecordType.KIND, entity)))).isEmpty();
    }

    @Test
    void annotations_have_threads_too_linked_to_the_annotation_in_its_source() {
        int start = TEXT.indexOf("Aleppo");
        var marked = as(editor, () -> annotations.annotate(project, source, start, start + 6, "Aleppo",
                AnnotationType.CLAIM, new LinkChoice.None()));
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Aleppo"));
        as(reviewer, () -> review.approve(marked.changesetId(), null));
        var annotation = new RecordRef(AnnotationRecordType.KIND, marked.annotationId());

        as(reviewer, () -> discussion.comment(project, annotation, "Which Aleppo? @" + editor.getUsername()));

        assertThat(as(viewer, () -> discussion.thread(project, annotation))).hasSize(1);
        assertThat(notificationsOf(editor)).singleElement().satisfies(n -> assertThat(n.getLink())
                .isEqualTo(ProjectRoutes.sourcePath(project, source) + "?annotation=" + marked.annotationId()));
    }

    @Test
    void a_mention_of_a_member_notifies_them_with_a_link_to_the_thread() {
        as(editor, () -> discussion.comment(project, event, "@" + viewer.getUsername() + ", can you check the date?"));

        assertThat(notificationsOf(viewer)).singleElement().satisfies(n -> {
            assertThat(n.getMessage()).contains(editor.getUsername()).contains("mentioned you").contains("Fall of Aleppo");
            assertThat(n.getLink()).isEqualTo(ProjectRoutes.eventPath(project, event.id()));
        });
        assertThat(as(viewer, () -> notifications.unread())).isEqualTo(1);
        as(viewer, () -> notifications.markAllRead());
        assertThat(as(viewer, () -> notifications.unread())).isZero();
        // The writer is not told about their own mention, and nobody else is told at all.
        assertThat(notificationsOf(editor)).isEmpty();
        assertThat(notificationsOf(reviewer)).isEmpty();
    }

    @Test
    void a_mention_at_the_end_of_a_sentence_or_in_capitals_still_names_the_member() {
        as(editor, () -> discussion.comment(project, event, "Thanks, @" + viewer.getUsername().toUpperCase() + ". And @"
                + reviewer.getUsername() + "."));

        assertThat(notificationsOf(viewer)).hasSize(1);
        assertThat(notificationsOf(reviewer)).hasSize(1);
        // An e-mail address is not a mention.
        as(editor, () -> discussion.comment(project, event, "Write to someone@" + manager.getUsername()));
        assertThat(notificationsOf(manager)).isEmpty();
    }

    @Test
    void a_mention_of_a_non_member_notifies_nobody_and_answers_exactly_as_for_a_member() {
        AnnalsPrincipal former = member("former", ProjectRole.EDITOR);
        as(manager, () -> projects.removeMember(project, former.userId()));

        UUID toStranger = as(editor, () -> discussion.comment(project, event, "@" + stranger.getUsername() + " look"));
        UUID toFormer = as(editor, () -> discussion.comment(project, event, "@" + former.getUsername() + " look"));
        UUID toNobody = as(editor, () -> discussion.comment(project, event, "@no-such-person-here look"));
        UUID toMember = as(editor, () -> discussion.comment(project, event, "@" + viewer.getUsername() + " look"));

        assertThat(notificationsOf(stranger)).isEmpty();
        assertThat(notificationsOf(former)).isEmpty();
        assertThat(notificationsOf(viewer)).hasSize(1);
        // Every call answered the same way (a new comment's id), so the writer cannot tell who exists or belongs.
        assertThat(List.of(toStranger, toFormer, toNobody, toMember)).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(as(editor, () -> discussion.thread(project, event))).hasSize(4);
        // And completion never offers them.
        assertThat(as(manager, () -> discussion.mentionable(project, "", 50))).extracting(Mentionable::username)
                .doesNotContain(stranger.getUsername(), former.getUsername());
    }

    @Test
    void a_changeset_thread_tells_only_members_who_may_read_changesets() {
        UUID pending = pendingEntity("Idlib");

        as(reviewer, () -> changesets.comment(pending, "@" + editor.getUsername() + " @" + viewer.getUsername()
                + " @" + stranger.getUsername() + " source?"));

        // The author is linked to their own changes, others to the review page; a viewer cannot open changesets.
        assertThat(notificationsOf(editor)).singleElement().satisfies(n -> assertThat(n.getLink())
                .isEqualTo(ProjectRoutes.path(project) + "/changes?changeset=" + pending));
        assertThat(notificationsOf(viewer)).isEmpty();
        assertThat(notificationsOf(stranger)).isEmpty();
        assertThat(as(editor, () -> changesets.discussion(pending))).singleElement()
                .satisfies(c -> assertThat(c.author()).isEqualTo(reviewer.getUsername()));
        assertThatThrownBy(() -> as(viewer, () -> changesets.discussion(pending))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_comment_of_a_megabyte_is_refused_with_a_clear_message_and_nothing_is_stored() {
        String megabyte = "x".repeat(1024 * 1024);
        long linesBefore = as(editor, () -> activity.count(project));
        UUID pending = pendingEntity("Homs");

        assertThatThrownBy(() -> as(editor, () -> discussion.comment(project, event, megabyte + " @" + viewer.getUsername())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 10000 characters");
        assertThatThrownBy(() -> as(editor, () -> changesets.comment(pending, megabyte)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 10000 characters");

        assertThat(as(editor, () -> discussion.thread(project, event))).isEmpty();
        assertThat(as(editor, () -> changesets.discussion(pending))).isEmpty();
        assertThat(notificationsOf(viewer)).isEmpty();
        // The only new line is the proposal made here, none for the refused comments.
        assertThat(as(editor, () -> activity.count(project))).isEqualTo(linesBefore + 1);
        // Exactly the limit is fine.
        as(editor, () -> discussion.comment(project, event, "y".repeat(DiscussionService.BODY_MAX_LENGTH)));
        assertThat(as(editor, () -> discussion.thread(project, event))).hasSize(1);
    }

    @Test
    void empty_blank_and_unstorable_comments_are_refused() {
        for (String bad : List.of("", "   \n\t ")) {
            assertThatThrownBy(() -> as(editor, () -> discussion.comment(project, event, bad)))
                    .isInstanceOf(InvalidInputException.class).hasMessage("Write a comment first.");
        }
        assertThatThrownBy(() -> as(editor, () -> discussion.comment(project, event, "nul\u0000here")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("NUL");
        assertThat(as(editor, () -> discussion.thread(project, event))).isEmpty();
    }

    @Test
    void threads_are_for_members_and_for_records_of_the_project() {
        assertThatThrownBy(() -> as(stranger, () -> discussion.comment(project, event, "Hello")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> discussion.thread(project, event)))
                .isInstanceOf(NotFoundException.class);
        // A record that does not exist (or is only proposed) has no thread yet.
        assertThatThrownBy(() -> as(editor, () -> discussion.comment(project,
                new RecordRef(EventRecordType.KIND, UUID.randomUUID()), "Hello"))).isInstanceOf(NotFoundException.class);
        // A record of another project is not found through this one.
        UUID other = fixtures.newProject(fixtures.admin());
        fixtures.addMember(other, editor, ProjectRole.EDITOR);
        assertThatThrownBy(() -> as(editor, () -> discussion.comment(other, event, "Hello")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(editor, () -> discussion.comment(project, new RecordRef("NO_SUCH_KIND", event.id()),
                "Hello"))).isInstanceOf(InvalidInputException.class);
        assertThat(as(editor, () -> discussion.thread(project, event))).isEmpty();
    }

    @Test
    void the_feed_tells_who_did_what_newest_first_and_shows_viewers_only_what_is_vetted() {
        UUID approved = pendingEntity("Hama");
        as(reviewer, () -> review.approve(approved, null));
        UUID rejected = pendingEntity("Daraa");
        as(reviewer, () -> review.reject(rejected, "No source"));
        UUID withdrawn = pendingEntity("Raqqa");
        as(editor, () -> changesets.withdraw(withdrawn));
        as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Draft place"), "A draft",
                false));
        as(reviewer, () -> changesets.comment(approved, "Looks right"));
        as(viewer, () -> discussion.comment(project, event, "The date is wrong"));

        var editorsFeed = as(editor, () -> activity.feed(project, 0, 50));
        assertThat(editorsFeed).extracting(ActivityItem::kind).containsExactly(ActivityKind.COMMENTED,
                ActivityKind.COMMENTED, ActivityKind.WITHDRAWN, ActivityKind.PROPOSED, ActivityKind.REJECTED,
                ActivityKind.PROPOSED, ActivityKind.APPROVED, ActivityKind.PROPOSED,
                // the event of the set-up, and the source imported first
                ActivityKind.APPROVED, ActivityKind.PROPOSED, ActivityKind.IMPORTED);
        assertThat(editorsFeed.getFirst()).satisfies(line -> {
            assertThat(line.actor()).isEqualTo(viewer.getUsername());
            assertThat(line.label()).contains("Fall of Aleppo");
            assertThat(line.record()).isEqualTo(event);
        });
        assertThat(editorsFeed.get(1)).satisfies(line -> {
            assertThat(line.actor()).isEqualTo(reviewer.getUsername());
            assertThat(line.changesetId()).isEqualTo(approved);
            assertThat(line.label()).isEqualTo("Add Hama");
        });
        assertThat(editorsFeed.getLast()).satisfies(line -> {
            assertThat(line.label()).isEqualTo("Offensive report");
            assertThat(line.sourceId()).isEqualTo(source);
        });
        // Drafts are nobody's business but their author's.
        assertThat(editorsFeed).extracting(ActivityItem::label).doesNotContain("A draft");

        var viewersFeed = as(viewer, () -> activity.feed(project, 0, 50));
        assertThat(viewersFeed).extracting(ActivityItem::kind).containsExactly(ActivityKind.COMMENTED,
                ActivityKind.APPROVED, ActivityKind.APPROVED, ActivityKind.IMPORTED);
        assertThat(viewersFeed).extracting(ActivityItem::label).doesNotContain("Add Daraa", "Add Raqqa", "Looks right");
        assertThat(viewersFeed).extracting(ActivityItem::changesetId).containsOnlyNulls();
        assertThat(as(viewer, () -> activity.count(project))).isEqualTo(4);
        assertThat(as(editor, () -> activity.count(project))).isEqualTo(11);

        // Page by page, without gaps or repeats.
        var pages = new ArrayList<ActivityItem>();
        for (int page = 0; page < 4; page++) {
            int p = page;
            pages.addAll(as(editor, () -> activity.feed(project, p, 3)));
        }
        assertThat(pages).isEqualTo(editorsFeed);
        assertThatThrownBy(() -> as(stranger, () -> activity.feed(project, 0, 10))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void completion_offers_managers_every_member_and_others_the_people_they_see_in_the_feed() {
        AnnalsPrincipal quiet = member("quiet", ProjectRole.EDITOR);
        UUID pending = pendingEntity("Deir ez-Zor");
        as(reviewer, () -> changesets.comment(pending, "Source?"));

        assertThat(as(manager, () -> discussion.mentionable(project, "", 50))).extracting(Mentionable::username)
                .contains(editor.getUsername(), reviewer.getUsername(), viewer.getUsername(), quiet.getUsername(),
                        manager.getUsername());
        // The editor sees the editor (import, proposals) and the reviewer (approval, changeset comment) in the feed,
        // but nobody who has done nothing yet: the members list is for managers.
        assertThat(as(editor, () -> discussion.mentionable(project, "", 50))).extracting(Mentionable::username)
                .contains(editor.getUsername(), reviewer.getUsername())
                .doesNotContain(quiet.getUsername(), viewer.getUsername(), stranger.getUsername());
        // Completion narrows by the start of the user name.
        assertThat(as(editor, () -> discussion.mentionable(project, "@" + reviewer.getUsername().substring(0, 6), 50)))
                .extracting(Mentionable::username).containsExactly(reviewer.getUsername());
        assertThatThrownBy(() -> as(stranger, () -> discussion.mentionable(project, "", 5)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_comment_is_announced_after_commit_to_the_members_who_may_read_the_thread() {
        BlockingQueue<CollabEvent> viewersPage = watchAs(viewer);
        BlockingQueue<CollabEvent> editorsPage = watchAs(editor);
        UUID pending = pendingEntity("Latakia");

        as(reviewer, () -> changesets.comment(pending, "Which one?"));
        as(editor, () -> discussion.comment(project, event, "On the record"));

        CollabEvent onChangeset = next(editorsPage, e -> e.kind() == CollabEvent.Kind.COMMENTED);
        assertThat(onChangeset.changesetId()).isEqualTo(pending);
        assertThat(onChangeset.records()).isEmpty();
        assertThat(onChangeset.actorId()).isEqualTo(reviewer.userId());
        CollabEvent onRecord = next(editorsPage, e -> e.kind() == CollabEvent.Kind.COMMENTED);
        assertThat(onRecord.records()).containsExactly(event);
        assertThat(onRecord.concernsThreadOf(event)).isTrue();
        assertThat(onRecord.changesRecords()).isFalse();

        // The viewer's page hears of the record's thread, never of the changeset's (published before it).
        CollabEvent first = next(viewersPage, e -> e.kind() == CollabEvent.Kind.COMMENTED);
        assertThat(first).isEqualTo(onRecord);
    }

    private BlockingQueue<CollabEvent> watchAs(AnnalsPrincipal who) {
        BlockingQueue<CollabEvent> received = new LinkedBlockingQueue<>();
        subscriptions.add(as(who, () -> collab.subscribe(project, received::addAll)));
        return received;
    }

    private static CollabEvent next(BlockingQueue<CollabEvent> queue, Predicate<CollabEvent> wanted) {
        try {
            while (true) {
                // Generous: a loaded machine may be slow; a broken relay never delivers.
                CollabEvent event = queue.poll(60, TimeUnit.SECONDS);
                if (event == null) {
                    return fail("No matching live event arrived");
                }
                if (wanted.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
