package dev.akguard.monitor.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreatListTest {

    private static ThreatList list(String... lines) {
        return ThreatList.parse(List.of(lines), "test");
    }

    @Test
    void exactIpv4AddressMatchesOnlyItself() {
        ThreatList l = list("203.0.113.9");
        assertTrue(l.contains("203.0.113.9"));
        assertTrue(l.contains(" 203.0.113.9 "));
        assertFalse(l.contains("203.0.113.8"));
        assertFalse(l.contains("203.0.113.10"));
    }

    @Test
    void ipv4CidrIncludesBothEdgesAndNothingOutside() {
        ThreatList l = list("192.0.2.0/24");
        assertTrue(l.contains("192.0.2.0"));
        assertTrue(l.contains("192.0.2.255"));
        assertFalse(l.contains("192.0.1.255"));
        assertFalse(l.contains("192.0.3.0"));
    }

    @Test
    void nonOctetAlignedCidr() {
        ThreatList l = list("10.1.2.64/27"); // 10.1.2.64 .. 10.1.2.95
        assertFalse(l.contains("10.1.2.63"));
        assertTrue(l.contains("10.1.2.64"));
        assertTrue(l.contains("10.1.2.95"));
        assertFalse(l.contains("10.1.2.96"));
    }

    @Test
    void cidrWithHostBitsSetStillDenotesTheBlock() {
        ThreatList l = list("192.0.2.77/30"); // 192.0.2.76 .. 79
        assertTrue(l.contains("192.0.2.76"));
        assertTrue(l.contains("192.0.2.79"));
        assertFalse(l.contains("192.0.2.80"));
    }

    @Test
    void slashZeroAndSlash32() {
        assertTrue(list("0.0.0.0/0").contains("8.8.8.8"));
        assertFalse(list("0.0.0.0/0").contains("2001:db8::1"), "an IPv4 block never matches IPv6");
        ThreatList host = list("198.51.100.1/32");
        assertTrue(host.contains("198.51.100.1"));
        assertFalse(host.contains("198.51.100.0"));
    }

    @Test
    void ipv6AddressInAnySpelling() {
        ThreatList l = list("2001:db8:0:0:0:0:0:1");
        assertTrue(l.contains("2001:db8::1"));
        assertTrue(l.contains("2001:DB8::0001"));
        assertTrue(l.contains("[2001:db8::1]"));
        assertFalse(l.contains("2001:db8::2"));
    }

    @Test
    void ipv6CidrEdges() {
        ThreatList l = list("2001:db8:abcd::/48");
        assertTrue(l.contains("2001:db8:abcd::"));
        assertTrue(l.contains("2001:db8:abcd:ffff:ffff:ffff:ffff:ffff"));
        assertFalse(l.contains("2001:db8:abcc:ffff:ffff:ffff:ffff:ffff"));
        assertFalse(l.contains("2001:db8:abce::"));
        assertFalse(l.contains("192.0.2.1"));
    }

    @Test
    void ipv4MappedIpv6MatchesIpv4Entries() {
        assertTrue(list("192.0.2.0/24").contains("::ffff:192.0.2.10"));
        assertTrue(list("::ffff:192.0.2.0/120").contains("192.0.2.200"));
        assertFalse(list("::ffff:192.0.2.0/120").contains("192.0.3.1"));
    }

    @Test
    void commentsAndBlankLinesAreIgnored() {
        ThreatList l =
                list(
                        "# feed of 2026-03-01",
                        "",
                        "   ",
                        "203.0.113.5  # scanner",
                        "2001:db8::/32 # ipv6 block");
        assertEquals(2, l.size());
        assertTrue(l.contains("203.0.113.5"));
        assertTrue(l.contains("2001:db8:1::9"));
    }

    @Test
    void namesAndJunkNeverMatch() {
        ThreatList l = list("0.0.0.0/0", "::/0");
        assertFalse(l.contains("internal"));
        assertFalse(l.contains("ecs.aliyuncs.com"));
        assertFalse(l.contains(""));
        assertFalse(l.contains(null));
        assertFalse(l.contains("1.2.3"));
        assertFalse(l.contains("1.2.3.256"));
        for (String junk :
                List.of(
                        "1.2.3.4.",
                        ".1.2.3",
                        "1..2.3",
                        "1.2.3.4.5",
                        "1234.1.1.1",
                        "1.2.3.-4",
                        "1.2.3.4:80",
                        "fe80::1%eth0",
                        "g::1")) {
            assertFalse(l.contains(junk), junk);
        }
        assertTrue(l.contains("1.2.3.4"));
        assertTrue(l.contains("::1"));
    }

    @Test
    void badLinesAreAllReportedWithLineNumbers() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ThreatList.parse(
                                        List.of(
                                                "1.2.3.4",
                                                "evil.example.com",
                                                "# ok",
                                                "10.0.0.0/33",
                                                "2001:db8::/129",
                                                "1.2.3.4/x"),
                                        "feed.txt"));
        String m = e.getMessage();
        assertTrue(m.contains("feed.txt line 2: not an IP address"), m);
        assertTrue(m.contains("feed.txt line 4: prefix length out of range 0..32"), m);
        assertTrue(m.contains("feed.txt line 5: prefix length out of range 0..128"), m);
        assertTrue(m.contains("feed.txt line 6: invalid prefix length"), m);
        assertTrue(m.contains("CIDR block"), m);
    }

    @Test
    void errorsNeverEchoTheFilesContent() {
        List<String> shadowLike = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++)
            shadowLike.add("user" + i + ":$6$salt$HASHVALUE" + i + ":19000:0:99999:7:::");
        shadowLike.add("aws_secret_access_key = SECRETVALUE");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ThreatList.parse(shadowLike, "/etc/shadow"));
        String m = e.getMessage();
        assertFalse(m.contains("HASHVALUE") || m.contains("SECRETVALUE") || m.contains("user1"), m);
        assertTrue(m.contains("/etc/shadow line 1: not an IP address"), m);
        assertTrue(m.contains("… and 16 more bad lines"), m);
        assertTrue(m.contains("Is threatIp.listFile the right file?"), m);
    }

    @Test
    void loadsFromFileAndNamesAMissingFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("threats.txt");
        Files.writeString(f, "# test\n198.51.100.0/24\r\n2001:db8::5\n");
        ThreatList l = ThreatList.load(f);
        assertTrue(l.contains("198.51.100.99"));
        assertTrue(l.contains("2001:db8::5"));
        NoSuchFileException e =
                assertThrows(
                        NoSuchFileException.class, () -> ThreatList.load(dir.resolve("nope.txt")));
        assertTrue(e.getMessage().contains("nope.txt"), e.getMessage());
    }
}
