package org.techmarket.notification.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may point: an absolute {@code http} or {@code https} URL without user information, whose host
 * resolves only to public addresses. Loopback, private (RFC 1918, IPv6 unique-local), link-local, carrier-grade NAT,
 * multicast and unspecified addresses are refused unless private addresses are allowed (a closed network, or tests),
 * so a webhook cannot make the market call into its own network. The check runs at registration and again before
 * each delivery, since a name may later resolve elsewhere.
 */
public final class WebhookAddress {

    public static final int MAX_LENGTH = 2000;

    private WebhookAddress() {}

    /** Why {@code url} may not be a webhook's address, or empty when it may. */
    public static Optional<String> refusal(String url, boolean allowPrivate) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            return Optional.of("url must be an absolute http or https URL of at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("url is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("url must use http or https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("url must name a host, without user information or fragment");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of("url's host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of(
                        "url's host resolves to " + address.getHostAddress() + ", a loopback or private address");
            }
        }
        return Optional.empty();
    }

    /** Whether the address is one on the public internet. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
            boolean mappedV4 = isMappedV4(bytes);
            if (mappedV4) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return !uniqueLocal;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        boolean carrierNat = first == 100 && second >= 64 && second <= 127;
        boolean thisNetwork = first == 0;
        boolean reserved = first >= 240;
        return !carrierNat && !thisNetwork && !reserved;
    }

    private static boolean isMappedV4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
