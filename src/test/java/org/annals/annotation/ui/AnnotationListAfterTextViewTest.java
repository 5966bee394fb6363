package org.annals.annotation.ui;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.virtuallist.VirtualList;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.project.ProjectRole;
import org.annals.project.ui.ProjectRoutes;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The side panel's list of annotations and its filters come once the browser has drawn the source's text (issue 21:
 * setting them up and laying out the first rows cost the page's start before the frame with the text); its count
 * shows at once. The suggestions' list, too, waits for its first suggestions.
 */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class AnnotationListAfterTextViewTest extends SignedInBrowserlessTest {

    private static final String TEXT = "On 30 November 2024, rebel forces entered Aleppo from the west.";

    @Autowired
    Fixtures fixtures;
    @Autowired
    AnnotationService annotations;
    @Autowired
    SourceService sources;

    private UUID project;
    private UUID source;

    @BeforeEach
    void aSourceWithTwoAnnotations() {
        project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal editor = fixtures.newUser("list-editor");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        source = fixtures.newSource(project, editor, "Aleppo", TEXT);
        String text = as(editor, () -> sources.read(project, source).text());
        for (String words : new String[] {"rebel forces", "entered Aleppo"}) {
            int start = text.indexOf(words);
            as(editor, () -> annotations.annotate(project, source, start, start + words.length(), words,
                    AnnotationType.CLAIM, new LinkChoice.None()));
        }
        signIn(editor);
    }

    @Test
    void the_list_and_its_filters_come_once_the_text_is_drawn_and_its_count_shows_before() {
        navigate(ProjectRoutes.sourcePath(project, source), Component.class);
        Span summary = find(Span.class).withClassName("annotation-summary").single();

        assertThat(summary.getText()).isEqualTo("2 annotations");
        assertThat(find(VirtualList.class).withClassName("annotation-list").all()).as("the list before the text is drawn").isEmpty();
        assertThat(find(Select.class).withLabel("Type").all()).as("the filters before the text is drawn").isEmpty();
        assertThat(find(VirtualList.class).withClassName("suggestion-rows").all())
                .as("the suggestions' list before the text is drawn").isEmpty();

        AnnotatedText text = find(AnnotatedText.class).single();
        ComponentUtil.fireEvent(text, new AnnotatedText.DrawnEvent(text, true));
        VirtualList<?> list = find(VirtualList.class).withClassName("annotation-list").single();
        // One group (no linked record) and its two annotations.
        assertThat(list.getDataProvider().size(new com.vaadin.flow.data.provider.Query<>())).as("rows once it is drawn").isEqualTo(3);
        assertThat(find(Select.class).withLabel("Type").single().isAttached()).isTrue();
        assertThat(find(Select.class).withLabel("State").single().getValue()).isEqualTo(AnnotationPanel.ALL);
        // The list comes between the counts and the chosen annotation's details, as it was built.
        var panel = find(AnnotationPanel.class).single();
        assertThat(panel.indexOf(list)).isEqualTo(panel.indexOf(summary) + 1);

        // The text drawn again (a reload) changes nothing more.
        ComponentUtil.fireEvent(text, new AnnotatedText.DrawnEvent(text, true));
        assertThat(list.getDataProvider().size(new com.vaadin.flow.data.provider.Query<>())).isEqualTo(3);
    }
}
