package org.annals.jobs;

/** Thrown out of work that stopped because someone cancelled it. */
public class JobCancelledException extends RuntimeException {

    public JobCancelledException() {
        this("Cancelled; nothing was kept.");
    }

    public JobCancelledException(String message) {
        super(message);
    }
}
