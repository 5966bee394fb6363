package org.annals.bench;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.annals.entity.EntityDetails;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetState;
import org.annals.review.ChangesetSummary;
import org.annals.review.ProposedOperation;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Harness for the moderation budgets of issue "Moderation engine and entity registry" (not part of
 * the normal test run):
 * <pre>./mvnw test -Pbenchmark -Dtest=ModerationBenchmark</pre>
 * Prints timings; docs/performance.md records them. Runs on the embedded H2 database, in memory,
 * through the services as the review page calls them (with their security and transactions).
 */
@IntegrationTest
@Tag("benchmark")
class ModerationBenchmark {

    private static final int OPERATIONS = 50;
    private static final int WARM_UP_RUNS = 5;
    private static final int MEASURED_RUNS = 10;
    private static final int PENDING = 10_000;
    private static final int AUTHORS = 5;
    private static final int PAGE_SIZE = 50;

    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    EntityService entities;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void approval_timings() {
        UUID project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal editor = member(project, "editor", ProjectRole.EDITOR);
        AnnalsPrincipal reviewer = member(project, "reviewer", ProjectRole.REVIEWER);

        for (int run = 0; run < WARM_UP_RUNS; run++) {
            approve(reviewer, proposeCreates(editor, project, "warm-" + run, OPERATIONS));
        }
        var creates = new ArrayList<Double>();
        for (int run = 0; run < MEASURED_RUNS; run++) {
            UUID changeset = proposeCreates(editor, project, "run-" + run, OPERATIONS);
            creates.add(millis(() -> approve(reviewer, changeset)));
        }
        report("approve a changeset of 50 creates, ms", creates);

        List<UUID> existing = new ArrayList<>();
        for (int batch = 0; batch < 2; batch++) {
            approve(reviewer, proposeCreates(editor, project, "existing-" + batch, 200, existing));
        }
        for (int run = 0; run < WARM_UP_RUNS; run++) {
            approve(reviewer, proposeMix(editor, project, "warm-mix-" + run, existing.subList(run * 25, run * 25 + 25)));
        }
        var mixes = new ArrayList<Double>();
        for (int run = 0; run < MEASURED_RUNS; run++) {
            int from = (WARM_UP_RUNS + run) * 25;
            UUID changeset = proposeMix(editor, project, "mix-" + run, existing.subList(from, from + 25));
            mixes.add(millis(() -> approve(reviewer, changeset)));
        }
        report("approve a changeset of 25 creates + 25 updates, ms", mixes);
    }

    @Test
    void queue_timings() {
        UUID project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal reviewer = member(project, "reviewer", ProjectRole.REVIEWER);
        List<AnnalsPrincipal> authors = new ArrayList<>();
        for (int i = 0; i < AUTHORS; i++) {
            authors.add(member(project, "author", ProjectRole.EDITOR));
        }
        long inserted = fillQueue(project, authors, PENDING);
        System.out.printf(Locale.ROOT, "BENCHMARK queue filled with %d changesets and %d operations%n", PENDING, inserted);

        for (int i = 0; i < 5; i++) {
            int page = i * 3;
            as(reviewer, () -> review.queue(project, null, null, page % 2 == 0, page, PAGE_SIZE));
            as(reviewer, () -> review.queueSize(project, null, null));
        }

        var pages = new ArrayList<Double>();
        for (boolean newestFirst : new boolean[] {true, false}) {
            for (int page : new int[] {0, 10, 100, 199}) {
                pages.add(millis(() -> {
                    var rows = as(reviewer, () -> review.queue(project, null, null, newestFirst, page, PAGE_SIZE));
                    long total = as(reviewer, () -> review.queueSize(project, null, null));
                    assertThat(rows).hasSize(PAGE_SIZE).allSatisfy(c -> {
                        assertThat(c.state()).isEqualTo(ChangesetState.SUBMITTED);
                        assertThat(c.operationLabels()).isNotEmpty();
                    });
                    assertThat(total).isEqualTo(PENDING);
                    return null;
                }));
            }
        }
        report("queue of 10,000 pending: one page of 50 + count, ms", pages);

        UUID author = authors.get(2).userId();
        int perAuthor = PENDING / AUTHORS;
        var byAuthor = new ArrayList<Double>();
        for (boolean newestFirst : new boolean[] {true, false}) {
            for (int page : new int[] {0, 10, perAuthor / PAGE_SIZE - 1}) {
                byAuthor.add(millis(() -> {
                    List<ChangesetSummary> rows = as(reviewer,
                            () -> review.queue(project, author, null, newestFirst, page, PAGE_SIZE));
                    long total = as(reviewer, () -> review.queueSize(project, author, null));
                    assertThat(rows).hasSize(PAGE_SIZE).allSatisfy(c -> assertThat(c.authorId()).isEqualTo(author));
                    assertThat(total).isEqualTo(perAuthor);
                    return null;
                }));
            }
        }
        report("queue filtered by author (2,000 of 10,000): one page of 50 + count, ms", byAuthor);

        var byKind = new ArrayList<Double>();
        for (int page : new int[] {0, 100, 199}) {
            byKind.add(millis(() -> {
                var rows = as(reviewer, () -> review.queue(project, null, EntityRecordType.KIND, true, page, PAGE_SIZE));
                long total = as(reviewer, () -> review.queueSize(project, null, EntityRecordType.KIND));
                assertThat(rows).hasSize(PAGE_SIZE);
                assertThat(total).isEqualTo(PENDING);
                return null;
            }));
        }
        report("queue filtered by kind (all 10,000 match): one page of 50 + count, ms", byKind);
    }

