package dev.akguard.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.monitor.alibaba.RateLimiter;
import dev.akguard.monitor.model.KeyCheck;
import dev.akguard.monitor.model.Validity;
import dev.akguard.testkit.corpus.FakeKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiveVerificationTest {
    private final Random r = new Random(3);

    @Test
    void eachDistinctPairIsCheckedOnceAndAnIdAloneNotAtAll() {
        String id = FakeKeys.accessKeyId(r), secret = FakeKeys.secret(r);
        String text = "id=" + id + "\nsecret=" + secret + "\n";
        List<Finding> findings = new ArrayList<>(Engine.defaults().scan(text, "a.txt"));
        findings.addAll(Engine.defaults().scan(text, "b.txt"));
        findings.addAll(Engine.defaults().scan("only=" + FakeKeys.accessKeyId(r) + "\n", "c.txt"));
        assertEquals(3, findings.size());
        List<String> asked = new ArrayList<>();
        LiveVerification v =
                new LiveVerification(
                        (k, s, t) -> {
                            asked.add(k);
                            return KeyCheck.of(Validity.VALID, "ok");
                        },
                        new RateLimiter(1000));
        Map<String, String> verdicts = v.verify(findings);
        assertEquals(
                List.of(id), asked, "one call for the pair found twice, none for the ID alone");
        assertEquals(Map.of(findings.get(0).fingerprint(), "VALID"), verdicts);
        assertEquals(
                "1 pair checked with STS GetCallerIdentity: 1 VALID",
                LiveVerification.summary(verdicts));
    }

    @Test
    void stsCredentialsAreCheckedWithTheirSecurityToken() {
        String id = FakeKeys.stsId(r), secret = FakeKeys.random(r, 44);
        String token = FakeKeys.stsToken(r);
        List<Finding> findings =
                Engine.defaults()
                        .scan(
                                "{\"AccessKeySecret\": \""
                                        + secret
                                        + "\",\n\"AccessKeyId\": \""
                                        + id
                                        + "\",\n\"SecurityToken\": \""
                                        + token
                                        + "\"}\n",
                                "sts.json");
        assertEquals(1, findings.size());
        List<String> tokens = new ArrayList<>();
        new LiveVerification(
                        (k, s, t) -> {
                            tokens.add(t);
                            return KeyCheck.of(Validity.VALID, "ok");
                        },
                        new RateLimiter(1000))
                .verify(findings);
        assertEquals(List.of(token), tokens);
    }

    @Test
    void theNumberOfCallsIsBounded() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < LiveVerification.MAX_PAIRS + 5; i++) {
            findings.addAll(
                    Engine.defaults()
                            .scan(
                                    "id="
                                            + FakeKeys.accessKeyId(r)
                                            + "\nsecret="
                                            + FakeKeys.secret(r)
                                            + "\n",
                                    "f" + i));
        }
        int[] calls = {0};
        Map<String, String> verdicts =
                new LiveVerification(
                                (k, s, t) -> {
                                    calls[0]++;
                                    return KeyCheck.of(Validity.INVALID, "no");
                                },
                                new RateLimiter(100_000))
                        .verify(findings);
        assertEquals(LiveVerification.MAX_PAIRS, calls[0]);
        assertEquals(LiveVerification.MAX_PAIRS + 5, verdicts.size());
        assertEquals(5, verdicts.values().stream().filter("UNKNOWN"::equals).count());
        assertFalse(verdicts.containsValue(null));
    }
}
