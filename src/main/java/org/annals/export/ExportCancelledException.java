package org.annals.export;

import org.annals.jobs.JobCancelledException;

/** Thrown out of a running export when the person cancelled it; the caller discards what was written. */
public class ExportCancelledException extends JobCancelledException {

    public ExportCancelledException() {
        super("The export was cancelled.");
    }
}
