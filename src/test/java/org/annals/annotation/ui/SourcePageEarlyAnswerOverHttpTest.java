package org.annals.annotation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.HttpSignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 21, over real HTTP: a source's page opened by a browser (which asks for HTML) begins with the head and the
 * first screen, sent before Vaadin's page, which follows in the same answer (decision 47); only for a reader of the
 * source, only at its plain address, only once a Vaadin page has taught the head; compressed like any page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:annals-test.properties")
class SourcePageEarlyAnswerOverHttpTest {

    private static final String EARLY_HEAD = "<!doctype html><html><head><meta charset=\"UTF-8\">";
    private static final Pattern VAADIN_PAGE = Pattern.compile("<!doctype html>(?:\\s|<!--.*?-->)*<html lang=",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SourcePageEarlyAnswer earlyAnswer;

    @Test
    void a_readers_browser_gets_the_head_and_the_first_screen_before_vaadins_page() throws Exception {
        AnnalsPrincipal reader = fixtures.newUser("early");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, reader, ProjectRole.VIEWER);
        UUID source = fixtures.newSource(project, fixtures.admin(), "Early answer",
                new String[] {"The rebels entered Aleppo on Saturday.", "<b>not markup</b> & a second paragraph."});
        String page = "/projects/" + project + "/sources/" + source;
        var person = new HttpSignIn(port);
        assertThat(person.signIn(reader.getUsername(), Fixtures.PASSWORD, Map.of())).isEqualTo("/");

        // As after a restart: the first page answered teaches the head and is answered as Vaadin answers it.
        earlyAnswer.forgetHead();
        String first = html(person, page).body();
        assertThat(first).doesNotStartWith(EARLY_HEAD).containsPattern(VAADIN_PAGE).contains("id=\"annals-first-screen\"");

        var answer = html(person, page);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).isEqualToIgnoringCase("text/html;charset=UTF-8");
        String body = answer.body();
        assertThat(body).startsWith(EARLY_HEAD);
        String early = body.substring(0, body.indexOf("</head>"));
        // Vaadin's style sheets by absolute address (its own are relative to a <base> for the page's path).
        assertThat(early).contains("<base href=\"/\">").containsPattern("<meta name=\"viewport\" content=\"[^\"]+\">")
                .contains("<link rel=\"icon\" href=\"/icons/annals.svg\"")
                .containsPattern("<link rel=\"stylesheet\" href=\"/[^\"]*styles\\.css[^\"]*\">")
                .contains("localStorage.getItem('annals-color-scheme')");
        // The first screen right after the early head, its text as text; then Vaadin's page, with the view rendered.
        assertThat(body.substring(body.indexOf("</head>"))).startsWith("</head><body><div id=\"annals-first-screen\" hidden "
                + "aria-hidden=\"true\" data-source=\"" + source + "\"><div class=\"annals-body\">");
        assertThat(body).contains("<span data-s=\"0\">The rebels entered Aleppo on Saturday.</span>")
                .contains("&lt;b&gt;not markup&lt;/b&gt; &amp; a second paragraph.").doesNotContain("<b>not markup");
        var vaadin = VAADIN_PAGE.matcher(body);
        assertThat(vaadin.find()).isTrue();
        assertThat(vaadin.start()).isGreaterThan(body.indexOf("annals-first-screen"));
        String rest = body.substring(vaadin.start());
        assertThat(rest).contains("window.Vaadin.TypeScript").contains("Early answer").contains("VAADIN/dynamic/resource/")
                .doesNotContain("annals-first-screen\" hidden")
                // Linked once, in the early head: a second copy would win over styles added while the client runs.
                .doesNotContain("rel=\"stylesheet\"").doesNotContain("rel=\"icon\"");
        assertThat(body.split("id=\"annals-first-screen\"", -1)).hasSize(2);

        // Compressed when the browser accepts it, the beginning as well.
        var zipped = person.client().send(person.request(page).header("Accept", "text/html")
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            String unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(unzipped).startsWith(EARLY_HEAD).contains("Aleppo").contains("window.Vaadin.TypeScript");
        }

        // Not early: opened at a place, asked for by a script, by someone who may not read it, by nobody signed in.
        assertThat(html(person, page + "?at=4-10").body()).doesNotStartWith(EARLY_HEAD).doesNotContain("annals-first-screen");
        var fetched = person.client().send(person.request(page).header("Accept", "*/*").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(fetched.body()).doesNotStartWith(EARLY_HEAD).containsPattern(VAADIN_PAGE);
        AnnalsPrincipal stranger = fixtures.newUser("early-x");
        var other = new HttpSignIn(port);
        assertThat(other.signIn(stranger.getUsername(), Fixtures.PASSWORD, Map.of())).isEqualTo("/");
        assertThat(html(other, page).body()).doesNotStartWith(EARLY_HEAD).doesNotContain("Aleppo");
        assertThat(html(other, "/projects/" + project + "/sources/" + UUID.randomUUID()).body()).doesNotStartWith(EARLY_HEAD);
        assertThat(html(new HttpSignIn(port), page).body()).doesNotStartWith(EARLY_HEAD).doesNotContain("Aleppo");
    }

    private static HttpResponse<String> html(HttpSignIn server, String path) throws Exception {
        return server.client().send(server.request(path).header("Accept", "text/html,application/xhtml+xml").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
