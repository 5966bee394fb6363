package org.annals.event.prefill;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import org.junit.jupiter.api.Test;

class FoldedTextTest {

    @Test
    void ascii_is_folded_as_the_general_folding_folds_it_with_offsets_one_to_one() {
        var ascii = new StringBuilder();
        for (int c = 0; c < 0x80; c++) {
            ascii.append((char) c);
        }
        String general = Normalizer2.getNFDInstance().normalize(UCharacter.foldCase(
                Normalizer2.getNFKCInstance().normalize(ascii.toString()), true));
        FoldedText folded = FoldedText.of(ascii.toString());

        assertThat(folded.folded()).isEqualTo(general);
        for (int i = 0; i < 0x80; i++) {
            assertThat(folded.originalStart(i)).isEqualTo(i);
        }
    }

    @Test
    void mixed_text_keeps_its_offsets_across_the_ascii_and_the_general_path() {
        FoldedText folded = FoldedText.of("Ḥalab – حَلَـب, ALEPPO");

        assertThat(folded.folded()).isEqualTo("halab – حلب, aleppo");
        int aleppo = folded.folded().indexOf("aleppo");
        assertThat(folded.original().substring(folded.originalStart(aleppo), folded.originalEnd(aleppo + 6)))
                .isEqualTo("ALEPPO");
        int halab = folded.folded().indexOf("حلب");
        assertThat(folded.original().substring(folded.originalStart(halab), folded.originalEnd(halab + 3)))
                .isEqualTo("حَلَـب");
    }
}
