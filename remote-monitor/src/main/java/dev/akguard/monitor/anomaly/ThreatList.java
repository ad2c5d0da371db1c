package dev.akguard.monitor.anomaly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A set of IPv4/IPv6 addresses and CIDR blocks, one per line; '#' starts a comment (whole line or
 * trailing). Lookups cost one hash probe per distinct prefix length, so large feeds stay cheap.
 */
public final class ThreatList {
    /** Per address length (4 or 16 bytes), per prefix length, the masked network addresses. */
    private final TreeMap<Integer, Set<String>> v4 = new TreeMap<>();

    private final TreeMap<Integer, Set<String>> v6 = new TreeMap<>();
    private int size;

    private ThreatList() {}

    public static ThreatList empty() {
        return new ThreatList();
    }

    /** At most this many bad lines are listed in the error; the rest are counted. */
    static final int MAX_LISTED_ERRORS = 10;

    /**
     * Parses the lines of a threat list; {@code source} names it in error messages. Errors give the
     * line number and what is wrong, never the line itself: pointed at the wrong file (a
     * credentials or password file), the message would otherwise print its secrets.
     */
    public static ThreatList parse(List<String> lines, String source) {
        ThreatList list = new ThreatList();
        List<String> errors = new ArrayList<>();
        int bad = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String entry = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (entry.isEmpty()) continue;
            int lineNo = i + 1;
            Optional<String> error = list.add(entry);
            if (error.isPresent() && ++bad <= MAX_LISTED_ERRORS)
                errors.add(source + " line " + lineNo + ": " + error.get());
        }
        if (bad > 0) {
            if (bad > MAX_LISTED_ERRORS)
                errors.add("… and " + (bad - MAX_LISTED_ERRORS) + " more bad lines");
            throw new IllegalArgumentException(
                    String.join("\n", errors)
                            + "\nEach line must be an IPv4/IPv6 address or CIDR block (e.g. 203.0.113.0/24, 2001:db8::/32); '#' starts a comment."
                            + " Is threatIp.listFile the right file?");
        }
        return list;
    }

    public static ThreatList load(Path file) throws IOException {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(
                    file.toString(),
                    null,
                    "threat list file not found; check threatIp.listFile in the anomaly settings");
        }
    }

    private Optional<String> add(String entry) {
        String addr = entry;
        Integer prefix = null;
        int slash = entry.indexOf('/');
        if (slash >= 0) {
            addr = entry.substring(0, slash).trim();
            String p = entry.substring(slash + 1).trim();
            if (p.isEmpty() || !p.chars().allMatch(c -> c >= '0' && c <= '9') || p.length() > 3) {
                return Optional.of("invalid prefix length after '/'");
            }
            prefix = Integer.parseInt(p);
        }
        Optional<byte[]> parsed = IpAddresses.parse(addr);
        if (parsed.isEmpty()) return Optional.of("not an IP address or CIDR block");
        byte[] bytes = parsed.get();
        int bits = bytes.length * 8;
        if (prefix == null) prefix = bits;
        // An IPv4-mapped IPv6 CIDR (::ffff:a.b.c.d/N, N >= 96) is stored as the IPv4 block it
        // denotes.
        if (bytes.length == 4 && addr.indexOf(':') >= 0) prefix = prefix - 96;
        if (prefix < 0 || prefix > bits) {
            return Optional.of("prefix length out of range 0.." + bits);
        }
        (bytes.length == 4 ? v4 : v6)
                .computeIfAbsent(prefix, k -> new HashSet<>())
                .add(key(IpAddresses.mask(bytes, prefix)));
        size++;
        return Optional.empty();
    }

    /**
     * True when {@code ip} is an IP literal inside any entry; anything else (names, blanks) is
     * false.
     */
    public boolean contains(String ip) {
        Optional<byte[]> parsed = IpAddresses.parse(ip);
        if (parsed.isEmpty()) return false;
        byte[] bytes = parsed.get();
        for (var e : (bytes.length == 4 ? v4 : v6).entrySet()) {
            if (e.getValue().contains(key(IpAddresses.mask(bytes, e.getKey())))) return true;
        }
        return false;
    }

    /** Number of entries (addresses and blocks) read. */
    public int size() {
        return size;
    }

    /** One char per byte: a cheap, exact hash key for an address. */
    private static String key(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
