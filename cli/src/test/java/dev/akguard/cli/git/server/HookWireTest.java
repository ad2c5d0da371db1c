package dev.akguard.cli.git.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HookWireTest {
    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Fields joined by NUL (no octal-escape surprises next to digits). */
    static byte[] fields(String... f) {
        return bytes(String.join("\u0000", f));
    }

    @Test
    void aCheckRequestSurvivesTheWireWithArgumentsEnvironmentAndBinaryInput() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", "/home/dev");
        env.put("GIT_INDEX_FILE", ".git/index");
        env.put("EQUALS", "a=b=c");
        byte[] stdin = {'r', 'e', 'f', 0, (byte) 0xff, '\n'};
        HookWire.Request sent =
                new HookWire.Request(
                        "check",
                        Path.of("/work/répo"),
                        List.of("hook", "pre-push", "origin", "git@example.invalid:a/b.git"),
                        env,
                        stdin);
        HookWire.Request got = HookWire.decodeRequest(HookWire.encode(sent));
        assertEquals("check", got.kind());
        assertEquals(Path.of("/work/répo"), got.cwd());
        assertEquals(sent.args(), got.args());
        assertEquals(env, got.env());
        assertArrayEquals(stdin, got.stdin());
    }

    @Test
    void aResponseKeepsTheOrderOfItsChunks() throws Exception {
        HookWire.Response sent =
                new HookWire.Response(
                        1,
                        List.of(
                                new HookWire.Chunk(2, bytes("skipped: big.bin\n")),
                                new HookWire.Chunk(1, bytes("app.properties:1: finding\n")),
                                new HookWire.Chunk(2, bytes("advice\n"))));
        HookWire.Response got = HookWire.decodeResponse(HookWire.encode(sent));
        assertEquals(1, got.exitCode());
        assertEquals(List.of(2, 1, 2), got.chunks().stream().map(HookWire.Chunk::stream).toList());
        assertEquals("skipped: big.bin\nadvice\n", got.errText());
        assertEquals("app.properties:1: finding\n", got.outText());
    }

    @Test
    void malformedOrOversizedRequestsAreRefusedWithAReason() {
        byte[] good =
                HookWire.encode(
                        new HookWire.Request(
                                "check",
                                Path.of("/w"),
                                List.of("hook", "pre-commit"),
                                Map.of(),
                                new byte[0]));
        assertTrue(
                assertThrows(
                                HookWire.WireException.class,
                                () -> HookWire.decodeRequest(Arrays.copyOf(good, good.length - 2)))
                        .getMessage()
                        .contains("ends inside a field"));
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertTrue(
                assertThrows(HookWire.WireException.class, () -> HookWire.decodeRequest(trailing))
                        .getMessage()
                        .contains("trailing"));
        assertThrows(
                HookWire.WireException.class,
                () -> HookWire.decodeRequest(bytes("something else\0check\0")));
        assertTrue(
                assertThrows(
                                HookWire.WireException.class,
                                () ->
                                        HookWire.decodeRequest(
                                                bytes("akguard-hook 1\0check\0relative/dir\0")))
                        .getMessage()
                        .contains("not absolute"));
        assertTrue(
                assertThrows(
                                HookWire.WireException.class,
                                () ->
                                        HookWire.decodeRequest(
                                                fields(
                                                        "akguard-hook 1",
                                                        "check",
                                                        "/w",
                                                        "99999999",
                                                        "")))
                        .getMessage()
                        .contains("over the limit"));
        assertTrue(
                assertThrows(
                                HookWire.WireException.class,
                                () ->
                                        HookWire.decodeRequest(
                                                fields(
                                                        "akguard-hook 1",
                                                        "check",
                                                        "/w",
                                                        "0",
                                                        "0",
                                                        "1000",
                                                        "short")))
                        .getMessage()
                        .contains("shorter than announced"));
        assertThrows(
                HookWire.WireException.class,
                () -> HookWire.decodeRequest(fields("akguard-hook 1", "check", "/w", "-1", "")));
        byte[] longField = new byte[HookWire.MAX_FIELD + 10];
        Arrays.fill(longField, (byte) 'a');
        assertTrue(
                assertThrows(HookWire.WireException.class, () -> HookWire.decodeRequest(longField))
                        .getMessage()
                        .contains("too long"));
    }

    @Test
    void statusAndStopCarryNothingElse() throws Exception {
        assertEquals(
                "status",
                HookWire.decodeRequest(HookWire.encode(HookWire.Request.status())).kind());
        assertEquals(
                "stop", HookWire.decodeRequest(HookWire.encode(HookWire.Request.stop())).kind());
        assertThrows(
                HookWire.WireException.class,
                () -> HookWire.decodeRequest(bytes("akguard-hook 1\0stop\0extra\0")));
        assertThrows(
                HookWire.WireException.class,
                () -> HookWire.decodeRequest(bytes("akguard-hook 1\0reboot\0")));
    }
}
