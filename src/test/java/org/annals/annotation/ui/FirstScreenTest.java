package org.annals.annotation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.EditorAnnotation;
import org.annals.source.SourceText;
import org.annals.source.parse.BlockKind;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The first screen's HTML (FirstScreen) on its own: what it draws of a long text, how it groups and cuts passages,
 * and that the source's words stay words. Where the words land against the component's drawing is
 * FirstScreenBrowserTest's part.
 */
class FirstScreenTest {

    @Test
    void markup_in_the_text_and_in_labels_stays_text() {
        String text = "<script>alert(1)</script> & <b>bold</b>";
        var annotation = annotation("a", 0, 8, AnnotationType.CLAIM, EditorAnnotation.State.DRAFT, false,
                "\"><img src=x onerror=alert(2)>");

        Element body = FirstScreen.body(text, List.of(paragraph(0, 0, text.length())), List.of(), List.of(),
                List.of(annotation));

        assertThat(body.select("script, b, img")).isEmpty();
        assertThat(body.text()).isEqualTo(text);
        assertThat(body.selectFirst("span.ann").attr("title"))
                .isEqualTo("\"><img src=x onerror=alert(2)> — Claim (draft)");
        assertThat(body.outerHtml()).contains("&lt;script&gt;", "alert(1)&lt;/script&gt; &amp; &lt;b&gt;");
    }

    @Test
    void the_passages_beginning_in_the_first_characters_are_drawn_in_chunks_the_last_one_cut() {
        var passages = new ArrayList<SourceText.Passage>();
        var text = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            passages.add(paragraph(i, text.length(), text.length() + 2_500));
            text.append("x".repeat(2_500));
        }
        // The service gives a little more than the first screen needs; only the first CHARACTERS are drawn.
        String beginning = text.substring(0, FirstScreen.CHARACTERS + 500);

        Element body = FirstScreen.body(beginning, passages, List.of(), List.of(), List.of());

        assertThat(body.select(".passage").eachAttr("data-start")).containsExactly("0", "2500", "5000", "7500", "10000");
        assertThat(body.select(".passage").last().attr("data-end")).isEqualTo(Integer.toString(FirstScreen.CHARACTERS));
        assertThat(body.select(".passage").last().text()).hasSize(FirstScreen.CHARACTERS - 10_000);
        // As annals-text groups them: a new chunk once a chunk holds 6,000 characters of passages.
        assertThat(body.select(".passage-chunk")).hasSize(2);
        assertThat(body.select(".passage-chunk").first().select(".passage")).hasSize(3);
    }

    @Test
    void an_emoji_at_the_end_is_drawn_whole_or_not_at_all() {
        String text = "a".repeat(FirstScreen.CHARACTERS - 1) + "\uD83D\uDE00" + "tail";

        Element body = FirstScreen.body(text, List.of(paragraph(0, 0, text.length())), List.of(), List.of(), List.of());

        assertThat(body.selectFirst(".passage").attr("data-end")).isEqualTo(Integer.toString(FirstScreen.CHARACTERS - 1));
        assertThat(body.text()).doesNotContain("\uD83D");
    }

    @Test
    void overlapping_annotations_get_lanes_and_the_innermost_tint_and_headings_their_level() {
        String text = "Offensive\nRebel forces entered Aleppo on Friday [1].";
        var heading = new SourceText.Passage(0, BlockKind.HEADING, 0, 9, 0, null, null);
        var paragraph = paragraph(1, 10, text.length());
        int rebel = text.indexOf("Rebel");
        int aleppo = text.indexOf("Aleppo");
        var outer = annotation("outer", rebel, aleppo + 6, AnnotationType.CLAIM, EditorAnnotation.State.VETTED, false, "");
        var inner = annotation("inner", aleppo, aleppo + 6, AnnotationType.ENTITY_MENTION,
                EditorAnnotation.State.PENDING, true, "Aleppo (place)");
        int cite = text.indexOf("[1]");

        Element body = FirstScreen.body(text, List.of(heading, paragraph),
                List.of(new SourceText.Section(0, 1, "Offensive", 0, text.length(), null)),
                List.of(new SourceText.Range(cite, cite + 3)), List.of(outer, inner));

        Element h = body.selectFirst(".passage-heading");
        assertThat(h.attr("role")).isEqualTo("heading");
        assertThat(h.attr("aria-level")).isEqualTo("1");
        Element both = body.selectFirst("span[data-s=" + aleppo + "]");
        assertThat(both.attr("data-ids")).as("innermost first").isEqualTo("inner outer");
        assertThat(both.attr("data-states")).isEqualTo("deleting vetted");
        assertThat(both.attr("title")).isEqualTo("Aleppo (place) — Entity mention (pending review, deletion proposed)\n"
                + "Claim (vetted)");
        assertThat(both.attr("style")).startsWith("background: repeating-linear-gradient(90deg, color-mix(in srgb, "
                + AnnotationType.ENTITY_MENTION.colour() + " 45%, transparent) 0 6px")
                // The vetted claim's line is in the upper lane (a gradient layer there); the tint is a colour.
                .contains("linear-gradient(" + AnnotationType.CLAIM.colour() + ", " + AnnotationType.CLAIM.colour()
                        + ") 0 calc(100% - 3px) / 100% 2px no-repeat")
                .endsWith(", content-box color-mix(in srgb, " + AnnotationType.ENTITY_MENTION.colour()
                        + " 8%, transparent); padding-bottom: 6px;");
        // Covered by the vetted claim alone: no gradient for the browser to paint (docs/performance.md, round 9).
        assertThat(body.selectFirst("span[data-s=" + rebel + "]").attr("style")).isEqualTo("background: content-box"
                + " color-mix(in srgb, " + AnnotationType.CLAIM.colour() + " 16%, transparent); padding-bottom: 3px;"
                + " box-shadow: inset 0 -2px 0 " + AnnotationType.CLAIM.colour() + ";");
        assertThat(body.select(".passage-paragraph").attr("style")).isEqualTo("--lanes: 2;");
        assertThat(body.selectFirst("span[data-s=" + cite + "]").className()).isEqualTo("citation");
        assertThat(body.selectFirst("span[data-s=" + rebel + "]").attr("data-ids")).isEqualTo("outer");
    }

    private static SourceText.Passage paragraph(int ordinal, int start, int end) {
        return new SourceText.Passage(ordinal, BlockKind.PARAGRAPH, start, end, null, null, null);
    }

    private static EditorAnnotation annotation(String key, int start, int end, AnnotationType type,
            EditorAnnotation.State state, boolean deleting, String label) {
        return new EditorAnnotation(key, UUID.randomUUID(), start, end, "", "", "", type, null, null, label, state,
                deleting, null);
    }
}
