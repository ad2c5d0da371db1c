package dev.akguard.testkit.alibaba;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signature V3 (`ACS3-HMAC-SHA256`) as the server computes it. */
public final class AcsSignatureV3 {
    public static final String ALGORITHM = "ACS3-HMAC-SHA256";

    private AcsSignatureV3() {}

    /**
     * The canonical request: method, URI, sorted query, `name:value` lines of the signed headers,
     * the signed header list and the hex SHA-256 of the body.
     */
    public static String canonicalRequest(
            String method,
            String path,
            Map<String, String> query,
            Map<String, String> lowerCaseHeaders,
            List<String> signedHeaders,
            byte[] body) {
        String canonicalQuery =
                new TreeMap<>(query)
                        .entrySet().stream()
                                .map(
                                        e ->
                                                PercentEncoding.encode(e.getKey())
                                                        + "="
                                                        + PercentEncoding.encode(e.getValue()))
                                .collect(Collectors.joining("&"));
        StringBuilder headers = new StringBuilder();
        for (String h : signedHeaders) {
            String v = lowerCaseHeaders.get(h);
            headers.append(h).append(':').append(v == null ? "" : v.trim()).append('\n');
        }
        String uri = path == null || path.isEmpty() ? "/" : path;
        return method
                + "\n"
                + uri
                + "\n"
                + canonicalQuery
                + "\n"
                + headers
                + "\n"
                + String.join(";", signedHeaders)
                + "\n"
                + sha256Hex(body);
    }

    public static String stringToSign(String canonicalRequest) {
        return ALGORITHM + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Hex HMAC-SHA256 keyed with the secret itself (no trailing `&`, unlike V1). */
    public static String sign(String stringToSign, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
