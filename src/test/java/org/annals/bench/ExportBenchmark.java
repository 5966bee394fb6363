package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.event.TaxonomyService;
import org.annals.export.ExportFilter;
import org.annals.export.ExportFormat;
import org.annals.export.ExportProgress;
import org.annals.export.ExportService;
import org.annals.project.ProjectService;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Harness for the export budgets of issue "Export and API" (not part of the normal test run), on
 * PostgreSQL with 100,000 events and 1,000,000 annotations generated in SQL: rows per second next to
 * PostgreSQL's own COPY of the same columns in the same run, heap growth during the export, and time
 * to first byte.
 * <pre>./mvnw test -Pbenchmark -Dtest=ExportBenchmark</pre>
 */
@PostgresIntegrationTest
@Tag("benchmark")
class ExportBenchmark {

    @Autowired
    ExportService exports;
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
    @Autowired
    DataSource dataSource;

    @Test
    void export_a_million_annotations_and_a_hundred_thousand_events() throws Exception {
        AnnalsPrincipal admin = fixtures.admin();
        UUID project = fixtures.newProject(admin);
        Fixtures.as(admin, () -> projects.setAllowSelfApproval(project, true));
        var places = new ArrayList<UUID>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            var proposal = Fixtures.as(admin, () -> entities.proposeCreate(project,
                    EntityPayload.of(EntityKind.PLACE, "Place " + n), "add", true));
            Fixtures.as(admin, () -> review.approve(proposal.changesetId(), null));
            places.add(proposal.entityId());
        }
        UUID battles = Fixtures.as(admin, () -> taxonomy.taxonomy(project)).getFirst().id();
        // Under 2 KB, so PostgreSQL keeps it inline and the generator does not unpack a large value per row.
        String text = "Rebels entered the city at dawn; the army withdrew to the south after heavy fighting. ".repeat(20);
        UUID source = fixtures.newSource(project, admin, "Long report", text.strip());
        long started = System.nanoTime();
        generate(project, battles, places, source);
        System.out.printf(Locale.ROOT, "generated 100,000 events and 1,000,000 annotations in %.1f s%n",
                (System.nanoTime() - started) / 1e9);

