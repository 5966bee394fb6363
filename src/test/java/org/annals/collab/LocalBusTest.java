package org.annals.collab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.annals.review.RecordRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-process bus: delivery by project, order, unsubscribing, and coalescing a flood. */
class LocalBusTest {

    private final InProcessCollabBus bus = new InProcessCollabBus(2);
    private final UUID project = UUID.randomUUID();

    @AfterEach
    void close() {
        bus.close();
    }

    private CollabEvent event(CollabEvent.Kind kind) {
        return new CollabEvent(project, kind, UUID.randomUUID(), Set.of(new RecordRef("ANNOTATION", UUID.randomUUID())),
                Set.of(UUID.randomUUID()), UUID.randomUUID(), false);
    }

    @Test
    void subscribers_of_the_project_get_its_events_in_order_and_nothing_after_closing() {
        var mine = new Recorder();
        var otherProject = new Recorder();
        Subscription subscription = bus.subscribe(project, mine);
        bus.subscribe(UUID.randomUUID(), otherProject);
        var first = event(CollabEvent.Kind.SUBMITTED);
        var second = event(CollabEvent.Kind.APPROVED);
        bus.publish(first);
        bus.publish(second);
        assertThat(mine.until(second)).containsExactly(first, second);

        subscription.close();
        subscription.close();
        assertThat(bus.subscriptionCount(project)).isZero();
        // A later subscriber of the project is the clock: once it has the event, the closed one would have too.
        var later = new Recorder();
        bus.subscribe(project, later);
        var third = event(CollabEvent.Kind.WITHDRAWN);
        bus.publish(third);
        later.until(third);
        assertThat(mine.drain()).isEmpty();
        assertThat(otherProject.drain()).isEmpty();
    }

    @Test
    void an_observer_of_the_node_gets_the_events_without_counting_as_an_open_page() {
        var cache = new Recorder();
        Subscription observer = bus.observe(project, cache);
        assertThat(bus.subscriptionCount(project)).isZero();
        var approved = event(CollabEvent.Kind.APPROVED);
        bus.publish(approved);
        assertThat(cache.until(approved)).containsExactly(approved);
        bus.subscribe(project, new Recorder());
        assertThat(bus.subscriptionCount(project)).isEqualTo(1);
        observer.close();
        assertThat(bus.subscriptionCount(project)).isEqualTo(1);
    }

    @Test
    void a_flood_while_the_subscriber_is_busy_arrives_as_one_batch_or_one_resync() throws InterruptedException {
        var busy = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var recorder = new Recorder();
        bus.subscribe(project, batch -> {
            busy.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            recorder.onEvents(batch);
        });
        var first = event(CollabEvent.Kind.SUBMITTED);
        bus.publish(first);
        assertThat(busy.await(20, TimeUnit.SECONDS)).isTrue();

        // While the subscriber is busy, a few events queue up: they come as one batch, in order.
        List<CollabEvent> few = List.of(event(CollabEvent.Kind.SUBMITTED), event(CollabEvent.Kind.WITHDRAWN),
                event(CollabEvent.Kind.APPROVED));
        few.forEach(bus::publish);
        release.countDown();
        assertThat(recorder.until(few.getLast())).containsExactly(first, few.get(0), few.get(1), few.get(2));
        assertThat(recorder.batchSizes()).containsExactly(1, 3);
    }

    @Test
    void more_events_than_a_batch_holds_are_replaced_by_one_resync() throws InterruptedException {
        var busy = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var recorder = new Recorder();
        bus.subscribe(project, batch -> {
            busy.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            recorder.onEvents(batch);
        });
        bus.publish(event(CollabEvent.Kind.SUBMITTED));
        assertThat(busy.await(20, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < LocalSubscribers.MAX_BATCH * 4; i++) {
            bus.publish(event(CollabEvent.Kind.SUBMITTED));
        }
        release.countDown();
        recorder.next();
        CollabEvent coalesced = recorder.next();
        assertThat(coalesced).isEqualTo(CollabEvent.resync(project));
        assertThat(coalesced.partial()).isTrue();
        assertThat(coalesced.concernsContext(UUID.randomUUID())).isTrue();
        assertThat(recorder.batchSizes()).containsExactly(1, 1);

        // Afterwards events come one by one again.
        var after = event(CollabEvent.Kind.APPROVED);
        bus.publish(after);
        assertThat(recorder.next()).isEqualTo(after);
    }

    @Test
    void a_failing_subscriber_does_not_stop_the_others_or_its_own_later_events() throws InterruptedException {
        var failed = new CountDownLatch(1);
        var recorder = new Recorder();
        bus.subscribe(project, batch -> {
            if (failed.getCount() > 0) {
                failed.countDown();
                throw new IllegalStateException("a broken page");
            }
            recorder.onEvents(batch);
        });
        var healthy = new Recorder();
        bus.subscribe(project, healthy);
        var first = event(CollabEvent.Kind.SUBMITTED);
        bus.publish(first);
        healthy.until(first);
        assertThat(failed.await(20, TimeUnit.SECONDS)).isTrue();
        var second = event(CollabEvent.Kind.APPROVED);
        bus.publish(second);
        assertThat(recorder.until(second)).containsExactly(second);
    }
}
