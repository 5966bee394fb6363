package org.annals.project;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.security.AnnalsPrincipal;
import org.annals.settings.SiteSettingsService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Project and membership rules, run against H2 and against PostgreSQL by the two subclasses. */
abstract class ProjectServiceContract {

    @Autowired
    ProjectService projects;
    @Autowired
    ProjectMemberRepository members;
    @Autowired
    SiteSettingsService settings;
    @Autowired
    Fixtures fixtures;

    @Test
    void the_creator_of_a_project_becomes_its_manager() {
        AnnalsPrincipal admin = fixtures.admin();
        ProjectSummary created = as(admin, () -> projects.create("  Syria 2024  ", "The offensives"));

        assertThat(created.name()).isEqualTo("Syria 2024");
        assertThat(created.myRole()).isEqualTo(ProjectRole.MANAGER);
        assertThat(members.findRole(created.id(), admin.userId())).contains(ProjectRole.MANAGER);
    }

    @Test
    void only_admins_create_projects_unless_the_site_allows_everyone() {
        AnnalsPrincipal user = fixtures.newUser("creator");
        assertThatThrownBy(() -> as(user, () -> projects.create("Mine", null)))
                .isInstanceOf(AccessDeniedException.class);

        as(fixtures.admin(), () -> settings.setUsersMayCreateProjects(true));
        try {
            ProjectSummary created = as(user, () -> projects.create("Mine", null));
            assertThat(as(user, () -> projects.myProjects())).extracting(ProjectSummary::id).contains(created.id());
            assertThat(created.myRole()).isEqualTo(ProjectRole.MANAGER);
        } finally {
            as(fixtures.admin(), () -> settings.setUsersMayCreateProjects(false));
        }
    }

    @Test
    void a_non_member_cannot_tell_that_a_project_exists() {
        UUID project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal outsider = fixtures.newUser("outsider");

        assertThat(as(outsider, () -> projects.myProjects())).extracting(ProjectSummary::id).doesNotContain(project);
        assertThat(as(outsider, () -> projects.findVisible(project))).isEmpty();
        // The same answer as for a project that does not exist at all.
        assertThatThrownBy(() -> as(outsider, () -> projects.get(project))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(outsider, () -> projects.get(UUID.randomUUID()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(outsider, () -> projects.members(project))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_manager_adds_members_who_then_see_the_project_with_their_role() {
        UUID project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal editor = fixtures.newUser("editor");

        MemberSummary added = as(fixtures.admin(), () -> projects.addMember(project, editor.getUsername().toUpperCase(),
                ProjectRole.EDITOR));

        assertThat(added.role()).isEqualTo(ProjectRole.EDITOR);
        assertThat(as(editor, () -> projects.myProjects()))
                .filteredOn(p -> p.id().equals(project))
                .singleElement().extracting(ProjectSummary::myRole).isEqualTo(ProjectRole.EDITOR);
        assertThat(as(fixtures.admin(), () -> projects.members(project))).extracting(MemberSummary::username)
                .contains(editor.getUsername());
    }

    @Test
    void adding_an_unknown_a_disabled_or_an_existing_member_is_refused() {
        UUID project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal member = fixtures.newUser("member");
        fixtures.addMember(project, member, ProjectRole.VIEWER);

        assertThatThrownBy(() -> as(fixtures.admin(), () -> projects.addMember(project, "nobody-" + UUID.randomUUID(),
                ProjectRole.VIEWER))).isInstanceOf(InvalidInputException.class).hasMessageContaining("no enabled user");
        assertThatThrownBy(() -> as(fixtures.admin(), () -> projects.addMember(project, member.getUsername(),
                ProjectRole.EDITOR))).isInstanceOf(InvalidInputException.class).hasMessageContaining("already a member");
        assertThat(as(fixtures.admin(), () -> projects.members(project))).hasSize(2);
    }

    @Test
    void the_last_manager_can_be_neither_removed_nor_demoted() {
        AnnalsPrincipal manager = fixtures.newUser("manager");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, manager, ProjectRole.MANAGER);
        UUID adminId = fixtures.admin().userId();
        as(manager, () -> projects.removeMember(project, adminId));

        assertThatThrownBy(() -> as(manager, () -> projects.removeMember(project, manager.userId())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("last manager");
        assertThatThrownBy(() -> as(manager, () -> projects.changeRole(project, manager.userId(), ProjectRole.REVIEWER)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("last manager");
        assertThat(members.findRole(project, manager.userId())).contains(ProjectRole.MANAGER);

        AnnalsPrincipal second = fixtures.newUser("second");
        as(manager, () -> projects.addMember(project, second.getUsername(), ProjectRole.MANAGER));
        as(manager, () -> projects.changeRole(project, manager.userId(), ProjectRole.REVIEWER));
        assertThat(members.findRole(project, manager.userId())).contains(ProjectRole.REVIEWER);
    }

    @Test
    void roles_below_manager_cannot_manage_members_or_describe_the_project() {
        UUID project = fixtures.newProject(fixtures.admin());
        for (ProjectRole role : new ProjectRole[] {ProjectRole.VIEWER, ProjectRole.EDITOR, ProjectRole.REVIEWER}) {
            AnnalsPrincipal user = fixtures.newUser(role.name());
            fixtures.addMember(project, user, role);
            assertThat(as(user, () -> projects.get(project)).myRole()).isEqualTo(role);
            assertThatThrownBy(() -> as(user, () -> projects.members(project))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(user, () -> projects.addMember(project, "admin", ProjectRole.VIEWER)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(user, () -> projects.describe(project, "renamed", null)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void project_names_and_descriptions_are_validated() {
        UUID project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal admin = fixtures.admin();
        assertThatThrownBy(() -> as(admin, () -> projects.describe(project, "   ", null)))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> as(admin, () -> projects.describe(project, "x".repeat(121), null)))
                .hasMessageContaining("at most 120");
        assertThatThrownBy(() -> as(admin, () -> projects.describe(project, "ok", "d".repeat(2001))))
                .hasMessageContaining("at most 2000");

        ProjectSummary renamed = as(admin, () -> projects.describe(project, "<b>Renamed</b>", "  "));
        assertThat(renamed.name()).isEqualTo("<b>Renamed</b>");
        assertThat(renamed.description()).isNull();
    }
}
