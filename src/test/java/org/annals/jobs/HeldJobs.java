package org.annals.jobs;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Holds the jobs a test chooses at a checkpoint of the runner (when they start, or after a progress
 * report) until the test lets them go: jobs stay running for as long as a test needs, with latches
 * instead of clocks. Each job is held at most once. Closing lets every held job go and removes the hook.
 */
public final class HeldJobs implements AutoCloseable {

    private final JobRunner runner;
    private final Predicate<Job<?>> which;
    private final Semaphore arrived = new Semaphore(0);
    private final CountDownLatch letGo = new CountDownLatch(1);
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();

    private HeldJobs(JobRunner runner, Predicate<Job<?>> which) {
        this.runner = runner;
        this.which = which;
    }

    /** From now on, holds every job that {@code which} accepts at its next checkpoint. */
    public static HeldJobs hold(JobRunner runner, Predicate<Job<?>> which) {
        var hold = new HeldJobs(runner, which);
        runner.checkpoint = hold::checkpoint;
        return hold;
    }

    /** Jobs of one kind, held when they start. */
    public static HeldJobs holdAtStart(JobRunner runner, String kind) {
        return hold(runner, job -> kind.equals(job.kind()));
    }

    /** Jobs of one kind, held after they have reported some progress. */
    public static HeldJobs holdAfterProgress(JobRunner runner, String kind) {
        return hold(runner, job -> kind.equals(job.kind()) && job.done() > 0);
    }

    private void checkpoint(Job<?> job) {
        if (letGo.getCount() > 0 && which.test(job) && held.add(job.id())) {
            arrived.release();
            try {
                if (!letGo.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("A test held " + job + " and never let it go");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits until {@code count} jobs are held (at most 30 s, then fails: a bound, not a measurement). */
    public void awaitHeld(int count) throws InterruptedException {
        if (!arrived.tryAcquire(count, 30, TimeUnit.SECONDS)) {
            throw new AssertionError("Expected " + count + " held jobs; running: " + runner.active());
        }
    }

    /** Lets every held job (and any later one) go on. */
    public void letGo() {
        letGo.countDown();
    }

    @Override
    public void close() {
        letGo();
        runner.checkpoint = job -> { };
    }
}
