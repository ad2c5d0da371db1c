package dev.akguard.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.Rule;
import dev.akguard.core.finding.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the security token is the third part of STS credentials, attached to the finding
 * whatever the order of ID, secret and token. Every key and token is made at run time.
 */
class StsTokenTest {
    private final Detector detector = new Detector();
    private final Random r = new Random(13);

    private List<Match> detect(String text) {
        byte[] a = text.getBytes(StandardCharsets.UTF_8);
        return detector.detect(a, 0, a.length);
    }

    private String stsId() {
        return "ST" + "S.NT" + TestKeys.body(r, 26);
    }

    private String stsSecret() {
        return TestKeys.body(r, 44);
    }

    /** Base64 as real tokens are: '+', '/' and padding included. */
    private String token() {
        return "CA"
                + "IS"
                + TestKeys.any(r, 120)
                + "+"
                + TestKeys.any(r, 90)
                + "/"
                + TestKeys.any(r, 90)
                + "==";
    }

    private static String assumeRole(String secret, String id, String token) {
        return "{\n  \"RequestId\": \"6894B13B-6D71-4EF5-88FA-F32781734A7F\",\n"
                + "  \"Credentials\": {\n    \"AccessKeySecret\": \""
                + secret
                + "\",\n    \"Expiration\": \"2026-12-05T06:00:00Z\",\n    \"AccessKeyId\": \""
                + id
                + "\",\n    \"SecurityToken\": \""
                + token
                + "\"\n  }\n}\n";
    }

    private static void assertSpan(String text, String value, int start, int end) {
        byte[] a = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(value, new String(a, start, end - start, StandardCharsets.UTF_8));
    }

    @Test
    void assumeRoleResponseWithTheSecretFirstCarriesItsToken() {
        String id = stsId(), secret = stsSecret(), token = token();
        String json = assumeRole(secret, id, token);
        List<Match> ms = detect(json);
        assertEquals(1, ms.size());
        Match m = ms.get(0);
        assertEquals(Rule.STS_CREDENTIALS, m.rule());
        assertEquals(id, m.accessKeyId());
        assertEquals(secret, m.secret());
        assertEquals(token, m.token());
        assertSpan(json, token, m.tokenStart(), m.tokenEnd());
        assertSpan(json, secret, m.secretStart(), m.secretEnd());
    }

    @Test
    void tokenBeforeTheId() {
        String id = stsId(), secret = stsSecret(), token = token();
        String yaml =
                "credentials:\n  security_token: "
                        + token
                        + "\n  access_key_secret: "
                        + secret
                        + "\n  access_key_id: "
                        + id
                        + "\n";
        Match m = detect(yaml).get(0);
        assertEquals(secret, m.secret());
        assertEquals(token, m.token());
        assertTrue(m.tokenStart() < m.idStart());
    }

    @Test
    void envFileAndYamlOrderIdSecretToken() {
        String id = stsId(), secret = TestKeys.secret(r), token = token();
        String env =
                "ALIBABA_CLOUD_ACCESS_KEY_ID="
                        + id
                        + "\nALIBABA_CLOUD_ACCESS_KEY_SECRET="
                        + secret
                        + "\nALIBABA_CLOUD_SECURITY_TOKEN="
                        + token
                        + "\n";
        Match m = detect(env).get(0);
        assertEquals(secret, m.secret());
        assertEquals(token, m.token());
    }

    @Test
    void twoBlocksEachKeepTheirOwnToken() {
        // Token after the ID, and token first: in the second layout the first pair's ID is closer
        // to the second block's token than to its own, so a greedy "nearest token" would be wrong.
        for (boolean tokenFirst : new boolean[] {false, true}) {
            String id1 = stsId(), s1 = stsSecret(), t1 = token();
            String id2 = stsId(), s2 = stsSecret(), t2 = token();
            String text =
                    tokenFirst
                            ? block(t1, s1, id1) + block(t2, s2, id2)
                            : assumeRole(s1, id1, t1) + assumeRole(s2, id2, t2);
            List<Match> ms = detect(text);
            assertEquals(2, ms.size(), text);
            assertEquals(id1, ms.get(0).accessKeyId());
            assertEquals(s1, ms.get(0).secret());
            assertEquals(t1, ms.get(0).token(), "first block, token first: " + tokenFirst);
            assertEquals(id2, ms.get(1).accessKeyId());
            assertEquals(s2, ms.get(1).secret());
            assertEquals(t2, ms.get(1).token(), "second block, token first: " + tokenFirst);
        }
    }

    private static String block(String token, String secret, String id) {
        return "- SecurityToken: "
                + token
                + "\n  AccessKeySecret: "
                + secret
                + "\n  AccessKeyId: "
                + id
                + "\n";
    }

