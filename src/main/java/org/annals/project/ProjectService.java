package org.annals.project;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.annals.account.UserDirectory;
import org.annals.account.UserSummary;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.security.AnnalsPrincipal;
import org.annals.security.CurrentUser;
import org.annals.settings.SiteSettingsService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating projects and managing their members. Every method checks the caller's role first. */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class ProjectService {

    private static final Logger log = LoggerFactory.getLogger(ProjectService.class);

    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final ProjectAccess access;
    private final UserDirectory directory;
    private final SiteSettingsService settings;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final ProjectEraser eraser;

    ProjectService(ProjectRepository projects, ProjectMemberRepository members, ProjectAccess access,
            UserDirectory directory, SiteSettingsService settings,
            org.springframework.context.ApplicationEventPublisher events, ProjectEraser eraser) {
        this.events = events;
        this.eraser = eraser;
        this.projects = projects;
        this.members = members;
        this.access = access;
        this.directory = directory;
        this.settings = settings;
    }

    /** The projects the caller belongs to (all projects for an administrator), by name. */
    @Transactional(readOnly = true)
    public List<ProjectSummary> myProjects() {
        AnnalsPrincipal me = CurrentUser.require();
        List<ProjectSummary> mine = me.isAdmin() ? projects.findAllAsManager() : projects.findMemberships(me.userId());
        return CurrentUser.onlyProject()
                .map(only -> mine.stream().filter(project -> project.id().equals(only)).toList())
                .orElse(mine);
    }

    @Transactional(readOnly = true)
    public ProjectSummary get(UUID projectId) {
        ProjectRole role = access.require(projectId, ProjectRole.VIEWER);
        Project project = projects.findById(projectId).orElseThrow(() -> new NotFoundException("Project"));
        return summary(project, role);
    }

    /** The project if the caller may see it; empty otherwise (never an exception, for navigation). */
    @Transactional(readOnly = true)
    public java.util.Optional<ProjectSummary> findVisible(UUID projectId) {
        return access.roleOf(projectId)
                .flatMap(role -> projects.findById(projectId).map(project -> summary(project, role)));
    }

    @Transactional(readOnly = true)
    public boolean mayCreateProjects() {
        return CurrentUser.require().isAdmin() || settings.usersMayCreateProjects();
    }

    /** Creates a project; the creator becomes its first manager. */
    public ProjectSummary create(String name, @Nullable String description) {
        if (!mayCreateProjects()) {
            throw new AccessDeniedException("Only administrators may create projects on this site.");
        }
        AnnalsPrincipal me = CurrentUser.require();
        Project project = projects.save(new Project(validName(name), validDescription(description), me.userId(),
                Instant.now()));
        members.save(new ProjectMember(project.getId(), me.userId(), ProjectRole.MANAGER, Instant.now()));
        events.publishEvent(new ProjectCreated(project.getId(), me.userId()));
        log.info("Project '{}' ({}) created by '{}'", project.getName(), project.getId(), me.getUsername());
        return summary(project, ProjectRole.MANAGER);
    }

    public ProjectSummary describe(UUID projectId, String name, @Nullable String description) {
        ProjectRole role = access.require(projectId, ProjectRole.MANAGER);
        Project project = projects.findById(projectId).orElseThrow(() -> new NotFoundException("Project"));
        project.describe(validName(name), validDescription(description));
        return summary(project, role);
    }

    /** What deleting the project would remove, counted (managers only: they are the ones who may delete it). */
    @Transactional(readOnly = true)
    public ProjectContents contents(UUID projectId) {
        access.require(projectId, ProjectRole.MANAGER);
        return eraser.count(projectId);
    }

    /**
     * Deletes the project and everything in it (sources, texts, records, annotations, changesets,
     * revisions, discussions, releases, members, tokens bound to it), all or nothing; other projects
     * are untouched. The caller types the project's name to confirm. What remains is a line in the
     * log and in {@code project_deletion} saying what it held (decision 0017).
     */
    public ProjectContents delete(UUID projectId, String typedName) {
        access.require(projectId, ProjectRole.MANAGER);
        Project project = projects.lockById(projectId).orElseThrow(() -> new NotFoundException("Project"));
        if (!project.getName().equals(typedName.strip())) {
            throw new InvalidInputException("Type the project's name exactly as it is shown to confirm: "
                    + project.getName());
        }
        AnnalsPrincipal me = CurrentUser.require();
        ProjectContents contents = eraser.count(projectId);
        eraser.erase(projectId);
        eraser.record(projectId, project.getName(), me.userId(), contents);
        events.publishEvent(new ProjectDeleted(projectId, project.getName(), me.userId(), me.displayName()));
        log.info("Project '{}' ({}) deleted by '{}' with {}", project.getName(), projectId, me.getUsername(),
                contents.describe());
        return contents;
    }

    /** Whether reviewers of this project may approve their own changesets. */
    @Transactional(readOnly = true)
    public boolean allowsSelfApproval(UUID projectId) {
        access.require(projectId, ProjectRole.VIEWER);
        return projects.findById(projectId).map(Project::allowsSelfApproval).orElse(false);
    }

    public void setAllowSelfApproval(UUID projectId, boolean allowed) {
        access.require(projectId, ProjectRole.MANAGER);
        projects.findById(projectId).orElseThrow(() -> new NotFoundException("Project")).setAllowSelfApproval(allowed);
        log.info("Self-approval in project {} set to {} by '{}'", projectId, allowed, CurrentUser.require().getUsername());
    }

    @Transactional(readOnly = true)
    public List<MemberSummary> members(UUID projectId) {
        access.require(projectId, ProjectRole.MANAGER);
        return members.findMembers(projectId);
    }

    /** Enabled users whose name starts with (or display name contains) the text, to add as members. */
    @Transactional(readOnly = true)
    public List<UserSummary> memberCandidates(UUID projectId, String text, int limit) {
        access.require(projectId, ProjectRole.MANAGER);
        return directory.searchEnabled(text, limit);
    }

    public MemberSummary addMember(UUID projectId, String username, ProjectRole role) {
        access.require(projectId, ProjectRole.MANAGER);
        lock(projectId);
        UserSummary user = directory.findEnabled(username)
                .orElseThrow(() -> new InvalidInputException("There is no enabled user named '" + username.strip() + "'."));
        members.findByProjectIdAndUserId(projectId, user.id()).ifPresent(existing -> {
            throw new InvalidInputException(user.username() + " is already a member, as "
                    + existing.getRole().displayName() + ".");
        });
        ProjectMember member = members.save(new ProjectMember(projectId, user.id(), role, Instant.now()));
        log.info("'{}' added to project {} as {} by '{}'", user.username(), projectId, role,
                CurrentUser.require().getUsername());
        return new MemberSummary(user.id(), user.username(), user.displayName(), role, user.enabled(),
                member.getAddedAt());
    }

    public void changeRole(UUID projectId, UUID userId, ProjectRole role) {
        access.require(projectId, ProjectRole.MANAGER);
        lock(projectId);
        ProjectMember member = member(projectId, userId);
        if (member.getRole() == ProjectRole.MANAGER && role != ProjectRole.MANAGER) {
            refuseIfLastManager(projectId, "change the role of");
        }
        member.setRole(role);
        events.publishEvent(new MembershipChanged(projectId, userId, role));
        log.info("Role of user {} in project {} set to {} by '{}'", userId, projectId, role,
                CurrentUser.require().getUsername());
    }

    public void removeMember(UUID projectId, UUID userId) {
        access.require(projectId, ProjectRole.MANAGER);
        lock(projectId);
        ProjectMember member = member(projectId, userId);
        if (member.getRole() == ProjectRole.MANAGER) {
            refuseIfLastManager(projectId, "remove");
        }
        members.delete(member);
        events.publishEvent(new MembershipChanged(projectId, userId, null));
        log.info("User {} removed from project {} by '{}'", userId, projectId, CurrentUser.require().getUsername());
    }

    private ProjectMember member(UUID projectId, UUID userId) {
        return members.findByProjectIdAndUserId(projectId, userId)
                .orElseThrow(() -> new InvalidInputException("That user is not a member of this project."));
    }

    private void refuseIfLastManager(UUID projectId, String action) {
        if (members.countByProjectIdAndRole(projectId, ProjectRole.MANAGER) <= 1) {
            throw new InvalidInputException("You cannot " + action + " the last manager of a project."
                    + " Make someone else a manager first.");
        }
    }

    private void lock(UUID projectId) {
        projects.lockById(projectId).orElseThrow(() -> new NotFoundException("Project"));
    }

    private static ProjectSummary summary(Project project, ProjectRole role) {
        return new ProjectSummary(project.getId(), project.getName(), project.getDescription(), role,
                project.getCreatedAt());
    }

    private static String validName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("Give the project a name.");
        }
        if (trimmed.length() > Project.NAME_MAX_LENGTH) {
            throw new InvalidInputException("Use at most " + Project.NAME_MAX_LENGTH + " characters for the name.");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("The name must not contain control characters.");
        }
        return trimmed;
    }

    private static @Nullable String validDescription(@Nullable String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String trimmed = description.strip();
        if (trimmed.length() > Project.DESCRIPTION_MAX_LENGTH) {
            throw new InvalidInputException("Use at most " + Project.DESCRIPTION_MAX_LENGTH
                    + " characters for the description.");
        }
        return trimmed;
    }
}
