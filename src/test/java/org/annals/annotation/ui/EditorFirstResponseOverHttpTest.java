package org.annals.annotation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.annals.support.HttpSignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 21, over real HTTP: a source's page is answered with its view already rendered (Vaadin's initial
 * message inside the page, naming the text's and the annotations' downloads, which the page's head also names
 * as preloads); those addresses give the text to the signed-in reader and nothing to anyone else. Other pages stay as Vaadin answers them (no view inside).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:annals-test.properties")
class EditorFirstResponseOverHttpTest {

    /** A download address of the page's components, as Vaadin's initial message names it. */
    private static final Pattern DOWNLOAD = Pattern.compile("VAADIN/dynamic/resource/[0-9]+/[0-9a-f-]+/");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SourceService sources;

    @Test
    void a_source_page_comes_rendered_and_its_downloads_give_the_text_to_the_reader_only() throws Exception {
        AnnalsPrincipal reader = fixtures.newUser("first-response");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, reader, ProjectRole.EDITOR);
        UUID source = fixtures.newSource(project, reader, "First response",
                new String[] {"The rebels entered Aleppo on Saturday.", "Ḥamā — حماة, a second paragraph."});
        String text = Fixtures.as(reader, () -> sources.text(project, source));

        var person = new HttpSignIn(port);
        assertThat(person.signIn(reader.getUsername(), Fixtures.PASSWORD, Map.of())).isEqualTo("/");
        var page = get(person, "/projects/" + project + "/sources/" + source);
        assertThat(page.statusCode()).isEqualTo(200);
        // The view is inside the page (Vaadin's initial message): titled as the source, with its two downloads.
        assertThat(page.body()).contains("First response");
        var downloads = new ArrayList<String>();
        var matcher = DOWNLOAD.matcher(page.body());
        while (matcher.find()) {
            if (!downloads.contains(matcher.group())) {
                downloads.add(matcher.group());
            }
        }
        assertThat(downloads).hasSize(2);
        // The view's container waits just before the outlet React mounts on (React empties the outlet when it mounts).
        assertThat(page.body()).containsPattern("<flow-container-[a-z0-9-]+ id=\"[^\"]+\"></flow-container-[a-z0-9-]+>\\s*"
                + "<div id=\"outlet\"></div>");
        // The page's head names both as preloads, fetched as the component fetches them (same origin, cookies).
        String head = page.body().substring(0, page.body().indexOf("</head>"));
        for (String download : downloads) {
            assertThat(head).contains("<link rel=\"preload\" as=\"fetch\" crossorigin=\"\" href=\"" + download + "\">");
        }

        // The first screen: the text's beginning drawn on the server, hidden until the page's script places it, first
        // in the body; Vaadin's initial message after it. Opened at a place (?at=), the page has none.
        assertThat(page.body()).containsPattern("<body>\\s*<div id=\"annals-first-screen\" hidden aria-hidden=\"true\" "
                + "data-source=\"" + source + "\"><div class=\"annals-body\">");
        assertThat(page.body()).contains("<span data-s=\"0\">The rebels entered Aleppo on Saturday.</span>");
        assertThat(page.body().indexOf("id=\"annals-first-screen\"")).isLessThan(page.body().indexOf("window.Vaadin.TypeScript"));
        assertThat(get(person, "/projects/" + project + "/sources/" + source + "?at=4-10").body())
                .contains("First response").doesNotContain("annals-first-screen");

        var textDownload = get(person, "/" + downloads.get(0));
        assertThat(textDownload.statusCode()).isEqualTo(200);
        assertThat(textDownload.body()).isEqualTo(text);
        var docDownload = get(person, "/" + downloads.get(1));
        assertThat(docDownload.statusCode()).isEqualTo(200);
        assertThat(docDownload.body()).startsWith("{\"passages\":[[");

        // Another person's session cannot use the addresses; not signed in, the page is the sign-in form.
        AnnalsPrincipal stranger = fixtures.newUser("fr-stranger");
        var other = new HttpSignIn(port);
        assertThat(other.signIn(stranger.getUsername(), Fixtures.PASSWORD, Map.of())).isEqualTo("/");
        assertThat(get(other, "/" + downloads.get(0)).body()).doesNotContain("Aleppo");
        assertThat(get(other, "/projects/" + project + "/sources/" + source).body()).doesNotContain("Aleppo")
                .doesNotContain("annals-first-screen");
        var anonymous = new HttpSignIn(port);
        var refused = get(anonymous, "/projects/" + project + "/sources/" + source);
        assertThat(refused.body()).doesNotContain("First response").doesNotContain("VAADIN/dynamic/resource/");

        // Other pages: no view rendered into the page (the library's title is not in it).
        var library = get(person, "/projects/" + project + "/sources");
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).doesNotContain("First response").doesNotContain("rel=\"preload\" as=\"fetch\"");
        assertThat(library.body()).doesNotContain("<flow-container-");
    }

    private static HttpResponse<String> get(HttpSignIn server, String path) throws Exception {
        return server.client().send(server.request(path).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
