package org.annals.export.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.annals.base.TemporaryFiles;
import org.annals.export.ExportCancelledException;
import org.annals.export.ExportFilter;
import org.annals.export.ExportFormat;
import org.annals.export.ExportProgress;
import org.annals.export.ExportService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One export running in the background into a temporary file, as the signed-in person (their security
 * context goes with it, so the service checks their rights). Cancelled or failed, the file is deleted
 * at once; finished, it is kept until the page is left. The file lives in this instance's folder of
 * {@link TemporaryFiles}, so what a crash leaves behind is removed at the next start.
 */
final class ExportJob {

    private static final Logger log = LoggerFactory.getLogger(ExportJob.class);

    enum Outcome { RUNNING, DONE, CANCELLED, FAILED }

    interface Listener {
        void progress(long written);

        void finished(ExportJob job);
    }

    private final Path file;
    private volatile boolean cancelled;
    private volatile Outcome outcome = Outcome.RUNNING;
    private volatile long written;
    private volatile @Nullable String problem;

    private ExportJob(Path file) {
        this.file = file;
    }

    static ExportJob start(ExportService exports, TemporaryFiles temporaryFiles, UUID projectId, ExportFormat format,
            ExportFilter filter, boolean bom, Listener listener) {
        Path file = temporaryFiles.create("export-", "-" + format.fileName());
        var job = new ExportJob(file);
        Runnable work = () -> job.run(exports, projectId, format, filter, bom, listener);
        // A copy of who is asking: the request's own context object may be changed or cleared meanwhile.
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        Thread.ofVirtual().name("export-" + format.fileName()).start(new DelegatingSecurityContextRunnable(work, context));
        return job;
    }

    private void run(ExportService exports, UUID projectId, ExportFormat format, ExportFilter filter, boolean bom,
            Listener listener) {
        try (OutputStream out = Files.newOutputStream(file)) {
            exports.export(projectId, format, filter, bom, new java.io.BufferedOutputStream(out, 1 << 16),
                    new ExportProgress() {
                        @Override
                        public void written(long rows) {
                            written = rows;
                            listener.progress(rows);
                        }

                        @Override
                        public boolean cancelled() {
                            return cancelled;
                        }
                    });
            outcome = cancelled ? Outcome.CANCELLED : Outcome.DONE;
        } catch (ExportCancelledException e) {
            outcome = Outcome.CANCELLED;
        } catch (IOException | RuntimeException e) {
            log.warn("Export of {} failed", format.fileName(), e);
            problem = e.getMessage();
            outcome = Outcome.FAILED;
        } finally {
            if (outcome != Outcome.DONE) {
                // Failed, cancelled, or not even finished (an error no catch above knows): nothing to keep.
                outcome = outcome == Outcome.RUNNING ? Outcome.FAILED : outcome;
                delete();
            }
        }
        listener.finished(this);
    }

    void cancel() {
        cancelled = true;
    }

    /** Cancels if running, and deletes the file either way. */
    void discard() {
        cancelled = true;
        if (outcome != Outcome.RUNNING) {
            delete();
        }
    }

    private void delete() {
        TemporaryFiles.delete(file);
    }

    Outcome outcome() {
        return outcome;
    }

    Path file() {
        return file;
    }

    long written() {
        return written;
    }

    long bytes() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    @Nullable String problem() {
        return problem;
    }
}
