package dev.akguard.testkit.alibaba;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a request's signature (V1 HMAC-SHA1 or V3 ACS3-HMAC-SHA256) and the key's state the way
 * the real gateway does, answering with the real error codes. Returns the calling key when
 * everything checks out.
 */
final class Authenticator {
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(15);
    private static final String MISMATCH =
            "Specified signature is not matched with our calculation. server string to sign is:";

    private final Directory directory;
    private final Set<String> usedNonces = ConcurrentHashMap.newKeySet();

    Authenticator(Directory directory) {
        this.directory = directory;
    }

    EmulatedKey authenticate(IncomingRequest req) {
        return req.isV3() ? authenticateV3(req) : authenticateV1(req);
    }

    private EmulatedKey authenticateV1(IncomingRequest req) {
        Map<String, String> params = req.params();
        String keyId = required(params, "AccessKeyId");
        String signature = required(params, "Signature");
        String stringToSign = RpcSignatureV1.stringToSign(req.method(), params);
        if (!"HMAC-SHA1".equals(params.get("SignatureMethod"))
                || !"1.0".equals(params.get("SignatureVersion"))) {
            throw new ApiException(
                    400,
                    "IncompleteSignature",
                    "The request signature does not conform to Aliyun standards. server string to sign is:"
                            + stringToSign);
        }
        EmulatedKey key = liveKey(keyId);
        String expected = RpcSignatureV1.sign(stringToSign, key.secret());
        if (!constantTimeEquals(expected, signature)) {
            throw new ApiException(400, "SignatureDoesNotMatch", MISMATCH + stringToSign);
        }
        checkToken(key, params.get("SecurityToken"));
        checkTime(required(params, "Timestamp"));
        checkNonce(required(params, "SignatureNonce"));
        return key;
    }

    private EmulatedKey authenticateV3(IncomingRequest req) {
        Map<String, String> auth = parseAuthorization(req.headers().get("authorization"));
        String credential = auth.get("Credential");
        String signedHeaders = auth.get("SignedHeaders");
        String signature = auth.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            throw new ApiException(
                    400,
                    "IncompleteSignature",
                    "The Authorization header must carry Credential, SignedHeaders and Signature.");
        }
        List<String> signed = Arrays.asList(signedHeaders.split(";"));
        // The v1 core's V3 mode signs no host header, so only the form of the list is checked.
        if (signed.stream().anyMatch(h -> h.isEmpty() || !h.equals(h.toLowerCase(Locale.ROOT)))) {
            throw new ApiException(
                    400,
                    "IncompleteSignature",
                    "SignedHeaders must be lower case: " + signedHeaders);
        }
        EmulatedKey key = liveKey(credential);
        String canonical =
                AcsSignatureV3.canonicalRequest(
                        req.method(),
                        req.rawPath(),
                        req.query(),
                        req.headers(),
                        signed,
                        req.body());
        String stringToSign = AcsSignatureV3.stringToSign(canonical);
        if (!constantTimeEquals(AcsSignatureV3.sign(stringToSign, key.secret()), signature)) {
            throw new ApiException(400, "SignatureDoesNotMatch", MISMATCH + canonical);
        }
        checkToken(key, req.headers().get("x-acs-security-token"));
        checkTime(req.headers().getOrDefault("x-acs-date", ""));
        String nonce = req.headers().get("x-acs-signature-nonce");
        if (nonce != null) {
            checkNonce(nonce);
        }
        return key;
    }

    private EmulatedKey liveKey(String keyId) {
        EmulatedKey key =
                directory
                        .key(keyId)
                        .orElseThrow(
                                () ->
                                        new ApiException(
                                                404,
                                                "InvalidAccessKeyId.NotFound",
                                                "Specified access key is not found."));
        if (!key.active()) {
            throw new ApiException(
                    400, "InvalidAccessKeyId.Inactive", "Specified access key is disabled.");
        }
        return key;
    }

    private static void checkToken(EmulatedKey key, String token) {
        if (key.securityToken() == null) {
            return;
        }
        if (token == null || token.isEmpty()) {
            throw new ApiException(
                    400, "MissingSecurityToken", "SecurityToken is mandatory for this action.");
        }
        if (!constantTimeEquals(key.securityToken(), token)) {
            throw new ApiException(
                    400,
                    "InvalidSecurityToken.MismatchWithAccessKey",
                    "Specified SecurityToken mismatch with the AccessKey.");
        }
        if (key.expired()) {
            throw new ApiException(
                    400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
        }
    }

    private static void checkTime(String timestamp) {
        Instant at;
        try {
            at = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    400,
                    "InvalidTimeStamp.Format",
                    "Specified time stamp or date value is not well formatted.");
        }
        if (Duration.between(at, Instant.now()).abs().compareTo(CLOCK_SKEW) > 0) {
            throw new ApiException(
                    400,
                    "InvalidTimeStamp.Expired",
                    "Specified time stamp or date value is expired.");
        }
    }

    private void checkNonce(String nonce) {
        if (!usedNonces.add(nonce)) {
            throw new ApiException(
                    400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
    }

    private static Map<String, String> parseAuthorization(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : header.substring(IncomingRequest.AUTHORIZATION_V3.length()).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return out;
    }

    private static String required(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null || v.isEmpty()) {
            throw ApiException.missing(name);
        }
        return v;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
