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
        assertThat(decoded.legacyCharset()).isFalse();
    }

    @Test
    void utf16_with_a_byte_order_mark_is_read() {
        byte[] bytes = "\uFEFFDamascus, 8 December".getBytes(StandardCharsets.UTF_16LE);
        assertThat(TextDecoder.decode(bytes, LIMIT).text()).isEqualTo("Damascus, 8 December");
    }

    @Test
    void a_legacy_windows_1252_file_is_read_as_such_and_says_so() {
        byte[] bytes = "Caf\u00e9 \u201cquoted\u201d \u2013 na\u00efve".getBytes(Charset.forName("windows-1252"));
        DecodedText decoded = TextDecoder.decode(bytes, LIMIT);
        assertThat(decoded.text()).isEqualTo("Caf\u00e9 \u201cquoted\u201d \u2013 na\u00efve");
        assertThat(decoded.legacyCharset()).isTrue();
        assertThat(decoded.charsetNote()).isEqualTo("windows-1252 (the file was not valid UTF-8)");
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
        assertThatThrownBy(() -> TextDecoder.decode(new byte[2_000_001], 2_000_000))
                .hasMessageContaining("too large (2.0 MB). The limit is 2.0 MB");
    }
}
