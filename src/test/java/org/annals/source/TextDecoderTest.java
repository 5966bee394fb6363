package org.annals.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.annals.base.InvalidInputException;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static final long LIMIT = 10_000_000;

    @Test
    void utf8_text_is_read_as_is_and_a_byte_order_mark_is_dropped() {
        byte[] text = "Ḥamā — حماة 👍".getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoder.decode(text, LIMIT).text()).isEqualTo("Ḥamā — حماة 👍");
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);
        DecodedText decoded = TextDecoder.decode(withMark, LIMIT);
        assertThat(decoded.text()).isEqualTo("Ḥamā — حماة 👍");
        assertThat(decoded.charsetNote()).isEqualTo("UTF-8");
    }

    @Test
    void utf16_with_a_byte_order_mark_is_read() {
        byte[] bytes = "\uFEFFDamascus, 8 December".getBytes(StandardCharsets.UTF_16LE);
        assertThat(TextDecoder.decode(bytes, LIMIT).text()).isEqualTo("Damascus, 8 December");
    }

    @Test
    void a_file_in_an_older_8_bit_encoding_is_refused_with_how_to_fix_it_not_guessed() {
        byte[] western = "Caf\u00e9 \u201cquoted\u201d \u2013 na\u00efve".getBytes(Charset.forName("windows-1252"));
        assertThatThrownBy(() -> TextDecoder.decode(western, LIMIT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not UTF-8").hasMessageContaining("Windows-1252")
                .hasMessageContaining("first at byte 4").hasMessageContaining("save it as UTF-8");
        byte[] arabic = "\u062d\u0645\u0627\u0629 city".getBytes(Charset.forName("windows-1256"));
        assertThatThrownBy(() -> TextDecoder.decode(arabic, LIMIT)).hasMessageContaining("Windows-1256");
    }

    @Test
    void damaged_utf8_is_refused_as_damaged_utf8() {
        byte[] good = "Ḥamā, then a cut: ".getBytes(StandardCharsets.UTF_8);
        byte[] damaged = java.util.Arrays.copyOf(good, good.length + 2);
        damaged[good.length] = (byte) 0xE2; // the first two bytes of "—" and nothing after
        damaged[good.length + 1] = (byte) 0x80;
        assertThatThrownBy(() -> TextDecoder.decode(damaged, LIMIT))
                .hasMessageContaining("not valid UTF-8").hasMessageContaining("damaged")
                .hasMessageContaining("first at byte " + (good.length + 1));
    }

    @Test
    void nul_characters_anywhere_are_refused_not_dropped() {
        byte[] late = ("a".repeat(20_000) + "\0b").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TextDecoder.decode(late, LIMIT)).hasMessageContaining("NUL character")
                .hasMessageContaining("at character 20001").isInstanceOf(InvalidInputException.class);
        byte[] utf16WithNul = "\uFEFFtext\0more".getBytes(StandardCharsets.UTF_16BE);
        assertThatThrownBy(() -> TextDecoder.decode(utf16WithNul, LIMIT)).hasMessageContaining("NUL character");
    }

    @Test
    void utf16_without_a_byte_order_mark_is_refused() {
        byte[] bytes = "Damascus, 8 December 2024".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> TextDecoder.decode(bytes, LIMIT)).hasMessageContaining("UTF-16 without a byte-order");
    }

    @Test
    void empty_blank_binary_and_oversized_files_are_refused_with_a_reason() {
        assertThatThrownBy(() -> TextDecoder.decode(new byte[0], LIMIT))
                .isInstanceOf(InvalidInputException.class).hasMessage("The file is empty.");
        assertThatThrownBy(() -> TextDecoder.decode(" \n\t \n".getBytes(StandardCharsets.UTF_8), LIMIT))
                .hasMessageContaining("no text");
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        assertThatThrownBy(() -> TextDecoder.decode(png, LIMIT)).hasMessageContaining("PNG image");
        assertThatThrownBy(() -> TextDecoder.decode(new byte[] {'a', 0, 1, 2, 'b', 0, 0, 3, 4, 5, 6, 7}, LIMIT))
                .hasMessageContaining("binary");
        assertThatThrownBy(() -> TextDecoder.decode("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII), LIMIT))
                .hasMessageContaining("PDF");
        long tenMegabytes = 10L * 1024 * 1024;
        assertThatThrownBy(() -> TextDecoder.decode(new byte[(int) (tenMegabytes + tenMegabytes / 20)], tenMegabytes))
                .hasMessage("The file is too large (10.5 MB). The limit is 10 MB.");
        assertThatThrownBy(() -> TextDecoder.decode(new byte[(int) tenMegabytes + 1], tenMegabytes))
                .hasMessage("The file is too large (10.1 MB). The limit is 10 MB.");
    }
}
