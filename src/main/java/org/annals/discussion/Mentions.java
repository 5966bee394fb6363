package org.annals.discussion;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import org.annals.account.UserDirectory;
import org.annals.account.UserSummary;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Finds {@code @username} mentions in a comment and tells the members it names who may read the
 * thread ({@link Mentioned}, in the comment's transaction). Anyone else named (a stranger, a former
 * member, a viewer named in a changeset's thread, a name nobody has) is ignored without a trace, and
 * the caller learns nothing either way: membership cannot be probed by mentioning.
 */
@Component
class Mentions {

    /** More than this many people in one comment is a broadcast, not a mention: the rest are ignored. */
    static final int MAX_PER_COMMENT = 20;

    private final UserDirectory users;
    private final ProjectAccess access;
    private final ApplicationEventPublisher events;

    Mentions(UserDirectory users, ProjectAccess access, ApplicationEventPublisher events) {
        this.users = users;
        this.access = access;
        this.events = events;
    }

    /** The names mentioned, lower case, each once, in order, at most {@link #MAX_PER_COMMENT}. */
    static Set<String> handles(String body) {
        var handles = new LinkedHashSet<String>();
        Matcher matcher = DiscussionService.MENTION.matcher(body);
        while (matcher.find() && handles.size() < MAX_PER_COMMENT) {
            handles.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return handles;
    }

    /**
     * Tells every member mentioned whose role is at least {@code readers} (who may read the thread),
     * except the author. {@code link} gives the thread's address for each person told.
     */
    void notifyMentioned(UUID projectId, String body, UUID authorId, ProjectRole readers, String threadLabel,
            Function<UUID, String> link) {
        Set<String> handles = handles(body);
        if (handles.isEmpty()) {
            return;
        }
        String author = users.find(authorId).map(UserSummary::label).orElse("Someone");
        var told = new LinkedHashSet<UUID>();
        for (String handle : handles) {
            resolve(handle)
                    .filter(user -> !user.id().equals(authorId))
                    .filter(user -> access.memberRole(projectId, user.id()).filter(r -> r.includes(readers)).isPresent())
                    .filter(user -> told.add(user.id()))
                    .ifPresent(user -> events.publishEvent(new Mentioned(projectId, user.id(), author, threadLabel,
                            link.apply(user.id()))));
        }
    }

    /** "@alice." at the end of a sentence means alice: trailing dots, dashes and underscores are tried off. */
    private Optional<UserSummary> resolve(String handle) {
        Optional<UserSummary> user = users.findEnabled(handle);
        String trimmed = handle.replaceAll("[._-]+$", "");
        if (user.isEmpty() && !trimmed.equals(handle) && trimmed.length() >= 3) {
            user = users.findEnabled(trimmed);
        }
        return user;
    }
}