    @Test
    void aTokenGoesToOneSetOfCredentialsUnlessTheyAreTheSameId() {
        String id1 = stsId(), s1 = stsSecret(), id2 = stsId(), s2 = stsSecret(), t = token();
        String text =
                "AccessKeyId: "
                        + id1
                        + "\nAccessKeySecret: "
                        + s1
                        + "\nSecurityToken: "
                        + t
                        + "\n\nAccessKeyId: "
                        + id2
                        + "\nAccessKeySecret: "
                        + s2
                        + "\n";
        List<Match> ms = detect(text);
        assertEquals(2, ms.size());
        assertEquals(t, ms.get(0).token());
        assertNull(ms.get(1).token(), "the token belongs to the other STS ID");
        // The same response quoted twice (same ID and secret), one token: both carry it.
        String twice =
                "AccessKeyId: "
                        + id1
                        + "\nAccessKeySecret: "
                        + s1
                        + "\nSecurityToken: "
                        + t
                        + "\n\nexport AccessKeyId="
                        + id1
                        + "\nexport AccessKeySecret="
                        + s1
                        + "\n";
        List<Match> same = detect(twice);
        assertEquals(2, same.size());
        assertEquals(t, same.get(0).token());
        assertEquals(t, same.get(1).token());
    }

    @Test
    void stsPairWithoutTokenIsStillReported() {
        String id = stsId(), secret = stsSecret();
        List<Match> ms =
                detect(
                        "\"AccessKeySecret\": \""
                                + secret
                                + "\",\n\"AccessKeyId\": \""
                                + id
                                + "\"\n");
        assertEquals(1, ms.size());
        assertEquals(Rule.STS_CREDENTIALS, ms.get(0).rule());
        assertEquals(secret, ms.get(0).secret());
        assertFalse(ms.get(0).hasToken());
        assertEquals(-1, ms.get(0).tokenStart());
    }

    @Test
    void aTokenAloneIsNotReported() {
        assertEquals(List.of(), detect("SecurityToken: " + token() + "\n"));
        assertEquals(List.of(), detect("{\"SecurityToken\": \"" + token() + "\"}\n"));
    }

    @Test
    void aTokenIsNeverAttachedToARamUsersPair() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        List<Match> ms =
                detect(
                        "accessKeyId: "
                                + id
                                + "\naccessKeySecret: "
                                + secret
                                + "\nsecurityToken: "
                                + token()
                                + "\n");
        assertEquals(1, ms.size());
        assertEquals(Rule.ACCESS_KEY_PAIR, ms.get(0).rule());
        assertEquals(secret, ms.get(0).secret());
        assertFalse(ms.get(0).hasToken());
    }

    @Test
    void tokenOnlyCredentialsKeepTheTokenAsTheirSecret() {
        // As before issue 13 (and so with the same fingerprint): no separate third part then.
        String id = stsId(), token = token();
        Match m = detect("AccessKeyId: " + id + "\nSecurityToken: " + token + "\n").get(0);
        assertEquals(token, m.secret());
        assertFalse(m.hasToken());
    }

    @Test
    void base64EncodedCredentialsCarryTheirTokenToo() {
        String id = stsId(), secret = stsSecret(), token = token();
        String blob =
                Base64.getEncoder()
                        .encodeToString(
                                assumeRole(secret, id, token).getBytes(StandardCharsets.UTF_8));
        String text = "apiVersion: v1\nkind: Secret\ndata:\n  credentials.json: " + blob + "\n";
        List<Match> ms = detect(text);
        assertEquals(1, ms.size());
        Match m = ms.get(0);
        assertEquals("base64", m.encoding());
        assertEquals(secret, m.secret());
        assertEquals(token, m.token());
        assertSpan(text, blob, m.tokenStart(), m.tokenEnd());
    }

    @Test
    void enginePutsTheTokenOnTheFindingAndKeepsTheFingerprint() {
        String id = stsId(), secret = stsSecret(), token = token();
        String json = assumeRole(secret, id, token);
        List<Finding> fs = Engine.defaults().scan(json, "creds.json");
        assertEquals(1, fs.size());
        Finding f = fs.get(0);
        assertEquals(token, f.securityToken().value());
        assertEquals("CAI…", f.securityTokenRedacted());
        assertEquals(Secret.sha256Hex(token), f.securityTokenSha256());
        assertEquals(7, f.securityTokenPosition().line());
        assertEquals(23, f.securityTokenPosition().column());
        assertEquals(
                Rule.STS_CREDENTIALS.id() + ":" + Secret.sha256Hex(id + ":" + secret),
                f.fingerprint(),
                "the token is not part of the fingerprint: baselines keep matching");
        Finding moved = f.shiftLines(10).withPath("x.json").withSeverity(f.severity());
        assertEquals(17, moved.securityTokenPosition().line());
        assertEquals(token, moved.securityToken().value());
        assertFalse(f.toString().contains(token));
    }

    @Test
    void anIgnoreMarkerOnTheTokensLineAcceptsTheCredentialsLikeOneOnTheIdsLine() {
        String id = stsId(), secret = stsSecret(), token = token();
        String env =
                "ALIBABA_CLOUD_ACCESS_KEY_ID="
                        + id
                        + "\nALIBABA_CLOUD_ACCESS_KEY_SECRET="
                        + secret
                        + "\nALIBABA_CLOUD_SECURITY_TOKEN="
                        + token;
        assertEquals(1, Engine.defaults().scan(env + "\n", "sts.env").size());
        assertEquals(
                0,
                Engine.defaults()
                        .scan(env + "  # akguard:ignore expired test session\n", "sts.env")
                        .size());
        assertEquals(
                1,
                Engine.defaults()
                        .ignoringInlineMarkers()
                        .scan(env + "  # akguard:ignore\n", "sts.env")
                        .size(),
                "an engine that disregards markers still reports it");
    }
}
