package org.annals.base;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.annals.account.AccountService;
import org.annals.account.UserDirectory;
import org.annals.account.UserSummary;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.event.TimelineEntry;
import org.annals.event.TimelineFilter;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.source.SourceSummary;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

/**
 * What people type into a search box is matched literally by every search that runs a SQL LIKE:
 * {@code %} and {@code _} are characters (not "anything" and "any one character"), and so is the
 * escape character itself. Run against H2 and PostgreSQL, whose default escape characters differ.
 */
abstract class LiteralSearchContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    SourceService sources;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;
    @Autowired
    AccountService accounts;
    @Autowired
    UserDirectory directory;

    UUID project;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;

    @BeforeEach
    void projectWithAnEditorAndAReviewer() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
    }

    @Test
    void source_titles_match_percent_underscore_and_the_escape_character_literally() {
        for (String title : List.of("Turnout of 10% in Idlib", "Report A_B", "Report AxB", "Alert! Aleppo", "Plain")) {
            fixtures.newSource(project, editor, title, "Text.");
        }
        assertThat(sourceTitles("%")).containsExactly("Turnout of 10% in Idlib");
        assertThat(sourceTitles("_")).containsExactly("Report A_B");
        assertThat(sourceTitles("A_B")).containsExactly("Report A_B");
        assertThat(sourceTitles("!")).containsExactly("Alert! Aleppo");
        assertThat(sourceTitles("!%")).isEmpty();
        assertThat(sourceTitles("10%")).containsExactly("Turnout of 10% in Idlib");
        assertThat(sourceTitles("report")).containsExactlyInAnyOrder("Report A_B", "Report AxB");
        assertThat(sourceTitles("")).hasSize(5);
        assertThat(as(editor, () -> sources.count(project, "_"))).isEqualTo(1);
    }

    @Test
    void entity_names_and_aliases_match_literally() {
        approvedEntity(EntityPayload.of(EntityKind.ORGANIZATION, "Brigade 100%"));
        approvedEntity(EntityPayload.of(EntityKind.ORGANIZATION, "Jaysh_al-Izza"));
        approvedEntity(EntityPayload.of(EntityKind.PLACE, "Idlib"));

        assertThat(entityNames("%")).containsExactly("Brigade 100%");
        assertThat(entityNames("_")).containsExactly("Jaysh_al-Izza");
        assertThat(entityNames("l_b")).isEmpty();
        assertThat(entityNames("")).hasSize(3);
        assertThat(as(editor, () -> entities.count(project, "%", null))).isEqualTo(1);
    }

    @Test
    void event_titles_on_the_timeline_match_literally() {
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        for (String title : List.of("Strike at 100% capacity", "Clash_1 near Hama", "Quiet day")) {
            var proposal = as(editor, () -> events.proposeCreate(project,
                    EventPayload.of(title, PartialDate.parse("2024-12-01"), battles), "Add " + title, true));
            as(reviewer, () -> review.approve(proposal.changesetId(), null));
        }
        assertThat(eventTitles("%")).containsExactly("Strike at 100% capacity");
        assertThat(eventTitles("_")).containsExactly("Clash_1 near Hama");
        assertThat(eventTitles("")).hasSize(3);
        assertThat(as(editor, () -> events.count(project, filter("_")))).isEqualTo(1);
    }

    @Test
    void user_names_and_display_names_match_literally() {
        String marker = Fixtures.uniqueName("lit").replace("-", "");
        as(fixtures.admin(), () -> accounts.createUser(marker + "_a", "Ahmad " + marker + " 50%", Fixtures.PASSWORD, false));
        as(fixtures.admin(), () -> accounts.createUser(marker + "xb", "Basma " + marker, Fixtures.PASSWORD, false));

        assertThat(usernames(marker + "_")).containsExactly(marker + "_a");
        assertThat(usernames(marker + " 50%")).containsExactly(marker + "_a");
        assertThat(usernames(marker)).containsExactlyInAnyOrder(marker + "_a", marker + "xb");
        assertThat(as(fixtures.admin(), () -> accounts.findUsers("%", 0, 500)))
                .allSatisfy(u -> assertThat(u.username() + u.displayName()).contains("%"))
                .extracting(UserSummary::username).contains(marker + "_a").doesNotContain(marker + "xb");
        assertThat(as(editor, () -> directory.searchEnabled(marker + "_", 10))).extracting(UserSummary::username)
                .containsExactly(marker + "_a");
    }

    private void approvedEntity(EntityPayload values) {
        var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + values.name(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
    }

    private List<String> sourceTitles(String text) {
        return as(editor, () -> sources.library(project, text, Sort.unsorted(), 0, 100)).stream()
                .map(SourceSummary::title).toList();
    }

    private List<String> entityNames(String text) {
        return as(editor, () -> entities.search(project, text, null, 0, 100)).stream().map(EntitySummary::name).toList();
    }

    private static TimelineFilter filter(String text) {
        return new TimelineFilter(null, null, null, null, null, text);
    }

    private List<String> eventTitles(String text) {
        return as(editor, () -> events.timeline(project, filter(text), 0, 100)).stream().map(TimelineEntry::title).toList();
    }

    private List<String> usernames(String text) {
        return as(fixtures.admin(), () -> accounts.findUsers(text, 0, 100)).stream().map(UserSummary::username).toList();
    }
}
