package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.suggest.Suggestion;
import org.annals.suggest.SuggestionKind;
import org.annals.suggest.SuggestionService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Harness for the suggestion service's own work on a 5 MB source (issue 18; not part of the normal test run):
 * the first reading, a reading from the cache, and accepting and rejecting one suggestion after another with the
 * list read again after each, as the editor's keyboard does; and the unmarked mentions of one entity across the
 * project. The recognisers' own speed is measured by their harnesses.
 * <pre>./mvnw test -Pbenchmark -Dtest=SuggestionServiceBenchmark</pre>
 */
@SpringBootTest
@TestPropertySource(locations = "classpath:annals-test.properties")
@Tag("benchmark")
class SuggestionServiceBenchmark {

    private static final String[] PLACES = {"Aleppo", "Hama", "Homs", "Idlib", "Latakia", "Daraa", "Raqqa", "Tartus"};

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    SuggestionService suggestions;

    @Test
    void suggestions_in_a_five_megabyte_source() {
        AnnalsPrincipal editor = fixtures.newUser("suggester");
        AnnalsPrincipal reviewer = fixtures.newUser("reviewer");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        var ids = new ArrayList<UUID>();
        for (String place : PLACES) {
            var proposal = Fixtures.as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE,
                    place), "Add " + place, true));
            Fixtures.as(reviewer, () -> review.approve(proposal.changesetId(), null));
            ids.add(proposal.entityId());
        }
        var paragraphs = new ArrayList<String>();
        int length = 0;
        for (int i = 0; length < 5_000_000; i++) {
            String paragraph = String.format(Locale.ROOT, "Report %d: fighting near %s on %d November 2024 left at least"
                    + " %d people killed, and the roads to %s were closed for the day.", i, PLACES[i % PLACES.length],
                    1 + i % 28, 2 + i % 40, PLACES[(i + 3) % PLACES.length]);
            paragraphs.add(paragraph);
            length += paragraph.length() + 2;
        }
        UUID source = fixtures.newSource(project, editor, "Five megabytes", paragraphs.toArray(String[]::new));
        fixtures.newSource(project, editor, "A short one", "Hama and Homs, then Hama again.");

        List<Suggestion> first = time("first reading (recognisers, registry compiled)",
                () -> Fixtures.as(editor, () -> suggestions.forSource(project, source)).suggestions());
        System.out.printf(Locale.ROOT, "suggestions in %d characters: %d%n", length, first.size());
        var cached = new ArrayList<Double>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            Fixtures.as(editor, () -> suggestions.forSource(project, source));
            cached.add((System.nanoTime() - t0) / 1e6);
        }
        report("reading again (cached)", cached);

        var accept = new ArrayList<Double>();
        var reject = new ArrayList<Double>();
        List<Suggestion> names = first.stream().filter(s -> s.kind() == SuggestionKind.MENTION).limit(40).toList();
        for (int i = 0; i < names.size(); i++) {
            String key = names.get(i).key();
            boolean accepting = i % 2 == 0;
            long t0 = System.nanoTime();
            if (accepting) {
                Fixtures.as(editor, () -> suggestions.accept(project, source, key, null));
            } else {
                Fixtures.as(editor, () -> suggestions.reject(project, source, key, false));
            }
            Fixtures.as(editor, () -> suggestions.forSource(project, source));
            (accepting ? accept : reject).add((System.nanoTime() - t0) / 1e6);
        }
        report("accept one, then read the list again", accept);
        report("reject one, then read the list again", reject);

        List<?> unmarked = time("unmarked mentions of one entity, 500 at most",
                () -> Fixtures.as(editor, () -> suggestions.unmarkedMentions(project, ids.get(1), 500)));
        assertThat(unmarked).hasSize(500);
    }

    private static <T> T time(String what, Supplier<T> work) {
        long t0 = System.nanoTime();
        T result = work.get();
        System.out.printf(Locale.ROOT, "%s: %.1f ms%n", what, (System.nanoTime() - t0) / 1e6);
        return result;
    }

    private static void report(String what, List<Double> samples) {
        var sorted = samples.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%s: median %.1f ms, min %.1f, max %.1f (n=%d)%n", what,
                sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast(), sorted.size());
    }
}
