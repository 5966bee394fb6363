package org.annals.source.fetch;

import org.annals.base.InvalidInputException;

/** A fetch that did not give a page to import, with the reason (shown to the person as it is) and its kind. */
public class FetchFailedException extends InvalidInputException {

    /** Why a fetch failed: for the API's answer and the tests; the message says it in words. */
    public enum Reason { DISABLED, INVALID_ADDRESS, REFUSED_ADDRESS, UNREACHABLE, TIMEOUT, HTTP_STATUS, TOO_LARGE,
        UNSUPPORTED_TYPE, TOO_MANY_REDIRECTS, UNREADABLE }

    private final Reason reason;

    public FetchFailedException(Reason reason, String userMessage) {
        super(userMessage);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
