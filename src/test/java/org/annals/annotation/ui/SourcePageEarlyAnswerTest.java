package org.annals.annotation.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.base.NotFoundException;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** What a source page's early answer sends first, as learnt from a Vaadin page (decision 47). */
class SourcePageEarlyAnswerTest {

    private static final Document VAADIN_PAGE = Jsoup.parse("""
            <!doctype html><html lang="en"><head><base href="./../../../">
            <meta name="viewport" content="width=device-width, initial-scale=1&quot; onload=&quot;x">
            <title>Annals</title><link rel="icon" href="icons/annals.svg" sizes="any">
            <link rel="stylesheet" href="lumo/lumo.css"><link rel="stylesheet" href="styles.css?v-c=1">
            <script type="module" src="VAADIN/build/indexhtml-1.js"></script><script>window.x = 1;</script>
            </head><body><div id="outlet"></div></body></html>""");

    @Test
    void the_head_has_vaadins_style_sheets_and_modules_by_absolute_address_and_the_stored_colour_scheme() {
        var answer = new SourcePageEarlyAnswer(null, null, true, true, true);

        answer.learnHead(VAADIN_PAGE, "/annals/projects/0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/sources/"
                + "0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c");

        assertThat(answer.learnedHead())
                .startsWith("<!doctype html><html><head><meta charset=\"UTF-8\"><base href=\"/annals/\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1&quot; onload=&quot;x\">")
                .contains("<link rel=\"stylesheet\" href=\"/annals/lumo/lumo.css\">")
                .contains("<link rel=\"stylesheet\" href=\"/annals/styles.css?v-c=1\">")
                .contains("<link rel=\"modulepreload\" href=\"/annals/VAADIN/build/indexhtml-1.js\">")
                .contains("<link rel=\"icon\" href=\"/annals/icons/annals.svg\" sizes=\"any\">")
                .contains("localStorage.getItem('annals-color-scheme')")
                .endsWith("</script></head><body>")
                // Nothing else of Vaadin's head: its scripts run once, from Vaadin's page, which follows.
                .doesNotContain("window.x").doesNotContain("<title>");
    }

    @Test
    void an_address_that_does_not_parse_teaches_nothing_and_the_next_page_does() {
        var answer = new SourcePageEarlyAnswer(null, null, true, true, true);

        answer.learnHead(VAADIN_PAGE, "/projects/a b/sources");
        assertThat(answer.learnedHead()).isNull();

        answer.learnHead(VAADIN_PAGE, "/projects/x/sources/y");
        assertThat(answer.learnedHead()).contains("href=\"/lumo/lumo.css\"");
        String first = answer.learnedHead();
        answer.learnHead(Jsoup.parse("<html><head></head><body></body></html>"), "/");
        assertThat(answer.learnedHead()).as("kept once").isEqualTo(first);
    }

    @Test
    void vaadins_page_after_an_early_beginning_links_its_style_sheets_and_icon_once() {
        var answer = new SourcePageEarlyAnswer(null, null, true, true, true);
        String address = "/annals/projects/0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/sources/0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";
        answer.learnHead(VAADIN_PAGE, address);
        Document page = VAADIN_PAGE.clone();
        page.head().appendElement("link").attr("rel", "stylesheet").attr("href", "other.css");

        answer.dropSentFromPage(page, address);

        assertThat(page.head().select("link").eachAttr("href")).containsExactly("other.css");
        assertThat(page.head().select("script[type=module]")).hasSize(1);
        assertThat(page.head().select("base, meta[name=viewport], title")).hasSize(3);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /**
     * The head went out, then reading the source failed (it was deleted meanwhile, or the database failed): no first
     * screen and no half-written one, Vaadin's page follows in the same answer and the view reads for itself.
     */
    @Test
    void a_read_failing_after_the_head_went_out_leaves_the_rest_of_the_answer_to_vaadin() throws Exception {
        UUID project = UUID.fromString("0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        UUID source = UUID.fromString("0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c");
        String address = "/projects/" + project + "/sources/" + source;
        SourceService sources = mock(SourceService.class);
        AnnotationService annotations = mock(AnnotationService.class);
        when(sources.isReadable(project, source)).thenReturn(true);
        when(sources.opening(eq(project), eq(source), anyInt())).thenThrow(new NotFoundException("Source"));
        var answer = new SourcePageEarlyAnswer(sources, annotations, true, true, true);
        answer.learnHead(VAADIN_PAGE, address);
        var reader = new AnnalsPrincipal(UUID.randomUUID(), "reader", "Reader", null, false, true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(reader, null, reader.getAuthorities()));
        var request = new MockHttpServletRequest("GET", address);
        request.addHeader("Accept", "text/html,application/xhtml+xml");
        var response = new MockHttpServletResponse();

        answer.doFilter(request, response, (req, res) -> res.getOutputStream()
                .write("<!doctype html><html><head></head><body>Vaadin's page</body></html>".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(answer.learnedHead() + "<!doctype html><html><head></head><body>Vaadin's page</body></html>")
                .doesNotContain("annals-first-screen");
        assertThat(SourcePageEarlyAnswer.firstScreenSent(request)).isFalse();
        assertThat(SourcePageEarlyAnswer.takeReads(request, project, source)).as("nothing handed to the view").isNull();
        verifyNoInteractions(annotations);
    }
}
