package org.annals.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One piece of background work and its handle: who started it, progress, state, result or failure
 * message, and cancel. The service that submitted it hands it to the caller; a view watches it
 * ({@link #watch}) and must stop watching when it goes away. Everything here may be read from any
 * thread.
 *
 * @param <R> what the work produces (an export's file, a published release)
 */
public final class Job<R> {

    private static final Logger log = LoggerFactory.getLogger(Job.class);

    /** A watcher's registration; closing it stops the calls. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private final UUID id = UUID.randomUUID();
    private final JobRequest request;
    private final @Nullable UUID ownerId;
    private final String ownerName;
    private final Instant startedAt = Instant.now();
    private final Consumer<? super R> discardResult;
    private final List<Consumer<? super Job<R>>> watchers = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean discarded = new AtomicBoolean();
    private volatile JobState state = JobState.RUNNING;
    private volatile long done;
    private volatile long total;
    private volatile @Nullable String step;
    private volatile boolean cancelRequested;
    private volatile @Nullable R result;
    private volatile @Nullable RuntimeException failure;
    private volatile @Nullable String failureMessage;

    Job(JobRequest request, @Nullable UUID ownerId, String ownerName, Consumer<? super R> discardResult) {
        this.request = request;
        this.ownerId = ownerId;
        this.ownerName = ownerName;
        this.discardResult = discardResult;
    }

    public UUID id() {
        return id;
    }

    public String kind() {
        return request.kind();
    }

    public String description() {
        return request.description();
    }

    public @Nullable UUID projectId() {
        return request.projectId();
    }

    /** The person who submitted the job; empty for work the application started itself. */
    public Optional<UUID> ownerId() {
        return Optional.ofNullable(ownerId);
    }

    public String ownerName() {
        return ownerName;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public JobState state() {
        return state;
    }

    public long done() {
        return done;
    }

    /** 0 while the total is not known. */
    public long total() {
        return total;
    }

    /** Between 0 and 1, or empty while the total is not known. */
    public Optional<Double> fraction() {
        long of = total;
        return of <= 0 ? Optional.empty() : Optional.of(Math.min(1.0, (double) done / of));
    }

    public Optional<String> step() {
        return Optional.ofNullable(step);
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    /** The work's result, once it has succeeded. */
    public Optional<R> result() {
        return Optional.ofNullable(result);
    }

    /** Why it failed, for people: the message of a refusal meant for them, or a reference to the log. */
    public Optional<String> failureMessage() {
        return Optional.ofNullable(failureMessage);
    }

    /** Asks the work to stop at its next check. Work past its point of no return finishes anyway. */
    public void cancel() {
        if (!state.finished() && !cancelRequested) {
            cancelRequested = true;
            changed();
        }
    }

    /**
     * The caller no longer wants the job or its result: cancels it if it runs and, once it has
     * finished, removes what it produced (e.g. an export's temporary file). Safe to call more than once.
     */
    public void discard() {
        discarded.set(true);
        cancel();
        if (state.finished()) {
            discardResultOnce();
        }
    }

    /**
     * Calls {@code watcher} (on the job's thread) after every change of progress or state, and once
     * more at once if the job has already finished. Calls may repeat the same state; watchers show
     * what they are given and keep no count, and never wait for the job (they run on its thread).
     */
    public Watch watch(Consumer<? super Job<R>> watcher) {
        watchers.add(watcher);
        if (state.finished()) {
            notify(watcher);
        }
        return () -> watchers.remove(watcher);
    }

    /**
     * Waits until the job has finished and returns its result; rethrows its failure or its
     * cancellation (the work's own exception; a {@link JobCancelledException} for a cancel).
     */
    public R await() {
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + description(), e);
        }
        return outcome();
    }

    /** As {@link #await()}, giving up after a while: for tests and shutdown, never for people. */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    private R outcome() {
        return switch (state) {
            case SUCCEEDED -> result;
            case CANCELLED -> throw failure instanceof JobCancelledException stopped ? stopped : new JobCancelledException();
            case FAILED -> throw java.util.Objects.requireNonNull(failure);
            case RUNNING -> throw new IllegalStateException("still running");
        };
    }

    // --- used by the runner -------------------------------------------------------------------

    void reportProgress(long doneNow, long totalNow) {
        this.done = doneNow;
        this.total = totalNow;
        changed();
    }

    void reportStep(String what) {
        this.step = what;
        changed();
    }

    void succeeded(R value) {
        this.result = value;
        this.state = JobState.SUCCEEDED;
    }

    void failed(RuntimeException error, String message) {
        this.failure = error;
        this.failureMessage = message;
        this.state = JobState.FAILED;
    }

    void cancelled() {
        this.state = JobState.CANCELLED;
    }

    /** Cancelled by the work's own exception, which {@link #await()} rethrows (an export's says "export"). */
    void cancelled(JobCancelledException stopped) {
        this.failure = stopped;
        this.state = JobState.CANCELLED;
    }

    /**
     * After the state was set and the slot given back: honours a discard, tells watchers, then wakes
     * waiters (so that whoever waited knows the watchers have been told).
     */
    void finish() {
        if (discarded.get()) {
            discardResultOnce();
        }
        changed();
        finished.countDown();
    }

    private void discardResultOnce() {
        R value = result;
        if (value != null && state == JobState.SUCCEEDED && discarded.compareAndSet(true, false)) {
            result = null;
            try {
                discardResult.accept(value);
            } catch (RuntimeException e) {
                log.warn("Could not discard the result of {}", description(), e);
            }
        }
    }

    private void changed() {
        for (Consumer<? super Job<R>> watcher : watchers) {
            notify(watcher);
        }
    }

    private void notify(Consumer<? super Job<R>> watcher) {
        try {
            watcher.accept(this);
        } catch (RuntimeException e) {
            // A page that went away must not break the work it was watching.
            log.debug("A watcher of {} failed", description(), e);
        }
    }

    @Override
    public String toString() {
        return request.kind() + " " + id + " (" + description() + ", " + state + ", by " + ownerName + ")";
    }
}
