package org.annals.jobs;

/**
 * The work of a job. It runs on the job's own thread (or the caller's, for work that streams to a
 * response) and cleans up after itself: when it fails or is cancelled, nothing it wrote may remain.
 * Checked exceptions are wrapped (an {@link java.io.UncheckedIOException} for I/O).
 */
@FunctionalInterface
public interface JobWork<R> {

    R run(JobControl control);
}
