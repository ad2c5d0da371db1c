package dev.akguard.core.detect;

import dev.akguard.core.finding.Rule;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectorTest {
    private final Detector detector = new Detector();
    private final Random r = new Random(42);

    private List<Match> detect(String text) {
        byte[] a = text.getBytes(StandardCharsets.UTF_8);
        return detector.detect(a, 0, a.length);
    }

    @Test
    void modernAndLegacyIdsAreFoundBoundedOnBothSides() {
        String id = TestKeys.id(r), legacy = TestKeys.legacyId(r);
        List<Match> ms = detect("a=" + id + "\nb=\"" + legacy + "\"\n");
        assertEquals(List.of(id, legacy), ms.stream().map(Match::accessKeyId).toList());
        assertTrue(ms.stream().allMatch(m -> m.rule() == Rule.ACCESS_KEY_ID));
    }

    @Test
    void idsGluedToOtherCharactersAreNotIds() {
        String id = TestKeys.id(r);
        assertEquals(List.of(), detect("x" + id + " " + id + "z " + id.substring(0, 22)));
    }

    @Test
    void escapesBeforeAnIdStillBoundIt() {
        String id = TestKeys.id(r);
        assertEquals(3, detect("\"a\\n" + id + "\" b%3D" + id + " \\u0022" + id).size());
    }

    @Test
    void labelledSecretPairsWithTheId() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        List<Match> ms = detect("accessKeyId: " + id + "\naccessKeySecret: " + secret + "\n");
        assertEquals(1, ms.size());
        assertEquals(Rule.ACCESS_KEY_PAIR, ms.get(0).rule());
        assertEquals(secret, ms.get(0).secret());
    }

    @Test
    void unlabelledThirtyCharValueFarFromAnIdIsNotASecret() {
        String id = TestKeys.id(r), value = TestKeys.secret(r);
        List<Match> ms = detect("id = " + id + "\nchecksum = " + value + "\n");
        assertEquals(1, ms.size());
        assertNull(ms.get(0).secret());
    }

    @Test
    void argumentRightAfterTheIdIsItsSecret() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        List<Match> ms = detect("new Client(\"" + id + "\",\n    \"" + secret + "\")");
        assertEquals(secret, ms.get(0).secret());
    }

    @Test
    void previousLineCommentLabelsTheValue() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        List<Match> ms = detect("k = '" + id + "'\n# 阿里云密钥\nv = '" + secret + "'\n");
        assertEquals(secret, ms.get(0).secret());
    }

    @Test
    void placeholdersAreRejected() {
        assertEquals(List.of(), detect("id=" + TestKeys.PREFIX + "xxxxxxxxxxxxxxxxxxxx"));
        assertEquals(List.of(), detect("id=" + TestKeys.PREFIX + "5tEXAMPLEabc123def456"));
        assertEquals(List.of(), detect("id=" + TestKeys.PREFIX + "aaaaaaaaaaaaaaaaaaaa"));
        String id = TestKeys.id(r);
        List<Match> ms = detect("id=" + id + "\nsecret=YourAccessKeySecretHere123456\n");
        assertNull(ms.get(0).secret(), "a placeholder secret must not pair");
    }

    @Test
    void presignedUrlIdIsNotReported() {
        String id = TestKeys.id(r);
        assertEquals(List.of(), detect("https://b.oss-cn-hangzhou.aliyuncs.com/x.png?OSSAccessKeyId=" + id + "&Expires=1&Signature=abc%3D"));
        assertEquals(1, detect("https://example.com/?OSSAccessKeyId=" + id + "&Expires=1").size(), "no signature: not a presigned URL");
    }

    @Test
    void base64EncodedPairIsDecodedAndMappedToTheEncodedText() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        String encId = Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.US_ASCII));
        String encSecret = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.US_ASCII));
        String text = "data:\n  access-key-id: " + encId + "\n  access-key-secret: " + encSecret + "\n";
        List<Match> ms = detect(text);
        assertEquals(1, ms.size());
        Match m = ms.get(0);
        assertEquals("base64", m.encoding());
        assertEquals(secret, m.secret());
        assertEquals(text.indexOf(encId), m.idStart());
        assertEquals(text.indexOf(encId) + encId.length(), m.idEnd());
        assertEquals(text.indexOf(encSecret), m.secretStart());
    }

    @Test
    void doublyEncodedBase64IsDecoded() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        String inner = Base64.getEncoder().encodeToString(("accessKeyId=" + id + "\naccessKeySecret=" + secret + "\n").getBytes(StandardCharsets.US_ASCII));
        String outer = Base64.getEncoder().encodeToString(("blob: " + inner + "\n").getBytes(StandardCharsets.US_ASCII));
        List<Match> ms = detect("x = \"" + outer + "\"");
        assertEquals(1, ms.size());
        assertEquals(secret, ms.get(0).secret());
    }

    @Test
    void stsCredentialsNeedASecretOrToken() {
        String sts = "ST" + "S.NT" + TestKeys.body(r, 26);
        String secret = TestKeys.secret(r);
        String token = "CA" + "IS" + TestKeys.any(r, 200);
        List<Match> withSecret = detect("AccessKeyId: " + sts + "\nAccessKeySecret: " + secret + "\nSecurityToken: " + token + "\n");
        assertEquals(Rule.STS_CREDENTIALS, withSecret.get(0).rule());
        assertEquals(secret, withSecret.get(0).secret());
        List<Match> tokenOnly = detect("AccessKeyId: " + sts + "\nSecurityToken: " + token + "\n");
        assertEquals(token, tokenOnly.get(0).secret());
        assertEquals(List.of(), detect("AccessKeyId: " + sts + "\n"));
    }

    @Test
    void pairingWindowIsRespected() {
        String id = TestKeys.id(r), secret = TestKeys.secret(r);
        String far = "accessKeyId=" + id + "\n" + "filler\n".repeat(200) + "accessKeySecret=" + secret + "\n";
        assertNull(detect(far).get(0).secret());
        String near = "accessKeyId=" + id + "\n" + "filler\n".repeat(60) + "accessKeySecret=" + secret + "\n";
        assertEquals(secret, detect(near).get(0).secret());
    }

    @Test
    void hostileInputStaysLinear() {
        // No regular expressions anywhere in detection: long runs of near-matches cost one pass.
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) sb.append(TestKeys.PREFIX);
        sb.append(TestKeys.id(r));
        List<Match> ms = detect(sb.toString());
        assertEquals(0, ms.size(), "an ID glued to a run of prefixes is not bounded");
        String manyTokens = ("accessKeySecret=" + TestKeys.secret(r) + "\n").repeat(5000) + "id=" + TestKeys.id(r);
        assertEquals(1, detect(manyTokens).size());
    }
}
