package org.annals.jobs;

/** Where a job is: running, or finished in one of three ways. */
public enum JobState {
    RUNNING,
    SUCCEEDED,
    /** Stopped on request; the job removed whatever it had written. */
    CANCELLED,
    /** Stopped by an error; the job removed whatever it had written. */
    FAILED;

    public boolean finished() {
        return this != RUNNING;
    }
}
