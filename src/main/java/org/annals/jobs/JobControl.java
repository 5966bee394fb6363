package org.annals.jobs;

/**
 * What running work tells its job and asks it: progress for the people watching, and whether someone
 * asked to cancel. Work checks {@link #cancelled()} between steps and stops by throwing
 * {@link JobCancelledException}, after removing what it had written.
 */
public interface JobControl {

    /** {@code done} of {@code total} units (records, files); a total of 0 means "not known yet". */
    void progress(long done, long total);

    /** What the work is doing now, in a few words for people ("Writing dataset.json"). */
    void step(String what);

    boolean cancelled();

    default void throwIfCancelled() {
        if (cancelled()) {
            throw new JobCancelledException();
        }
    }
}
