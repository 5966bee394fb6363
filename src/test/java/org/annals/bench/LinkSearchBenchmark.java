package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.annals.annotation.AnnotationService;
import org.annals.event.EventSearch;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.annals.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Harness for the link search and "same words elsewhere" (issue 15, items 4 and 5; not part of the
 * normal test run), on PostgreSQL: 10,000 events and 2,000 entities with aliases; 200 sources of
 * about 100 KB each.
 * <pre>./mvnw test -Pbenchmark -Dtest=LinkSearchBenchmark</pre>
 */
@PostgresIntegrationTest
@Tag("benchmark")
class LinkSearchBenchmark {

    private static final String[] WORDS = ("the rebels army city offensive fighters entered withdrew reported killed"
            + " civilians airstrike positions front line convoy checkpoint command operations brigade faction council"
            + " statement according to sources on Saturday Sunday morning evening were at least near village district"
            + " province road bridge airport base commander announced control advanced retreated").split(" ");

    @Autowired
    EventSearch search;
    @Autowired
    AnnotationService annotations;
    @Autowired
    SourceService sources;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void link_search_over_ten_thousand_events() {
        AnnalsPrincipal admin = fixtures.admin();
        UUID project = fixtures.newProject(admin);
        AnnalsPrincipal editor = fixtures.newUser("bench-editor");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        List<UUID> entities = insertEntities(project, 2_000);
        UUID battles = Fixtures.as(admin, () -> taxonomy.taxonomy(project)).getFirst().id();
        insertEvents(project, entities, battles, 10_000);
        jdbc.execute("analyze");

        String selection = "On 1 June 2021, fighters entered the town.";
        record Case(String name, String query, EventSearch.Context context) {
        }
        var cases = List.of(
                new Case("words", "event 99", EventSearch.Context.NONE),
                new Case("one day", "2021-06-01", EventSearch.Context.NONE),
                new Case("a month", "June 2021", EventSearch.Context.NONE),
                new Case("place by alias", "Place-5 alias", EventSearch.Context.NONE),
                new Case("place and day without year", "place 8 1 Jun", new EventSearch.Context(selection, null)),
                new Case("empty, selection dates first", "", new EventSearch.Context(selection, null)),
                new Case("word, selection dates first", "event", new EventSearch.Context(selection, null)));
        for (int warm = 0; warm < 3; warm++) {
            cases.forEach(c -> Fixtures.as(editor, () -> search.search(project, c.query(), c.context(), 20)));
        }
        for (Case c : cases) {
            var runs = new ArrayList<Double>();
            for (int run = 0; run < 10; run++) {
                runs.add(millis(() -> {
                    var found = Fixtures.as(editor, () -> search.search(project, c.query(), c.context(), 20));
                    assertThat(found.size()).isLessThanOrEqualTo(20);
                    return found;
                }));
            }
            report("link search, 10,000 events, 2,000 entities, " + c.name() + ", 20 results, ms", runs);
        }
    }

    @Test
    void same_words_in_two_hundred_sources_of_a_hundred_kilobytes() {
        AnnalsPrincipal admin = fixtures.admin();
        UUID project = fixtures.newProject(admin);
        AnnalsPrincipal editor = fixtures.newUser("bench-editor");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        String sentence = "In the early hours of 30 November 2024, rebel forces captured the Citadel of Aleppo.";
        var random = new Random(7);
        UUID first = null;
        for (int s = 0; s < 200; s++) {
            var paragraphs = new ArrayList<String>();
            int size = 0;
            while (size < 100_000) {
                var p = new StringBuilder();
                while (p.length() < 1_000) {
                    p.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? ". " : " ");
                }
                if (paragraphs.size() == 40 && s % 20 == 0) {
                    p.append(s == 0 ? sentence : sentence.replace("2024,", "2024 [12],"));
                }
                paragraphs.add(p.toString().strip());
                size += p.length();
            }
            UUID id = fixtures.newSource(project, editor, "Source " + s, paragraphs.toArray(String[]::new));
            if (s == 0) {
                first = id;
            }
        }
        UUID source = first;
        String text = Fixtures.as(editor, () -> sources.read(project, source)).text();
        int start = text.indexOf(sentence);
        var cold = millis(() -> {
            var found = Fixtures.as(editor, () -> annotations.sameWords(project, source, start, start + sentence.length()));
            assertThat(found).hasSize(9);
            return found;
        });
        report("same words, 200 sources of 100 KB, first lookup (texts read and folded), ms", List.of(cold));
        var runs = new ArrayList<Double>();
        for (int run = 0; run < 10; run++) {
            runs.add(millis(() -> Fixtures.as(editor,
                    () -> annotations.sameWords(project, source, start, start + sentence.length()))));
        }
        report("same words, 200 sources of 100 KB, later lookups, ms", runs);
    }

    private List<UUID> insertEntities(UUID project, int count) {
        var rows = new ArrayList<Object[]>();
        var aliases = new ArrayList<Object[]>();
        Timestamp now = Timestamp.from(Instant.now());
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            rows.add(new Object[] {id, project, i % 4 == 0 ? "ORGANIZATION" : "PLACE", "Place " + i, now, now});
            aliases.add(new Object[] {id, 0, "Place-" + i + " alias", null});
            aliases.add(new Object[] {id, 1, "مكان " + i, "ar"});
        }
        jdbc.batchUpdate("insert into entity_record (id, version, project_id, kind, name, created_at, updated_at)"
                + " values (?, 0, ?, ?, ?, ?, ?)", rows);
        jdbc.batchUpdate("insert into entity_alias (entity_id, ordinal, name, language) values (?, ?, ?, ?)", aliases);
        return ids;
    }

    private void insertEvents(UUID project, List<UUID> entities, UUID type, int count) {
        var rows = new ArrayList<Object[]>();
        var actors = new ArrayList<Object[]>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            rows.add(new Object[] {id, project, "Event " + i, Date.valueOf(LocalDate.of(2020, 1, 1).plusDays(i % 1800)),
                    i % 50 == 0 ? "MONTH" : "DAY", type, entities.get(i % 40), now, now});
            actors.add(new Object[] {id, 0, entities.get((i * 7) % 40), "PRIMARY"});
        }
        // Month-precise events must start on the first day of their month.
        jdbc.batchUpdate("insert into event_record (id, version, project_id, title, start_date, start_precision, type_id,"
                + " place_id, created_at, updated_at) values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?)", rows.stream().map(r -> {
                    if ("MONTH".equals(r[4])) {
                        r[3] = Date.valueOf(((Date) r[3]).toLocalDate().withDayOfMonth(1));
                    }
                    return r;
                }).toList());
        jdbc.batchUpdate("insert into event_actor (event_id, ordinal, entity_id, role) values (?, ?, ?, ?)", actors);
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
