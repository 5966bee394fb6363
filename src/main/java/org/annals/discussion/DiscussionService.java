package org.annals.discussion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.annals.account.UserDirectory;
import org.annals.account.UserSummary;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.project.MemberSummary;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.review.ChangesetComment;
import org.annals.review.RecordRef;
import org.annals.review.RecordType;
import org.annals.review.RecordTypes;
import org.annals.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Threads on the records of a project (events, entities, annotations): every member reads them and
 * every member may add to them, viewers included. A comment changes no data and is never exported;
 * the people who read the vetted timeline are often the ones who notice that something in it is wrong,
 * and the thread is where they say so (and {@code @name} an editor). Threads on changesets are in
 * {@code ChangesetService}, for editors and above like changesets themselves.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class DiscussionService {

    /** The most a comment may say (the same as a changeset's comment). */
    public static final int BODY_MAX_LENGTH = ChangesetComment.BODY_MAX_LENGTH;
    /**
     * A mention: a user name (see AppUser.USERNAME_PATTERN, group 1) after an {@code @} that does not
     * continue a word or an address. Threads mark exactly what notifies.
     */
    public static final java.util.regex.Pattern MENTION = java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\p{N}._@-])@([A-Za-z0-9][A-Za-z0-9._-]{2,31})(?![A-Za-z0-9._-])");

    private final ProjectAccess access;
    private final RecordCommentRepository comments;
    private final ProjectActivityRepository activities;
    private final ActivityRecorder recorder;
    private final Mentions mentions;
    private final RecordTypes types;
    private final UserDirectory users;
    private final ProjectService projects;
    private final ApplicationEventPublisher events;

    DiscussionService(ProjectAccess access, RecordCommentRepository comments, ProjectActivityRepository activities,
            ActivityRecorder recorder, Mentions mentions, RecordTypes types, UserDirectory users,
            ProjectService projects, ApplicationEventPublisher events) {
        this.access = access;
        this.comments = comments;
        this.activities = activities;
        this.recorder = recorder;
        this.mentions = mentions;
        this.types = types;
        this.users = users;
        this.projects = projects;
        this.events = events;
    }

    /** The record's thread, oldest first. */
    @Transactional(readOnly = true)
    public List<ThreadComment> thread(UUID projectId, RecordRef record) {
        access.require(projectId, ProjectRole.VIEWER);
        Map<UUID, String> names = new HashMap<>();
        return comments.findByProjectIdAndRecordKindAndRecordIdOrderByCreatedAtAscIdAsc(projectId, record.kind(),
                        record.id()).stream()
                .map(c -> new ThreadComment(names.computeIfAbsent(c.getAuthorId(), this::name), c.getBody(),
                        c.getCreatedAt()))
                .toList();
    }

    /**
     * Adds to the thread of a vetted record of the project. Members it mentions ({@code @username})
     * are notified; whoever else it names is not, and the answer is the same either way.
     */
    public UUID comment(UUID projectId, RecordRef record, String body) {
        access.require(projectId, ProjectRole.VIEWER);
        String text = validBody(body);
        Target target = target(types.get(record.kind()), projectId, record.id())
                .orElseThrow(() -> new NotFoundException(types.get(record.kind()).displayName()));
        UUID me = CurrentUser.require().userId();
        Instant now = Instant.now();
        RecordComment comment = comments.save(new RecordComment(projectId, record.kind(), record.id(), me, text, now));
        recorder.record(new ProjectActivity(projectId, now, me, ActivityKind.COMMENTED, false, target.label(), null,
                record.kind(), record.id(), target.context()));
        mentions.notifyMentioned(projectId, text, me, ProjectRole.VIEWER, target.label(),
                user -> ThreadLinks.record(projectId, record, target.context()));
        events.publishEvent(new CommentPosted(projectId, record, target.context(), null, me, comment.getId()));
        return comment.getId();
    }

    /**
     * Members the caller may mention whose user or display name starts with (or, for display names,
     * contains) the text. Only people the caller can already see: everyone for managers (who see the
     * members list); for others the members who appear in the activity feed they read.
     */
    @Transactional(readOnly = true)
    public List<Mentionable> mentionable(UUID projectId, String text, int limit) {
        ProjectRole role = access.require(projectId, ProjectRole.VIEWER);
        String needle = text.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
        var found = new ArrayList<Mentionable>();
        if (role.includes(ProjectRole.MANAGER)) {
            for (MemberSummary member : projects.members(projectId)) {
                if (member.enabled()) {
                    found.add(new Mentionable(member.username(), member.displayName()));
                }
            }
        } else {
            Collection<UUID> seen = activities.actors(projectId, role.includes(ProjectRole.EDITOR));
            for (UUID userId : seen) {
                if (access.memberRole(projectId, userId).isPresent()) {
                    users.find(userId).filter(UserSummary::enabled)
                            .ifPresent(u -> found.add(new Mentionable(u.username(), u.displayName())));
                }
            }
        }
        return found.stream()
                .filter(m -> m.username().startsWith(needle)
                        || m.displayName().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(Mentionable::username))
                .limit(Math.clamp(limit, 1, 50))
                .toList();
    }

    /** What a comment must be: some text, at most {@link #BODY_MAX_LENGTH} characters, storable. */
    static String validBody(String body) {
        String text = body.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("Write a comment first.");
        }
        if (text.length() > BODY_MAX_LENGTH) {
            throw new InvalidInputException("A comment has at most " + BODY_MAX_LENGTH + " characters; this one has "
                    + text.length() + ". Shorten it or split it.");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidInputException("The comment contains a character that cannot be stored (NUL).");
        }
        return text;
    }

    private record Target(String label, @Nullable UUID context) {
    }

    private static <P> Optional<Target> target(RecordType<P> type, UUID projectId, UUID recordId) {
        return type.current(projectId, recordId)
                .map(current -> new Target(type.label(current.payload()), type.context(current.payload())));
    }

    private String name(UUID userId) {
        return users.find(userId).map(UserSummary::label).orElse("a removed user");
    }
}
