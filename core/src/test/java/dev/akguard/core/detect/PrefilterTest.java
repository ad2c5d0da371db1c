package dev.akguard.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrefilterTest {
    private static List<Integer> hits(String text, Prefilter.Kind kind) {
        byte[] a = text.getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> out = new ArrayList<>();
        Prefilter.DEFAULT.find(
                a,
                0,
                a.length,
                (off, n) -> {
                    if (Prefilter.DEFAULT.kind(n) == kind) out.add(off);
                });
        out.sort(null);
        return out;
    }

    @Test
    void findsTheLiteralPrefixAtEveryOffsetIncludingBufferEdges() {
        Random r = new Random(1);
        for (int pad = 0; pad < 12; pad++) {
            String text = "x".repeat(pad) + TestKeys.PREFIX + "5tabc";
            assertEquals(List.of(pad), hits(text, Prefilter.Kind.ACCESS_KEY_ID), "pad " + pad);
        }
        assertEquals(List.of(0), hits(TestKeys.PREFIX, Prefilter.Kind.ACCESS_KEY_ID));
        String many =
                TestKeys.PREFIX
                        + " "
                        + TestKeys.PREFIX
                        + TestKeys.PREFIX
                        + TestKeys.any(r, 7)
                        + TestKeys.PREFIX;
        assertEquals(4, hits(many, Prefilter.Kind.ACCESS_KEY_ID).size());
    }

    @Test
    void findsStsPrefix() {
        assertEquals(List.of(3), hits("id=ST" + "S.NTabc", Prefilter.Kind.STS_ID));
    }

    @Test
    void base64OfAnIdIsFlaggedAtEveryAlignment() {
        Random r = new Random(2);
        for (int trial = 0; trial < 300; trial++) {
            String plain = TestKeys.any(r, trial % 7) + TestKeys.id(r) + TestKeys.any(r, trial % 5);
            String encoded =
                    Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
            assertTrue(
                    !hits(encoded, Prefilter.Kind.BASE64).isEmpty(),
                    "missed base64 of " + plain.length() + " chars, trial " + trial);
            String urlSafe =
                    Base64.getUrlEncoder()
                            .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
            assertTrue(!hits(urlSafe, Prefilter.Kind.BASE64).isEmpty());
        }
    }

    @Test
    void ordinarySourceTextHasNoHits() {
        String code =
                "public static void main(String[] args) { System.out.println(\"DATA STATUS TABLE MAIN\"); }\n"
                        .repeat(50);
        assertEquals(List.of(), hits(code, Prefilter.Kind.ACCESS_KEY_ID));
        assertEquals(List.of(), hits(code, Prefilter.Kind.BASE64));
    }
}
