package dev.akguard.monitor.anomaly;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Parses IP address literals without ever touching DNS: ActionTrail's sourceIpAddress can hold
 * service names (e.g. "internal", a domain), and a threat list must not trigger lookups.
 * IPv4-mapped IPv6 addresses ({@code ::ffff:1.2.3.4}) become their IPv4 form so both spellings
 * match the same entries.
 */
final class IpAddresses {
    private IpAddresses() {}

    /** The 4- or 16-byte address, or empty when {@code text} is not an IP literal. */
    static Optional<byte[]> parse(String text) {
        if (text == null) return Optional.empty();
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        if (s.isEmpty()) return Optional.empty();
        if (s.indexOf(':') < 0) return parseV4(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') return Optional.empty();
        }
        try {
            // With a ':' in it, InetAddress treats the string as an IPv6 literal and never resolves
            // it.
            InetAddress a = InetAddress.getByName(s);
            return Optional.of(a.getAddress()); // an Inet4Address for IPv4-mapped literals
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Strict dotted quad: four decimal parts 0..255 of 1-3 digits each. */
    private static Optional<byte[]> parseV4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i == s.length() ? '.' : s.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) return Optional.empty();
            } else if (c == '.' && digits > 0 && part < 4) {
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return Optional.empty();
            }
        }
        return part == 4 ? Optional.of(out) : Optional.empty();
    }

    /** Clears every bit after the first {@code prefix} bits. */
    static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int bit = prefix; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return out;
    }
}
