package org.annals.jobs;

import java.time.Duration;

/**
 * Every slot for background work on this node is taken: the caller is refused at once (not queued),
 * with a message for people and how long a client should wait before it tries again.
 */
public class JobsBusyException extends RuntimeException {

    private final Duration retryAfter;

    public JobsBusyException(int limit, Duration retryAfter) {
        super("The server is busy with other exports and releases (it runs " + limit + " at a time)."
                + " Nothing was started; try again in a moment.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
