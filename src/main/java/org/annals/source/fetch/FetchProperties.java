package org.annals.source.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Fetching sources by address ({@code annals.fetch.*} in config/application.yaml); decision 0034 says why.
 *
 * @param enabled whether editors may import by address at all
 * @param connectTimeout longest wait for a connection to one server
 * @param readTimeout longest time one address may take altogether, redirects and body included: a server that
 *        sends its page a byte at a time is cut off when it is over
 * @param maxBodySize largest page or document read; a larger one is refused while it arrives (never read whole).
 *        The import's own {@code annals.import.max-file-size} applies too: the smaller of the two counts
 * @param maxRedirects most redirects followed (each one's address is checked like the first)
 * @param userAgent what Annals calls itself to the servers it fetches from
 * @param allowedHosts when not empty, only these hosts (and their subdomains) may be fetched from
 * @param deniedHosts hosts (and their subdomains) never fetched from
 * @param allowPrivateAddresses whether addresses inside private networks (loopback, 10/8, 172.16/12, 192.168/16,
 *        100.64/10, link-local, IPv6 unique-local …) may be fetched from. Off: the server would otherwise let any
 *        editor probe the network it runs in, cloud metadata services included
 * @param allowedPrivateHosts private {@code host:port} pairs the operator allows even so (an intranet wiki, say)
 * @param concurrency how many addresses of one batch are fetched at the same time
 * @param maxUrlsPerBatch most addresses in one batch
 */
@ConfigurationProperties("annals.fetch")
public record FetchProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout, @DefaultValue("10MB") DataSize maxBodySize,
        @DefaultValue("5") int maxRedirects,
        @DefaultValue("Annals (source capture for a research project)") String userAgent,
        @DefaultValue List<String> allowedHosts, @DefaultValue List<String> deniedHosts,
        @DefaultValue("false") boolean allowPrivateAddresses, @DefaultValue List<String> allowedPrivateHosts,
        @DefaultValue("4") int concurrency, @DefaultValue("20") int maxUrlsPerBatch) {

    public FetchProperties {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("annals.fetch.connect-timeout and read-timeout must be positive");
        }
        if (maxBodySize.toBytes() < 1 || maxRedirects < 0 || concurrency < 1 || maxUrlsPerBatch < 1) {
            throw new IllegalArgumentException("annals.fetch.max-body-size, concurrency and max-urls-per-batch must be"
                    + " at least 1, max-redirects at least 0");
        }
        allowedHosts = lower(allowedHosts);
        deniedHosts = lower(deniedHosts);
        allowedPrivateHosts = lower(allowedPrivateHosts);
    }

    private static List<String> lower(List<String> hosts) {
        return hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }
}
