package org.annals.annotation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.annals.source.SourceText;
import org.annals.source.parse.BlockKind;
import org.junit.jupiter.api.Test;

class PageMarksTest {

    private static SourceText.Passage passage(int start, Integer first, Integer last) {
        return new SourceText.Passage(0, BlockKind.PARAGRAPH, start, start + 10, null, first, last);
    }

    @Test
    void the_first_passage_of_each_page_and_a_passage_over_a_page_break_are_marked() {
        String css = PageMarks.css(List.of(passage(0, 1, 1), passage(12, 1, 1), passage(24, 1, 2),
                passage(36, 2, 2), passage(48, 3, 3)));

        assertThat(css).contains("annals-text .passage[data-start=\"0\"]::before{content:\"p. 1\"}")
                .contains("[data-start=\"24\"]::before{content:\"pp. 1–2\"}")
                .contains("[data-start=\"48\"]::before{content:\"p. 3\"}")
                .doesNotContain("[data-start=\"12\"]::before{content")
                .doesNotContain("[data-start=\"36\"]::before{content");
        // The shared look is one rule over the marked passages only.
        assertThat(css).startsWith(":is(annals-text .passage[data-start=\"0\"],").contains("user-select:none");
    }

    @Test
    void a_source_without_pages_gets_no_marks() {
        assertThat(PageMarks.css(List.of(passage(0, null, null), passage(12, null, null)))).isEmpty();
    }
}
