package dev.akguard.monitor.alibaba;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityResponse;
import dev.akguard.monitor.model.KeyCheck;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.retry.Sleeper;
import java.time.Duration;

/**
 * Checks whether a leaked AccessKey pair still works with STS GetCallerIdentity, which needs no
 * permission: any answer that got past signature checking proves the pair is live. The secret is
 * used only in memory to sign and never appears in results, messages or logs.
 */
public final class KeyValidator {
    static final String STS_HOST = "sts.aliyuncs.com";
    private static final String STS_ID_PREFIX = "STS.";
    private static final String REGION = "cn-hangzhou";

    private final AlibabaEndpoint endpoint;
    private final RetryingCaller caller;

    public KeyValidator(AlibabaEndpoint endpoint, Backoff backoff, Duration timeout) {
        this(endpoint, backoff, timeout, Sleeper.SYSTEM);
    }

    KeyValidator(AlibabaEndpoint endpoint, Backoff backoff, Duration timeout, Sleeper sleeper) {
        this.endpoint = endpoint;
        this.caller = new RetryingCaller(backoff, sleeper, timeout);
    }

    /** Production settings, honouring `AKGUARD_ALIBABA_ENDPOINT`. */
    public static KeyValidator fromEnvironment() {
        return new KeyValidator(
                AlibabaEndpoint.fromEnvironment(), Backoff.standard(), Duration.ofSeconds(10));
    }

    public KeyCheck validate(String accessKeyId, String secret) {
        return validate(accessKeyId, secret, null);
    }

    /** For STS credentials (`STS.` IDs) pass their security token; null for long-term keys. */
    public KeyCheck validate(String accessKeyId, String secret, String securityToken) {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("an AccessKey ID is required to validate a pair");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(
                    "AccessKey "
                            + accessKeyId
                            + " has no secret: only a complete pair can be validated");
        }
        if (accessKeyId.startsWith(STS_ID_PREFIX)
                && (securityToken == null || securityToken.isBlank())) {
            // Without its token an STS key cannot sign a usable request, so asking Alibaba Cloud
            // would prove nothing.
            return KeyCheck.of(
                    Validity.UNKNOWN,
                    "STS credentials can be checked only together with their security token, and none was given");
        }
        GetCallerIdentityRequest request = new GetCallerIdentityRequest();
        // Marks akguard's own check in ActionTrail, so the leaked-key-used rule does not count it
        // as abuse.
        request.appendUserAgent("akguard", dev.akguard.core.report.Version.get());
        endpoint.apply(request, STS_HOST);
        try {
            GetCallerIdentityResponse r =
                    caller.call(
                            SdkClients.create(REGION, accessKeyId, secret, securityToken), request);
            return new KeyCheck(
                    Validity.VALID,
                    r.getAccountId(),
                    r.getArn(),
                    r.getIdentityType(),
                    "GetCallerIdentity accepted the pair");
        } catch (ClientException e) {
            return fromError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KeyCheck.of(Validity.UNKNOWN, "interrupted before Alibaba Cloud answered");
        }
    }

    private KeyCheck fromError(ClientException e) {
        String what = FailureMessages.describe(e);
        return switch (ErrorKind.of(e)) {
            case PERMISSION_DENIED ->
                    KeyCheck.of(
                            Validity.VALID,
                            "signature accepted but the call was refused ("
                                    + what
                                    + "): the pair works");
            case KEY_NOT_FOUND ->
                    KeyCheck.of(Validity.INVALID, "the AccessKey ID does not exist (" + what + ")");
            case BAD_SECRET ->
                    KeyCheck.of(
                            Validity.INVALID,
                            "the secret does not match the AccessKey ID (" + what + ")");
            case KEY_DISABLED ->
                    KeyCheck.of(
                            Validity.DISABLED,
                            "the AccessKey exists but is disabled (" + what + ")");
            case TOKEN_INVALID ->
                    KeyCheck.of(
                            Validity.INVALID,
                            "the STS security token is expired or does not belong to the key ("
                                    + what
                                    + ")");
            case THROTTLED, SERVER_ERROR, NETWORK ->
                    KeyCheck.of(
                            Validity.UNKNOWN,
                            "no verdict after "
                                    + caller.maxAttempts()
                                    + " attempts ("
                                    + what
                                    + "); try again later");
            case ENTITY_NOT_EXIST, OTHER ->
                    KeyCheck.of(Validity.UNKNOWN, "unexpected answer (" + what + ")");
        };
    }
}
