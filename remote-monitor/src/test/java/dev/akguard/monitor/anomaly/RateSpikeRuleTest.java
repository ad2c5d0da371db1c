package dev.akguard.monitor.anomaly;

import static dev.akguard.monitor.anomaly.Calls.T0;
import static dev.akguard.monitor.anomaly.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.Anomaly;
import dev.akguard.monitor.model.CallRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateSpikeRuleTest {
    private final String key = Calls.keyId();

    private static AnomalyDetector rule(double k, int minHistory, int baseline, int minCount) {
        return new AnomalyDetector(List.of(new RateSpikeRule(k, minHistory, baseline, minCount)));
    }

    /** {@code perHour[i]} calls spread over hour i after T0. */
    private List<CallRecord> hourly(int... perHour) {
        List<CallRecord> out = new ArrayList<>();
        for (int h = 0; h < perHour.length; h++) {
            for (int i = 0; i < perHour[h]; i++) {
                out.add(
                        call(key, T0.plusSeconds(h * 3600L + i % 3600))
                                .api(i % 2 == 0 ? "GetObject" : "PutObject")
                                .build());
            }
        }
        return out;
    }

    private static int[] steady(int hours, int count, int... tail) {
        int[] out = new int[hours + tail.length];
        java.util.Arrays.fill(out, 0, hours, count);
        System.arraycopy(tail, 0, out, hours, tail.length);
        return out;
    }

    private List<RaisedAnomaly> run(AnomalyDetector d, int... perHour) {
        return d.detect(hourly(perHour), DetectionContext.of(null));
    }

    @Test
    void aBurstFarAboveASteadyBaselineFires() {
        List<RaisedAnomaly> found = run(rule(6, 24, 168, 30), steady(48, 5, 400));
        assertEquals(1, found.size());
        Anomaly a = found.get(0).anomaly();
        assertEquals("rate-spike", a.type());
        assertEquals(key, a.accessKeyId());
        Instant hour = T0.plusSeconds(48 * 3600L);
        assertEquals(hour, a.at());
        assertEquals("rate-spike|" + key + "|" + hour, found.get(0).dedupeKey());
        assertTrue(a.detail().startsWith("400 calls with " + key), a.detail());
        assertTrue(
                a.detail().contains("over 48 h is median 5.0, MAD 0.0 (threshold 11.0)"),
                a.detail());
        assertTrue(
                a.evidence().get(0).contains("GetObject ×200")
                        && a.evidence().get(0).contains("PutObject ×200"),
                a.evidence().get(0));
    }

    @Test
    void countExactlyAtTheThresholdDoesNotFireOneMoreDoes() {
        // baseline 5/h, MAD 0 floored to 1 -> threshold 5 + 6 * 1 = 11
        assertTrue(run(rule(6, 24, 168, 1), steady(30, 5, 11)).isEmpty());
        assertEquals(1, run(rule(6, 24, 168, 1), steady(30, 5, 12)).size());
    }

    @Test
    void kScalesTheMad() {
        // 4, 6, 8 calls in turn: median 6, MAD 2 -> k=3 gives threshold 12
        int[] history = new int[43];
        for (int i = 0; i < 42; i++) history[i] = 4 + 2 * (i % 3);
        history[42] = 12;
        assertTrue(run(rule(3, 24, 168, 1), history).isEmpty());
        history[42] = 13;
        List<RaisedAnomaly> found = run(rule(3, 24, 168, 1), history);
        assertEquals(1, found.size());
        assertTrue(
                found.get(0).anomaly().detail().contains("median 6.0, MAD 2.0 (threshold 12.0)"),
                found.get(0).anomaly().detail());
    }

    @Test
    void aQuietKeyNeedsTheMinimumCount() {
        // a key used once an hour: 29 calls is far above its baseline but below minCount
        assertTrue(run(rule(6, 24, 168, 30), steady(48, 1, 29)).isEmpty());
        assertEquals(1, run(rule(6, 24, 168, 30), steady(48, 1, 30)).size());
    }

    @Test
    void withoutEnoughHistoryNothingIsJudged() {
        assertTrue(run(rule(6, 24, 168, 30), 500).isEmpty(), "empty history: the first hour ever");
        assertTrue(run(rule(6, 24, 168, 30), steady(23, 2, 500)).isEmpty(), "23 h of history < 24");
        assertEquals(
                1, run(rule(6, 24, 168, 30), steady(24, 2, 500)).size(), "exactly 24 h of history");
    }

    @Test
    void silentHoursCountAsZeroAndPastBurstsDoNotRaiseTheBaseline() {
        int[] perHour = new int[60];
        perHour[0] = 3; // first observed call starts the history
        perHour[10] = 200; // one earlier burst (itself a spike? not judged: only 10 h of history)
        perHour[20] = 3;
        perHour[59] = 60;
        List<RaisedAnomaly> found = run(rule(6, 24, 168, 30), perHour);
        assertEquals(1, found.size());
        assertEquals(T0.plusSeconds(59 * 3600L), found.get(0).anomaly().at());
        assertTrue(
                found.get(0).anomaly().detail().contains("median 0.0"),
                found.get(0).anomaly().detail());
    }

    @Test
    void theBaselineLooksBackOnlyBaselineHours() {
        // 100/h long ago, then 48 h of 2/h: with a 48 h baseline the old busy period is forgotten
        int[] perHour = new int[200];
        java.util.Arrays.fill(perHour, 0, 100, 100);
        java.util.Arrays.fill(perHour, 100, 199, 2);
        perHour[199] = 100;
        assertEquals(1, run(rule(6, 24, 48, 30), perHour).size());
        assertTrue(
                run(rule(6, 24, 199, 30), perHour).isEmpty(),
                "over the whole history the median is the old 100/h");
    }

    @Test
    void sinceLimitsReportingButNotTheBaseline() {
        List<CallRecord> calls = hourly(steady(48, 5, 400));
        Instant spikeHour = T0.plusSeconds(48 * 3600L);
        AnomalyDetector d = rule(6, 24, 168, 30);
        assertEquals(
                1,
                d.detect(calls, new DetectionContext(null, spikeHour.plusSeconds(1800))).size(),
                "since inside the spike hour");
        assertTrue(
                d.detect(calls, new DetectionContext(null, spikeHour.plusSeconds(3600))).isEmpty(),
                "since after the spike hour");
    }
}
