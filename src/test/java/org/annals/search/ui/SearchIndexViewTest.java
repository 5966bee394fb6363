package org.annals.search.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import org.annals.search.SearchIndexer;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An administrator sees the state of the index and rebuilds it, after confirming, in the background. */
@IntegrationTest
@ViewPackages(classes = SearchIndexView.class)
class SearchIndexViewTest extends SignedInBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    SearchIndexer indexer;

    @BeforeEach
    void signedInAsAdministrator() {
        AnnalsPrincipal admin = fixtures.admin();
        signIn(admin);
    }

    @Test
    void the_page_shows_the_state_and_rebuilds_only_once_confirmed() {
        assertThat(indexer.awaitCurrent(Duration.ofSeconds(60))).as("index caught up").isTrue();
        SearchIndexView view = navigate(SearchIndexView.class);
        view.refresh();
        assertThat(text("search-index-state")).isEqualTo("Up to date");
        SearchIndexer.Rebuilt before = indexer.status().lastRebuild();

        test(find(Button.class).withText("Rebuild the index").single()).click();
        test(find(ConfirmDialog.class).single()).cancel();
        assertThat(indexer.awaitCurrent(Duration.ofSeconds(60))).isTrue();
        view.refresh();
        assertThat(indexer.status().lastRebuild()).as("not rebuilt when cancelled").isEqualTo(before);

        test(find(Button.class).withText("Rebuild the index").single()).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertThat(indexer.awaitCurrent(Duration.ofSeconds(60))).as("rebuilt and caught up").isTrue();
        view.refresh();
        assertThat(indexer.status().lastRebuild()).isNotEqualTo(before);
        assertThat(text("search-index-last-rebuild")).contains("an administrator asked for it");
    }

    private String text(String className) {
        return find(Span.class).all().stream().filter(s -> s.hasClassName(className)).findFirst().orElseThrow()
                .getText();
    }
}
