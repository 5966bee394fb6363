package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.ImportPreview;
import org.annals.source.ImportRequest;
import org.annals.source.ImportedSource;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Harness for the import and library budgets of issue "Sources" (not part of the normal test run):
 * <pre>./mvnw test -Pbenchmark -Dtest=SourceImportBenchmark</pre>
 * Prints timings; docs/performance.md records them. Runs on the embedded H2 database, in memory.
 */
@IntegrationTest
@Tag("benchmark")
class SourceImportBenchmark {

    @Autowired
    SourceImportService imports;
    @Autowired
    SourceService sources;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void import_and_library_timings() throws IOException {
        AnnalsPrincipal admin = fixtures.admin();
        List<byte[]> samples = samples();

        warmUp(admin, samples);
        var sampleRuns = new ArrayList<Double>();
        for (int run = 0; run < 5; run++) {
            UUID project = fixtures.newProject(admin);
            sampleRuns.add(millis(() -> {
                for (int i = 0; i < samples.size(); i++) {
                    importFile(admin, project, "sample-" + i + ".txt", samples.get(i));
                }
                return null;
            }));
        }
        report("five samples, preview + import, ms", sampleRuns);

        byte[] large = largeText(samples, 5_000_000);
        var largeRuns = new ArrayList<Double>();
        for (int run = 0; run < 3; run++) {
            UUID project = fixtures.newProject(admin);
            largeRuns.add(millis(() -> importFile(admin, project, "large.txt", large)));
        }
        report(String.format(Locale.ROOT, "%.1f MB text, preview + import, ms", large.length / 1e6), largeRuns);

        UUID library = fixtures.newProject(admin);
        ImportedSource seed = importFile(admin, library, "seed.txt", samples.getFirst());
        fillLibrary(library, seed.sourceId(), 10_000);
        var pageRuns = new ArrayList<Double>();
        for (Sort sort : List.of(Sort.by("title"), Sort.by(Sort.Order.desc("createdAt")), Sort.by("textLength"),
                Sort.by("publisher"))) {
            for (int page : new int[] {0, 10, 100, 199}) {
                pageRuns.add(millis(() -> {
                    var rows = Fixtures.as(admin, () -> sources.library(library, "", sort, page, 50));
                    long total = Fixtures.as(admin, () -> sources.count(library, ""));
                    assertThat(rows).hasSize(50);
                    assertThat(total).isEqualTo(10_001);
                    return null;
                }));
            }
        }
        pageRuns.add(millis(() -> Fixtures.as(admin, () -> sources.library(library, "report 9", Sort.by("title"), 0, 50))));
        report("library of 10,001 sources, one page of 50 + count, ms", pageRuns);
    }

    private void warmUp(AnnalsPrincipal admin, List<byte[]> samples) {
        UUID project = fixtures.newProject(admin);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < samples.size(); i++) {
                importFile(admin, project, "warm-" + round + "-" + i + ".txt", samples.get(i), true);
            }
        }
    }

    private ImportedSource importFile(AnnalsPrincipal user, UUID project, String name, byte[] content) {
        return importFile(user, project, name, content, false);
    }

    private ImportedSource importFile(AnnalsPrincipal user, UUID project, String name, byte[] content,
            boolean allowDuplicate) {
        return Fixtures.as(user, () -> {
            ImportPreview preview = imports.preview(project, name, content);
            var kept = preview.draft().blocks().stream().filter(b -> !b.looksLikeChrome()).toList();
            String title = preview.draft().title() == null ? name : preview.draft().title();
            return imports.importSource(project, new ImportRequest(SourceMetadata.titled(title), preview.draft().format(),
                    kept, name, preview.charset(), allowDuplicate));
        });
    }

    /** 10,000 library rows in one batch, pointing at the seed's text (the library never reads texts). */
    private void fillLibrary(UUID project, UUID seedSource, int rows) {
        var seed = jdbc.queryForMap("select text_version_id, created_by from source where id = ?", seedSource);
        var batch = new ArrayList<Object[]>(rows);
        for (int i = 0; i < rows; i++) {
            batch.add(new Object[] {UUID.randomUUID(), project, seed.get("TEXT_VERSION_ID"),
                    "Field report " + i, "Publisher " + (i % 37), LocalDate.of(2024, 1, 1).plusDays(i % 365),
                    1000 + i, java.sql.Timestamp.from(Instant.now().minusSeconds(i)), seed.get("CREATED_BY")});
        }
        jdbc.batchUpdate("insert into source (id, version, project_id, text_version_id, title, publisher, published_on,"
                + " format, text_length, created_at, created_by) values (?, 0, ?, ?, ?, ?, ?, 'PLAIN_TEXT', ?, ?, ?)", batch);
    }

    private static List<byte[]> samples() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:samples/syria-2024/*.txt");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        var contents = new ArrayList<byte[]>();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                contents.add(in.readAllBytes());
            }
        }
        return contents;
    }

    /** A plain text of about the given size built from the samples' paragraphs, with numbered headings. */
    private static byte[] largeText(List<byte[]> samples, int size) {
        String body = new String(samples.get(1), StandardCharsets.UTF_8);
        var text = new StringBuilder(size + body.length()).append("A very long report\n");
        int section = 1;
        while (text.length() < size) {
            text.append(section++).append(". Part ").append(section).append(":\n").append(body).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
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
