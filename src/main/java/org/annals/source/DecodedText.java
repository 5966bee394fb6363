package org.annals.source;

import java.nio.charset.Charset;

/**
 * Text decoded from an uploaded file, with the charset it was read in and how that charset was found: valid UTF-8,
 * a byte-order mark, detection (with the detector's confidence, 0 to 100), or the person's choice.
 */
public record DecodedText(String text, Charset charset, How how, int confidence) {

    public enum How {
        /** The bytes are valid UTF-8 (ASCII included), with or without a mark: nothing to guess. */
        UTF8,
        BYTE_ORDER_MARK,
        DETECTED,
        CHOSEN
    }

    /** Text whose charset is certain (UTF-8, or said by a byte-order mark). */
    public DecodedText(String text, Charset charset) {
        this(text, charset, charset.name().equals("UTF-8") ? How.UTF8 : How.BYTE_ORDER_MARK, 100);
    }

    /**
     * For the import result: "UTF-8", "UTF-16 (little-endian)", "Windows-1256 (Arabic), detected with 87%
     * confidence", "Windows-1251 (Cyrillic), chosen by you".
     */
    public String charsetNote() {
        String label = TextEncoding.labelOf(charset);
        return switch (how) {
            case UTF8, BYTE_ORDER_MARK -> label;
            case DETECTED -> label + ", detected with " + confidence + "% confidence";
            case CHOSEN -> label + ", chosen by you";
        };
    }
}
