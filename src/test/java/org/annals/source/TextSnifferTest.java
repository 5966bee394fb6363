package org.annals.source;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.annals.base.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Text that arrives already decoded (the REST API) is refused for the same reasons as an uploaded file. */
class TextSnifferTest {

    /** A file as a script reads it without knowing its encoding: one character per byte. */
    private static String asSingleBytes(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void binary_files_read_as_single_bytes_are_refused_by_kind() {
        assertThatThrownBy(() -> TextSniffer.requireText(asSingleBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10,
                26, 10, 0, 0}), "The text")).isInstanceOf(InvalidInputException.class)
                .hasMessage("The text is not text: it looks like a PNG image.");
        assertThatThrownBy(() -> TextSniffer.requireText("%PDF-1.7 …", "The text")).hasMessageContaining("PDF");
    }

    @Test
    void utf16_read_as_single_bytes_and_nul_anywhere_are_refused() {
        assertThatThrownBy(() -> TextSniffer.requireText(asSingleBytes("Homs, 7 December".getBytes(
                StandardCharsets.UTF_16LE)), "The text")).hasMessageContaining("UTF-16 text without a byte-order mark");
        assertThatThrownBy(() -> TextSniffer.requireText("x".repeat(10_000) + "\0", "The text"))
                .hasMessageContaining("NUL character (U+0000, at character 10001)");
    }

    @Test
    void windows_1252_or_utf8_read_as_latin1_is_refused_by_its_control_characters() {
        String quoted = asSingleBytes("\u201cquoted\u201d".getBytes(Charset.forName("windows-1252")));
        assertThatThrownBy(() -> TextSniffer.requireText(quoted, "The text")).hasMessageContaining("U+0093");
        String dash = asSingleBytes("a \u2014 b".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> TextSniffer.requireText(dash, "The text")).hasMessageContaining("U+0080");
    }

    @Test
    void real_text_in_any_script_passes() {
        assertThatCode(() -> TextSniffer.requireText("سقطت حماة — Ḥamā, 5 December 2024 👍\n\tif a<b", "The text"))
                .doesNotThrowAnyException();
    }
}
