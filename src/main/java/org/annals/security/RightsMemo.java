package org.annals.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one HTTP request has already read about its caller's rights: the account's standing
 * ({@link SessionStanding}) and the caller's role in a project ({@code ProjectAccess}). Every service
 * call still checks (decision 0019), but a page built from six services asked the database the same two
 * primary-key questions thirty times; within one request each is asked once (addendum of decision 0019).
 * <p>
 * The memo exists only while {@link RightsMemoFilter} runs a request on its thread, and only answers
 * questions about the person that request is made by: work on that thread for someone else (live
 * updates delivered to another person's page from this request) and any thread without a request
 * (background jobs, the collaboration bus, push from other threads) read the database as before.
 * Any write to an account or a membership, and a project deleted ({@link #forget}), makes every memo on this node
 * read again: at once, so the request that made the change sees it, and once more when its transaction
 * ends, so a memo filled meanwhile from the rows as they were committed does not outlive the commit.
 */
public final class RightsMemo {

    /** Moves on every change of rights on this node; a memo filled at an older value is read again. */
    private static final AtomicLong GENERATION = new AtomicLong();
    private static final ThreadLocal<Memo> CURRENT = new ThreadLocal<>();

    private RightsMemo() {
    }

    private static final class Memo {
        /** The person the request is made by, taken at the first question (the request's own caller). */
        private @Nullable UUID owner;
        private long generation = GENERATION.get();
        private final Map<Object, Object> answers = new HashMap<>();
    }

    /**
     * Runs one request's work with a memo of its own, dropped afterwards; a nested call keeps the outer one.
     * {@link RightsMemoFilter} runs every HTTP request so; tests run "one request" so.
     */
    public static void within(ThrowingRunnable work) throws Exception {
        if (CURRENT.get() != null) {
            work.run();
            return;
        }
        CURRENT.set(new Memo());
        try {
            work.run();
        } finally {
            CURRENT.remove();
        }
    }

    /** {@link Runnable} for a filter chain, which throws checked exceptions. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * The answer to {@code question} about {@code person}: remembered from earlier in this request when
     * {@code person} is the caller and nothing about rights was written since, else {@code read} (and
     * remembered when that is allowed). {@code question} must identify everything the answer depends on
     * besides the person (e.g. the project).
     */
    @SuppressWarnings("unchecked")
    public static <T> T about(UUID person, Object question, Supplier<T> read) {
        Memo memo = CURRENT.get();
        if (memo == null || !person.equals(caller(memo))) {
            return read.get();
        }
        long generation = GENERATION.get();
        if (memo.generation != generation) {
            memo.answers.clear();
            memo.generation = generation;
        }
        var key = new Question(question);
        if (memo.answers.containsKey(key)) {
            return (T) memo.answers.get(key);
        }
        T answer = read.get();
        // A change of rights while it was read (in this request or another): not kept, the next question reads again.
        if (GENERATION.get() == generation) {
            memo.answers.put(key, answer);
        }
        return answer;
    }

    /**
     * An account or a membership is written or removed, or a project deleted: every memo reads again, now and
     * when the writing transaction ends (committed or not).
     */
    public static void forget() {
        GENERATION.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    GENERATION.incrementAndGet();
                }
            });
        }
    }

    private static @Nullable UUID caller(Memo memo) {
        Optional<UUID> now = CurrentUser.get().map(AnnalsPrincipal::userId);
        if (memo.owner == null) {
            memo.owner = now.orElse(null);
        }
        // Someone else acting on this thread (a changed security context) gets no memo.
        return now.filter(id -> Objects.equals(id, memo.owner)).orElse(null);
    }

    /** A key of its own type, so that questions of different callers of the memo cannot meet by accident. */
    private record Question(Object value) {
    }
}
