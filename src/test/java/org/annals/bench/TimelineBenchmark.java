package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.event.EventService;
import org.annals.event.TaxonomyService;
import org.annals.event.TimelineFilter;
import org.annals.project.ProjectService;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Harness for the timeline budget of issue "Events" (not part of the normal test run), on
 * PostgreSQL, with the query plans:
 * <pre>./mvnw test -Pbenchmark -Dtest=TimelineBenchmark</pre>
 */
@PostgresIntegrationTest
@Tag("benchmark")
class TimelineBenchmark {

    @Autowired
    EventService events;
    @Autowired
    EntityService entities;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;
    @Autowired
    ProjectService projects;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void timeline_of_ten_thousand_events() {
        AnnalsPrincipal admin = fixtures.admin();
        UUID project = fixtures.newProject(admin);
        Fixtures.as(admin, () -> projects.setAllowSelfApproval(project, true));
        var places = new ArrayList<UUID>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            var proposal = Fixtures.as(admin, () -> entities.proposeCreate(project,
                    EntityPayload.of(n % 4 == 0 ? EntityKind.ORGANIZATION : EntityKind.PLACE, "Entity " + n), "add", true));
            Fixtures.as(admin, () -> review.approve(proposal.changesetId(), null));
            places.add(proposal.entityId());
        }
        var types = Fixtures.as(admin, () -> taxonomy.taxonomy(project));
        UUID battles = types.getFirst().id();
        UUID clash = types.getFirst().subTypes().getFirst().id();
        UUID protests = types.get(3).id();
        insertEvents(project, places, battles, clash, protests, 10_000);
        jdbc.execute("analyze");

        UUID place = places.get(5);
        UUID actor = places.get(8);
        var filters = List.of(TimelineFilter.ALL,
                new TimelineFilter(null, null, null, null, place, ""),
                new TimelineFilter(null, null, null, actor, null, ""),
                new TimelineFilter(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30), null, null, null, ""),
                new TimelineFilter(null, null, protests, null, null, ""),
                new TimelineFilter(null, null, null, null, null, "event 99"));
        for (int warm = 0; warm < 5; warm++) {
            filters.forEach(f -> Fixtures.as(admin, () -> events.timeline(project, f, 0, 50)));
        }
        String[] names = {"first page, no filter", "place filter", "actor filter", "one month", "type filter", "text"};
        for (int i = 0; i < filters.size(); i++) {
            TimelineFilter filter = filters.get(i);
            var runs = new ArrayList<Double>();
            for (int run = 0; run < 10; run++) {
                runs.add(millis(() -> {
                    var page = Fixtures.as(admin, () -> events.timeline(project, filter, 0, 50));
                    long total = Fixtures.as(admin, () -> events.count(project, filter));
                    assertThat(page.size()).isLessThanOrEqualTo(50);
                    return total;
                }));
            }
            report("timeline of 10,000 events, " + names[i] + ", page of 50 + count, ms", runs);
        }

        plan("first page", "select e.id from event_record e where e.project_id = ? and e.merged_into_id is null"
                + " and e.start_date >= '0001-01-01' and e.start_date <= '9999-12-31' order by e.start_date, e.id"
                + " fetch first 50 rows only", project);
        plan("place filter", "select e.id from event_record e where e.project_id = ? and e.merged_into_id is null"
                + " and e.start_date >= '0001-01-01' and e.start_date <= '9999-12-31' and e.place_id = '" + place + "'"
                + " order by e.start_date, e.id fetch first 50 rows only", project);
        plan("actor filter", "select e.id from event_record e where e.project_id = ? and e.merged_into_id is null"
                + " and exists (select 1 from event_actor a where a.event_id = e.id and a.entity_id = '" + actor + "')"
                + " order by e.start_date, e.id fetch first 50 rows only", project);
    }

    private void insertEvents(UUID project, List<UUID> entities, UUID battles, UUID clash, UUID protests, int count) {
        var rows = new ArrayList<Object[]>();
        var actors = new ArrayList<Object[]>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            boolean protest = i % 10 == 0;
            rows.add(new Object[] {id, project, "Event " + i, Date.valueOf(LocalDate.of(2020, 1, 1).plusDays(i % 1800)),
                    protest ? protests : battles, protest ? null : clash, entities.get(1 + i % 39), now, now});
            actors.add(new Object[] {id, 0, entities.get(i % 40), "PRIMARY"});
            actors.add(new Object[] {id, 1, entities.get((i * 7) % 40), "OPPOSING"});
        }
        jdbc.batchUpdate("insert into event_record (id, version, project_id, title, start_date, start_precision, type_id,"
                + " sub_type_id, place_id, created_at, updated_at) values (?, 0, ?, ?, ?, 'DAY', ?, ?, ?, ?, ?)", rows);
        jdbc.batchUpdate("insert into event_actor (event_id, ordinal, entity_id, role) values (?, ?, ?, ?)", actors);
    }

    private void plan(String name, String sql, UUID project) {
        List<String> lines = jdbc.queryForList("explain analyze " + sql, String.class, project);
        System.out.println("PLAN " + name + ":\n  " + String.join("\n  ", lines));
    }

    private static double millis(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String what, List<Double> runs) {
        var sorted = runs.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "BENCHMARK %s: median %.1f, min %.1f, max %.1f over %d runs%n", what,
                sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast(), sorted.size());
    }
}
