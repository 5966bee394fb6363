package org.annals.source;

import java.util.function.IntUnaryOperator;
import org.annals.base.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Tells text from things that are not text, for uploaded files (bytes) and for text that arrives already decoded
 * (the REST API, pasted text), so both refuse the same inputs with the same reasons: images, PDFs, archives and
 * other binary data, UTF-16 without a byte-order mark, and NUL characters; in decoded text also the C1 control
 * characters (U+0080 to U+009F) that Windows-1252 or UTF-8 bytes become when read as Latin-1. A client that reads a binary or UTF-16
 * file as single bytes (Latin-1) and sends it as a JSON string produces exactly the characters looked at here.
 */
public final class TextSniffer {

    /** How much of the start is looked at for signatures and the share of control characters. */
    private static final int SAMPLE = 8192;
    /** A code unit that is not a byte (a character above U+00FF in decoded text). */
    private static final int NOT_A_BYTE = -1;

    private TextSniffer() {
    }

    /** What binary kind the bytes of a file are ("a PNG image", …), or null when they may be text. */
    static @Nullable String binaryKind(byte[] bytes) {
        return binaryKind(bytes.length, i -> bytes[i] & 0xFF);
    }

    /**
     * Refuses decoded text that is not text a person wrote: binary data or UTF-16 read as single bytes, or any NUL
     * character (which would otherwise be dropped silently when the text is frozen).
     */
    public static void requireText(String text, String what) {
        String kind = binaryKind(text.length(), i -> text.charAt(i) <= 0xFF ? text.charAt(i) : NOT_A_BYTE);
        if (kind != null) {
            throw new InvalidInputException(what + " is not text: it looks like " + kind + ".");
        }
        requireNoNul(text, what);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                throw new InvalidInputException(what + " contains the control character U+00"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " (at character " + (i + 1)
                        + "), which text never holds: it appears when Windows-1252 or UTF-8 text is read as"
                        + " Latin-1. Send the text as it reads, in UTF-8.");
            }
        }
    }

    /** Refuses text with a NUL character anywhere: no text file has one, and dropping it would change the text. */
    static void requireNoNul(String text, String what) {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new InvalidInputException(what + " contains a NUL character (U+0000, at character " + (nul + 1)
                    + "), which text never holds: it may be binary data or UTF-16 text read as single bytes."
                    + " Save it as UTF-8 text and try again.");
        }
    }

    /** Signatures of common binary formats, then UTF-16 without a byte-order mark, NUL, or many control codes. */
    private static @Nullable String binaryKind(int length, IntUnaryOperator unit) {
        if (startsWith(length, unit, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (startsWith(length, unit, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(length, unit, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (startsWith(length, unit, '%', 'P', 'D', 'F')) {
            return "a PDF document (export its text first)";
        }
        if (startsWith(length, unit, 'P', 'K', 3, 4)) {
            return "a ZIP archive or an office document (save it as text, HTML or Markdown first)";
        }
        if (startsWith(length, unit, 0x1F, 0x8B)) {
            return "a gzip archive";
        }
        if (startsWith(length, unit, 0xFF, 0xFE) || startsWith(length, unit, 0xFE, 0xFF)) {
            return null; // UTF-16 with a byte-order mark: text, decoded as such
        }
        if (looksLikeUtf16WithoutMark(length, unit)) {
            // Files are read as UTF-16 before this (TextDecoder); text that arrives decoded cannot be.
            return "UTF-16 text without a byte-order mark (save it as UTF-8)";
        }
        int sample = Math.min(length, SAMPLE);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = unit.applyAsInt(i);
            if (b == 0) {
                return "binary data (it contains NUL bytes)";
            }
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return control > sample / 10 ? "binary data (many control characters)" : null;
    }

    /**
     * The byte order of UTF-16 without a mark, told by where its zero bytes are, or null. Every space, digit and
     * Latin letter has a zero high byte, so UTF-16 has zero bytes on one side of its pairs only, also in Arabic or
     * Cyrillic text, where only the spaces and digits have them: at least one pair in twenty with a zero on one side
     * and almost none on the other. Binary data has zero bytes on both sides. The caller still decodes and checks.
     */
    static java.nio.charset.@Nullable Charset utf16ByZeroBytes(byte[] bytes) {
        int sample = Math.min(bytes.length, 64 * 1024) & ~1;
        if (sample < 8) {
            return null;
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < sample; i += 2) {
            zeroEven += bytes[i] == 0 ? 1 : 0;
            zeroOdd += bytes[i + 1] == 0 ? 1 : 0;
        }
        int pairs = sample / 2;
        if (zeroOdd >= Math.max(2, pairs / 20) && zeroEven * 20 <= zeroOdd) {
            return java.nio.charset.StandardCharsets.UTF_16LE;
        }
        if (zeroEven >= Math.max(2, pairs / 20) && zeroOdd * 20 <= zeroEven) {
            return java.nio.charset.StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean looksLikeUtf16WithoutMark(int length, IntUnaryOperator unit) {
        int sample = Math.min(length, 512) & ~1;
        if (sample < 8) {
            return false;
        }
        int zeroOdd = 0;
        int zeroEven = 0;
        for (int i = 0; i < sample; i += 2) {
            zeroEven += unit.applyAsInt(i) == 0 ? 1 : 0;
            zeroOdd += unit.applyAsInt(i + 1) == 0 ? 1 : 0;
        }
        int pairs = sample / 2;
        return zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05 || zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05;
    }

    private static boolean startsWith(int length, IntUnaryOperator unit, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (unit.applyAsInt(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
