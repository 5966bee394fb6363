package org.annals.bench;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.annals.search.DocumentGroup;
import org.annals.search.SearchDocument;
import org.annals.search.SearchDocuments;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.ImportRequest;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.source.parse.BlockKind;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.SourceFormat;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Harness for how fast search documents are read for a rebuild (issue 16; not part of the normal run):
 * <pre>./mvnw test -Pbenchmark -Dtest='SearchDocuments*Benchmark'</pre>
 * Imports {@value #SOURCES} sources of {@value #SECTIONS} sections with {@value #PARAGRAPHS} paragraphs
 * each, then reads every source group's documents as a rebuild does (the walk in batches, each batch
 * loaded together), and once more one group at a time, and prints documents per second (every run; the
 * median is what docs/performance.md reports). On embedded H2 in memory and on embedded PostgreSQL.
 */
@Tag("benchmark")
abstract class SearchDocumentsBenchmark {

    private static final int SOURCES = 400;
    private static final int SECTIONS = 10;
    private static final int PARAGRAPHS = 5;
    private static final int RUNS = 5;

    @Autowired
    SearchDocuments documents;
    @org.springframework.beans.factory.annotation.Value("${spring.datasource.url}")
    String database;
    @Autowired
    SourceImportService imports;
    @Autowired
    Fixtures fixtures;

    @Test
    void reads_documents_of_generated_sources() {
        AnnalsPrincipal manager = fixtures.admin();
        UUID project = fixtures.newProject(manager);
        for (int s = 0; s < SOURCES; s++) {
            var blocks = new ArrayList<DraftBlock>();
            for (int section = 0; section < SECTIONS; section++) {
                blocks.add(DraftBlock.heading(2, "Section " + section + " of report " + s));
                for (int p = 0; p < PARAGRAPHS; p++) {
                    blocks.add(DraftBlock.of(BlockKind.PARAGRAPH, paragraph(s, section, p)));
                }
            }
            var request = new ImportRequest(SourceMetadata.titled("Report " + s), SourceFormat.PLAIN_TEXT, blocks,
                    null, null, true);
            as(manager, () -> imports.importSource(project, request));
        }
        var sources = new ArrayList<DocumentGroup>();
        documents.forEachGroup(group -> {
            if (group.type() == DocumentGroup.Type.SOURCE) {
                sources.add(group);
            }
        });
        assertThat(sources).hasSizeGreaterThanOrEqualTo(SOURCES);

        for (int batch : new int[] {25, 100, 500}) {
            for (int run = 0; run < RUNS; run++) {
                var count = new AtomicLong();
                var chars = new AtomicLong();
                long started = System.nanoTime();
                documents.forEachGroup(batch, groups -> {
                    if (groups.getFirst().type() == DocumentGroup.Type.SOURCE) {
                        documents.loadAll(groups).values().forEach(list -> list.forEach(d -> {
                            count.incrementAndGet();
                            chars.addAndGet(d.text().length());
                        }));
                    }
                });
                report("walk + loadAll, batch " + batch, count.get(), chars.get(), System.nanoTime() - started);
            }
        }
        for (int run = 0; run < RUNS; run++) {
            long count = 0;
            long started = System.nanoTime();
            for (DocumentGroup group : sources) {
                List<SearchDocument> loaded = documents.load(group);
                count += loaded.size();
            }
            report("load one group at a time", count, 0, System.nanoTime() - started);
        }
    }

    private static String paragraph(int source, int section, int paragraph) {
        return ("Report " + source + ", section " + section + ", paragraph " + paragraph + ": opposition forces"
                + " entered the city after the army withdrew; residents said that shelling had stopped by the"
                + " evening and that roads to the north were open again. ").repeat(2)
                + "قالت مصادر محلية إن قوات المعارضة دخلت المدينة بعد انسحاب الجيش.";
    }

    private void report(String what, long count, long chars, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "SEARCH-DOCUMENTS %-10s %-28s %,9d documents %,12d chars in %6.2f s: %,9.0f documents/s%n",
                database.startsWith("jdbc:h2") ? "H2" : "PostgreSQL", what, count, chars, seconds, count / seconds);
    }
}
