package org.annals.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.annals.base.InvalidInputException;

/**
 * Turns the bytes of an uploaded file into text, or refuses with a reason a person understands.
 * UTF-8 (with or without byte-order mark) and UTF-16 with a byte-order mark are read as such; a file
 * that is not valid UTF-8 is read as Windows-1252, the usual charset of older Western files, and the
 * import says so. Binary files (images, PDFs, archives, office documents) are refused.
 */
public final class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    public static DecodedText decode(byte[] bytes, long maxBytes) {
        if (bytes.length > maxBytes) {
            throw new InvalidInputException("The file is too large (" + megabytes(bytes.length)
                    + "). The limit is " + megabytes(maxBytes) + ".");
        }
        if (bytes.length == 0) {
            throw new InvalidInputException("The file is empty.");
        }
        String binaryKind = binaryKind(bytes);
        if (binaryKind != null) {
            throw new InvalidInputException("This is not a text file: it looks like " + binaryKind + ".");
        }
        DecodedText decoded = decodeText(bytes);
        if (decoded.text().isBlank()) {
            throw new InvalidInputException("The file contains no text, only white space.");
        }
        return decoded;
    }

    private static DecodedText decodeText(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE);
        }
        if (looksLikeUtf16WithoutMark(bytes)) {
            throw new InvalidInputException("This file seems to be UTF-16 without a byte-order mark. Save it as UTF-8"
                    + " and import it again.");
        }
        try {
            return new DecodedText(decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString(),
                    StandardCharsets.UTF_8, false);
        } catch (CharacterCodingException notUtf8) {
            try {
                return new DecodedText(decoder(WINDOWS_1252).decode(ByteBuffer.wrap(bytes)).toString(), WINDOWS_1252,
                        true);
            } catch (CharacterCodingException notWindows1252) {
                throw new InvalidInputException("The file is neither valid UTF-8 nor Windows-1252 text. Save it as"
                        + " UTF-8 and import it again.");
            }
        }
    }

    private static DecodedText strict(byte[] bytes, int skip, Charset charset) {
        try {
            String text = decoder(charset).decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
            return new DecodedText(text, charset, false);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("The file says it is " + charset.displayName()
                    + " but contains invalid " + charset.displayName() + " sequences.");
        }
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Signatures of common binary formats, then a NUL byte or a high share of control bytes. */
    static String binaryKind(byte[] bytes) {
        if (startsWith(bytes, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(bytes, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            return "a PDF document (export its text first)";
        }
        if (startsWith(bytes, 'P', 'K', 3, 4)) {
            return "a ZIP archive or an office document (save it as text, HTML or Markdown first)";
        }
        if (startsWith(bytes, 0x1F, 0x8B)) {
            return "a gzip archive";
        }
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            return null;
        }
        int sample = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0 && !looksLikeUtf16WithoutMark(bytes)) {
                return "binary data (it contains NUL bytes)";
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return control > sample / 10 ? "binary data (many control characters)" : null;
    }

    private static boolean looksLikeUtf16WithoutMark(byte[] bytes) {
        int sample = Math.min(bytes.length, 512) & ~1;
        if (sample < 8) {
            return false;
        }
        int zeroOdd = 0;
        int zeroEven = 0;
        for (int i = 0; i < sample; i += 2) {
            zeroEven += bytes[i] == 0 ? 1 : 0;
            zeroOdd += bytes[i + 1] == 0 ? 1 : 0;
        }
        int pairs = sample / 2;
        return zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05 || zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
