package org.annals.source.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.annals.source.fetch.FetchFailedException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Which addresses may be fetched from: schemes, host lists, and every kind of private address. */
class AddressPolicyTest {

    private static FetchProperties settings(List<String> allowed, List<String> denied, boolean allowPrivate,
            List<String> privateHosts) {
        return new FetchProperties(true, Duration.ofSeconds(5), Duration.ofSeconds(20), DataSize.ofMegabytes(10), 5,
                "test", allowed, denied, allowPrivate, privateHosts, 4, 20);
    }

    /** A resolver that answers every name with the given address, as a name pointing inward would. */
    private static AddressPolicy resolvingTo(FetchProperties settings, String address) {
        return new AddressPolicy(settings, host -> new InetAddress[] {InetAddress.getByName(address)});
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.9.9.9", "0.0.0.0", "10.0.0.1", "10.255.255.255", "172.16.0.1",
            "172.31.255.254", "192.168.1.1", "100.64.0.1", "100.127.255.255", "169.254.169.254", "169.254.0.1",
            "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "198.18.0.1", "192.0.0.8",
            "::1", "::", "fc00::1", "fd12:3456:789a::1", "fe80::1", "fec0::1", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1",
            "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1", "2002:7f00:1::1"})
    void private_loopback_link_local_and_reserved_addresses_are_private(String address) throws UnknownHostException {
        assertThat(AddressPolicy.isPrivate(InetAddress.getByName(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1",
            "11.0.0.1", "2606:4700:4700::1111", "2001:4860:4860::8888", "::ffff:8.8.8.8", "2002:0808:0808::1"})
    void public_addresses_are_not_private(String address) throws UnknownHostException {
        assertThat(AddressPolicy.isPrivate(InetAddress.getByName(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://[::1]/",
            "http://127.0.0.1:8080/admin", "http://[::ffff:127.0.0.1]/", "https://192.168.0.1/",
            "http://0.0.0.0:8080/"})
    void a_private_address_is_refused_before_any_connection(String url) {
        var policy = new AddressPolicy(settings(List.of(), List.of(), false, List.of()));
        assertThatThrownBy(() -> policy.check(URI.create(url))).isInstanceOfSatisfying(FetchFailedException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REFUSED_ADDRESS);
                    assertThat(e.getMessage()).contains("private network");
                });
    }

    @Test
    void a_name_that_resolves_to_a_private_address_is_refused_and_the_message_says_where_it_points() {
        var policy = resolvingTo(settings(List.of(), List.of(), false, List.of()), "10.1.2.3");
        assertThatThrownBy(() -> policy.check(URI.create("https://news.example.org/story")))
                .isInstanceOfSatisfying(FetchFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REFUSED_ADDRESS);
                    assertThat(e.getMessage()).contains("news.example.org", "10.1.2.3");
                });
    }

    @Test
    void a_name_with_one_private_address_among_public_ones_is_refused() {
        var policy = new AddressPolicy(settings(List.of(), List.of(), false, List.of()), host -> new InetAddress[] {
                InetAddress.getByName("93.184.215.14"), InetAddress.getByName("127.0.0.1")});
        assertThatThrownBy(() -> policy.check(URI.create("https://mixed.example.org/")))
                .isInstanceOf(FetchFailedException.class);
    }

    @Test
    void only_the_private_host_and_port_the_operator_lists_are_allowed() {
        var policy = new AddressPolicy(settings(List.of(), List.of(), false, List.of("127.0.0.1:8123")));
        assertThat(policy.check(URI.create("http://127.0.0.1:8123/page"))).isNotEmpty();
        assertThatThrownBy(() -> policy.check(URI.create("http://127.0.0.1:8124/page")))
                .isInstanceOf(FetchFailedException.class);
        assertThatThrownBy(() -> policy.check(URI.create("http://10.0.0.1:8123/page")))
                .isInstanceOf(FetchFailedException.class);
    }

    @Test
    void allowing_private_addresses_lets_them_through() {
        var policy = new AddressPolicy(settings(List.of(), List.of(), true, List.of()));
        assertThat(policy.check(URI.create("http://127.0.0.1:9/"))).isNotEmpty();
    }

    @Test
    void denied_hosts_and_their_subdomains_are_refused_and_an_allow_list_admits_only_its_hosts() {
        var denying = resolvingTo(settings(List.of(), List.of("tracker.example"), false, List.of()), "93.184.215.14");
        assertThatThrownBy(() -> denying.check(URI.create("https://cdn.tracker.example/x")))
                .isInstanceOfSatisfying(FetchFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.REFUSED_ADDRESS));
        assertThat(denying.check(URI.create("https://nottracker.example/x"))).isNotEmpty();

        var allowing = resolvingTo(settings(List.of("reliefweb.int"), List.of(), false, List.of()), "93.184.215.14");
        assertThat(allowing.check(URI.create("https://reliefweb.int/report/1"))).isNotEmpty();
        assertThat(allowing.check(URI.create("https://www.reliefweb.int/report/1"))).isNotEmpty();
        assertThatThrownBy(() -> allowing.check(URI.create("https://example.org/")))
                .isInstanceOf(FetchFailedException.class).hasMessageContaining("only from reliefweb.int");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/", "jar:file:/x!/y",
            "https://user:secret@example.org/", "http:///nohost"})
    void other_schemes_credentials_and_addresses_without_host_are_refused(String url) {
        var policy = resolvingTo(settings(List.of(), List.of(), false, List.of()), "93.184.215.14");
        assertThatThrownBy(() -> policy.check(URI.create(url))).isInstanceOfSatisfying(FetchFailedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ADDRESS));
    }

    @Test
    void an_address_that_is_not_one_is_refused_with_a_message() {
        assertThatThrownBy(() -> AddressPolicy.parse("http://exa mple.org/"))
                .isInstanceOfSatisfying(FetchFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ADDRESS));
        assertThatThrownBy(() -> AddressPolicy.parse("   ")).isInstanceOf(FetchFailedException.class);
        assertThatThrownBy(() -> AddressPolicy.parse("https://example.org/" + "a".repeat(2100)))
                .hasMessageContaining("longer than");
    }
}
