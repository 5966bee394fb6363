package org.annals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Importing over real HTTP loses nothing without a word: plain text is kept whole unless the caller asks otherwise,
 * the other formats drop their page chrome, and the answer lists every block left out with totals.
 */
@ApiTest
class SourceImportOverApiTest {

    /** A scraped page as plain text: a navigation line, a long footer, a comment form, and the article. */
    static final String SCRAPED = """
            Hama offensive

            Jump to content

            Rebels entered Hama on 5 December 2024 after days of fighting.

            Retrieved from "https://en.wikipedia.org/w/index.php?title=2024_Hama_offensive&oldid=1265000000" on 8 December 2024

            Post a Comment
            """;

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TokenService tokens;

    private ApiClient api;
    private String sources;
    private String token;

    @BeforeEach
    void anEditorWithAToken() {
        api = new ApiClient(port);
        AnnalsPrincipal editor = fixtures.newUser("api-importer");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        token = Fixtures.as(editor, () -> tokens.create("import", project, TokenScope.WRITE,
                LocalDate.now().plusDays(1))).secret();
        sources = "/api/v1/projects/" + project + "/sources";
    }

    private JsonNode importText(String format, String content, @Nullable Boolean keepAll) {
        Map<String, Object> body = new HashMap<>(Map.of("format", format, "content", content, "allowDuplicate", true));
        if (keepAll != null) {
            body.put("keepAll", keepAll);
        }
        var answer = api.post(sources, token, body);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        return answer.json();
    }

    private String storedText(JsonNode answer) {
        return api.get(sources + "/" + answer.path("sourceId").asString(), token).json().path("text").asString();
    }

    @Test
    void plain_text_is_kept_whole_by_default_and_the_answer_says_nothing_was_dropped() {
        JsonNode answer = importText("text", SCRAPED, null);

        assertThat(answer.path("keptAll").asBoolean()).isTrue();
        assertThat(answer.path("dropped").isArray()).isTrue();
        assertThat(answer.path("dropped")).isEmpty();
        assertThat(answer.path("droppedBlocks").asInt()).isZero();
        assertThat(answer.path("droppedCharacters").asLong()).isZero();
        assertThat(answer.path("keptBlocks").asInt()).isEqualTo(5);
        assertThat(storedText(answer)).isEqualTo(SCRAPED.strip()).contains("Jump to content", "Post a Comment");
        assertThat(answer.path("textLength").asInt()).isEqualTo(SCRAPED.strip().length());
    }

    @Test
    void plain_text_without_keep_all_drops_the_chrome_and_lists_each_block_with_totals() {
        JsonNode answer = importText("text", SCRAPED, false);

        assertThat(answer.path("keptAll").asBoolean()).isFalse();
        JsonNode dropped = answer.path("dropped");
        assertThat(dropped).hasSize(3);
        assertThat(dropped.get(0).path("reason").asString()).isEqualTo("navigation link");
        assertThat(dropped.get(0).path("firstWords").asString()).isEqualTo("Jump to content");
        assertThat(dropped.get(0).path("characters").asInt()).isEqualTo(15);
        assertThat(dropped.get(1).path("reason").asString()).isEqualTo("page footer");
        assertThat(dropped.get(1).path("kind").asString()).isEqualTo("paragraph");
        String footer = SCRAPED.lines().filter(l -> l.startsWith("Retrieved")).findFirst().orElseThrow();
        assertThat(dropped.get(1).path("characters").asInt()).isEqualTo(footer.length());
        assertThat(dropped.get(1).path("firstWords").asString()).hasSize(80).endsWith("…")
                .isEqualTo(footer.substring(0, 79) + "…");
        assertThat(dropped.get(2).path("reason").asString()).isEqualTo("blog comment form");
        assertThat(dropped.get(2).path("firstWords").asString()).isEqualTo("Post a Comment");
        assertThat(answer.path("droppedBlocks").asInt()).isEqualTo(3);
        assertThat(answer.path("droppedCharacters").asLong()).isEqualTo(15 + footer.length() + 14);
        assertThat(answer.path("keptBlocks").asInt()).isEqualTo(2);

        String stored = storedText(answer);
        assertThat(stored).isEqualTo("Hama offensive\n\nRebels entered Hama on 5 December 2024 after days of fighting.");
        assertThat(answer.path("textLength").asInt()).isEqualTo(stored.length());
    }

    @Test
    void markup_drops_its_chrome_by_default_says_so_and_keeps_it_when_asked() {
        String markdown = "# Offensive report\n\nRebels entered Aleppo on 29 November 2024.\n\nBack to top\n";

        JsonNode dropping = importText("markdown", markdown, null);
        assertThat(dropping.path("keptAll").asBoolean()).isFalse();
        assertThat(dropping.path("dropped")).singleElement().satisfies(block -> {
            assertThat(block.path("reason").asString()).isEqualTo("navigation link");
            assertThat(block.path("kind").asString()).isEqualTo("paragraph");
            assertThat(block.path("firstWords").asString()).isEqualTo("Back to top");
            assertThat(block.path("characters").asInt()).isEqualTo(11);
        });
        assertThat(dropping.path("droppedCharacters").asLong()).isEqualTo(11);
        assertThat(storedText(dropping)).doesNotContain("Back to top");

        JsonNode keeping = importText("markdown", markdown, true);
        assertThat(keeping.path("keptAll").asBoolean()).isTrue();
        assertThat(keeping.path("dropped")).isEmpty();
        assertThat(storedText(keeping)).endsWith("Back to top");
    }
}
