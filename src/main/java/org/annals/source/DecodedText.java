package org.annals.source;

import java.nio.charset.Charset;

/** Text decoded from an uploaded file, with the charset it was read in (UTF-8, or UTF-16 when it said so). */
public record DecodedText(String text, Charset charset) {

    /** For the import result: "UTF-8", "UTF-16LE". */
    public String charsetNote() {
        return charset.displayName();
    }
}
