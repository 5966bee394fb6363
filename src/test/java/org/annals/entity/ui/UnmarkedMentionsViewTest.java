package org.annals.entity.ui;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.EditorAnnotation;
import org.annals.annotation.LinkChoice;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.suggest.UnmarkedMention;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Unmarked mentions" on an entity's page without a browser: the passages that name the entity without an
 * annotation, with context, across sources; some chosen and proposed as one draft; none for viewers.
 */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class UnmarkedMentionsViewTest extends SignedInBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    AnnotationService annotations;
    @Autowired
    org.annals.source.SourceService sources;

    private UUID project;
    private AnnalsPrincipal editor;
    private UUID aleppo;
    private UUID first;
    private UUID second;

    @BeforeEach
    void aPlaceNamedInTwoSourcesOnceMarked() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("unmarked-editor");
        var reviewer = fixtures.newUser("unmarked-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        var place = as(editor, () -> entities.proposeCreate(project, new EntityPayload(EntityKind.PLACE, "Aleppo",
                List.of(new org.annals.entity.Alias("حلب", "ar")), null, null, null, null, null, null, null), "Add", true));
        as(reviewer, () -> review.approve(place.changesetId(), null));
        aleppo = place.entityId();
        first = fixtures.newSource(project, editor, "First", "Rebels entered Aleppo at dawn.",
                "By night Aleppo was quiet.");
        second = fixtures.newSource(project, editor, "Second", "دخلت قوات المعارضة مدينة حلب.");
        int dawn = as(editor, () -> sources.read(project, first)).text().indexOf("Aleppo");
        as(editor, () -> annotations.annotate(project, first, dawn, dawn + 6, "Aleppo", AnnotationType.ENTITY_MENTION,
                new LinkChoice.Existing(EntityRecordType.KIND, aleppo)));
    }


    private Button button(String text) {
        // the section's own buttons: the entity page has a "Propose changes" of its own
        return find(Button.class).all().stream().filter(b -> b.findAncestor(UnmarkedMentions.class) != null)
                .filter(b -> b.getText().startsWith(text)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Grid<UnmarkedMention> grid() {
        return find(UnmarkedMentions.class).single().getChildren().filter(Grid.class::isInstance).map(Grid.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void the_unmarked_passages_are_listed_with_context_and_the_chosen_ones_proposed_in_one_draft() {
        signIn(editor);
        navigate(ProjectRoutes.entityPath(project, aleppo), Component.class);
        test(button("Find unmarked mentions")).click();

        List<UnmarkedMention> listed = grid().getGenericDataView().getItems().toList();
        assertThat(listed).extracting(m -> m.sourceTitle() + ": " + m.text())
                .containsExactlyInAnyOrder("First: Aleppo", "Second: حلب");
        UnmarkedMention night = listed.stream().filter(m -> m.sourceId().equals(first)).findFirst().orElseThrow();
        assertThat(night.before()).endsWith("By night ");
        assertThat(night.after()).startsWith(" was quiet");
        assertThat(find(Span.class).all()).anyMatch(s -> s.getText().equals("2 passages:"));

        grid().select(night);
        assertThat(button("Propose ").getText()).isEqualTo("Propose 1 mention");
        test(button("Propose 1 mention")).click();

        List<EditorAnnotation> drafted = as(editor, () -> annotations.editor(project, first)).annotations().stream()
                .filter(a -> a.state() == EditorAnnotation.State.DRAFT).toList();
        assertThat(drafted).extracting(EditorAnnotation::start).contains(night.start());
        assertThat(drafted).allMatch(a -> aleppo.equals(a.linkId()));
        // Looked for again after proposing: the one proposed is marked now (in the draft).
        assertThat(grid().getGenericDataView().getItems().toList()).extracting(UnmarkedMention::text)
                .containsExactly("حلب");
    }

    @Test
    void viewers_have_no_unmarked_mentions_section() {
        var viewer = fixtures.newUser("unmarked-viewer");
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        signIn(viewer);
        navigate(ProjectRoutes.entityPath(project, aleppo), Component.class);
        assertThat(find(UnmarkedMentions.class).all()).isEmpty();
    }
}
