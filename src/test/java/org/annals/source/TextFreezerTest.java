package org.annals.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.annals.base.InvalidInputException;
import org.annals.source.parse.BlockKind;
import org.annals.source.parse.DraftBlock;
import org.junit.jupiter.api.Test;

class TextFreezerTest {

    @Test
    void text_is_normalised_nfc_with_unix_line_ends_no_control_characters_and_no_trailing_spaces() {
        String decomposed = "Hama\u0304 ";
        FrozenText frozen = TextFreezer.freeze(List.of(
                DraftBlock.of(BlockKind.PARAGRAPH, decomposed + "\r\nline two\u0007\t \r\n"),
                DraftBlock.of(BlockKind.TABLE, "a | b  \rc | d")));
        assertThat(frozen.text()).isEqualTo("Ham\u0101\nline two\n\na | b\nc | d");
        assertThat(frozen.sha256()).hasSize(64).isEqualTo(TextFreezer.sha256(frozen.text()));
    }

    @Test
    void passages_and_sections_are_exact_offset_ranges_of_the_final_text() {
        FrozenText frozen = TextFreezer.freeze(List.of(
                DraftBlock.heading(1, "Battle of Aleppo"),
                DraftBlock.of(BlockKind.PARAGRAPH, "Intro paragraph."),
                DraftBlock.heading(2, "Background"),
                DraftBlock.of(BlockKind.PARAGRAPH, "First."),
                DraftBlock.heading(3, "Earlier fighting"),
                DraftBlock.of(BlockKind.PARAGRAPH, "Second."),
                DraftBlock.heading(2, "Battle"),
                DraftBlock.of(BlockKind.LIST, "one\ntwo")));

        String text = frozen.text();
        assertThat(frozen.passages()).hasSize(8);
        assertThat(frozen.passages()).extracting(p -> text.substring(p.start(), p.end())).containsExactly(
                "Battle of Aleppo", "Intro paragraph.", "Background", "First.", "Earlier fighting", "Second.",
                "Battle", "one\ntwo");
        assertThat(frozen.sections()).extracting(FrozenText.Section::title)
                .containsExactly("Battle of Aleppo", "Background", "Earlier fighting", "Battle");
        assertThat(frozen.sections()).extracting(FrozenText.Section::parent).containsExactly(null, 0, 1, 0);
        var background = frozen.sections().get(1);
        assertThat(text.substring(background.start(), background.end()))
                .isEqualTo("Background\n\nFirst.\n\nEarlier fighting\n\nSecond.");
        assertThat(frozen.sections().get(0).end()).isEqualTo(text.length());
        assertThat(frozen.passages().get(7).section()).isEqualTo(3);
    }

    @Test
    void citation_markers_stay_in_the_text_and_are_recorded_as_ranges() {
        String paragraph = "Rebels entered Aleppo.[27] It was the first time [a] since 2016.[ better source needed ]"
                + " Casualties rose [citation needed] [unreliable source?] [2][3]. Not markers: [Aleppo] [sic] [2024 offensive].";
        FrozenText frozen = TextFreezer.freeze(List.of(DraftBlock.of(BlockKind.PARAGRAPH, paragraph)));
        assertThat(frozen.text()).isEqualTo(paragraph);
        assertThat(frozen.citations()).extracting(r -> frozen.text().substring(r.start(), r.end()))
                .containsExactly("[27]", "[a]", "[ better source needed ]", "[citation needed]", "[unreliable source?]", "[2]", "[3]");
    }

    @Test
    void right_to_left_text_and_emoji_keep_correct_utf16_offsets() {
        FrozenText frozen = TextFreezer.freeze(List.of(
                DraftBlock.of(BlockKind.PARAGRAPH, "😀 سقطت حلب في 30 نوفمبر 👍🏽"),
                DraftBlock.of(BlockKind.PARAGRAPH, "Next [1] paragraph")));
        var second = frozen.passages().get(1);
        assertThat(frozen.text().substring(second.start(), second.end())).isEqualTo("Next [1] paragraph");
        var marker = frozen.citations().getFirst();
        assertThat(frozen.text().substring(marker.start(), marker.end())).isEqualTo("[1]");
        // "😀" and "👍🏽" are surrogate pairs: offsets count UTF-16 code units, as browsers do.
        assertThat(frozen.passages().getFirst().end()).isEqualTo("😀 سقطت حلب في 30 نوفمبر 👍🏽".length());
    }

    @Test
    void nothing_kept_is_refused() {
        assertThatThrownBy(() -> TextFreezer.freeze(List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("keep at least one block");
        assertThatThrownBy(() -> TextFreezer.freeze(List.of(DraftBlock.of(BlockKind.PARAGRAPH, " \u0000 "))))
                .isInstanceOf(InvalidInputException.class);
    }
}
