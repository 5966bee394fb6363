package org.annals.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.annals.base.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    static final String ARABIC = """
            سقوط حماة

            سقطت مدينة حماة في الخامس من كانون الأول 2024، بعد أيام من القتال العنيف بين فصائل المعارضة وقوات \
            الحكومة. وقال سكان إن آلاف العائلات نزحت نحو الجنوب، بينما بقي آخرون في بيوتهم.
            """;
    static final String CYRILLIC = """
            Падение Хамы

            Пятого декабря 2024 года сирийская оппозиция заняла город Хама после нескольких дней тяжёлых боёв. \
            Тысячи жителей покинули свои дома и направились на юг, где искали убежища от обстрелов.
            """;
    static final String CZECH = """
            Pád města Hamá

            Pátého prosince 2024 obsadila syrská opozice město Hamá po několika dnech těžkých bojů. Tisíce \
            obyvatel opustily své domovy a vydaly se na jih, kde hledaly úkryt před ostřelováním. Příměří, \
            které trvalo od března 2020, tím skončilo; vládní vojska se stáhla směrem k Homsu.
            """;
    static final String FRENCH = """
            La chute de Hama

            Le 5 décembre 2024, l’opposition syrienne a pris la ville de Hama après plusieurs jours de combats \
            acharnés. Des milliers d’habitants ont quitté leurs maisons et se sont dirigés vers le sud, où ils ont \
            cherché un abri. « Nous avons tout laissé derrière nous », a déclaré un témoin à l’agence.
            """;

    /** Bytes of a Unicode text in a charset, checked to hold every character (Java writes "?" for the others). */
    static byte[] encoded(String text, String charset) {
        byte[] bytes = text.getBytes(Charset.forName(charset));
        assertThat(new String(bytes, Charset.forName(charset))).as("%s holds the whole text", charset).isEqualTo(text);
        return bytes;
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "ARABIC, windows-1256, Windows-1256 (Arabic)",
            "ARABIC, ISO-8859-6, ISO-8859-6 (Arabic)",
            "CYRILLIC, windows-1251, Windows-1251 (Cyrillic)",
            "CYRILLIC, KOI8-R, KOI8-R (Russian)",
            "CZECH, windows-1250, Windows-1250 (Central European)",
            "FRENCH, windows-1252, Windows-1252 (Western)"})
    void a_file_in_an_older_8_bit_encoding_is_detected_and_read_exactly(String sample, String charset, String label) {
        String text = switch (sample) {
            case "ARABIC" -> ARABIC;
            case "CYRILLIC" -> CYRILLIC;
            case "CZECH" -> CZECH;
            default -> FRENCH;
        };
        DecodedText decoded = TextDecoder.decode(encoded(text, charset), LIMIT);
        assertThat(decoded.text()).isEqualTo(text);
        assertThat(decoded.charset()).isEqualTo(Charset.forName(charset));
        assertThat(decoded.how()).isEqualTo(DecodedText.How.DETECTED);
        assertThat(decoded.confidence()).isBetween(1, 100);
        assertThat(decoded.charsetNote()).isEqualTo(label + ", detected with " + decoded.confidence() + "% confidence");
    }

    @Test
    void a_few_western_words_the_detector_is_equally_unsure_about_are_read_as_the_more_common_windows_1252() {
        String text = "Caf\u00e9 r\u00e9sum\u00e9: \u201cquoted\u201d \u2013 na\u00efve.\n";
        DecodedText decoded = TextDecoder.decode(encoded(text, "windows-1252"), LIMIT);
        assertThat(decoded.text()).as("not Windows-1250's \"na\u010fve\"").isEqualTo(text);
        assertThat(decoded.charset()).isEqualTo(Charset.forName("windows-1252"));
    }

    @Test
    void arabic_windows_1256_is_not_taken_for_western_letters_even_when_the_detector_ranks_those_first() {
        byte[] bytes = encoded(ARABIC, "windows-1256");
        String asWestern = new String(bytes, Charset.forName("windows-1252"));
        assertThat(TextDecoder.garbledShare(asWestern)).as(asWestern).isGreaterThan(0.9);
        assertThat(TextDecoder.garbledShare(new String(encoded(ARABIC, "ISO-8859-6"), Charset.forName("windows-1256"))))
                .as("ISO-8859-6 read as Windows-1256 puts French letters inside Arabic words").isGreaterThan(0.2);
        assertThat(TextDecoder.garbledShare(ARABIC)).isZero();
        assertThat(TextDecoder.garbledShare(FRENCH)).isZero();
        assertThat(TextDecoder.garbledShare(CZECH)).isZero();
        assertThat(TextDecoder.garbledShare(CYRILLIC)).isZero();
    }

    @Test
    void the_persons_choice_of_charset_decodes_the_same_bytes_again() {
        byte[] bytes = encoded(CYRILLIC, "windows-1251");
        DecodedText asKoi8 = TextDecoder.decode(bytes, LIMIT, "KOI8-R");
        assertThat(asKoi8.how()).isEqualTo(DecodedText.How.CHOSEN);
        assertThat(asKoi8.charsetNote()).isEqualTo("KOI8-R (Russian), chosen by you");
        assertThat(asKoi8.text()).isEqualTo(new String(bytes, Charset.forName("KOI8-R"))).isNotEqualTo(CYRILLIC);
        assertThat(TextDecoder.decode(bytes, LIMIT, "windows-1251").text()).isEqualTo(CYRILLIC);
        assertThat(TextDecoder.decode(bytes, LIMIT, "cp1251").text()).as("Java's aliases").isEqualTo(CYRILLIC);

        assertThatThrownBy(() -> TextDecoder.decode(encoded(ARABIC, "windows-1256"), LIMIT, "ISO-8859-6"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("The file cannot be read as ISO-8859-6 (Arabic): byte ")
                .hasMessageEndingWith("is not a character in it. Choose another encoding.");
        assertThatThrownBy(() -> TextDecoder.decode(bytes, LIMIT, "EBCDIC-XYZ"))
                .hasMessageStartingWith("Annals does not read text in 'EBCDIC-XYZ'. Choose one of: UTF-8,");
        assertThatThrownBy(() -> TextDecoder.decode(new byte[] {'a', 0, 1, 2, 'b', 0, 0, 3}, LIMIT, "windows-1252"))
                .hasMessageContaining("binary");
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

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void utf16_without_a_byte_order_mark_is_told_by_its_zero_bytes_in_latin_and_in_arabic_text(String charset) {
        for (String text : List.of("Damascus, 8 December 2024", ARABIC, CYRILLIC)) {
            DecodedText decoded = TextDecoder.decode(text.getBytes(Charset.forName(charset)), LIMIT);
            assertThat(decoded.text()).isEqualTo(text);
            assertThat(decoded.charset()).isEqualTo(Charset.forName(charset));
            assertThat(decoded.how()).isEqualTo(DecodedText.How.DETECTED);
        }
    }

    @Test
    void utf16_with_a_byte_order_mark_says_so_in_its_note() {
        DecodedText decoded = TextDecoder.decode(("\uFEFF" + ARABIC).getBytes(StandardCharsets.UTF_16BE), LIMIT);
        assertThat(decoded.text()).isEqualTo(ARABIC);
        assertThat(decoded.charsetNote()).isEqualTo("UTF-16 (big-endian)");
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
