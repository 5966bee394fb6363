package org.annals.source.parse;

/** A document past {@link ParseLimits}; the message is written for the person importing it. */
public class SourceTooComplexException extends RuntimeException {

    SourceTooComplexException(String userMessage) {
        super(userMessage);
    }
}
