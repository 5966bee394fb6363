package org.annals.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.annals.event.TaxonomyService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Harness for issue 15's journey budget (not part of the normal test run; it lives beside the browser
 * tests because it drives the same browser set-up): {@link OneDraftJourneyTest}'s journey five times,
 * each in a fresh project, reporting interactions, typed characters, changesets, review steps and the
 * wall time from opening the source to the event on the timeline.
 * <pre>./mvnw test -Pbenchmark -Dtest=JourneyBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
class JourneyBenchmark extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void one_event_told_by_two_sources() {
        List<Long> millis = new ArrayList<>();
        OneDraftJourneyTest.Cost cost = null;
        for (int run = 0; run < 6; run++) {
            long started = System.nanoTime();
            cost = OneDraftJourneyTest.journey(this, fixtures, taxonomy, jdbc);
            long took = (System.nanoTime() - started) / 1_000_000;
            if (run > 0) {
                millis.add(took); // the first run warms the server and the browser
            }
            closeContexts();
        }
        assertThat(cost).isNotNull();
        millis.sort(null);
        System.out.printf("JOURNEY editor: %d interactions, %d typed characters; reviewer: %d interactions;"
                + " %d changeset(s), 1 review step; wall time median %d ms (min %d, max %d, %d runs)%n",
                cost.editorInteractions(), cost.editorTyped(), cost.reviewerInteractions(), cost.changesets(),
                millis.get(millis.size() / 2), millis.getFirst(), millis.getLast(), millis.size());
    }
}