    private AnnalsPrincipal member(UUID project, String prefix, ProjectRole role) {
        AnnalsPrincipal user = fixtures.newUser(prefix);
        fixtures.addMember(project, user, role);
        return user;
    }

    private UUID proposeCreates(AnnalsPrincipal editor, UUID project, String prefix, int count) {
        return proposeCreates(editor, project, prefix, count, new ArrayList<>());
    }

    /** A submitted changeset creating {@code count} places; their ids are added to {@code ids}. */
    private UUID proposeCreates(AnnalsPrincipal editor, UUID project, String prefix, int count, List<UUID> ids) {
        var ops = new ArrayList<ProposedOperation>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            ops.add(ProposedOperation.create(EntityRecordType.KIND, id, place(prefix + " " + i)));
        }
        return as(editor, () -> changesets.propose(project, "Add " + count + " places (" + prefix + ")", ops, true));
    }

    /** 25 new places and new descriptions for 25 existing ones, based on the versions the editor sees. */
    private UUID proposeMix(AnnalsPrincipal editor, UUID project, String prefix, List<UUID> toUpdate) {
        var ops = new ArrayList<ProposedOperation>();
        for (int i = 0; i < OPERATIONS - toUpdate.size(); i++) {
            ops.add(ProposedOperation.create(EntityRecordType.KIND, UUID.randomUUID(), place(prefix + " " + i)));
        }
        for (UUID id : toUpdate) {
            EntityDetails seen = as(editor, () -> entities.get(project, id));
            ops.add(ProposedOperation.update(EntityRecordType.KIND, id, seen.version(),
                    seen.values().withDescription("Described in " + prefix)));
        }
        return as(editor, () -> changesets.propose(project, "Mixed change (" + prefix + ")", ops, true));
    }

    private static EntityPayload place(String name) {
        return EntityPayload.of(EntityKind.PLACE, name).withDescription("A place near the front line")
                .withCoordinates(35.0 + name.length() / 100.0, 37.0);
    }

    private void approve(AnnalsPrincipal reviewer, UUID changeset) {
        as(reviewer, () -> review.approve(changeset, null));
    }

    /**
     * Submitted changesets in JDBC batches, each with one to three create operations, spread over
     * the authors and over time (one second apart). Returns how many operations were written.
     */
    private long fillQueue(UUID project, List<AnnalsPrincipal> authors, int count) {
        Instant first = Instant.now().minusSeconds(count + 60L);
        var changesetRows = new ArrayList<Object[]>(count);
        var operationRows = new ArrayList<Object[]>(count * 2);
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            Timestamp at = Timestamp.from(first.plusSeconds(i));
            changesetRows.add(new Object[] {id, project, authors.get(i % authors.size()).userId(),
                    "Pending change " + i, at, at, at});
            for (int ordinal = 0; ordinal <= i % 3; ordinal++) {
                String name = "Pending place " + i + "." + ordinal;
                operationRows.add(new Object[] {UUID.randomUUID(), id, ordinal, EntityRecordType.KIND, UUID.randomUUID(),
                        json.writeValueAsString(EntityPayload.of(EntityKind.PLACE, name)), "Place: " + name});
            }
        }
        jdbc.batchUpdate("insert into changeset (id, version, project_id, author_id, message, state, created_at,"
                + " updated_at, submitted_at) values (?, 0, ?, ?, ?, 'SUBMITTED', ?, ?, ?)", changesetRows);
        jdbc.batchUpdate("insert into change_operation (id, version, changeset_id, ordinal, record_kind, record_id,"
                + " action, base_version, payload, label) values (?, 0, ?, ?, ?, ?, 'CREATE', null, ?, ?)", operationRows);
        return operationRows.size();
    }

    private static double millis(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double millis(Runnable work) {
        return millis(() -> {
            work.run();
            return null;
        });
    }

    private static void report(String what, List<Double> runs) {
        var sorted = runs.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "BENCHMARK %s: median %.1f, min %.1f, max %.1f over %d runs%n", what,
                sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast(), sorted.size());
    }
}
