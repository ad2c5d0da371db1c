package dev.akguard.testkit.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The engine against the labelled corpus: every expected finding reported with the right rule, the
 * right secret and (STS) the right security token, nothing reported on negatives. Prints precision
 * and recall (quoted in the closing note).
 */
class CorpusAccuracyTest {
    private final Engine engine = Engine.defaults();

    private record Key(String rule, String id, String secret, String token) {}

    @Test
    void everyPairFoundAndCorrectlyPairedAndNoNegativeFlagged() {
        CorpusGenerator gen = new CorpusGenerator(20261128L);
        List<CorpusFile> corpus = gen.generate(2000);
        int tp = 0, fp = 0, fn = 0;
        List<String> failures = new ArrayList<>();
        Set<String> categoriesSeen = new TreeSet<>();
        for (CorpusFile f : corpus) {
            categoriesSeen.add(f.category());
            Set<Key> expected = new HashSet<>();
            for (Expected e : f.expected())
                expected.add(new Key(e.ruleId(), e.accessKeyId(), e.secret(), e.securityToken()));
            Set<Key> actual = new HashSet<>();
            for (Finding x : engine.scan(f.content(), f.path()))
                actual.add(
                        new Key(
                                x.ruleId(),
                                x.accessKeyId(),
                                x.secret() == null ? null : x.secret().value(),
                                x.hasSecurityToken() ? x.securityToken().value() : null));
            for (Key k : actual)
                if (expected.contains(k)) tp++;
                else {
                    fp++;
                    failures.add(f.category() + " " + f.path() + " unexpected " + redact(k));
                }
            for (Key k : expected)
                if (!actual.contains(k)) {
                    fn++;
                    failures.add(f.category() + " " + f.path() + " missed " + redact(k));
                }
        }
        double precision = tp / (double) Math.max(1, tp + fp);
        double recall = tp / (double) Math.max(1, tp + fn);
        System.out.printf(
                "corpus: %d files, %d categories, tp=%d fp=%d fn=%d precision=%.4f recall=%.4f%n",
                corpus.size(), categoriesSeen.size(), tp, fp, fn, precision, recall);
        assertTrue(
                categoriesSeen.containsAll(gen.positiveCategories())
                        && categoriesSeen.containsAll(gen.negativeCategories()));
        failures.stream()
                .map(
                        s ->
                                s.substring(0, s.indexOf(' '))
                                        + s.substring(
                                                s.indexOf(' ', s.indexOf(' ') + 1),
                                                s.indexOf(
                                                        ' ',
                                                        s.indexOf(' ', s.indexOf(' ') + 1) + 1)))
                .collect(
                        java.util.stream.Collectors.groupingBy(
                                s -> s,
                                java.util.TreeMap::new,
                                java.util.stream.Collectors.counting()))
                .forEach((k, v) -> System.out.println("  failing: " + k + " x" + v));
        assertEquals(List.of(), failures.subList(0, Math.min(30, failures.size())));
        assertTrue(tp > 1400, "corpus too small to mean anything: " + tp);
    }

    @Test
    void findingsPointAtTheKeys() {
        for (CorpusFile f : new CorpusGenerator(7).generate(0)) {
            if (!f.category().equals("java-fields")) continue;
            String text = new String(f.content(), java.nio.charset.StandardCharsets.UTF_8);
            List<Finding> fs = engine.scan(f.content(), f.path());
            assertEquals(1, fs.size());
            Finding x = fs.get(0);
            String[] lines = text.split("\n", -1);
            assertEquals(
                    x.accessKeyId(),
                    lines[x.id().line() - 1].substring(
                            x.id().column() - 1, x.id().endColumn() - 1));
            assertEquals(
                    x.secret().value(),
                    lines[x.secretPosition().line() - 1].substring(
                            x.secretPosition().column() - 1, x.secretPosition().endColumn() - 1));
        }
    }

    private static String redact(Key k) {
        return k.rule
                + " "
                + k.id
                + (k.secret == null ? "" : " " + k.secret.substring(0, 3) + "…")
                + (k.token == null ? "" : " token " + k.token.substring(0, 3) + "…");
    }
}
