package org.annals.review;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.annals.entity.EntityDetails;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many editors and reviewers working on the same few entities at once: every approval either
 * applies completely, with one revision, or is refused and leaves nothing behind. Run against H2 and
 * PostgreSQL by the subclasses.
 *
 * <p>The workers stop after {@link #ROUNDS} attempts each or {@link #RUN_FOR_MILLIS}, whichever
 * comes first; nothing here asserts how long anything took.
 */
abstract class ConcurrentModerationContract {

    static final int THREADS = 20;
    static final int ROUNDS = 40;
    static final long RUN_FOR_MILLIS = 8_000;
    static final int SHARED_ENTITIES = 5;
    /** Only a guard against a hung worker (a deadlock would otherwise block the build forever). */
    static final long HANG_GUARD_MINUTES = 5;

    @Autowired
    EntityService entities;
    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    HistoryService history;
    @Autowired
    ChangesetRepository changesetRows;
    @Autowired
    RecordRevisionRepository revisions;
    @Autowired
    ChangeOperationRepository operations;
    @Autowired
    Fixtures fixtures;

    private final JsonMapper json = JsonMapper.builder().build();

    UUID project;
    List<AnnalsPrincipal> editors;
    List<AnnalsPrincipal> reviewers;
    AnnalsPrincipal viewer;
    List<UUID> shared;

    enum Outcome {
        APPROVED, CONFLICT, OPTIMISTIC_LOCK, OTHER_CONCURRENCY_REFUSAL
    }

    /**
     * One attempt of a worker: the changeset it proposed, the version it was based on, the unique
     * description, and what approval did.
     */
    record Attempt(UUID changesetId, UUID entityId, long baseVersion, String description, Outcome outcome,
            String detail) {
    }

    @BeforeEach
    void aProjectWithATeamAndFiveSharedEntities() {
        project = fixtures.newProject(fixtures.admin());
        editors = List.of(member("editor", ProjectRole.EDITOR), member("editor", ProjectRole.EDITOR),
                member("editor", ProjectRole.EDITOR), member("editor", ProjectRole.EDITOR));
        reviewers = List.of(member("reviewer", ProjectRole.REVIEWER), member("reviewer", ProjectRole.REVIEWER),
                member("reviewer", ProjectRole.REVIEWER));
        viewer = member("viewer", ProjectRole.VIEWER);
        shared = new ArrayList<>();
        for (int i = 0; i < SHARED_ENTITIES; i++) {
            var proposal = as(editors.getFirst(), () -> entities.proposeCreate(project,
                    EntityPayload.of(EntityKind.PLACE, "Shared place " + (char) ('A' + shared.size())), "Add a place",
                    true));
            as(reviewers.getFirst(), () -> review.approve(proposal.changesetId(), null));
            shared.add(proposal.entityId());
        }
    }

    private AnnalsPrincipal member(String prefix, ProjectRole role) {
        AnnalsPrincipal user = fixtures.newUser(prefix);
        fixtures.addMember(project, user, role);
        return user;
    }

    @Test
    void concurrent_approvals_of_the_same_entities_either_apply_completely_or_leave_nothing_behind()
            throws InterruptedException {
        var attempts = new ConcurrentLinkedQueue<Attempt>();
        var unexpected = new ConcurrentLinkedQueue<Throwable>();
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                pool.submit(() -> {
                    try {
                        start.await();
                        long stopAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_FOR_MILLIS);
                        for (int round = 0; round < ROUNDS && System.nanoTime() < stopAt && unexpected.isEmpty(); round++) {
                            attempts.add(attempt("t" + thread + "-r" + round));
                        }
                    } catch (Throwable e) {
                        unexpected.add(e);
                    }
                });
            }
            start.countDown();
            pool.shutdown();
            if (!pool.awaitTermination(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
                fail("Workers still running after " + HANG_GUARD_MINUTES + " minutes; threads:%n%s", threadDump());
            }
        } finally {
            pool.shutdownNow();
        }
        if (!unexpected.isEmpty()) {
            var trace = new StringWriter();
            unexpected.peek().printStackTrace(new PrintWriter(trace));
            fail("%d unexpected exception(s); the first:%n%s", unexpected.size(), trace);
        }

        Map<Outcome, List<Attempt>> byOutcome = new TreeMap<>(attempts.stream()
                .collect(Collectors.groupingBy(Attempt::outcome)));
        report(byOutcome);
        List<Attempt> approved = byOutcome.getOrDefault(Outcome.APPROVED, List.of());
        List<Attempt> refused = attempts.stream().filter(a -> a.outcome() != Outcome.APPROVED).toList();

        assertThat(approved).as("approvals that succeeded").isNotEmpty();
        everyApprovedChangesetIsApprovedWithExactlyOneRevision(approved);
        eachEntityMatchesItsLatestRevisionAndItsVersionsHaveNoGaps(approved);
        everyApprovedValueIsInExactlyOneRevision(approved);
        everyRefusedChangesetIsStillSubmittedAndLeftNoTrace(refused);
    }

    /** Read, propose, submit as one user, approve as another (a reviewer); returns what happened. */
    private Attempt attempt(String description) {
        var random = ThreadLocalRandom.current();
        UUID entity = shared.get(random.nextInt(shared.size()));
        var authors = new ArrayList<AnnalsPrincipal>(editors);
        authors.addAll(reviewers);
        AnnalsPrincipal author = authors.get(random.nextInt(authors.size()));
        var others = reviewers.stream().filter(r -> !r.userId().equals(author.userId())).toList();
        AnnalsPrincipal reviewer = others.get(random.nextInt(others.size()));

        EntityDetails seen = as(author, () -> entities.get(project, entity));
        var proposal = as(author, () -> entities.proposeUpdate(project, entity, seen.version(),
                seen.values().withDescription(description), "Describe as " + description, false));
        as(author, () -> changesets.submit(proposal.changesetId()));
        UUID changeset = proposal.changesetId();
        long base = seen.version();
        try {
            as(reviewer, () -> review.approve(changeset, null));
            return new Attempt(changeset, entity, base, description, Outcome.APPROVED, "");
        } catch (ConflictException e) {
            return new Attempt(changeset, entity, base, description, Outcome.CONFLICT, "");
        } catch (OptimisticLockingFailureException e) {
            return new Attempt(changeset, entity, base, description, Outcome.OPTIMISTIC_LOCK, e.getClass().getSimpleName());
        } catch (ConcurrencyFailureException e) {
            return new Attempt(changeset, entity, base, description, Outcome.OTHER_CONCURRENCY_REFUSAL,
                    e.getClass().getSimpleName() + ": " + e.getMostSpecificCause().getMessage());
        }
    }

    private void everyApprovedChangesetIsApprovedWithExactlyOneRevision(List<Attempt> approved) {
        for (Attempt a : approved) {
            assertThat(state(a.changesetId())).as("state of approved %s", a.description())
                    .isEqualTo(ChangesetState.APPROVED);
            List<RecordRevision> applied = revisions.findByChangesetId(a.changesetId());
            assertThat(applied).as("one revision per operation of approved %s", a.description())
                    .hasSameSizeAs(operations.findByChangesetIdOrderByOrdinal(a.changesetId()));
            assertThat(applied).as("revisions of approved %s", a.description())
                    .singleElement().satisfies(r -> {
                        assertThat(r.getRecordId()).isEqualTo(a.entityId());
                        assertThat(r.getAction()).isEqualTo(ChangeAction.UPDATE);
                        assertThat(description(r)).isEqualTo(a.description());
                        assertThat(r.getRecordVersion()).as("applied on top of the version it was based on")
                                .isEqualTo(a.baseVersion() + 1);
                    });
        }
    }

    private void eachEntityMatchesItsLatestRevisionAndItsVersionsHaveNoGaps(List<Attempt> approved) {
        for (UUID entity : shared) {
            EntityDetails now = as(viewer, () -> entities.get(project, entity));
            List<RecordRevision> revisionsOfEntity = revisionsOf(entity);
            assertThat(revisionsOfEntity).hasSize(1 + (int) approved.stream()
                    .filter(a -> a.entityId().equals(entity)).count());
            RecordRevision latest = revisionsOfEntity.getLast();
            assertThat(now.values().description()).as("current description of %s", entity).isEqualTo(description(latest));
            assertThat(latest.getRecordVersion()).isEqualTo(now.version());

            List<Long> versions = as(viewer, () -> history.history(project, EntityRecordType.KIND, entity)).stream()
                    .map(HistoryService.Revision::version).toList();
            assertThat(versions).doesNotContainNull();
            for (int i = 1; i < versions.size(); i++) {
                assertThat(versions.get(i)).as("versions of %s in history order: %s", entity, versions)
                        .isEqualTo(versions.getFirst() + i);
            }
        }
    }

    private void everyApprovedValueIsInExactlyOneRevision(List<Attempt> approved) {
        Map<String, List<RecordRevision>> revisionsByDescription = new HashMap<>();
        for (UUID entity : shared) {
            for (RecordRevision r : revisionsOf(entity)) {
                revisionsByDescription.computeIfAbsent(Objects.toString(description(r)), d -> new ArrayList<>()).add(r);
            }
        }
        for (Attempt a : approved) {
            assertThat(revisionsByDescription.get(a.description())).as("revisions holding %s", a.description())
                    .singleElement().satisfies(r -> assertThat(r.getChangesetId()).isEqualTo(a.changesetId()));
        }
    }

    private void everyRefusedChangesetIsStillSubmittedAndLeftNoTrace(List<Attempt> refused) {
        var currentDescriptions = shared.stream()
                .map(e -> as(viewer, () -> entities.get(project, e)).values().description()).toList();
        var describedInHistory = shared.stream().flatMap(e -> revisionsOf(e).stream()).map(this::description).toList();
        for (Attempt a : refused) {
            assertThat(state(a.changesetId())).as("state of refused %s", a.description())
                    .isEqualTo(ChangesetState.SUBMITTED);
            assertThat(revisions.findByChangesetId(a.changesetId())).as("revisions of refused %s", a.description())
                    .isEmpty();
            assertThat(currentDescriptions).doesNotContain(a.description());
            assertThat(describedInHistory).doesNotContain(a.description());
        }
    }

    private List<RecordRevision> revisionsOf(UUID entity) {
        return revisions.findByProjectIdAndRecordKindAndRecordIdOrderByAppliedAtAscIdAsc(project, EntityRecordType.KIND,
                entity);
    }

    private String description(RecordRevision revision) {
        return json.readValue(revision.getSnapshot(), EntityPayload.class).description();
    }

    private ChangesetState state(UUID changesetId) {
        return changesetRows.findById(changesetId).orElseThrow().getState();
    }

    private void report(Map<Outcome, List<Attempt>> byOutcome) {
        String counts = byOutcome.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size())
                .collect(Collectors.joining(", "));
        System.out.printf("CONCURRENCY %s: %d attempts by %d threads: %s%n", getClass().getSimpleName(),
                byOutcome.values().stream().mapToInt(Collection::size).sum(), THREADS, counts);
        byOutcome.values().stream().flatMap(List::stream).filter(a -> !a.detail().isEmpty())
                .collect(Collectors.groupingBy(a -> a.outcome() + " " + a.detail().lines().findFirst().orElse(""),
                        TreeMap::new, Collectors.counting()))
                .forEach((detail, count) -> System.out.printf("CONCURRENCY   %d x %s%n", count, detail));
    }

    private static String threadDump() {
        return Thread.getAllStackTraces().entrySet().stream()
                .map(e -> e.getKey().getName() + "\n    " + java.util.Arrays.stream(e.getValue()).limit(25)
                        .map(Object::toString).collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n"));
    }
}
