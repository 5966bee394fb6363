package org.annals.source.parse.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageChromeTest {

    private static Line line(String text, int page, Line.Margin margin) {
        return new Line(text, page, margin == Line.Margin.BOTTOM ? 800 : 30, 0, 100, 0, 400, true, margin, 9, false,
                false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "Page 3", "page 3 of 40", "- 7 -", "iv", "p. 12", "3 / 40", "صفحة ٣"})
    void a_page_number_in_a_margin_is_chrome_even_on_one_page(String text) {
        Line number = line(text, 1, Line.Margin.BOTTOM);
        assertThat(PageChrome.of(List.of(number), 1).reason(number)).isEqualTo("page number");
    }

    @Test
    void a_line_repeated_at_the_top_of_pages_is_a_running_header_whatever_its_numbers() {
        var lines = new ArrayList<Line>();
        for (int page = 1; page <= 10; page++) {
            lines.add(line("Annual report 2024 | " + page, page, Line.Margin.TOP));
            lines.add(line("A different closing line " + "x".repeat(page), page, Line.Margin.BOTTOM));
        }
        PageChrome chrome = PageChrome.of(lines, 10);

        assertThat(chrome.reason(lines.get(4))).isEqualTo("running header");
        assertThat(chrome.reason(lines.get(5))).isNull();
    }

    @Test
    void the_same_line_in_the_body_of_pages_is_content() {
        var lines = new ArrayList<Line>();
        for (int page = 1; page <= 5; page++) {
            lines.add(new Line("Recommendations", page, 400, 0, 100, 0, 400, true, Line.Margin.NONE, 12, true, false));
        }
        PageChrome chrome = PageChrome.of(lines, 5);

        assertThat(lines).allMatch(l -> chrome.reason(l) == null);
    }
}
