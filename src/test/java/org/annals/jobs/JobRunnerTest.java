package org.annals.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.annals.base.InvalidInputException;
import org.annals.security.AnnalsPrincipal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The runner on its own: the limit, progress, cancel, failures, results and whose identity a job has. */
class JobRunnerTest {

    private final JobRunner runner = new JobRunner(new JobsProperties(2, Duration.ofSeconds(7)));

    @AfterEach
    void stop() throws InterruptedException {
        SecurityContextHolder.clearContext();
        runner.shutDown();
    }

    private static JobRequest request(String what) {
        return new JobRequest("test", what, null);
    }

    /** Work that waits for the test to let it finish. */
    private static JobWork<String> heldUntil(CountDownLatch finish, String result) {
        return control -> {
            try {
                if (!finish.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never let go");
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return result;
        };
    }

    @Test
    void one_job_more_than_the_limit_is_refused_at_once_and_the_others_finish() throws Exception {
        var finish = new CountDownLatch(1);
        var started = new CountDownLatch(2);
        JobWork<String> work = control -> {
            started.countDown();
            return heldUntil(finish, "done").run(control);
        };
        Job<String> first = runner.submit(request("first"), work);
        Job<String> second = runner.submit(request("second"), work);
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> runner.submit(request("third"), work)).isInstanceOf(JobsBusyException.class)
                .hasMessageContaining("busy").hasMessageContaining("try again in a moment")
                .satisfies(e -> assertThat(((JobsBusyException) e).retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        assertThatThrownBy(() -> runner.reserve(request("streamed"))).isInstanceOf(JobsBusyException.class);
        assertThat(runner.active()).containsExactlyInAnyOrder(first, second);
        assertThat(first.state()).isEqualTo(JobState.RUNNING);

        finish.countDown();
        assertThat(first.await()).isEqualTo("done");
        assertThat(second.await()).isEqualTo("done");
        assertThat(runner.active()).isEmpty();
        assertThat(runner.submit(request("later"), control -> "again").await()).isEqualTo("again");
    }

    @Test
    void watchers_see_progress_and_steps_and_a_cancel_stops_the_work_which_cleans_up() throws Exception {
        var seen = new CopyOnWriteArrayList<String>();
        var cleanedUp = new AtomicBoolean();
        var firstProgress = new CountDownLatch(1);
        var cancelled = new CountDownLatch(1);
        Job<String> job = runner.submit(request("counting"), control -> {
            try {
                control.step("Counting");
                for (int i = 1; i <= 10; i++) {
                    control.throwIfCancelled();
                    control.progress(i, 10);
                    if (i == 1) {
                        firstProgress.countDown();
                        awaitQuietly(cancelled);
                    }
                }
                return "all";
            } finally {
                cleanedUp.set(true);
            }
        });
        job.watch(j -> seen.add(j.step().orElse("") + " " + j.done() + "/" + j.total() + " " + j.state()));
        assertThat(firstProgress.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(job.fraction()).contains(0.1);
        assertThat(job.step()).contains("Counting");

        job.cancel();
        assertThat(job.cancelRequested()).isTrue();
        cancelled.countDown();
        assertThatThrownBy(job::await).isInstanceOf(JobCancelledException.class);
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        assertThat(job.result()).isEmpty();
        assertThat(cleanedUp).isTrue();
        assertThat(seen).last().asString().endsWith("CANCELLED");
        assertThat(runner.active()).isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_refusal_keeps_its_message_and_an_unexpected_failure_only_a_reference_and_both_free_their_slot() {
        Job<String> refused = runner.submit(request("refused"), control -> {
            throw new InvalidInputException("Another release took the number.");
        });
        assertThatThrownBy(refused::await).isInstanceOf(InvalidInputException.class);
        assertThat(refused.state()).isEqualTo(JobState.FAILED);
        assertThat(refused.failureMessage()).contains("Another release took the number.");

        Job<String> broken = runner.submit(request("broken"), control -> {
            throw new IllegalStateException("jdbc:postgresql://db.internal?password=hunter2");
        });
        assertThatThrownBy(broken::await).isInstanceOf(IllegalStateException.class);
        assertThat(broken.failureMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("logged with reference").doesNotContain("hunter2"));

        // Both slots are free again.
        var finish = new CountDownLatch(1);
        Job<String> a = runner.submit(request("a"), heldUntil(finish, "a"));
        Job<String> b = runner.submit(request("b"), heldUntil(finish, "b"));
        finish.countDown();
        assertThat(List.of(a.await(), b.await())).containsExactly("a", "b");
    }

    @Test
    void a_job_runs_as_a_copy_of_its_submitter_and_leaves_no_identity_behind() throws Exception {
        var person = new AnnalsPrincipal(UUID.randomUUID(), "amira", "Amira", null, false, true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
        var mayRun = new CountDownLatch(1);
        Job<String> job = runner.submit(request("as amira"), control -> {
            awaitQuietly(mayRun);
            return nameOf(SecurityContextHolder.getContext().getAuthentication());
        });
        // The person signs out while the job runs: the job keeps the identity it was submitted with.
        SecurityContextHolder.getContext().setAuthentication(null);
        mayRun.countDown();
        assertThat(job.await()).isEqualTo("amira");
        assertThat(job.ownerName()).isEqualTo("amira");
        assertThat(job.ownerId()).contains(person.userId());

        SecurityContextHolder.clearContext();
        Job<String> anonymous = runner.submit(request("anonymous"),
                control -> nameOf(SecurityContextHolder.getContext().getAuthentication()));
        assertThat(anonymous.await()).isEqualTo("nobody");
        assertThat(anonymous.ownerId()).isEmpty();
    }

    private static String nameOf(@Nullable Authentication authentication) {
        return authentication == null ? "nobody" : authentication.getName();
    }

    @Test
    void a_discarded_result_is_removed_whether_the_job_had_finished_or_not() throws Exception {
        var removed = new CopyOnWriteArrayList<String>();
        Job<String> finished = runner.submit(request("finished"), control -> "file-1", removed::add);
        assertThat(finished.await()).isEqualTo("file-1");
        finished.discard();
        finished.discard();
        assertThat(removed).containsExactly("file-1");
        assertThat(finished.result()).isEmpty();

        // Discarded while running, past its last cancel check: its result goes as soon as it exists.
        var finish = new CountDownLatch(1);
        Job<String> running = runner.submit(request("running"), heldUntil(finish, "file-2"), removed::add);
        running.discard();
        finish.countDown();
        assertThat(running.awaitFinished(30, TimeUnit.SECONDS)).isTrue();
        assertThat(removed).containsExactly("file-1", "file-2");
    }

    @Test
    void work_on_the_callers_thread_takes_a_slot_but_work_inside_a_job_joins_it() {
        var single = new JobRunner(new JobsProperties(1, Duration.ofSeconds(5)));
        try (var reservation = single.reserve(request("streaming"))) {
            assertThatThrownBy(() -> single.runHere(request("another"), control -> "no"))
                    .isInstanceOf(JobsBusyException.class);
            String nested = reservation.run(control -> single.runHere(request("nested"), inner -> "nested ran"));
            assertThat(nested).isEqualTo("nested ran");
        }
        var nestedCalls = new AtomicInteger();
        Job<Integer> outer = single.submit(request("release"), control -> {
            single.runHere(request("export inside"), inner -> nestedCalls.incrementAndGet());
            return single.runHere(request("second export inside"), inner -> nestedCalls.incrementAndGet());
        });
        assertThat(outer.await()).isEqualTo(2);
        // A reservation never used gives its slot back when closed.
        single.reserve(request("abandoned")).close();
        String after = single.runHere(request("after"), control -> "free");
        assertThat(after).isEqualTo("free");
    }
}
