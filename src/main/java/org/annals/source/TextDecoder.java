package org.annals.source;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.annals.base.ByteSizes;
import org.annals.base.Bytes;
import org.annals.base.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Turns the bytes of an uploaded file into text, or refuses with a reason a person understands. UTF-8 (with or
 * without byte-order mark) and UTF-16 with a mark are read as such; UTF-16 without a mark is recognised by its zero
 * bytes; anything else is given to ICU's charset detector, limited to the 8-bit sets of {@link TextEncoding}, and
 * its proposals are checked by decoding them: a decoding whose words mix scripts or consist only of accented Latin
 * letters (Arabic or Cyrillic bytes read as Windows-1252) is passed over for the next (decision 0037). The preview
 * says what was detected and with what confidence, and the person can choose another encoding
 * ({@link #decode(byte[], long, String)}). Binary files (images, PDFs, archives) and NUL characters are refused by
 * {@link TextSniffer}, as is damaged UTF-8.
 */
public final class TextDecoder {

    /** How much of a file the charset detector looks at: enough for its statistics, cheap on 10 MB. */
    private static final int DETECTOR_SAMPLE = 256 * 1024;
    /** How many characters of a candidate decoding are judged for garbled words. */
    private static final int JUDGED_CHARACTERS = 64 * 1024;
    /** A decoding with more garbled words than this share is not taken while a better one exists. */
    private static final double PLAUSIBLE = 0.2;
    /** A decoding with more garbled words than this share is not taken at all. */
    private static final double UNREADABLE = 0.5;

    /** Which of two sets the detector is equally sure of is tried first: the more widely used. */
    private static final List<String> TIE_ORDER = List.of("windows-1252", "windows-1256", "windows-1251",
            "windows-1250", "ISO-8859-1", "ISO-8859-6", "KOI8-R", "ISO-8859-5", "ISO-8859-2");

    private TextDecoder() {
    }

    public static DecodedText decode(byte[] bytes, long maxBytes) {
        return decode(bytes, maxBytes, null);
    }

    /**
     * Decodes in the charset the person chose (one of {@link TextEncoding#SUPPORTED}), or detects it when null.
     */
    public static DecodedText decode(byte[] bytes, long maxBytes, @Nullable String chosenCharset) {
        if (bytes.length > maxBytes) {
            throw new InvalidInputException(ByteSizes.tooLarge("The file", bytes.length, maxBytes));
        }
        if (bytes.length == 0) {
            throw new InvalidInputException("The file is empty.");
        }
        DecodedText decoded = chosenCharset == null ? detect(bytes) : chosen(bytes, chosenCharset);
        TextSniffer.requireNoNul(decoded.text(), "The file");
        if (decoded.text().isBlank()) {
            throw new InvalidInputException("The file contains no text, only white space.");
        }
        return decoded;
    }

    private static DecodedText detect(byte[] bytes) {
        if (Bytes.startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return withMark(bytes, 3, StandardCharsets.UTF_8);
        }
        if (Bytes.startsWith(bytes, 0xFF, 0xFE)) {
            return withMark(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (Bytes.startsWith(bytes, 0xFE, 0xFF)) {
            return withMark(bytes, 2, StandardCharsets.UTF_16BE);
        }
        DecodedText utf16 = utf16WithoutMark(bytes);
        if (utf16 != null) {
            return utf16;
        }
        String binaryKind = TextSniffer.binaryKind(bytes);
        if (binaryKind != null) {
            throw new InvalidInputException("This is not a text file: it looks like " + binaryKind + ".");
        }
        CharsetDecoder utf8 = strictDecoder(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) utf8.maxCharsPerByte()));
        CoderResult result = utf8.decode(in, out, true);
        if (result.isError()) {
            return eightBit(bytes, in.position());
        }
        utf8.flush(out);
        return new DecodedText(out.flip().toString(), StandardCharsets.UTF_8);
    }

    /** UTF-16 told by its zero bytes (every space and Latin letter has one, always on the same side). */
    private static @Nullable DecodedText utf16WithoutMark(byte[] bytes) {
        Charset charset = TextSniffer.utf16ByZeroBytes(bytes);
        if (charset == null) {
            return null;
        }
        String text;
        try {
            text = strictDecoder(charset).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf16) {
            return null; // unpaired surrogates: binary data with a zero-byte pattern, refused below
        }
        if (!readsAsText(text)) {
            return null;
        }
        return new DecodedText(text, charset, DecodedText.How.DETECTED, 100);
    }

    /** Few control characters and no unassigned or private-use ones: what UTF-16 text is, and binary data is not. */
    private static boolean readsAsText(String text) {
        int sample = Math.min(text.length(), JUDGED_CHARACTERS);
        int odd = 0;
        for (int i = 0; i < sample; i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean control = type == Character.CONTROL && c != '\n' && c != '\r' && c != '\t' && c != '\f';
            if (control || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                odd++;
            }
        }
        return odd <= sample / 50;
    }

    /**
     * Bytes that are not UTF-8. Mostly well-formed UTF-8 with some bad bytes is damaged UTF-8 (cut off, or files of
     * different encodings put together) and refused; otherwise ICU's detector proposes 8-bit sets, each is decoded
     * and the first whose words read as words is taken.
     */
    private static DecodedText eightBit(byte[] bytes, int firstBad) {
        if (mostlyUtf8(bytes)) {
            throw new InvalidInputException("The file is not valid UTF-8: most of it reads as UTF-8, but some bytes"
                    + " are not UTF-8 characters (first at byte " + String.format(Locale.ROOT, "%,d", firstBad + 1L)
                    + "). It may be damaged or put together from files in different encodings. Open it in a text"
                    + " editor, correct the damaged characters, save it as UTF-8 and import it again.");
        }
        Map<TextEncoding, Integer> proposed = new LinkedHashMap<>();
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes.length <= DETECTOR_SAMPLE ? bytes : Arrays.copyOf(bytes, DETECTOR_SAMPLE));
        CharsetMatch[] matches = detector.detectAll();
        for (CharsetMatch match : matches) {
            TextEncoding encoding = TextEncoding.of(match.getName());
            if (encoding != null && encoding.eightBit()) {
                proposed.putIfAbsent(encoding, match.getConfidence());
            }
        }
        // On a few words the detector often gives several sets the same confidence (Windows-1254, -1250 and -1252
        // all 11 for "Café résumé: “quoted” – naïve."): then the more widely used set goes first.
        List<Map.Entry<TextEncoding, Integer>> candidates = proposed.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<TextEncoding, Integer> e) -> -e.getValue())
                        .thenComparing(e -> TIE_ORDER.indexOf(e.getKey().charsetName())))
                .toList();
        DecodedText best = null;
        double bestGarbled = 1;
        for (Map.Entry<TextEncoding, Integer> candidate : candidates) {
            String text = strictOrNull(bytes, candidate.getKey().charset());
            if (text == null || hasC1Control(text)) {
                continue; // a byte this set does not have, or one that would be a control character: not this set
            }
            double garbled = garbledShare(text);
            if (best == null || garbled < bestGarbled) {
                best = new DecodedText(text, candidate.getKey().charset(), DecodedText.How.DETECTED,
                        candidate.getValue());
                bestGarbled = garbled;
            }
            if (garbled <= PLAUSIBLE) {
                break; // the detector's order decides among decodings that read as words
            }
        }
        if (best == null || bestGarbled > UNREADABLE) {
            String guess = matches.length == 0 ? "" : " (the detector's best guess is " + matches[0].getName() + ")";
            throw new InvalidInputException("The file is not UTF-8, and it does not read as text in any encoding"
                    + " Annals knows" + guess + ": " + supportedLabels() + ". Open it in a text editor, save it as"
                    + " UTF-8 and import it again.");
        }
        return best;
    }

    /** Decodes in the person's choice; the bytes must all be characters of it. */
    private static DecodedText chosen(byte[] bytes, String charsetName) {
        TextEncoding encoding = TextEncoding.of(charsetName);
        if (encoding == null) {
            throw new InvalidInputException("Annals does not read text in '" + charsetName + "'. Choose one of: "
                    + supportedLabels() + ".");
        }
        Charset charset = encoding.charset();
        if (encoding.eightBit()) {
            String binaryKind = TextSniffer.binaryKind(bytes);
            if (binaryKind != null) {
                throw new InvalidInputException("This is not a text file: it looks like " + binaryKind + ".");
            }
        }
        int skip = charset.equals(StandardCharsets.UTF_8) && Bytes.startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3
                : charset.equals(StandardCharsets.UTF_16LE) && Bytes.startsWith(bytes, 0xFF, 0xFE) ? 2
                : charset.equals(StandardCharsets.UTF_16BE) && Bytes.startsWith(bytes, 0xFE, 0xFF) ? 2 : 0;
        CharsetDecoder decoder = strictDecoder(charset);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidInputException("The file cannot be read as " + encoding.label() + ": byte "
                    + String.format(Locale.ROOT, "%,d", in.position() + 1L) + " is not a character in it. Choose"
                    + " another encoding.");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (encoding.eightBit() && hasC1Control(text)) {
            throw new InvalidInputException("The file cannot be read as " + encoding.label() + ": some of its bytes"
                    + " would be control characters, which text never holds. Choose another encoding.");
        }
        return new DecodedText(text, charset, DecodedText.How.CHOSEN, 100);
    }

    /**
     * The share of words with letters beyond ASCII that cannot be words of any language: words that mix scripts
     * (ISO-8859-6 bytes read as Windows-1256 put French letters inside Arabic words) and words of two or more
     * letters that are all accented Latin letters (Arabic or Cyrillic bytes read as Windows-1252: "ÇáÓæÑí").
     * Real French, German, Czech or Polish words carry their accents beside plain letters.
     */
    static double garbledShare(String text) {
        int n = Math.min(text.length(), JUDGED_CHARACTERS);
        int words = 0;
        int garbled = 0;
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            boolean ascii = false;
            boolean accentedLatin = false;
            int scripts = 0; // bit set: 1 Latin, 2 Arabic, 4 Cyrillic, 8 any other
            int letters = 0;
            while (i < n && Character.isLetter(cp = text.codePointAt(i))) {
                letters++;
                if (cp < 0x80) {
                    ascii = true;
                    scripts |= 1;
                } else {
                    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                    switch (script) {
                        case LATIN -> {
                            accentedLatin = true;
                            scripts |= 1;
                        }
                        case ARABIC -> scripts |= 2;
                        case CYRILLIC -> scripts |= 4;
                        default -> scripts |= 8;
                    }
                }
                i += Character.charCount(cp);
            }
            if (scripts == 1 && !accentedLatin) {
                continue; // a plain ASCII word says nothing about the 8-bit set
            }
            words++;
            if (Integer.bitCount(scripts) > 1 || accentedLatin && !ascii && letters >= 2) {
                garbled++;
            }
        }
        return words == 0 ? 0 : (double) garbled / words;
    }

    /** Whether well-formed multi-byte UTF-8 sequences outnumber the bytes that are not UTF-8. */
    private static boolean mostlyUtf8(byte[] bytes) {
        int valid = 0;
        int invalid = 0;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int continuation = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
            boolean wellFormed = continuation > 0 && i + continuation < bytes.length;
            for (int k = 1; wellFormed && k <= continuation; k++) {
                wellFormed = (bytes[i + k] & 0xC0) == 0x80;
            }
            if (wellFormed) {
                valid++;
                i += continuation + 1;
            } else {
                invalid++;
                i++;
            }
        }
        return valid > 0 && valid >= invalid;
    }

    private static boolean hasC1Control(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                return true;
            }
        }
        return false;
    }

    private static String supportedLabels() {
        return TextEncoding.SUPPORTED.stream().map(TextEncoding::label).collect(Collectors.joining(", "));
    }

    private static @Nullable String strictOrNull(byte[] bytes, Charset charset) {
        try {
            return strictDecoder(charset).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static DecodedText withMark(byte[] bytes, int skip, Charset charset) {
        try {
            String text = strictDecoder(charset).decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
            return new DecodedText(text, charset);
        } catch (CharacterCodingException e) {
            String label = TextEncoding.labelOf(charset);
            throw new InvalidInputException("The file says it is " + label + " (it starts with a byte-order mark)"
                    + " but contains invalid " + label + " sequences. Save it again as UTF-8 and import it again.");
        }
    }

    private static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