        measure(admin, project, ExportFormat.ANNOTATIONS_CSV, """
                select n.id, n.source_id, s.title, s.url, n.start_offset, n.end_offset, n.exact_quote, n.prefix, n.suffix,
                       n.annotation_type, n.linked_kind, n.linked_id, e.title, null, null
                from annotation n join source s on s.id = n.source_id left join event_record e on e.id = n.linked_id
                where n.project_id = '%s' order by n.id""".formatted(project));
        measure(admin, project, ExportFormat.EVENTS_CSV, """
                select e.id, e.title, e.start_date, e.start_precision, e.end_date, t.name, st.name,
                  (select string_agg(x.name, '; ') from event_actor a join entity_record x on x.id = a.entity_id
                   where a.event_id = e.id and a.role = 'PRIMARY'),
                  (select string_agg(x.name, '; ') from event_actor a join entity_record x on x.id = a.entity_id
                   where a.event_id = e.id and a.role = 'OPPOSING'),
                  p.name, pp.name, p.latitude, p.longitude,
                  (select min(c.minimum) from event_claim c where c.event_id = e.id and c.category = 'KILLED'
                   and c.party = 'ALL'),
                  (select max(c.maximum) from event_claim c where c.event_id = e.id and c.category = 'KILLED'
                   and c.party = 'ALL'),
                  (select count(*) from annotation n where n.linked_kind = 'EVENT' and n.linked_id = e.id),
                  e.notes, e.contested_fields
                from event_record e join event_type t on t.id = e.type_id left join event_type st on st.id = e.sub_type_id
                left join entity_record p on p.id = e.place_id left join entity_record pp on pp.id = p.part_of_id
                where e.project_id = '%s' and e.merged_into_id is null order by e.start_date, e.id""".formatted(project));
        measure(admin, project, ExportFormat.ANNOTATIONS_JSONLD, null);
        measure(admin, project, ExportFormat.DATASET_JSONL, null);
    }

    /**
     * 100,000 events (two actors, one claim each) and ten annotations linked to each, in SQL; ids are
     * UUIDv7 like the application's own (time-ordered), so the tables lie on disk as they would.
     */
    private void generate(UUID project, UUID battles, List<UUID> places, UUID source) {
        UUID textVersion = jdbc.queryForObject("select text_version_id from source where id = ?", UUID.class, source);
        int length = jdbc.queryForObject("select length(content) from text_version where id = ?", Integer.class, textVersion);
        jdbc.update("create temporary table bench_place (n int primary key, id uuid)");
        for (int i = 0; i < places.size(); i++) {
            jdbc.update("insert into bench_place values (?, ?)", i, places.get(i));
        }
        jdbc.update("""
                insert into event_record (id, version, project_id, title, start_date, start_precision, type_id, place_id,
                                          notes, created_at, updated_at)
                select uuidv7(), 0, ?, 'Event ' || i, date '2020-01-01' + (i % 1800), 'DAY', ?,
                       (select id from bench_place where n = i % 40), 'Generated event ' || i, now(), now()
                from generate_series(1, 100000) i""", project, battles);
        jdbc.update("""
                insert into event_actor (event_id, ordinal, entity_id, role)
                select e.id, k, (select id from bench_place where n = (abs(hashtext(e.id::text)) + k) % 40),
                       case k when 0 then 'PRIMARY' else 'OPPOSING' end
                from event_record e cross join generate_series(0, 1) k where e.project_id = ?""", project);
        jdbc.update("""
                insert into event_claim (event_id, ordinal, claim_id, field, preferred, source_id, category, party,
                                         minimum, maximum, qualifier)
                select e.id, 0, uuidv7(), 'CASUALTIES', true, ?, 'KILLED', 'ALL', 3, 12, 'EXACTLY'
                from event_record e where e.project_id = ?""", source, project);
        jdbc.update("""
                insert into annotation (id, version, project_id, source_id, text_version_id, start_offset, end_offset,
                                        exact_quote, prefix, suffix, annotation_type, linked_kind, linked_id,
                                        created_at, updated_at)
                select uuidv7(), 0, ?, ?, ?, s, s + 20, substr(t.content, s + 1, 20),
                       substr(t.content, s - 31, 32), substr(t.content, s + 21, 32),
                       'EVENT_MENTION', 'EVENT', e.id, now(), now()
                from (select id, row_number() over (order by id) rn from event_record where project_id = ?) e
                cross join generate_series(0, 9) k
                cross join text_version t
                cross join lateral (select (((e.rn * 10 + k) * 37) % (? - 60) + 32)::int as s) pos
                where t.id = ?""", project, source, textVersion, project, length, textVersion);
        jdbc.execute("analyze");
        assertThat(jdbc.queryForObject("select count(*) from annotation where project_id = ?", Long.class, project))
                .isEqualTo(1_000_000L);
    }

    private void measure(AnnalsPrincipal admin, UUID project, ExportFormat format, String copySql) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long before = used(heap);
        var peak = new AtomicLong(before);
        var peakAfterGc = new AtomicLong(0);
        var running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(used(heap), Math::max);
                // What was still in use after the most recent collection: live data, not garbage.
                peakAfterGc.accumulateAndGet(heap.stream().mapToLong(p -> p.getCollectionUsage() == null ? 0
                        : p.getCollectionUsage().getUsed()).sum(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        var out = new CountingSink();
        var rows = new AtomicLong();
        long start = System.nanoTime();
        Fixtures.as(admin, () -> {
            try {
                exports.export(project, format, ExportFilter.ALL, false, out, new ExportProgress() {
                    @Override
                    public void written(long n) {
                        rows.set(n);
                    }

                    @Override
                    public boolean cancelled() {
                        return false;
                    }
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        sampler.join();
        // What survives a collection at the end of the export: garbage made during it is not growth.
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long after = used(heap);
        System.out.printf(Locale.ROOT, "%s: %,d records, %,d bytes in %.2f s = %,.0f rows/s; first byte after %.0f ms;"
                + " heap used %,d MB before, peak %,d MB during (garbage included), at most %,d MB live after a"
                + " collection during it, %,d MB after GC%n",
                format.fileName(), rows.get(), out.bytes, seconds, rows.get() / seconds, (out.firstByte - start) / 1e6,
                before >> 20, peak.get() >> 20, peakAfterGc.get() >> 20, after >> 20);
        if (copySql != null) {
            var copy = new CountingSink();
            long copyStart = System.nanoTime();
            long copied;
            try (var connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                copied = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("copy (" + copySql + ") to stdout (format csv)", copy);
                connection.rollback();
            }
            double copySeconds = (System.nanoTime() - copyStart) / 1e9;
            System.out.printf(Locale.ROOT, "  COPY of the same columns: %,d rows, %,d bytes in %.2f s = %,.0f rows/s;"
                    + " the export runs at %.0f%% of COPY's rate%n", copied, copy.bytes, copySeconds, copied / copySeconds,
                    100.0 * (rows.get() / seconds) / (copied / copySeconds));
        }
    }

    private static long used(List<MemoryPoolMXBean> pools) {
        return pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    /** Discards what it is given, counting bytes and noting when the first one came. */
    private static final class CountingSink extends OutputStream {
        long bytes;
        long firstByte;

        @Override
        public void write(int b) {
            note(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            note(len);
        }

        private void note(int n) {
            if (bytes == 0 && n > 0) {
                firstByte = System.nanoTime();
            }
            bytes += n;
        }
    }
}
