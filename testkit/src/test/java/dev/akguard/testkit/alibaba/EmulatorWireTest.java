package dev.akguard.testkit.alibaba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hand-made HTTP requests for what SDKs never send: chunked form bodies, tampering, replays, stale
 * timestamps.
 */
class EmulatorWireTest {
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private AlibabaCloudEmulator emu;
    private EmulatedKey key;

    @BeforeEach
    void start() {
        emu = AlibabaCloudEmulator.start();
        key = emu.addAccount().addUser("wire").addKey();
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private Map<String, String> commonParams(Instant timestamp, String nonce) {
        Map<String, String> p = new TreeMap<>();
        p.put("Action", "GetCallerIdentity");
        p.put("Version", "2015-04-01");
        p.put("Format", "JSON");
        p.put("AccessKeyId", key.id());
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", nonce);
        p.put("Timestamp", timestamp.truncatedTo(ChronoUnit.SECONDS).toString());
        return p;
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(
                        e ->
                                PercentEncoding.encode(e.getKey())
                                        + "="
                                        + PercentEncoding.encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** POSTs the parameters as a form body of unknown length, which HTTP/1.1 sends chunked. */
    private HttpResponse<String> postChunked(Map<String, String> params) throws Exception {
        byte[] body = form(params).getBytes(StandardCharsets.UTF_8);
        HttpRequest req =
                HttpRequest.newBuilder(URI.create(emu.url() + "/"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                                HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new ByteArrayInputStream(body)))
                        .build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> signed(Map<String, String> params) {
        Map<String, String> p = new TreeMap<>(params);
        p.put(
                "Signature",
                RpcSignatureV1.sign(RpcSignatureV1.stringToSign("POST", p), key.secret()));
        return p;
    }

    @Test
    void chunkedFormBodyIsReadAndVerified() throws Exception {
        HttpResponse<String> r =
                postChunked(signed(commonParams(Instant.now(), UUID.randomUUID().toString())));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(
                key.account().id(),
                JsonParser.parseString(r.body()).getAsJsonObject().get("AccountId").getAsString());
        assertTrue(
                r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void tamperedParameterIsRefusedWithTheServerStringToSign() throws Exception {
        Map<String, String> p = signed(commonParams(Instant.now(), UUID.randomUUID().toString()));
        p.put("RegionId", "cn-shanghai");
        HttpResponse<String> r = postChunked(p);
        assertEquals(400, r.statusCode());
        JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals("SignatureDoesNotMatch", body.get("Code").getAsString());
        assertTrue(
                body.get("Message")
                        .getAsString()
                        .endsWith(
                                "server string to sign is:"
                                        + RpcSignatureV1.stringToSign("POST", p)));
        for (String field : new String[] {"RequestId", "HostId", "Recommend"}) {
            assertTrue(body.has(field), field);
        }
        assertEquals("sts.aliyuncs.com", body.get("HostId").getAsString());
    }

    @Test
    void replayedNonceAndStaleTimestampAreRefused() throws Exception {
        Map<String, String> p = signed(commonParams(Instant.now(), "fixed-nonce-1"));
        assertEquals(200, postChunked(p).statusCode());
        HttpResponse<String> replay = postChunked(p);
        assertEquals(400, replay.statusCode());
        assertTrue(replay.body().contains("\"SignatureNonceUsed\""), replay.body());

        HttpResponse<String> stale =
                postChunked(signed(commonParams(Instant.now().minusSeconds(3600), "nonce-2")));
        assertTrue(stale.body().contains("\"InvalidTimeStamp.Expired\""), stale.body());
    }

    @Test
    void unknownActionAndVersion() throws Exception {
        Map<String, String> p = commonParams(Instant.now(), UUID.randomUUID().toString());
        p.put("Action", "AssumeRoleWithMagic");
        HttpResponse<String> r = postChunked(signed(p));
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("\"InvalidAction.NotFound\""));
        Map<String, String> v = commonParams(Instant.now(), UUID.randomUUID().toString());
        v.put("Version", "1999-01-01");
        assertTrue(postChunked(signed(v)).body().contains("\"InvalidVersion\""));
    }
}
