package org.annals.authorization;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import java.util.Arrays;
import java.util.UUID;
import org.annals.account.AccountService;
import org.annals.account.UserSummary;
import org.annals.base.NotFoundException;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetState;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.security.RightsChangedException;
import org.annals.security.RightsMemo;
import org.annals.security.RightsChangedException.Reason;
import org.annals.support.Fixtures;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * A person whose rights were taken away while a page was open: every service call made with the
 * Authentication captured at sign-in (what an open page still holds) is refused, and nothing it
 * asked for is applied. Run against H2 and PostgreSQL by the subclasses.
 */
abstract class RevokedRightsContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountService accounts;
    @Autowired
    ProjectService projects;
    @Autowired
    ProjectAccess access;
    @Autowired
    EntityService entities;
    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManagerFactory persistence;

    UUID project;
    AnnalsPrincipal manager;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    UUID submitted;

    @BeforeEach
    void projectWithAWaitingChangeset() {
        manager = fixtures.newUser("manager");
        editor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, manager, ProjectRole.MANAGER);
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        submitted = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Hama"),
                "Add Hama", true)).changesetId();
    }

    @Test
    void a_disabled_reviewer_cannot_approve_from_the_session_she_still_has_and_nothing_is_applied() {
        AnnalsPrincipal openSession = reviewer;
        as(fixtures.admin(), () -> accounts.setEnabled(reviewer.userId(), false));

        assertThatThrownBy(() -> as(openSession, () -> review.approve(submitted, null)))
                .isInstanceOfSatisfying(RightsChangedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DISABLED));
        assertThatThrownBy(() -> as(openSession, () -> review.queue(project, null, null, false, 0, 10)))
                .isInstanceOf(RightsChangedException.class);
        assertThat(state(submitted)).isEqualTo(ChangesetState.SUBMITTED);
        assertThat(entityCount()).isZero();
        // Work done on her behalf (live updates to her open pages) stops too.
        assertThat(access.roleOf(project, openSession)).isEmpty();

        as(fixtures.admin(), () -> accounts.setEnabled(reviewer.userId(), true));
        as(fixtures.principal(reviewer.getUsername()), () -> review.approve(submitted, null));
        assertThat(entityCount()).isOne();
    }

    @Test
    void an_administrator_whose_right_was_revoked_cannot_make_anyone_administrator_or_take_an_account() {
        AnnalsPrincipal formerAdmin = fixtures.newUser("deputy");
        as(fixtures.admin(), () -> accounts.setAdmin(formerAdmin.userId(), true));
        AnnalsPrincipal openSession = fixtures.principal(formerAdmin.getUsername());
        assertThat(openSession.isAdmin()).isTrue();
        AnnalsPrincipal target = fixtures.newUser("target");
        as(fixtures.admin(), () -> accounts.setAdmin(formerAdmin.userId(), false));

        assertThatThrownBy(() -> as(openSession, () -> accounts.setAdmin(target.userId(), true)))
                .isInstanceOfSatisfying(RightsChangedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.RIGHTS_CHANGED));
        assertThatThrownBy(() -> as(openSession, () -> accounts.resetPassword(target.userId(), "another-long-passphrase-1")))
                .isInstanceOf(RightsChangedException.class);
        assertThatThrownBy(() -> as(openSession, () -> accounts.setEnabled(fixtures.admin().userId(), false)))
                .isInstanceOf(RightsChangedException.class);
        // The administrator's rule in projects (manager of every project) reads the account, not the session.
        assertThat(access.roleOf(project, openSession)).isEmpty();

        UserSummary after = as(fixtures.admin(), () -> accounts.findUsers(target.getUsername(), 0, 5)).getFirst();
        assertThat(after.admin()).isFalse();
        assertThat(after.enabled()).isTrue();
        assertThat(fixtures.admin().isEnabled()).isTrue();
    }

    @Test
    void a_reviewer_lowered_to_viewer_cannot_approve_and_nothing_is_applied() {
        as(manager, () -> projects.changeRole(project, reviewer.userId(), ProjectRole.VIEWER));

        assertThatThrownBy(() -> as(reviewer, () -> review.approve(submitted, null)))
                .isInstanceOf(AccessDeniedException.class).isNotInstanceOf(RightsChangedException.class);
        assertThat(state(submitted)).isEqualTo(ChangesetState.SUBMITTED);
        assertThat(entityCount()).isZero();
        assertThat(access.roleOf(project, reviewer)).contains(ProjectRole.VIEWER);
    }

    @Test
    void a_member_removed_from_the_project_can_neither_propose_nor_decide() {
        as(manager, () -> projects.removeMember(project, editor.userId()));
        as(manager, () -> projects.removeMember(project, reviewer.userId()));
        long changesetsBefore = changesetCount();

        assertThatThrownBy(() -> as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Homs"),
                "Add Homs", true))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(reviewer, () -> review.approve(submitted, null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(editor, () -> changesets.withdraw(submitted))).isInstanceOf(NotFoundException.class);
        assertThat(changesetCount()).isEqualTo(changesetsBefore);
        assertThat(state(submitted)).isEqualTo(ChangesetState.SUBMITTED);
        assertThat(entityCount()).isZero();
    }

    @Test
    void a_person_made_administrator_meanwhile_signs_in_again_to_act_with_the_new_right() {
        AnnalsPrincipal openSession = editor;
        as(fixtures.admin(), () -> accounts.setAdmin(editor.userId(), true));

        assertThatThrownBy(() -> as(openSession, () -> changesets.mine(project, 10)))
                .isInstanceOfSatisfying(RightsChangedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.RIGHTS_CHANGED));
        assertThat(as(fixtures.principal(editor.getUsername()), () -> changesets.mine(project, 10))).hasSize(1);
    }

    /**
     * What the re-check costs: one primary-key query per service entry point a click calls (the
     * project check reads account and membership in the one query it always made). Printed for the
     * decision record.
     */
    @Test
    void the_recheck_costs_one_indexed_query_per_service_call() {
        Statistics statistics = persistence.unwrap(SessionFactory.class).getStatistics();
        boolean wasEnabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            as(reviewer, () -> review.approve(submitted, null));
            long statements = statistics.getPrepareStatementCount();
            long standing = executions(statistics, "AccountStandings$Standing");
            long projectChecks = executions(statistics, "PersonInProject");
            System.out.printf("[recheck] approve: %d statements, %d account re-checks, %d project checks%n",
                    statements, standing, projectChecks);
            assertThat(standing).as("one account re-check per service entry point").isBetween(1L, 3L);
            assertThat(projectChecks).isPositive();

            statistics.clear();
            as(reviewer, () -> review.queue(project, null, null, false, 0, 10));
            System.out.printf("[recheck] queue page: %d statements, %d account re-checks%n",
                    statistics.getPrepareStatementCount(), executions(statistics, "AccountStandings$Standing"));
            assertThat(executions(statistics, "AccountStandings$Standing")).isOne();
        } finally {
            statistics.setStatisticsEnabled(wasEnabled);
        }
    }

    /**
     * Within one request (what {@code RightsMemoFilter} makes of every HTTP request) the caller's standing and
     * role are read once, however many services the request calls; outside a request every check reads. A right
     * taken away in another request counts from the next request on, and at the next check of a request that
     * is running when it is taken away.
     */
    @Test
    void one_request_reads_the_callers_rights_once_and_a_revoked_right_counts_from_the_next_check() throws Exception {
        Statistics statistics = persistence.unwrap(SessionFactory.class).getStatistics();
        boolean wasEnabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        Runnable page = () -> as(reviewer, () -> {
            assertThat(projects.get(project).myRole()).isEqualTo(ProjectRole.REVIEWER);
            review.queue(project, null, null, false, 0, 10);
            projects.allowsSelfApproval(project);
        });
        try {
            statistics.clear();
            page.run();
            long standingOutside = executions(statistics, "AccountStandings$Standing");
            long rolesOutside = executions(statistics, "PersonInProject");
            statistics.clear();
            RightsMemo.within(page::run);
            long standingInside = executions(statistics, "AccountStandings$Standing");
            long rolesInside = executions(statistics, "PersonInProject");
            System.out.printf("[memo] three service calls: %d account and %d project checks read outside a request,"
                    + " %d and %d inside one%n", standingOutside, rolesOutside, standingInside, rolesInside);
            assertThat(standingOutside).isGreaterThanOrEqualTo(3);
            assertThat(rolesOutside).isGreaterThanOrEqualTo(3);
            assertThat(standingInside).isOne();
            assertThat(rolesInside).isOne();

            // Someone else's rights asked on the request's thread (live updates to their pages) are read each time.
            statistics.clear();
            RightsMemo.within(() -> as(reviewer, () -> {
                projects.get(project);
                assertThat(access.roleOf(project, editor)).contains(ProjectRole.EDITOR);
                assertThat(access.roleOf(project, editor)).contains(ProjectRole.EDITOR);
            }));
            assertThat(executions(statistics, "PersonInProject")).isEqualTo(3);
        } finally {
            statistics.setStatisticsEnabled(wasEnabled);
        }

        // Lowered in the manager's request: the reviewer's next request may no longer approve.
        RightsMemo.within(() -> as(manager, () -> projects.changeRole(project, reviewer.userId(), ProjectRole.VIEWER)));
        RightsMemo.within(() -> assertThatThrownBy(() -> as(reviewer, () -> review.approve(submitted, null)))
                .isInstanceOf(AccessDeniedException.class).isNotInstanceOf(RightsChangedException.class));

        // Disabled by an administrator (another request, on another thread) while the editor's request runs.
        RightsMemo.within(() -> as(editor, () -> {
            assertThat(projects.get(project).myRole()).isEqualTo(ProjectRole.EDITOR);
            Thread administrator = Thread.ofPlatform().start(() -> {
                try {
                    RightsMemo.within(() -> as(fixtures.admin(), () -> accounts.setEnabled(editor.userId(), false)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                administrator.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertThatThrownBy(() -> changesets.withdraw(submitted))
                    .isInstanceOfSatisfying(RightsChangedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.DISABLED));
        }));
        assertThat(state(submitted)).isEqualTo(ChangesetState.SUBMITTED);
        RightsMemo.within(() -> assertThatThrownBy(() -> as(editor, () -> projects.get(project)))
                .isInstanceOf(RightsChangedException.class));
    }

    /** A person who changes their own role in a request acts with the new role for the rest of that request. */
    @Test
    void a_change_of_the_callers_own_role_counts_in_the_same_request() throws Exception {
        AnnalsPrincipal second = fixtures.newUser("second");
        fixtures.addMember(project, second, ProjectRole.MANAGER);
        RightsMemo.within(() -> as(manager, () -> {
            assertThat(projects.members(project)).extracting(m -> m.role()).contains(ProjectRole.MANAGER);
            projects.changeRole(project, manager.userId(), ProjectRole.VIEWER);
            assertThatThrownBy(() -> projects.members(project)).isInstanceOf(AccessDeniedException.class);
            assertThat(projects.get(project).myRole()).isEqualTo(ProjectRole.VIEWER);
        }));
    }

    private static long executions(Statistics statistics, String marker) {
        return Arrays.stream(statistics.getQueries()).filter(query -> query.contains(marker))
                .mapToLong(query -> statistics.getQueryStatistics(query).getExecutionCount()).sum();
    }

    private ChangesetState state(UUID changesetId) {
        return ChangesetState.valueOf(jdbc.queryForObject("select state from changeset where id = ?", String.class,
                changesetId));
    }

    private long entityCount() {
        return jdbc.queryForObject("select count(*) from entity_record where project_id = ?", Long.class, project);
    }

    private long changesetCount() {
        return jdbc.queryForObject("select count(*) from changeset where project_id = ?", Long.class, project);
    }
}
