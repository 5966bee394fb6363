package org.annals.discussion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.account.UserDirectory;
import org.annals.account.UserSummary;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.review.RecordRef;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project's activity feed, newest first. Every member reads it; viewers see what is vetted
 * (approvals, comments on records, imports) and never proposals, refusals, withdrawals or changeset
 * discussions, exactly as with live updates.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ActivityService {

    public static final int MAX_PAGE_SIZE = 200;

    private final ProjectAccess access;
    private final ProjectActivityRepository activities;
    private final UserDirectory users;

    ActivityService(ProjectAccess access, ProjectActivityRepository activities, UserDirectory users) {
        this.access = access;
        this.activities = activities;
        this.users = users;
    }

    public List<ActivityItem> feed(UUID projectId, int page, int pageSize) {
        boolean editor = access.require(projectId, ProjectRole.VIEWER).includes(ProjectRole.EDITOR);
        Map<UUID, String> names = new HashMap<>();
        return activities.feed(projectId, editor, PageRequest.of(Math.max(0, page), Math.clamp(pageSize, 1,
                        MAX_PAGE_SIZE))).stream()
                .map(a -> new ActivityItem(a.getId(), a.getOccurredAt(),
                        names.computeIfAbsent(a.getActorId(), this::name), a.getKind(), a.getLabel(),
                        editor ? a.getChangesetId() : null,
                        a.getRecordKind() == null || a.getRecordId() == null ? null
                                : new RecordRef(a.getRecordKind(), a.getRecordId()),
                        a.getContextId()))
                .toList();
    }

    public long count(UUID projectId) {
        boolean editor = access.require(projectId, ProjectRole.VIEWER).includes(ProjectRole.EDITOR);
        return activities.countFeed(projectId, editor);
    }

    private String name(UUID userId) {
        return users.find(userId).map(UserSummary::label).orElse("a removed user");
    }
}
