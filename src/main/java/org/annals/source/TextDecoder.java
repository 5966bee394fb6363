package org.annals.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.annals.base.ByteSizes;
import org.annals.base.InvalidInputException;

/**
 * Turns the bytes of an uploaded file into text, or refuses with a reason a person understands and a way to fix it.
 * UTF-8 (with or without byte-order mark) and UTF-16 with a byte-order mark are read as such. Anything else is
 * refused rather than guessed: reading a file in the wrong 8-bit encoding turns every accented or Arabic letter into
 * other letters without a word (decision 0021). Binary files (images, PDFs, archives, office documents) and NUL
 * characters are refused by {@link TextSniffer}, which the REST API uses for text sent as JSON too.
 */
public final class TextDecoder {

    private TextDecoder() {
    }

    public static DecodedText decode(byte[] bytes, long maxBytes) {
        if (bytes.length > maxBytes) {
            throw new InvalidInputException(ByteSizes.tooLarge("The file", bytes.length, maxBytes));
        }
        if (bytes.length == 0) {
            throw new InvalidInputException("The file is empty.");
        }
        DecodedText decoded = decodeText(bytes);
        TextSniffer.requireNoNul(decoded.text(), "The file");
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
        if (TextSniffer.looksLikeUtf16WithoutMark(bytes)) {
            throw new InvalidInputException("This file seems to be UTF-16 without a byte-order mark. Save it as UTF-8"
                    + " and import it again.");
        }
        String binaryKind = TextSniffer.binaryKind(bytes);
        if (binaryKind != null) {
            throw new InvalidInputException("This is not a text file: it looks like " + binaryKind + ".");
        }
        CharsetDecoder utf8 = decoder(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) utf8.maxCharsPerByte()));
        CoderResult result = utf8.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidInputException(notUtf8(bytes, in.position()));
        }
        utf8.flush(out);
        return new DecodedText(out.flip().toString(), StandardCharsets.UTF_8);
    }

    /**
     * Why bytes that are not UTF-8 are refused. A file that holds well-formed UTF-8 letters besides the bad bytes is
     * damaged UTF-8 (cut off, or files of different encodings put together); one without any is in an older 8-bit
     * encoding, which cannot be told apart reliably (Windows-1252 and Windows-1256 use the same bytes for "é" and
     * an Arabic letter), so the person is asked to save it as UTF-8.
     */
    private static String notUtf8(byte[] bytes, int firstBad) {
        String where = " (first at byte " + String.format(java.util.Locale.ROOT, "%,d", firstBad + 1L) + ")";
        if (hasMultiByteUtf8(bytes)) {
            return "The file is not valid UTF-8: most of it reads as UTF-8, but some bytes are not UTF-8 characters"
                    + where + ". It may be damaged or put together from files in different encodings. Open it in a"
                    + " text editor, correct the damaged characters, save it as UTF-8 and import it again.";
        }
        return "The file is not UTF-8: it seems to be in an older encoding such as Windows-1252 (Western) or"
                + " Windows-1256 (Arabic)" + where + ". Annals does not guess the encoding, because a wrong guess"
                + " changes letters silently. Open the file in a text editor, save it as UTF-8 and import it again.";
    }

    /** Whether the bytes hold at least one well-formed two-, three- or four-byte UTF-8 sequence. */
    private static boolean hasMultiByteUtf8(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            int continuation = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
            if (continuation == 0 || i + continuation >= bytes.length) {
                continue;
            }
            boolean wellFormed = true;
            for (int k = 1; k <= continuation; k++) {
                wellFormed &= (bytes[i + k] & 0xC0) == 0x80;
            }
            if (wellFormed) {
                return true;
            }
        }
        return false;
    }

    private static DecodedText strict(byte[] bytes, int skip, Charset charset) {
        try {
            String text = decoder(charset).decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
            return new DecodedText(text, charset);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException("The file says it is " + charset.displayName()
                    + " (it starts with a byte-order mark) but contains invalid " + charset.displayName()
                    + " sequences. Save it again as UTF-8 and import it again.");
        }
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
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
}
