package org.annals.collab;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus across nodes that share one PostgreSQL database: each event is sent with
 * {@code NOTIFY annals_collab, '<compact JSON>'} and every node LISTENs on one dedicated connection.
 * <ul>
 * <li>Publishing delivers to this node's subscribers at once and queues the NOTIFY for a sender
 * thread, so the request that made the change never waits for it. Notifications carry the sending
 * node's id; a node skips its own, so each local subscriber gets an event exactly once.</li>
 * <li>A listener thread waits in {@link PGConnection#getNotifications(int)}. When the connection
 * breaks it reconnects with growing pauses, LISTENs again, and sends every local subscriber a
 * {@link CollabEvent.Kind#RESYNC}: whatever was published meanwhile was missed, so open views reload.</li>
 * </ul>
 * NOTIFY is not durable: a node that is down misses events, which is fine for live views (they load
 * everything when opened). Nothing depends on it for correctness.
 */
final class PostgresCollabBus implements CollabBus, AutoCloseable {

    static final String CHANNEL = "annals_collab";
    private static final Logger log = LoggerFactory.getLogger(PostgresCollabBus.class);
    /** How long one wait for notifications lasts: bounds how long closing takes, not how fast events arrive. */
    private static final int POLL_MILLIS = 500;
    /** With no traffic for this long the listener sends a query, so a silently dead connection is noticed. */
    private static final Duration PROBE_AFTER = Duration.ofSeconds(15);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);
    private static final int OUTBOX_CAPACITY = 10_000;

    /** Opens a JDBC connection to the shared database. */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    private final UUID node = UUID.randomUUID();
    private final LocalSubscribers subscribers;
    private final Connector listenConnector;
    private final Connector notifyConnector;
    private final BlockingQueue<CollabEvent> outbox = new LinkedBlockingQueue<>(OUTBOX_CAPACITY);
    private final Thread listener;
    private final Thread sender;
    private volatile boolean running = true;
    private volatile CountDownLatch listening = new CountDownLatch(1);

    /**
     * @param listenConnector opens the dedicated listening connection (not from the pool: it stays open)
     * @param notifyConnector opens a short-lived connection to send notifications (the pool)
     */
    PostgresCollabBus(Connector listenConnector, Connector notifyConnector, int deliveryThreads) {
        this.listenConnector = listenConnector;
        this.notifyConnector = notifyConnector;
        this.subscribers = new LocalSubscribers(deliveryThreads);
        this.listener = Thread.ofPlatform().daemon().name("annals-collab-listen").unstarted(this::listen);
        this.sender = Thread.ofPlatform().daemon().name("annals-collab-notify").unstarted(this::send);
    }

    void start() {
        listener.start();
        sender.start();
    }

    /** Waits until this node LISTENs (after start or a reconnection); false when that took longer than {@code timeout}. */
    boolean awaitListening(Duration timeout) throws InterruptedException {
        return listening.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    UUID node() {
        return node;
    }

    @Override
    public void publish(CollabEvent event) {
        subscribers.deliver(event);
        if (!outbox.offer(event)) {
            log.warn("Live updates: {} events wait to be sent to the other nodes; dropping one for project {}",
                    OUTBOX_CAPACITY, event.projectId());
        }
    }

    @Override
    public Subscription subscribe(UUID projectId, CollabListener listener) {
        return subscribers.subscribe(projectId, listener);
    }

    @Override
    public Subscription observe(UUID projectId, CollabListener listener) {
        return subscribers.subscribe(projectId, listener, false);
    }

    @Override
    public int subscriptionCount(UUID projectId) {
        return subscribers.count(projectId);
    }

    @Override
    public void close() {
        running = false;
        sender.interrupt();
        listener.interrupt();
        try {
            sender.join(Duration.ofSeconds(3));
            listener.join(Duration.ofSeconds(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscribers.close();
    }

    private void listen() {
        Duration pause = Duration.ofMillis(250);
        boolean connectedBefore = false;
        while (running) {
            try (Connection connection = listenConnector.open()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (connectedBefore) {
                    log.info("Live updates: listening again after a lost connection; open views reload");
                    subscribers.resyncAll();
                }
                connectedBefore = true;
                pause = Duration.ofMillis(250);
                listening.countDown();
                long quietSince = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        for (PGNotification n : notifications) {
                            receive(n.getParameter());
                        }
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince > PROBE_AFTER.toNanos()) {
                        try (Statement probe = connection.createStatement()) {
                            probe.execute("SELECT 1");
                        }
                        quietSince = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listening.getCount() == 0) {
                    listening = new CountDownLatch(1);
                }
                if (running) {
                    log.warn("Live updates: lost the connection that listens for other nodes ({}); retrying in {} ms",
                            e.getMessage(), pause.toMillis());
                    if (!pause(pause)) {
                        return;
                    }
                    pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
                }
            }
        }
    }

    private void receive(String payload) {
        try {
            CollabPayload.Received received = CollabPayload.read(payload);
            if (!received.node().equals(node)) {
                subscribers.deliver(received.event());
            }
        } catch (RuntimeException unreadable) {
            log.warn("Live updates: ignored an unreadable notification: {}", unreadable.getMessage());
        }
    }

    private void send() {
        while (running) {
            List<CollabEvent> batch = new ArrayList<>();
            try {
                CollabEvent first = outbox.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                break;
            }
            outbox.drainTo(batch, 99);
            sendWithRetries(batch);
        }
        // Closing: whatever is still queued goes out once, without retries.
        List<CollabEvent> rest = new ArrayList<>();
        outbox.drainTo(rest);
        if (!rest.isEmpty()) {
            trySend(rest);
        }
    }

    private void sendWithRetries(List<CollabEvent> batch) {
        Duration pause = Duration.ofMillis(200);
        for (int attempt = 1; attempt <= 3; attempt++) {
            SQLException failure = trySend(batch);
            if (failure == null) {
                return;
            }
            if (attempt == 3 || !running) {
                log.warn("Live updates: could not notify the other nodes of {} events ({})", batch.size(),
                        failure.getMessage());
                return;
            }
            if (!pause(pause)) {
                return;
            }
            pause = pause.multipliedBy(4);
        }
    }

    /** Sends the batch in one transaction (other nodes get it in this order); the failure, or null. */
    private @Nullable SQLException trySend(List<CollabEvent> batch) {
        try (Connection connection = notifyConnector.open()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                for (CollabEvent event : batch) {
                    notify.setString(1, CHANNEL);
                    notify.setString(2, CollabPayload.write(node, event));
                    notify.execute();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private boolean pause(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
