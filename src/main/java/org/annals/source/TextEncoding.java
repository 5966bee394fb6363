package org.annals.source;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A character set Annals reads text files in, with the name a person recognises. The list is what the import page
 * offers when a person corrects a detected encoding, and what detection may choose from (decision 0037): Unicode,
 * and the 8-bit sets of the languages volunteers' sources come in (Arabic, Cyrillic, Central European, Western).
 */
public record TextEncoding(String charsetName, String label, boolean eightBit) {

    public static final List<TextEncoding> SUPPORTED = List.of(
            new TextEncoding("UTF-8", "UTF-8", false),
            new TextEncoding("UTF-16LE", "UTF-16 (little-endian)", false),
            new TextEncoding("UTF-16BE", "UTF-16 (big-endian)", false),
            new TextEncoding("windows-1256", "Windows-1256 (Arabic)", true),
            new TextEncoding("ISO-8859-6", "ISO-8859-6 (Arabic)", true),
            new TextEncoding("windows-1251", "Windows-1251 (Cyrillic)", true),
            new TextEncoding("KOI8-R", "KOI8-R (Russian)", true),
            new TextEncoding("ISO-8859-5", "ISO-8859-5 (Cyrillic)", true),
            new TextEncoding("windows-1250", "Windows-1250 (Central European)", true),
            new TextEncoding("ISO-8859-2", "ISO-8859-2 (Central European)", true),
            new TextEncoding("windows-1252", "Windows-1252 (Western)", true),
            new TextEncoding("ISO-8859-1", "ISO-8859-1 (Western)", true));

    public Charset charset() {
        return Charset.forName(charsetName);
    }

    /** The supported encoding of this name (any case, Java's aliases too), or null. */
    public static @Nullable TextEncoding of(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String wanted;
        try {
            wanted = Charset.forName(name.strip()).name();
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        for (TextEncoding encoding : SUPPORTED) {
            if (encoding.charset().name().equals(wanted)) {
                return encoding;
            }
        }
        return null;
    }

    /** The label of a charset, supported or not ("Windows-1256 (Arabic)", else Java's name). */
    public static String labelOf(Charset charset) {
        TextEncoding known = of(charset.name());
        return known != null ? known.label() : charset.displayName(Locale.ROOT);
    }
}
