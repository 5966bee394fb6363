package org.annals.project;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    org.annals.source.SourceService sources;
    @Autowired
    org.annals.entity.EntityService entities;
    @Autowired
    org.annals.event.EventService events;
    @Autowired
    org.annals.event.TaxonomyService taxonomy;
    @Autowired
    org.annals.review.ReviewService review;
    @Autowired
    org.annals.annotation.AnnotationService annotations;
    @Autowired
    org.annals.discussion.DiscussionService discussion;
    @Autowired
    org.annals.token.TokenService tokens;

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

    /** A project with a bit of everything: members, a source, an approved entity and event, an annotation, a comment, a token. */
    private UUID populatedProject(String prefix) {
        AnnalsPrincipal manager = fixtures.newUser(prefix + "-manager");
        as(fixtures.admin(), () -> settings.setUsersMayCreateProjects(true));
        UUID project;
        try {
            project = fixtures.newProject(manager);
        } finally {
            as(fixtures.admin(), () -> settings.setUsersMayCreateProjects(false));
        }
        AnnalsPrincipal editor = fixtures.newUser(prefix + "-editor");
        AnnalsPrincipal reviewer = fixtures.newUser(prefix + "-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        String paragraph = "Rebels entered Aleppo on 30 November.";
        UUID source = fixtures.newSource(project, editor, "Report", paragraph);
        var place = as(editor, () -> entities.proposeCreate(project,
                org.annals.entity.EntityPayload.of(org.annals.entity.EntityKind.PLACE, "Aleppo"), "Add Aleppo", true));
        as(reviewer, () -> review.approve(place.changesetId(), null));
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var event = as(editor, () -> events.proposeCreate(project, org.annals.event.EventPayload.of("Rebels enter Aleppo",
                org.annals.event.PartialDate.parse("2024-11-30"), battles), "Add the event", true));
        as(reviewer, () -> review.approve(event.changesetId(), null));
        String text = as(editor, () -> sources.read(project, source)).text();
        int start = text.indexOf("Aleppo");
        as(editor, () -> annotations.annotate(project, source, start, start + "Aleppo".length(), "Aleppo",
                org.annals.annotation.AnnotationType.ENTITY_MENTION,
                new org.annals.annotation.LinkChoice.Existing(org.annals.entity.EntityRecordType.KIND, place.entityId())));
        as(editor, () -> discussion.comment(project, new org.annals.review.RecordRef(
                org.annals.entity.EntityRecordType.KIND, place.entityId()), "Is this the city or the governorate?"));
        as(editor, () -> tokens.create("script", project, org.annals.token.TokenScope.READ,
                java.time.LocalDate.now().plusDays(30)));
        return project;
    }

    /** Every table with a project_id column (the deletion audit excepted), as the database lists them. */
    private List<String> projectTables() {
        return jdbc.queryForList("select lower(table_name) from information_schema.columns"
                + " where lower(column_name) = 'project_id' and lower(table_schema) = 'public'"
                + " and lower(table_name) <> 'project_deletion'", String.class);
    }

    private java.util.Map<String, Long> rowsOf(UUID project) {
        var rows = new java.util.TreeMap<String, Long>();
        for (String table : projectTables()) {
            rows.put(table, jdbc.queryForObject("select count(*) from " + table + " where project_id = ?", Long.class,
                    project));
        }
        return rows;
    }

    private UUID managerOf(UUID project) {
        return jdbc.queryForObject("select user_id from project_member where project_id = ? and role = 'MANAGER'",
                UUID.class, project);
    }

    @Test
    void deleting_a_project_removes_everything_of_it_and_nothing_of_another() {
        UUID doomed = populatedProject("doomed");
        UUID other = populatedProject("other");
        AnnalsPrincipal manager = fixtures.principal(jdbc.queryForObject(
                "select username from app_user where id = ?", String.class, managerOf(doomed)));
        String name = as(manager, () -> projects.get(doomed)).name();
        var textVersions = jdbc.queryForList("select id from text_version where project_id = ?", UUID.class, doomed);
        var changesets = jdbc.queryForList("select id from changeset where project_id = ?", UUID.class, doomed);
        var otherBefore = rowsOf(other);
        assertThat(rowsOf(doomed).values()).as("the project has rows in many tables").filteredOn(n -> n > 0)
                .hasSizeGreaterThanOrEqualTo(9);

        ProjectContents said = as(manager, () -> projects.contents(doomed));
        assertThat(said.sources()).isEqualTo(1);
        assertThat(said.events()).isEqualTo(1);
        assertThat(said.entities()).isEqualTo(1);
        assertThat(said.changesets()).isGreaterThanOrEqualTo(3);
        assertThat(said.members()).isEqualTo(3);
        assertThat(said.describe()).contains("1 source", "1 event", "1 entity", "3 members");

        ProjectContents removed = as(manager, () -> projects.delete(doomed, "  " + name + " "));

        assertThat(removed).isEqualTo(said);
        assertThat(rowsOf(doomed).values()).as("rows of the deleted project, per table").containsOnly(0L);
        assertThat(rowsOf(other)).as("rows of the other project, per table").isEqualTo(otherBefore);
        for (UUID version : textVersions) {
            assertThat(jdbc.queryForObject("select count(*) from text_segment where text_version_id = ?", Long.class,
                    version)).isZero();
        }
        for (UUID changeset : changesets) {
            assertThat(jdbc.queryForObject("select count(*) from change_operation where changeset_id = ?", Long.class,
                    changeset)).isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from project where id = ?", Long.class, doomed)).isZero();
        assertThat(jdbc.queryForObject("select contents from project_deletion where project_id = ?", String.class,
                doomed)).isEqualTo(said.describe());
        assertThatThrownBy(() -> as(manager, () -> projects.get(doomed))).isInstanceOf(NotFoundException.class);
        assertThat(as(fixtures.admin(), () -> projects.get(other)).id()).isEqualTo(other);
    }

    @Test
    void only_managers_and_admins_delete_a_project_and_only_with_its_name_typed() {
        UUID project = populatedProject("kept");
        AnnalsPrincipal reviewer = fixtures.principal(jdbc.queryForObject("select u.username from app_user u join"
                + " project_member m on m.user_id = u.id where m.project_id = ? and m.role = 'REVIEWER'", String.class,
                project));
        AnnalsPrincipal outsider = fixtures.newUser("outsider");
        String name = as(fixtures.admin(), () -> projects.get(project)).name();
        var before = rowsOf(project);

        assertThatThrownBy(() -> as(reviewer, () -> projects.delete(project, name)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(reviewer, () -> projects.contents(project)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(outsider, () -> projects.delete(project, name)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(fixtures.admin(), () -> projects.delete(project, name + " 2")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(name);
        assertThat(rowsOf(project)).isEqualTo(before);

        // An administrator acts as a manager of every project.
        as(fixtures.admin(), () -> projects.delete(project, name));
        assertThat(rowsOf(project).values()).containsOnly(0L);
    }
}
