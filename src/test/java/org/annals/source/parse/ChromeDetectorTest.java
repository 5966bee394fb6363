package org.annals.source.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChromeDetectorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Jump to content                                   | navigation link
            Skip to main content                              | navigation link
            Toggle Background subsection                      | navigation link
            Last updated                                      | page status notice
            Last updated: 8 December 2024                     | page status notice
            Extended-protected article                        | page status notice
            Semi-protected                                    | page status notice
            From Wikipedia, the free encyclopedia             | site tagline
            Comments                                          | blog comment form
            Post a Comment                                    | blog comment form
            12 comments                                       | blog comment form
            Contents                                          | table of contents
            Retrieved from https://en.wikipedia.org/w/x       | page footer
            This page was last edited on 9 December 2024      | page footer
            This article is about the 2024 offensive.         | hatnote
            Main article: Battle of Aleppo (2024)             | hatnote
            [edit]                                            | edit link
            Edit                                              | edit link
            Share this:                                       | share button
            Subscribe to our newsletter                       | subscription prompt
            We use cookies to improve your experience.        | cookie notice
            Accept all cookies                                | cookie notice
            Related Research Articles                         | related-article list
            Northwestern Syria offensive (2024).jpg           | image file name
            InfoboxHez.PNG Redwan force [9]                   | image file name
            Flag of the Syrian Arab Armed Forces.svg  Syrian Armed Forces | image file name
            Al-Rastan bridge, damaged by an airstrike. jsr lrstn lkbyr.jpg | image file name
            """)
    void page_chrome_gets_a_reason_a_person_can_read(String text, String reason) {
        assertThat(ChromeDetector.reasonFor(text)).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Comments by the foreign minister were published on 3 December.",
            "The contents of the warehouse were seized by the rebels.",
            "Last updated figures show 51 soldiers killed.",
            "Edit wars broke out over the article.",
            "Subscribers to the channel saw the footage first.",
            "Background",
            "References",
            "See also",
            "Notes",
            "Share of the vote",
            "The photo (Aleppo.png) was widely shared.",
            "On 5 December 2024, opposition forces captured Hama.[2]",
            "سقطت حماة في ٥ كانون الأول",
            ""})
    void real_content_is_not_flagged(String text) {
        assertThat(ChromeDetector.reasonFor(text)).isNull();
    }

    @Test
    void everything_under_a_related_articles_heading_is_flagged_up_to_the_next_section() {
        List<DraftBlock> blocks = ChromeDetector.flag(List.of(
                DraftBlock.heading(2, "Offensive"),
                DraftBlock.of(BlockKind.PARAGRAPH, "Rebels advanced."),
                DraftBlock.heading(2, "Related Research Articles"),
                DraftBlock.heading(3, "Fall of Damascus"),
                DraftBlock.of(BlockKind.PARAGRAPH, "On 7 December 2024, the Southern Operations Room entered."),
                DraftBlock.heading(2, "References"),
                DraftBlock.of(BlockKind.LIST, "\"Syrian army quits Homs\". Reuters.")));
        assertThat(blocks).extracting(DraftBlock::chromeReason).containsExactly(
                null, null, "related-article list", "related-article blurb", "related-article blurb", null, null);
    }

    @Test
    void a_paragraph_repeating_the_caption_of_a_flagged_picture_is_its_caption() {
        List<DraftBlock> blocks = ChromeDetector.flag(List.of(
                DraftBlock.of(BlockKind.PARAGRAPH, "The bridge at Rastan. bridge.jpg"),
                DraftBlock.of(BlockKind.PARAGRAPH, "The bridge at Rastan."),
                DraftBlock.of(BlockKind.PARAGRAPH, "The bridge at Rastan.")));
        assertThat(blocks).extracting(DraftBlock::chromeReason)
                .containsExactly("image file name", "image caption", null);
    }

    @Test
    void uncited_encyclopedia_leads_after_the_last_cited_paragraph_are_related_article_blurbs() {
        List<DraftBlock> article = List.of(
                DraftBlock.of(BlockKind.PARAGRAPH, "Rebels entered the city. [1]"),
                DraftBlock.of(BlockKind.PARAGRAPH, "The army withdrew. [2]"),
                DraftBlock.of(BlockKind.PARAGRAPH, "Civilians fled. [3]"),
                DraftBlock.of(BlockKind.PARAGRAPH, "Saraqib is a city in northwestern Syria."),
                DraftBlock.of(BlockKind.PARAGRAPH, "The Aleppo offensive refers to a military operation."),
                DraftBlock.of(BlockKind.PARAGRAPH, "The latest offensive has been led by HTS."));
        assertThat(ChromeDetector.flag(article)).extracting(DraftBlock::chromeReason).containsExactly(
                null, null, null, "related-article blurb", "related-article blurb", "related-article blurb");
    }

    @Test
    void an_uncited_closing_section_of_ordinary_prose_stays_content() {
        List<DraftBlock> article = List.of(
                DraftBlock.of(BlockKind.PARAGRAPH, "Rebels entered the city. [1]"),
                DraftBlock.of(BlockKind.PARAGRAPH, "The army withdrew. [2]"),
                DraftBlock.of(BlockKind.PARAGRAPH, "Civilians fled. [3]"),
                DraftBlock.of(BlockKind.PARAGRAPH, "In the following weeks, life slowly returned."),
                DraftBlock.of(BlockKind.PARAGRAPH, "Shops reopened along the old market streets."),
                DraftBlock.of(BlockKind.PARAGRAPH, "By January, schools had reopened too."));
        assertThat(ChromeDetector.flag(article)).noneMatch(DraftBlock::looksLikeChrome);
    }

    @Test
    void reasons_given_by_a_parser_are_kept() {
        DraftBlock nav = DraftBlock.of(BlockKind.PARAGRAPH, "Main page").asChrome("navigation");
        assertThat(ChromeDetector.flag(List.of(nav))).containsExactly(nav);
    }
}
