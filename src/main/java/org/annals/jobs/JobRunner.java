package org.annals.jobs;

import jakarta.annotation.PreDestroy;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.annals.base.InvalidInputException;
import org.annals.security.AnnalsPrincipal;
import org.annals.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * This node's runner of background work: at most {@code annals.jobs.max-concurrent} jobs at a time,
 * each on its own virtual thread. One more is refused at once with {@link JobsBusyException}; nothing
 * queues, so a burst of exports cannot pile up behind the database pool while people wait without
 * knowing. Work on a caller's thread (an export streamed to an HTTP response) takes a slot too,
 * through {@link #reserve}.
 *
 * <p>The runner checks no permission: the service that submits a job does, before it calls here. The
 * job then runs with a copy of the submitter's authentication (services that record who did
 * something need it), set on the job's own fresh thread and never left on a shared one.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    /** The job the current thread works for: an export inside a release joins the release's job. */
    private static final ScopedValue<Job<?>> CURRENT = ScopedValue.newInstance();

    private final JobsProperties properties;
    private final Semaphore slots;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("annals-job-", 0).factory());
    private final Map<UUID, Job<?>> active = new ConcurrentHashMap<>();
    /**
     * Called on the job's thread when the work starts and after each progress report: lets a test hold
     * jobs open at a known point (a latch), never used by the application.
     */
    volatile Consumer<Job<?>> checkpoint = job -> { };

    JobRunner(JobsProperties properties) {
        this.properties = properties;
        this.slots = new Semaphore(properties.maxConcurrent());
    }

    /** How many jobs may run at once on this node. */
    public int limit() {
        return properties.maxConcurrent();
    }

    /** The jobs running on this node now, oldest first. */
    public List<Job<?>> active() {
        return active.values().stream().sorted(java.util.Comparator.comparing(Job::startedAt)).toList();
    }

    /** Runs {@code work} in the background; its result is kept until {@link Job#discard()}. */
    public <R> Job<R> submit(JobRequest request, JobWork<R> work) {
        return submit(request, work, result -> { });
    }

    /**
     * Runs {@code work} in the background and returns its handle at once.
     *
     * @param discardResult removes what a succeeded job produced when its owner discards it
     * @throws JobsBusyException when every slot is taken (nothing was started)
     */
    public <R> Job<R> submit(JobRequest request, JobWork<R> work, Consumer<? super R> discardResult) {
        Job<R> job = take(request, discardResult);
        SecurityContextHolderStrategy security = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext submitter = copyOf(security);
        try {
            threads.execute(() -> {
                security.setContext(submitter);
                try {
                    run(job, work);
                } finally {
                    security.clearContext();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            giveBack(job);
            throw new JobsBusyException(limit(), properties.retryAfter());
        }
        return job;
    }

    /**
     * Takes a slot for work that will run on the caller's thread later (an export streamed to an HTTP
     * response, whose writing starts after the response was accepted). Close the reservation if the
     * work never runs.
     *
     * @throws JobsBusyException when every slot is taken
     */
    public Reservation reserve(JobRequest request) {
        return new Reservation(take(request, result -> { }));
    }

    /**
     * Runs {@code work} on this thread. Inside a running job (an export that is part of a release) it
     * is part of that job and takes no slot; otherwise it takes one like any job.
     *
     * @throws JobsBusyException when it needs a slot and none is free
     */
    public <R> R runHere(JobRequest request, JobWork<R> work) {
        if (CURRENT.isBound()) {
            Job<?> outer = CURRENT.get();
            return work.run(new Control(outer) {
                @Override
                public void progress(long done, long total) {
                    // The outer job reports its own progress.
                }

                @Override
                public void step(String what) {
                }
            });
        }
        try (Reservation reservation = reserve(request)) {
            return reservation.run(work);
        }
    }

    /** The job the current thread runs for, if any. */
    public static Optional<Job<?>> current() {
        return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
    }

    /** A slot taken for work on the caller's thread; see {@link JobRunner#reserve}. */
    public final class Reservation implements AutoCloseable {

        private final Job<Object> job;
        private boolean used;

        private Reservation(Job<Object> job) {
            this.job = job;
        }

        public Job<?> job() {
            return job;
        }

        /** Runs the work on this thread as the reserved job (once), rethrowing its failure. */
        @SuppressWarnings("unchecked")
        public <R> R run(JobWork<R> work) {
            if (used) {
                throw new IllegalStateException("A reservation runs one piece of work");
            }
            used = true;
            JobRunner.this.run(job, (JobWork<Object>) work);
            return (R) job.await();
        }

        /** Gives the slot back if the work never ran. */
        @Override
        public void close() {
            if (!used) {
                used = true;
                job.cancelled();
                giveBack(job);
                job.finish();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <R> Job<R> take(JobRequest request, Consumer<? super R> discardResult) {
        if (!slots.tryAcquire()) {
            throw new JobsBusyException(limit(), properties.retryAfter());
        }
        Optional<AnnalsPrincipal> owner = CurrentUser.get();
        var job = new Job<R>(request, owner.map(AnnalsPrincipal::userId).orElse(null),
                owner.map(AnnalsPrincipal::getUsername).orElse("Annals"), discardResult);
        active.put(job.id(), job);
        return job;
    }

    private void giveBack(Job<?> job) {
        if (active.remove(job.id()) != null) {
            slots.release();
        }
    }

    private <R> void run(Job<R> job, JobWork<R> work) {
        try {
            checkpoint.accept(job);
            R result = ScopedValue.where(CURRENT, job).call(() -> work.run(new Control(job)));
            job.succeeded(result);
        } catch (JobCancelledException cancelled) {
            job.cancelled(cancelled);
        } catch (InvalidInputException refused) {
            // A refusal meant for people, found only while working (e.g. another release took the number).
            job.failed(refused, refused.getMessage());
        } catch (UncheckedIOException io) {
            // Mostly a client that went away while an export streamed to it: worth a line, not a trace.
            log.warn("{} stopped: {}", job, io.getMessage());
            job.failed(io, "Writing failed: " + io.getMessage());
        } catch (RuntimeException | Error e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("{} failed (reference {})", job, reference, e);
            job.failed(e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e),
                    "Something went wrong. The problem was logged with reference " + reference + ".");
        } finally {
            giveBack(job);
            job.finish();
        }
    }

    private static SecurityContext copyOf(SecurityContextHolderStrategy security) {
        // A copy: the session's own context object may be changed or cleared (sign-out) while the job runs.
        SecurityContext copy = security.createEmptyContext();
        Authentication authentication = security.getContext().getAuthentication();
        copy.setAuthentication(authentication);
        return copy;
    }

    /** Asks running jobs to stop when the node shuts down, and gives them a moment to clean up. */
    @PreDestroy
    void shutDown() throws InterruptedException {
        active.values().forEach(Job::cancel);
        threads.shutdown();
        if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Background jobs still running at shutdown: {}", active());
        }
    }

    /** What the work sees of its job: progress goes to the job (and the test checkpoint), cancel comes from it. */
    private class Control implements JobControl {
        private final Job<?> job;

        Control(Job<?> job) {
            this.job = job;
        }

        @Override
        public void progress(long done, long total) {
            job.reportProgress(done, total);
            checkpoint.accept(job);
        }

        @Override
        public void step(String what) {
            job.reportStep(what);
        }

        @Override
        public boolean cancelled() {
            return job.cancelRequested();
        }
    }
}
