package org.annals.source.fetch;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.annals.project.ProjectAccess;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.ImportPreview;
import org.annals.source.ImportProperties;
import org.annals.source.ImportRequest;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.support.Fixtures;
import org.annals.support.HeapPeaks;
import org.annals.support.IntegrationTest;
import org.annals.support.LocalWebServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Harness for issue 19's "import of 50 URLs from a local server" (not part of the normal test run):
 * <pre>./mvnw test -Pbenchmark -Dtest=UrlImportBenchmark</pre>
 * Prints timings and heap; docs/performance.md records them. Embedded H2 in memory, the pages from
 * {@link LocalWebServer} on 127.0.0.1 (an article of ~3 KB with navigation, sidebar and footer each).
 */
@IntegrationTest
@Tag("benchmark")
class UrlImportBenchmark {

    private static final int URLS = 50;

    @Autowired
    ProjectAccess access;
    @Autowired
    SourceImportService imports;
    @Autowired
    ImportProperties limits;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void import_of_fifty_addresses() {
        LocalWebServer web = LocalWebServer.shared();
        var settings = new FetchProperties(true, Duration.ofSeconds(5), Duration.ofSeconds(20),
                DataSize.ofMegabytes(10), 5, "Annals benchmark", List.of(), List.of(), false,
                List.of(web.allowedHost()), 4, URLS);
        AnnalsPrincipal admin = fixtures.admin();
        try (var fetcher = new WebFetcher(settings, limits)) {
            var urls = new UrlImportService(access, imports, fetcher, settings, limits);
            // Warm-up: the JIT, the connection set-up, the first queries.
            UUID warm = fixtures.newProject(admin);
            importAll(admin, warm, urls, IntStream.range(0, 20).mapToObj(i -> web.url("/bench/warm" + i + ".html")).toList());

            for (int run = 0; run < 3; run++) {
                UUID project = fixtures.newProject(admin);
                List<String> addresses = IntStream.range(0, URLS)
                        .mapToObj(i -> web.url("/bench/r" + i + "-" + UUID.randomUUID() + ".html")).toList();
                long heapBefore = HeapPeaks.resetAndMeasure();
                // One by one: the time each address takes from paste to stored source (fetch, read, import).
                var perUrl = new ArrayList<Double>();
                long start = System.nanoTime();
                for (String address : addresses.subList(0, URLS / 2)) {
                    long t = System.nanoTime();
                    ImportPreview preview = as(admin, () -> urls.preview(project, address));
                    store(admin, project, preview);
                    perUrl.add((System.nanoTime() - t) / 1e6);
                }
                long sequential = System.nanoTime() - start;
                // As the import page does it: the batch fetched four at a time, then each imported.
                long batchStart = System.nanoTime();
                importAll(admin, project, urls, addresses.subList(URLS / 2, URLS));
                long batch = System.nanoTime() - batchStart;
                long total = System.nanoTime() - start;
                long peak = HeapPeaks.peak();
                long heapAfter = HeapPeaks.usedAfterGc();
                assertThat(jdbc.queryForObject("select count(*) from source_capture where project_id = ?", Long.class,
                        project)).isEqualTo(URLS);
                perUrl.sort(Double::compare);
                System.out.printf(Locale.ROOT, "URL import run %d: %d addresses in %.0f ms (25 one by one %.0f ms,"
                        + " 25 as a batch of 4 at a time %.0f ms); per address one by one p50 %.1f ms, p95 %.1f ms;"
                        + " heap after GC %d MB before, %d MB after, peak %d MB%n", run, URLS, total / 1e6,
                        sequential / 1e6, batch / 1e6, percentile(perUrl, 50), percentile(perUrl, 95),
                        heapBefore >> 20, heapAfter >> 20, peak >> 20);
            }
        }
    }

    private void importAll(AnnalsPrincipal admin, UUID project, UrlImportService urls, List<String> addresses) {
        for (UrlPreview p : as(admin, () -> urls.previewAll(project, addresses))) {
            assertThat(p.error()).isNull();
            store(admin, project, p.preview());
        }
    }

    private void store(AnnalsPrincipal admin, UUID project, ImportPreview preview) {
        var kept = preview.draft().blocks().stream().filter(b -> !b.looksLikeChrome()).toList();
        as(admin, () -> imports.importSource(project, new ImportRequest(SourceMetadata.titled(preview.draft().title()),
                preview.draft().format(), kept, preview.filename(), preview.charset(), true, preview.original())));
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
