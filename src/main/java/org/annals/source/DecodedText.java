package org.annals.source;

import java.nio.charset.Charset;

/** Text decoded from an uploaded file, with the charset that was used and whether it was guessed. */
public record DecodedText(String text, Charset charset, boolean legacyCharset) {

    /** For the import result: "UTF-8", or "Windows-1252 (the file was not valid UTF-8)". */
    public String charsetNote() {
        return legacyCharset ? charset.displayName() + " (the file was not valid UTF-8)" : charset.displayName();
    }
}
