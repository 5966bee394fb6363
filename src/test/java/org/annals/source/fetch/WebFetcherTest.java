package org.annals.source.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.annals.source.Original;
import org.annals.source.fetch.FetchFailedException.Reason;
import org.annals.support.LocalWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Fetching from a real web server on 127.0.0.1 (never the internet), which the settings allow explicitly: what is
 * fetched, what is refused, and that every refusal comes within the configured limits.
 */
class WebFetcherTest {

    private final LocalWebServer web = LocalWebServer.shared();
    private WebFetcher fetcher;

    private WebFetcher fetcher(Duration readTimeout, long maxBytes, boolean enabled) {
        var settings = new FetchProperties(enabled, Duration.ofSeconds(2), readTimeout, DataSize.ofBytes(maxBytes), 5,
                "Annals test", List.of(), List.of(), false, List.of(web.allowedHost()), 4, 20);
        fetcher = new WebFetcher(settings, new AddressPolicy(settings), maxBytes);
        return fetcher;
    }

    private WebFetcher fetcher() {
        return fetcher(Duration.ofSeconds(10), 1024 * 1024, true);
    }

    @AfterEach
    void close() {
        if (fetcher != null) {
            fetcher.close();
        }
    }

    @Test
    void a_page_is_fetched_byte_for_byte_with_its_status_type_and_hash() {
        FetchedPage page = fetcher().fetch(web.url("/article.html"));

        byte[] served = LocalWebServer.bytesOf("/article.html");
        assertThat(page.bytes()).isEqualTo(served);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.finalUrl()).isEqualTo(web.url("/article.html"));
        Original original = page.toOriginal();
        assertThat(original.kind()).isEqualTo(Original.Kind.URL);
        assertThat(original.sha256()).isEqualTo(Original.sha256(served)).matches("[0-9a-f]{64}");
    }

    @Test
    void a_redirect_chain_is_followed_and_the_final_address_recorded() {
        FetchedPage page = fetcher().fetch(web.url("/r/1"));

        assertThat(page.requestedUrl()).isEqualTo(web.url("/r/1"));
        assertThat(page.finalUrl()).isEqualTo(web.url("/article.html"));
        assertThat(page.bytes()).isEqualTo(LocalWebServer.bytesOf("/article.html"));
    }

    @Test
    void a_redirect_loop_stops_at_the_redirect_limit() {
        assertThatThrownBy(() -> fetcher().fetch(web.url("/loop"))).isInstanceOfSatisfying(FetchFailedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS));
    }

    @Test
    void a_missing_page_says_404() {
        assertThatThrownBy(() -> fetcher().fetch(web.url("/missing"))).isInstanceOfSatisfying(
                FetchFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.HTTP_STATUS);
                    assertThat(e.getMessage()).contains("404", "no such page");
                });
    }

    @Test
    void a_server_that_trickles_its_page_is_cut_off_at_the_deadline() {
        var slow = fetcher(Duration.ofSeconds(2), 1024 * 1024, true);
        assertThatThrownBy(() -> slow.fetch(web.url("/slow"))).isInstanceOfSatisfying(FetchFailedException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
                    assertThat(e.getMessage()).contains("2 seconds");
                });
    }

    @Test
    void an_endless_page_is_refused_while_it_arrives_not_after() throws InterruptedException {
        var small = fetcher(Duration.ofSeconds(30), 256 * 1024, true);
        assertThatThrownBy(() -> small.fetch(web.url("/endless"))).isInstanceOfSatisfying(FetchFailedException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
                    assertThat(e.getMessage()).contains("256 KB");
                });
        // The server notices the hang-up on its next writes: it never got to send the gigabyte it had.
        for (int i = 0; i < 100 && !web.endlessCutOff(); i++) {
            Thread.sleep(50);
        }
        assertThat(web.endlessCutOff()).as("the client hung up").isTrue();
        assertThat(web.endlessSent()).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void a_page_whose_declared_length_is_too_large_is_refused_on_its_headers() {
        assertThatThrownBy(() -> fetcher().fetch(web.url("/declared-huge")))
                .isInstanceOfSatisfying(FetchFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void an_image_is_refused_as_not_a_page() {
        assertThatThrownBy(() -> fetcher().fetch(web.url("/image.png"))).isInstanceOfSatisfying(
                FetchFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE);
                    assertThat(e.getMessage()).contains("image/png");
                });
    }

    @Test
    void a_redirect_to_an_internal_service_is_refused_and_the_service_never_reached() {
        int before = web.internalHits();
        for (String path : List.of("/to-internal", "/to-ipv6-loopback", "/to-metadata")) {
            assertThatThrownBy(() -> fetcher().fetch(web.url(path))).as(path)
                    .isInstanceOfSatisfying(FetchFailedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.REFUSED_ADDRESS));
        }
        assertThat(web.internalHits()).isEqualTo(before);
    }

    @Test
    void a_direct_private_address_is_refused_without_connecting() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[::1]/",
                web.internalUrl("/secret"))) {
            assertThatThrownBy(() -> fetcher().fetch(url)).as(url).isInstanceOfSatisfying(FetchFailedException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.REFUSED_ADDRESS));
        }
        assertThat(web.internalHits()).isZero();
    }

    @Test
    void nothing_is_fetched_when_fetching_is_turned_off() {
        int before = web.hits("/article.html");
        var off = fetcher(Duration.ofSeconds(5), 1024, false);
        assertThatThrownBy(() -> off.fetch(web.url("/article.html"))).isInstanceOfSatisfying(
                FetchFailedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DISABLED));
        assertThat(web.hits("/article.html")).isEqualTo(before);
    }
}
