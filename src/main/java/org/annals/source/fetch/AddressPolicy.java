package org.annals.source.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.annals.source.Source;
import org.annals.source.fetch.FetchFailedException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * Which addresses Annals may fetch from: checked for the address a person gives and again for every redirect.
 * Only http and https, no user name or password in the address, the operator's allow and deny lists of hosts, and
 * never an address inside a private network unless the operator allows it: the host name is resolved and every
 * address it resolves to must be public, or one of them could be the server's own loopback, its cloud's metadata
 * service (169.254.169.254) or a machine of its intranet. IPv4 written inside IPv6 (mapped, compatible, NAT64,
 * 6to4) is judged by the IPv4 address it carries. Decision 0034 says how the checked answer is the one connected to.
 */
final class AddressPolicy {

    /** Resolves host names; the tests give a fixed answer to see what a name that points inward does. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final FetchProperties settings;
    private final Resolver resolver;

    AddressPolicy(FetchProperties settings) {
        this(settings, InetAddress::getAllByName);
    }

    AddressPolicy(FetchProperties settings, Resolver resolver) {
        this.settings = settings;
        this.resolver = resolver;
    }

    /** Reads an address a person typed: trimmed, absolute, http or https. */
    static URI parse(String address) {
        String trimmed = address.strip();
        if (trimmed.isEmpty()) {
            throw new FetchFailedException(Reason.INVALID_ADDRESS, "Give a web address (http:// or https://).");
        }
        if (trimmed.length() > Source.URL_MAX_LENGTH) {
            throw new FetchFailedException(Reason.INVALID_ADDRESS, "The address is longer than "
                    + Source.URL_MAX_LENGTH + " characters.");
        }
        try {
            return new URI(trimmed).normalize();
        } catch (java.net.URISyntaxException e) {
            throw new FetchFailedException(Reason.INVALID_ADDRESS, "This is not a valid web address: "
                    + shown(trimmed) + ".");
        }
    }

    /**
     * Checks one hop and returns the addresses its host resolves to, all of them allowed.
     *
     * @throws FetchFailedException when the address may not be fetched from, saying why
     */
    List<InetAddress> check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchFailedException(Reason.INVALID_ADDRESS, "Only http and https addresses can be fetched, not "
                    + shown(uri.toString()) + ".");
        }
        if (uri.getRawUserInfo() != null) {
            throw new FetchFailedException(Reason.INVALID_ADDRESS,
                    "An address with a user name or password in it is not fetched.");
        }
        String host = host(uri);
        if (host == null) {
            throw new FetchFailedException(Reason.INVALID_ADDRESS, "The address has no host name: "
                    + shown(uri.toString()) + ".");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (matchesAny(host, settings.deniedHosts())) {
            throw new FetchFailedException(Reason.REFUSED_ADDRESS, "Fetching from " + host
                    + " is not allowed on this server.");
        }
        if (!settings.allowedHosts().isEmpty() && !matchesAny(host, settings.allowedHosts())) {
            throw new FetchFailedException(Reason.REFUSED_ADDRESS, "This server fetches only from "
                    + String.join(", ", settings.allowedHosts()) + ", not from " + host + ".");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new FetchFailedException(Reason.UNREACHABLE, "The host name " + host + " was not found.");
        }
        if (addresses.length == 0) {
            throw new FetchFailedException(Reason.UNREACHABLE, "The host name " + host + " was not found.");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address) && !privateAllowed(host, address, port)) {
                throw new FetchFailedException(Reason.REFUSED_ADDRESS, host.equals(address.getHostAddress())
                        ? "The address " + host + " is inside a private network; Annals does not fetch from there."
                        : "The host " + host + " points into a private network (" + address.getHostAddress()
                                + "); Annals does not fetch from there.");
            }
        }
        return List.of(addresses);
    }

    /** The host of an address, lower case, IPv6 without its brackets; null when it has none. */
    static @Nullable String host(URI uri) {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private boolean privateAllowed(String host, InetAddress address, int port) {
        if (settings.allowPrivateAddresses()) {
            return true;
        }
        for (String entry : settings.allowedPrivateHosts()) {
            if (entry.equals(hostPort(host, port)) || entry.equals(hostPort(address.getHostAddress(), port))) {
                return true;
            }
        }
        return false;
    }

    private static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** A host matches an entry when it is the entry or a subdomain of it. */
    private static boolean matchesAny(String host, List<String> entries) {
        for (String entry : entries) {
            String name = entry.startsWith(".") ? entry.substring(1) : entry;
            if (host.equals(name) || host.endsWith("." + name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an address is not on the public internet: loopback, any-local, private (RFC 1918), carrier-grade NAT
     * (100.64/10), link-local (169.254/16, where cloud metadata services answer), multicast, broadcast and the
     * reserved ranges; IPv6 loopback, unique-local (fc00::/7), link- and site-local and multicast; and IPv6 forms
     * that carry an IPv4 address, judged by that address.
     */
    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first == 0 // "this network"
                    || first == 127
                    || (first == 100 && (second & 0xC0) == 64) // carrier-grade NAT, 100.64/10
                    || (first == 169 && second == 254)
                    || (first == 192 && second == 0 && (b[2] & 0xFF) == 0) // IETF protocol assignments
                    || (first == 198 && (second & 0xFE) == 18) // benchmarking, 198.18/15
                    || first >= 224; // multicast, reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) { // unique-local fc00::/7
                return true;
            }
            if ((b[0] & 0xFF) == 0xFE && (b[1] & 0xC0) == 0x80) { // link-local fe80::/10
                return true;
            }
            Inet4Address carried = carriedIpv4(b);
            return carried != null && isPrivate(carried);
        }
        return true; // an address of a kind not known here is not trusted
    }

    /** The IPv4 address inside an IPv6 one: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64, 6to4. */
    private static @Nullable Inet4Address carriedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        try {
            if (zeroPrefix && ((b[10] == 0 && b[11] == 0) || ((b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF))) {
                return (Inet4Address) InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF
                    && (b[3] & 0xFF) == 0x9B;
            if (nat64) {
                return (Inet4Address) InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) { // 6to4, 2002:a.b.c.d::/48
                return (Inet4Address) InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]});
            }
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
        return null;
    }

    /** An address as a message shows it: at most 200 characters. */
    static String shown(String address) {
        return address.length() <= 200 ? address : address.substring(0, 200) + "…";
    }
}
