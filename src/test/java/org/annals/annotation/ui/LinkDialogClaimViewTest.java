package org.annals.annotation.ui;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkCandidate;
import org.annals.annotation.LinkChoice;
import org.annals.event.ClaimField;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The annotation dialog offers the claim a date or casualty-figure quote makes about the event it links to
 * (decision 0030), ticked, and saving hands it on; without a browser.
 */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class LinkDialogClaimViewTest extends SignedInBrowserlessTest {

    static final String SENTENCE = "On 30 November 2024, an airstrike on Ariha killed at least 12 civilians.";

    @Autowired
    Fixtures fixtures;
    @Autowired
    AnnotationService annotations;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;

    private UUID project;
    private UUID source;
    private UUID strike;

    @BeforeEach
    void projectWithAnEventAndASource() {
        project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal editor = fixtures.newUser("claim-editor");
        AnnalsPrincipal reviewer = fixtures.newUser("claim-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var event = as(editor, () -> events.proposeCreate(project, EventPayload.of("Strike on Ariha",
                PartialDate.parse("2024-12-01"), battles), "Add", true));
        as(reviewer, () -> review.approve(event.changesetId(), null));
        strike = event.eventId();
        source = fixtures.newSource(project, editor, "Report", SENTENCE);
        signIn(editor);
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(LinkDialogClaimViewTest::descendants));
    }

    private static <T extends Component> T only(Component root, Class<T> type) {
        return descendants(root).filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private static void press(LinkDialog dialog) {
        Button save = dialog.getFooter().getElement().getChildren().map(e -> e.getComponent().orElseThrow())
                .filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> "Save to draft".equals(b.getText())).findFirst().orElseThrow();
        com.vaadin.flow.component.ComponentUtil.fireEvent(save, new com.vaadin.flow.component.ClickEvent<>(save));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_date_quote_linked_to_an_event_offers_its_claim_ticked_and_saving_confirms_it() {
        String quote = "30 November 2024";
        int start = SENTENCE.indexOf(quote);
        var saved = new AtomicReference<LinkDialog.Choice>();
        var dialog = new LinkDialog(project, annotations, taxonomy.taxonomy(project), quote, AnnotationType.DATE, null,
                choice -> {
                    saved.set(choice);
                    return null;
                });
        dialog.proposeClaims(t -> annotations.claimFromQuote(project, source, start, start + quote.length(), t));
        dialog.open(Map.of());
        Checkbox claim = only(dialog, Checkbox.class);
        assertThat(claim.isVisible()).as("no event chosen yet").isFalse();

        ComboBox<LinkCandidate> record = only(dialog, ComboBox.class);
        record.setValue(new LinkCandidate("EVENT", strike, "Strike on Ariha", false, false));
        assertThat(claim.isVisible()).isTrue();
        assertThat(claim.getValue()).isTrue();
        assertThat(claim.getLabel()).contains("30 November 2024").contains("the date per this source");

        press(dialog);
        assertThat(saved.get().link()).isEqualTo(new LinkChoice.Existing("EVENT", strike));
        assertThat(saved.get().claim()).isNotNull().satisfies(c -> {
            assertThat(c.field()).isEqualTo(ClaimField.DATE);
            assertThat(c.start()).isEqualTo(PartialDate.parse("2024-11-30"));
            assertThat(c.sourceId()).isEqualTo(source);
        });

        dialog.open(Map.of()); // saving closed it
        claim.setValue(false);
        press(dialog);
        assertThat(saved.get().claim()).as("unticked: the annotation alone").isNull();

        // a type that makes no claim offers none
        Select<AnnotationType> type = descendants(dialog).filter(Select.class::isInstance).map(Select.class::cast)
                .filter(s -> "Type".equals(s.getLabel())).findFirst().orElseThrow();
        type.setValue(AnnotationType.EVENT_MENTION);
        assertThat(claim.isVisible()).isFalse();
        type.setValue(AnnotationType.CASUALTY_FIGURE);
        assertThat(claim.isVisible()).as("the date has no casualty figure in it").isFalse();
    }
}
