package org.annals.source.parse.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HyphenationTest {

    private static Line line(String text) {
        return new Line(text, 1, 100, 0, 400, 0, 400, false, Line.Margin.NONE, 10, false, false);
    }

    /** The document writes "well-known" and "ceasefire" in running text elsewhere. */
    private final Hyphenation hyphenation = new Hyphenation(List.of(line("a well-known ceasefire was agreed here"),
            line("and broken")));

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            the recon-   | struction began      | the reconstruction began
            the cease-   | fire held            | the ceasefire held
            a well-      | known case           | a well-known case
            towards al-  | Sham province        | towards al-Sham province
            the al-      | bab road             | the al-bab road
            in Maarat-   | Numan                | in Maarat-Numan
            a soft\u00AD | ware fault           | a software fault
            """)
    void a_word_broken_at_a_line_end_is_joined_as_the_document_writes_it(String before, String after, String joined) {
        String b = before.replace("\\u00AD", "\u00AD");
        assertThat(Hyphenation.endsWithHyphen(b)).isTrue();
        assertThat(hyphenation.join(b, after)).isEqualTo(joined);
    }

    @ParameterizedTest
    @CsvSource({"2011-", "a -", "-"})
    void only_a_hyphen_after_a_letter_may_break_a_word(String text) {
        assertThat(Hyphenation.endsWithHyphen(text)).isFalse();
    }
}
