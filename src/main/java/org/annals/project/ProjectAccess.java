package org.annals.project;

import java.util.Optional;
import java.util.UUID;
import org.annals.base.NotFoundException;
import org.annals.security.AnnalsPrincipal;
import org.annals.security.CurrentUser;
import org.annals.security.RightsMemo;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project permission check every feature service calls first. A caller who is not a member
 * gets the same {@link NotFoundException} as for a project that does not exist, so membership and
 * existence cannot be probed. Administrators act as managers of every project: someone must be able
 * to rescue a project whose managers have all left. A REST API token bound to one project makes
 * every other project look like one the caller is not a member of. Everything is read from the
 * database, the account's state and global role included, in one indexed query, once per request
 * for the request's own caller ({@link RightsMemo}).
 */
@Component
@Transactional(readOnly = true)
public class ProjectAccess {

    private final ProjectRepository projects;
    private final ProjectMemberRepository members;

    ProjectAccess(ProjectRepository projects, ProjectMemberRepository members) {
        this.projects = projects;
        this.members = members;
    }

    /** The caller's role in the project, if it is at least {@code minimum}; otherwise throws. */
    public ProjectRole require(UUID projectId, ProjectRole minimum) {
        ProjectRole role = roleOf(projectId).orElseThrow(() -> new NotFoundException("Project"));
        if (!role.includes(minimum)) {
            throw new AccessDeniedException("This needs the " + minimum.displayName() + " role in this project.");
        }
        return role;
    }

    /** The caller's role in the project; empty when they are not a member (or it does not exist). */
    public Optional<ProjectRole> roleOf(UUID projectId) {
        Optional<AnnalsPrincipal> caller = CurrentUser.get();
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        if (CurrentUser.onlyProject().filter(only -> !only.equals(projectId)).isPresent()) {
            // A token bound to another project: this one looks exactly like a project the caller cannot see.
            return Optional.empty();
        }
        return roleOf(projectId, caller.get());
    }

    /** Whether the project (still) exists: for work that keeps rows of a project outside any request. */
    public boolean exists(UUID projectId) {
        return projects.existsById(projectId);
    }

    /**
     * The project role of someone who is not the caller, by membership alone (administrators who are
     * not members have none here): whom a mention in a comment may notify. Never for deciding what a
     * caller may do; services use {@link #require}.
     */
    public Optional<ProjectRole> memberRole(UUID projectId, UUID userId) {
        return members.findRole(projectId, userId);
    }

    /**
     * The role of a signed-in person who is not the caller: for work done on their behalf outside their
     * own requests (live updates delivered to their open pages check it before every delivery, so a
     * person removed from a project stops hearing about it at once). Never for deciding what a caller
     * may do; services use {@link #require}.
     */
    public Optional<ProjectRole> roleOf(UUID projectId, AnnalsPrincipal person) {
        // The account is read with the membership, not taken from the session: a disabled account or a
        // revoked administrator right counts at once, like a changed membership (decision 0019).
        // Read once per request and project for the request's own caller (RightsMemo), like the account's standing.
        return RightsMemo.about(person.userId(), new InProject(projectId),
                () -> members.findStanding(projectId, person.userId())).flatMap(PersonInProject::role);
    }

    /** The memo's question "the caller's standing in this project". */
    private record InProject(UUID projectId) {
    }
}
