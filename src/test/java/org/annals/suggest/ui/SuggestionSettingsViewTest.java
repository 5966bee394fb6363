package org.annals.suggest.ui;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.suggest.NeverHere;
import org.annals.suggest.SuggestionKind;
import org.annals.suggest.SuggestionService;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The managers' suggestions page without a browser: a name refused "never here" is listed and allowed again. */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class SuggestionSettingsViewTest extends SignedInBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    SuggestionService suggestions;

    private UUID project;
    private UUID source;
    private AnnalsPrincipal editor;

    @BeforeEach
    void aNameRefusedForTheProject() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("editor");
        AnnalsPrincipal reviewer = fixtures.newUser("reviewer");
        AnnalsPrincipal manager = fixtures.newUser("manager");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, manager, ProjectRole.MANAGER);
        var army = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.ORGANIZATION, "The Army"),
                "Add", true));
        as(reviewer, () -> review.approve(army.changesetId(), null));
        source = fixtures.newSource(project, editor, "Report", "The Army withdrew.");
        String key = as(editor, () -> suggestions.forSource(project, source)).suggestions().stream()
                .filter(s -> s.kind() == SuggestionKind.MENTION).findFirst().orElseThrow().key();
        as(editor, () -> suggestions.reject(project, source, key, true));
        signIn(manager);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_manager_allows_a_refused_name_again() {
        navigate("projects/" + project + "/suggestions", SuggestionSettingsView.class);
        Grid<NeverHere> refused = find(Grid.class).all().stream().filter(g -> g.hasClassName("never-here"))
                .findFirst().orElseThrow();
        assertThat(test(refused).size()).isEqualTo(1);
        assertThat(test(refused).getRow(0).words()).isEqualTo("The Army");
        Button allow = (Button) test(refused).getCellComponent(0, 4);
        assertThat(allow.getAriaLabel()).contains("Allow The Army again");
        test(allow).click();
        assertThat(test(refused).size()).isZero();
        assertThat(as(editor, () -> suggestions.forSource(project, source)).suggestions())
                .anyMatch(s -> s.kind() == SuggestionKind.MENTION && s.text().equals("The Army"));
    }
}
