package dev.akguard.testkit.alibaba;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RPC signature version 1.0 (HMAC-SHA1) exactly as the server computes it. */
public final class RpcSignatureV1 {
    private RpcSignatureV1() {}

    /**
     * `METHOD&%2F&enc(canonicalQuery)`, where the canonical query holds every parameter except
     * `Signature`.
     */
    public static String stringToSign(String method, Map<String, String> params) {
        Map<String, String> sorted = new TreeMap<>(params);
        sorted.remove("Signature");
        String canonical =
                sorted.entrySet().stream()
                        .map(
                                e ->
                                        PercentEncoding.encode(e.getKey())
                                                + "="
                                                + PercentEncoding.encode(e.getValue()))
                        .collect(Collectors.joining("&"));
        return method + "&" + PercentEncoding.encode("/") + "&" + PercentEncoding.encode(canonical);
    }

    /** Base64(HMAC-SHA1(secret + "&", stringToSign)). */
    public static String sign(String stringToSign, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(
                    new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
