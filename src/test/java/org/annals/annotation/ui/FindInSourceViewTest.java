package org.annals.annotation.ui;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Find in this source" on the source page without a browser: the count and stepping, the hits sent to
 * the text component, and the page opened at an address's range with words (as search results link).
 */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class FindInSourceViewTest extends SignedInBrowserlessTest {

    private static final String FIRST = "The siege of Ḥalab began in the summer.";
    private static final String SECOND = "مدينة حَلَب القديمة، ثم حلـــب الجديدة.";
    private static final String THIRD = "By winter HALAB was quiet 😀 and halab rebuilt.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Fixtures fixtures;
    @Autowired
    SourceService sources;

    private UUID project;
    private UUID source;
    private String text;

    @BeforeEach
    void aSourceWithAleppoInTwoScripts() {
        project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal viewer = fixtures.newUser("find-viewer");
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        source = fixtures.newSource(project, fixtures.admin(), "Aleppo", FIRST, SECOND, THIRD);
        text = as(fixtures.admin(), () -> sources.read(project, source).text());
        signIn(viewer);
    }

    /** Opens an address with its query, as a link would (the test's navigate takes a path only). */
    private void open(String address) {
        int query = address.indexOf('?');
        UI.getCurrent().navigate(address.substring(0, query),
                com.vaadin.flow.router.QueryParameters.fromString(address.substring(query + 1)));
        roundTrip();
    }

    private TextField field() {
        return find(TextField.class).all().stream()
                .filter(f -> "Find in this source".equals(f.getAriaLabel().orElse(null))).findFirst().orElseThrow();
    }

    private String count() {
        return find(Span.class).all().stream().filter(s -> s.hasClassName("find-count")).findFirst().orElseThrow()
                .getText();
    }

    private Button button(String label) {
        return find(Button.class).all().stream().filter(b -> label.equals(b.getElement().getAttribute("aria-label")))
                .findFirst().orElseThrow();
    }

    /** The marks last sent to the text component (setFindMarks), or null when none were sent since the last look. */
    private JsonNode lastMarks() {
        roundTrip();
        List<PendingJavaScriptInvocation> pending = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        JsonNode last = null;
        for (PendingJavaScriptInvocation call : pending) {
            var invocation = call.getInvocation();
            if (invocation.getExpression().contains("setFindMarks")) {
                Object argument = invocation.getParameters().getLast();
                last = JSON.readTree(argument.toString());
            }
        }
        return last;
    }

    private String quote(JsonNode span) {
        return text.substring(span.get(0).asInt(), span.get(1).asInt());
    }

    @Test
    void typing_counts_every_hit_in_every_script_and_next_and_previous_step_and_wrap_round() {
        navigate(ProjectRoutes.sourcePath(project, source), Component.class);
        lastMarks();
        test(field()).setValue("halab");
        assertThat(count()).isEqualTo("1 of 3");
        JsonNode marks = lastMarks();
        assertThat(quote(marks.get("current"))).isEqualTo("Ḥalab");
        assertThat(marks.get("scroll").asBoolean()).isTrue();
        assertThat(marks.get("others")).extracting(this::quote).containsExactly("HALAB", "halab");

        test(button("Next match (Enter)")).click();
        assertThat(count()).isEqualTo("2 of 3");
        assertThat(quote(lastMarks().get("current"))).isEqualTo("HALAB");
        test(button("Next match (Enter)")).click();
        test(button("Next match (Enter)")).click();
        assertThat(count()).isEqualTo("1 of 3");
        test(button("Previous match (Shift+Enter)")).click();
        assertThat(count()).isEqualTo("3 of 3");
        assertThat(quote(lastMarks().get("current"))).isEqualTo("halab");

        test(field()).setValue("حلب");
        // New words start from where the reader is: the hit at or after the current one, here wrapping.
        assertThat(count()).isEqualTo("1 of 2");
        assertThat(quote(lastMarks().get("current"))).isEqualTo("حَلَب");

        test(field()).setValue("Damascus");
        assertThat(count()).isEqualTo("No matches");
        assertThat(button("Next match (Enter)").isEnabled()).isFalse();
        assertThat(lastMarks().has("current")).isFalse();

        test(field()).setValue("");
        assertThat(count()).isEmpty();
        assertThat(lastMarks().get("others")).isEmpty();
    }

    @Test
    void an_address_with_a_range_and_words_opens_there_with_the_hit_current() {
        int start = text.indexOf("halab rebuilt");
        String address = ProjectRoutes.sourceAt(project, source, start, start + 5, "Ḥalab");
        assertThat(address).isEqualTo(ProjectRoutes.sourcePath(project, source) + "?at=" + start + "-" + (start + 5)
                + "&q=%E1%B8%A4alab");
        open(address);
        assertThat(field().getValue()).isEqualTo("Ḥalab");
        assertThat(count()).isEqualTo("3 of 3");
        JsonNode marks = lastMarks();
        assertThat(marks.get("current").get(0).asInt()).isEqualTo(start);
        assertThat(marks.get("scroll").asBoolean()).isTrue();
        test(button("Next match (Enter)")).click();
        assertThat(count()).isEqualTo("1 of 3");
    }

    @Test
    void an_address_with_a_range_alone_marks_it_and_one_with_words_alone_finds_them() {
        int start = text.indexOf("القديمة");
        open(ProjectRoutes.sourceAt(project, source, start, start + 7, null));
        JsonNode marks = lastMarks();
        assertThat(quote(marks.get("current"))).isEqualTo("القديمة");
        assertThat(field().getValue()).isEmpty();
        assertThat(count()).isEmpty();
        // Words typed then start from the range: the first hit after it.
        test(field()).setValue("halab");
        assertThat(count()).isEqualTo("2 of 3");
        assertThat(quote(lastMarks().get("current"))).isEqualTo("HALAB");

        open(ProjectRoutes.sourcePath(project, source) + "?q=winter");
        assertThat(count()).isEqualTo("1 of 1");
        assertThat(quote(lastMarks().get("current"))).isEqualTo("winter");
    }

    @Test
    void a_bad_or_out_of_range_address_opens_the_page_at_the_top_without_marks() {
        for (String at : new String[] {"abc", "9-3", "0-" + (text.length() + 1), "-5-2", "1-2-3", "%00"}) {
            open(ProjectRoutes.sourcePath(project, source) + "?at=" + at);
            assertThat(lastMarks()).as(at).isNull();
            assertThat(count()).isEmpty();
        }
        // A blank q is no words.
        open(ProjectRoutes.sourcePath(project, source) + "?at=abc&q=%20%20");
        assertThat(lastMarks()).isNull();
    }
}
