package org.annals.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.annals.jobs.JobControl;
import org.annals.jobs.JobRunner;
import org.annals.jobs.JobWork;

/**
 * An export that holds a slot of the job runner and writes once, on the caller's thread, to an output
 * such as an HTTP response: the permission check and the slot come first, so that a refusal or "busy"
 * can still be a proper response, and the writing starts only after. Writing (or closing without
 * writing) gives the slot back.
 */
public final class StreamedExport implements AutoCloseable {

    private final JobRunner.Reservation reservation;
    private final Function<OutputStream, JobWork<Void>> work;
    private final ExportFormat format;

    StreamedExport(JobRunner.Reservation reservation, ExportFormat format, Function<OutputStream, JobWork<Void>> work) {
        this.reservation = reservation;
        this.format = format;
        this.work = work;
    }

    public ExportFormat format() {
        return format;
    }

    /** Writes the export to {@code out} (not closed) and gives the slot back. */
    public void writeTo(OutputStream out) throws IOException {
        try {
            reservation.run(work.apply(out));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Gives the slot back if nothing was written. */
    @Override
    public void close() {
        reservation.close();
    }

    /** Adapts the job's control to what the export writers ask. */
    static ExportProgress progressOf(JobControl control, long total, ExportProgress also) {
        return new ExportProgress() {
            @Override
            public void written(long rows) {
                control.progress(rows, total);
                also.written(rows);
            }

            @Override
            public boolean cancelled() {
                return control.cancelled() || also.cancelled();
            }
        };
    }
}
