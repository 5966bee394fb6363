package org.annals.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps this node's index in step with the database: applies the change feed ({@link SearchFeed}) after
 * commit, on one background thread. Woken right after a local commit, and polls every
 * {@code annals.search.poll-interval} for changes other nodes made. On start, an index that is empty, new,
 * damaged, built from another database, ahead of the feed or older than what the feed retains is rebuilt
 * from the database in the background; the application does not wait for it.
 * <p>
 * Feed ids come from an identity column and may commit out of order: an id skipped over (a gap) is looked
 * for again for {@code annals.search.gap-grace}, and the position the index records is the last id below
 * the oldest open gap, so that after a restart the node re-reads from there. Applying a group reloads its
 * current state, so applying it twice does no harm.
 */
@Component
public class SearchIndexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int BATCH = 500;
    private static final int MAX_ATTEMPTS = 5;
    /** Ids skipped at once beyond this are not waited for (nothing rolls back so many at once). */
    private static final int MAX_GAPS = 10_000;
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    public enum State {
        STARTING("Starting"), UP_TO_DATE("Up to date"), CATCHING_UP("Catching up"), REBUILDING("Rebuilding"),
        STOPPED("Stopped");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How far a rebuild has come: groups are the unit it goes through, documents what they made. */
    public record Progress(String reason, Instant started, long groupsDone, long groupsEstimated,
            long documentsDone) {

        /** 0 to 99 while running (the estimate may be off; 100 only when finished). */
        public int percent() {
            return groupsEstimated <= 0 ? 0 : (int) Math.min(99, groupsDone * 100 / groupsEstimated);
        }

        public double groupsPerSecond(Instant now) {
            double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
            return groupsDone / seconds;
        }
    }

    /**
     * The index as an administrator sees it.
     *
     * @param position how far the index has applied the feed (the id of the last row applied)
     * @param feedLast the newest row in the feed
     * @param behind how many rows of the feed are not applied yet
     * @param rebuild the rebuild in progress, else null
     * @param lastRebuild the last rebuild this node finished since it started, else null
     */
    public record Status(State state, long documents, long sizeOnDisk, long position, long feedLast, long behind,
            @Nullable Progress rebuild, @Nullable Rebuilt lastRebuild) {
    }

    /** A finished rebuild: why, when it ended, and what it indexed. */
    public record Rebuilt(String reason, Instant finished, long groups, long documents) {
    }

    private final SearchEngine engine;
    private final DocumentReader documents;
    private final SearchFeed feed;
    private final TransactionTemplate readOnly;
    private final Duration pollInterval;
    private final Duration gapGrace;
    private final Duration retention;

    private final Object lock = new Object();
    private final AtomicLong requested = new AtomicLong();
    private long done;
    private volatile boolean running;
    private volatile boolean rebuildRequested;
    private @Nullable Thread thread;
    private final Runnable wake = this::wake;

    // Read by status() from other threads; written by the indexer thread alone.
    private volatile State state = State.STOPPED;
    private volatile @Nullable Progress progress;
    private volatile @Nullable Rebuilt lastRebuild;
    private volatile long high;
    private volatile long committed = -1;
    private volatile boolean failing;

    // The indexer thread's own.
    private final TreeMap<Long, Instant> gaps = new TreeMap<>();
    private final Map<DocumentGroup, Retry> retries = new HashMap<>();
    private String databaseId = "";
    private Instant nextPrune = Instant.EPOCH;

    private record Retry(int attempts, Instant next) {
    }

    @Autowired
    SearchIndexer(SearchEngine engine, SearchDocuments documents, SearchFeed feed, PlatformTransactionManager transactions,
            @Value("${annals.search.poll-interval:500ms}") Duration pollInterval,
            @Value("${annals.search.gap-grace:30s}") Duration gapGrace,
            @Value("${annals.search.retention:7d}") Duration retention) {
        this(engine, DocumentReader.of(documents), feed, transactions, pollInterval, gapGrace, retention);
    }

    SearchIndexer(SearchEngine engine, DocumentReader documents, SearchFeed feed, PlatformTransactionManager transactions,
            Duration pollInterval, Duration gapGrace, Duration retention) {
        this.engine = engine;
        this.documents = documents;
        this.feed = feed;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.pollInterval = pollInterval;
        this.gapGrace = gapGrace;
        this.retention = retention;
    }

    // ---- Lifecycle -----------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        state = State.STARTING;
        feed.onCommit(wake);
        Thread started = new Thread(this::run, "search-indexer");
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    /**
     * Lets the current batch finish (a rebuild stops between batches and starts again on the next start)
     * without interrupting the thread: an interrupt in the middle of a database read can close files.
     */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        feed.removeOnCommit(wake);
        wake();
        Thread stopping = thread;
        if (stopping != null) {
            try {
                stopping.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (stopping.isAlive()) {
                log.warn("The search indexer did not stop within 30 s");
            }
        }
        state = State.STOPPED;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Asks for a pass soon (a local commit wrote to the feed). */
    public void wake() {
        synchronized (lock) {
            requested.incrementAndGet();
            lock.notifyAll();
        }
    }

    /**
     * Waits until every change committed before the call is applied to this node's index, or the timeout
     * passes; returns whether it is. (A pass that starts after the call reads everything committed by then.)
     */
    public boolean awaitCurrent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            long ticket = requested.incrementAndGet();
            lock.notifyAll();
            while (done < ticket) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Starts a full rebuild in the background (the index stays searchable meanwhile, partly filled). */
    public void requestRebuild() {
        rebuildRequested = true;
        wake();
    }

    /** What a results page says while the index is not whole (a rebuild in progress), else empty. Cheap: no I/O. */
    public java.util.Optional<String> notice() {
        Progress rebuild = progress;
        if (state == State.REBUILDING && rebuild != null) {
            return java.util.Optional.of("The search index is being rebuilt (" + rebuild.percent()
                    + " %): some results may be missing.");
        }
        if (state == State.STARTING) {
            return java.util.Optional.of("The search index is starting: some results may be missing.");
        }
        return java.util.Optional.empty();
    }

    public Status status() {
        long last = feed.lastId();
        long position = high;
        Progress rebuild = progress;
        long behind = feed.countAfter(Math.max(0, position));
        State shown = state;
        if (shown == State.UP_TO_DATE && behind > 0) {
            shown = State.CATCHING_UP;
        }
        return new Status(shown, engine.documentCount(), engine.sizeOnDisk(), position, last, behind, rebuild,
                lastRebuild);
    }

    // ---- The thread ------------------------------------------------------------------------------------

    private void run() {
        Duration backOff = pollInterval;
        boolean startedUp = false;
        while (running) {
            long pass;
            synchronized (lock) {
                pass = requested.get();
            }
            try {
                if (!startedUp) {
                    startUp();
                    startedUp = true;
                }
                if (rebuildRequested) {
                    rebuildRequested = false;
                    rebuild("an administrator asked for it");
                }
                catchUp();
                prune();
                if (failing) {
                    log.info("The search index applies the change feed again");
                    failing = false;
                }
                backOff = pollInterval;
                synchronized (lock) {
                    done = Math.max(done, pass);
                    lock.notifyAll();
                }
            } catch (RebuildStopped stopped) {
                log.info("Rebuild of the search index stopped with the application; it starts again on the next start");
                break;
            } catch (RuntimeException | Error e) {
                // The database or the disk is unavailable (or worse): try again later, without moving the
                // position. The thread must not die: nothing else would apply the feed.
                failing = true;
                backOff = backOff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backOff.multipliedBy(2);
                log.error("The search index could not apply the change feed; trying again in {} s",
                        backOff.toSeconds(), e);
            }
            synchronized (lock) {
                if (running && requested.get() == pass) {
                    try {
                        lock.wait(failing ? backOff.toMillis() : pollInterval.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
    }

    /** Decides whether the index can go on from where it is, or must be rebuilt, and why. */
    private void startUp() {
        databaseId = feed.databaseId();
        long position = engine.position();
        String reason = null;
        if (position < 0) {
            reason = "the index is empty, new, damaged, or of an older format";
        } else if (!databaseId.equals(engine.databaseId())) {
            reason = "the index was built from another database";
        } else if (position > feed.lastId()) {
            reason = "the index is ahead of the database's change feed (was the database restored from a backup?)";
        } else if (position < feed.prunedThrough()) {
            reason = "the index is older than the change feed the database keeps";
        }
        if (reason != null) {
            rebuild(reason);
        } else {
            high = position;
            committed = position;
            state = State.CATCHING_UP;
            log.info("Search index at feed position {}: catching up from there", position);
        }
    }

    // ---- Applying the feed ---------------------------------------------------------------------------------

    private void catchUp() {
        Instant now = Instant.now();
        Set<DocumentGroup> groups = new LinkedHashSet<>();
        for (SearchFeed.Change late : feed.withIds(gaps.keySet())) {
            gaps.remove(late.id());
            groups.add(late.group());
        }
        boolean more = true;
        while (more && running) {
            List<SearchFeed.Change> next = feed.after(high, BATCH);
            for (SearchFeed.Change change : next) {
                noteGaps(high, change.id(), now);
                high = Math.max(high, change.id());
                groups.add(change.group());
            }
            more = next.size() == BATCH;
            int applied = apply(groups, now);
            groups.clear();
            expireGaps(now);
            long position = gaps.isEmpty() ? high : gaps.firstKey() - 1;
            // Commit whatever was applied (also a late row below an older open gap): a commit is what makes
            // it searchable.
            if (applied > 0 || position != committed) {
                engine.commit(position, databaseId);
                committed = position;
            }
        }
        if (!retries.isEmpty() && apply(Set.of(), now) > 0) {
            engine.commit(committed, databaseId);
        }
        state = State.UP_TO_DATE;
    }

    private void noteGaps(long after, long id, Instant now) {
        if (id - after - 1 > MAX_GAPS) {
            log.warn("{} ids of the search feed were skipped at once; not waiting for them", id - after - 1);
            return;
        }
        for (long missing = after + 1; missing < id; missing++) {
            gaps.putIfAbsent(missing, now);
        }
    }

    /** Ids that never appeared within the grace period were rolled back (or never used). */
    private void expireGaps(Instant now) {
        Instant oldest = now.minus(gapGrace);
        gaps.values().removeIf(seen -> seen.isBefore(oldest));
    }

    /** Applies the groups, their dependants, and earlier failures whose time has come; never throws for one group. */
    private int apply(Set<DocumentGroup> changed, Instant now) {
        Set<DocumentGroup> groups = new LinkedHashSet<>();
        for (DocumentGroup group : changed) {
            groups.add(group);
            try {
                List<DocumentGroup> dependents = readOnly.execute(s -> documents.dependents(group));
                if (dependents != null) {
                    groups.addAll(dependents);
                }
            } catch (RuntimeException e) {
                failed(group, e, now);
            }
        }
        retries.forEach((group, retry) -> {
            if (!retry.next().isAfter(now)) {
                groups.add(group);
            }
        });
        for (DocumentGroup group : groups) {
            try {
                List<SearchDocument> loaded = readOnly.execute(s -> documents.load(group));
                engine.replace(group, loaded == null ? List.of() : loaded);
                retries.remove(group);
            } catch (RuntimeException e) {
                failed(group, e, now);
            }
        }
        return groups.size();
    }

    private void failed(DocumentGroup group, RuntimeException e, Instant now) {
        int attempts = retries.containsKey(group) ? retries.get(group).attempts() + 1 : 1;
        if (attempts >= MAX_ATTEMPTS) {
            retries.remove(group);
            log.error("Search gave up on {} after {} attempts; its documents stay as they were until it changes again"
                    + " or the index is rebuilt", group.key(), attempts, e);
            return;
        }
        Duration wait = Duration.ofSeconds(1L << attempts);
        retries.put(group, new Retry(attempts, now.plus(wait)));
        log.warn("Search could not index {} (attempt {}); trying again in {} s: {}", group.key(), attempts,
                wait.toSeconds(), e.toString());
    }

    private void prune() {
        Instant now = Instant.now();
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(PRUNE_EVERY);
        int pruned = feed.prune(retention);
        if (pruned > 0) {
            log.info("Pruned {} rows older than {} from the search feed", pruned, retention);
        }
    }

    // ---- Rebuilding -------------------------------------------------------------------------------------------

    private static final class RebuildStopped extends RuntimeException {
        RebuildStopped() {
            super(null, null, false, false);
        }
    }

    /**
     * Rebuilds in place: clears the index, then streams every group from the database, committing every
     * few seconds (searches see the index fill up, with the status saying how far it is). The position stays
     * -1 until the end, so a rebuild cut short starts again on the next start. Afterwards the feed is caught
     * up from a little before the rebuild began (changes committing meanwhile are applied again, harmlessly).
     */
    private void rebuild(String reason) {
        Instant started = Instant.now();
        long from = feed.lastIdBefore(started.minus(gapGrace));
        long estimate = feed.estimateGroups();
        state = State.REBUILDING;
        progress = new Progress(reason, started, 0, estimate, 0);
        log.info("Rebuilding the search index because {}: about {} groups", reason, estimate);
        engine.clear();
        engine.commit(-1, databaseId);
        committed = -1;
        var batch = new ArrayList<DocumentGroup>(BATCH);
        long[] counts = new long[2];
        Instant[] lastReport = {started};
        documents.forEachGroup(group -> {
            batch.add(group);
            if (batch.size() >= BATCH) {
                rebuildBatch(batch, counts, lastReport, reason, started, estimate);
            }
        });
        rebuildBatch(batch, counts, lastReport, reason, started, estimate);
        engine.commit(from, databaseId);
        high = from;
        committed = from;
        gaps.clear();
        retries.clear();
        progress = null;
        lastRebuild = new Rebuilt(reason, Instant.now(), counts[0], counts[1]);
        state = State.CATCHING_UP;
        Duration took = Duration.between(started, Instant.now());
        log.info("Search index rebuilt: {} groups, {} documents in {} s ({} groups/s); catching up the feed from {}",
                counts[0], counts[1], took.toSeconds(),
                Math.round(counts[0] / Math.max(0.001, took.toMillis() / 1000.0)), from);
    }

    private void rebuildBatch(List<DocumentGroup> batch, long[] counts, Instant[] lastReport, String reason,
            Instant started, long estimate) {
        if (!running) {
            throw new RebuildStopped();
        }
        Map<DocumentGroup, List<SearchDocument>> loaded;
        try {
            loaded = readOnly.execute(s -> documents.loadAll(List.copyOf(batch)));
        } catch (RuntimeException batchFailed) {
            loaded = null; // one by one below, to leave out only what fails
        }
        for (DocumentGroup group : batch) {
            try {
                List<SearchDocument> all = loaded != null ? loaded.getOrDefault(group, List.of())
                        : readOnly.execute(s -> documents.load(group));
                all = all == null ? List.of() : all;
                engine.replace(group, all);
                counts[1] += all.size();
            } catch (RuntimeException e) {
                log.error("Search could not index {} during the rebuild; it is left out until it changes again",
                        group.key(), e);
            }
            counts[0]++;
        }
        batch.clear();
        Progress now = new Progress(reason, started, counts[0], Math.max(estimate, counts[0]), counts[1]);
        progress = now;
        Instant at = Instant.now();
        if (Duration.between(lastReport[0], at).compareTo(PROGRESS_EVERY) >= 0) {
            lastReport[0] = at;
            engine.commit(-1, databaseId);
            log.info("Rebuilding the search index: {} of about {} groups ({} %), {} documents, {} groups/s",
                    now.groupsDone(), now.groupsEstimated(), now.percent(), now.documentsDone(),
                    Math.round(now.groupsPerSecond(at)));
        }
    }
}
