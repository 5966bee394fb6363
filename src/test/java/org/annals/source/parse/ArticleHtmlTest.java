package org.annals.source.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.annals.support.LocalWebServer;
import org.junit.jupiter.api.Test;

/** The main-content pass on fetched pages: the article stays, the site around it goes, and the loss is counted. */
class ArticleHtmlTest {

    private final SourceParser parser = new SourceParser();

    private SourceDraft read(String html) {
        return parser.parseExtracted(ArticleHtml.mainContent(html, ParseLimits.DEFAULT), ParseLimits.DEFAULT);
    }

    @Test
    void the_article_is_kept_and_navigation_advertisements_sidebar_comments_and_footer_are_left_out() {
        ArticleHtml.Extracted extracted = ArticleHtml.mainContent(LocalWebServer.ARTICLE_HTML, ParseLimits.DEFAULT);
        SourceDraft draft = parser.parseExtracted(extracted, ParseLimits.DEFAULT);

        String all = String.join("\n", draft.blocks().stream().map(DraftBlock::text).toList());
        assertThat(all).contains("artillery shelling hit the villages of Kafr Nubl", "forcing dozens of families",
                "safe passage for ambulances");
        assertThat(all).doesNotContain("Middle East", "Advertisement", "Most read", "Great article", "Sponsored",
                "All rights reserved");
        assertThat(draft.title()).isEqualTo("Shelling of Idlib villages");
        assertThat(draft.blocks().getFirst().kind()).isEqualTo(BlockKind.HEADING);
        assertThat(extracted.wholePage()).isFalse();
        assertThat(extracted.droppedCharacters()).isPositive();
    }

    @Test
    void without_an_article_element_the_container_with_the_most_paragraph_text_wins_over_link_lists() {
        String html = """
                <html><head><title>Report</title></head><body>
                <div id="top"><a href="/1">One link that is rather long</a> <a href="/2">Another long link text here</a>
                <a href="/3">A third link with many words in it, really</a></div>
                <div class="wrapper"><div class="story-body">
                <h1>Displacement in the north</h1>
                <p>Thousands of families left the villages around Saraqib in the first week of December, most of them
                on foot, according to the camp administration, which registered new arrivals every day.</p>
                <p>Camps near the border were already full, and new arrivals, many of them children, slept in tents
                without heating, while temperatures fell below zero at night.</p>
                </div>
                <div class="links"><p><a href="/a">Read also: a long headline of another story on the site today</a></p>
                <p><a href="/b">Read also: one more long headline of yet another story on this site</a></p></div>
                </div></body></html>
                """;
        SourceDraft draft = read(html);

        String all = String.join("\n", draft.blocks().stream().map(DraftBlock::text).toList());
        assertThat(all).contains("Thousands of families left", "temperatures fell below zero");
        assertThat(all).doesNotContain("Read also", "Another long link text");
    }

    @Test
    void a_page_of_short_items_is_kept_whole_and_left_to_the_chrome_detection() {
        String html = "<html><head><title>Links</title></head><body><ul><li>One</li><li>Two</li></ul>"
                + "<p>Short.</p></body></html>";
        ArticleHtml.Extracted extracted = ArticleHtml.mainContent(html, ParseLimits.DEFAULT);

        assertThat(extracted.wholePage()).isTrue();
        assertThat(extracted.droppedCharacters()).isZero();
        assertThat(extracted.document().select("li")).hasSize(2); // nothing taken out, not even the list
        assertThat(parser.parseExtracted(extracted, ParseLimits.DEFAULT).blocks())
                .isEqualTo(parser.parse(html, SourceFormat.HTML).blocks());
    }

    @Test
    void a_heading_above_the_article_is_kept_with_it() {
        String html = "<html><body><div class=\"head\"><h1>The title above</h1></div><article><p>"
                + "A paragraph long enough to count as the content of this article, with several clauses, commas, "
                + "and enough words to pass the threshold of real text.</p></article></body></html>";
        SourceDraft draft = read(html);

        assertThat(draft.blocks().getFirst().text()).isEqualTo("The title above");
        assertThat(draft.blocks()).extracting(DraftBlock::text).anyMatch(t -> t.startsWith("A paragraph long enough"));
    }
}
