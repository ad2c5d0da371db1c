package dev.akguard.monitor.alibaba;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import java.util.Locale;

/**
 * What an Alibaba Cloud error means for us, from its code (server codes and the v1 SDK's own
 * `SDK.*` codes).
 */
public enum ErrorKind {
    /** The signature was accepted but the action is not allowed: NoPermission, Forbidden.*. */
    PERMISSION_DENIED(false),
    /** The AccessKey ID does not exist. */
    KEY_NOT_FOUND(false),
    /** The secret does not match the ID. */
    BAD_SECRET(false),
    /** The key exists but is disabled. */
    KEY_DISABLED(false),
    /** STS credentials whose security token is expired, malformed or not theirs. */
    TOKEN_INVALID(false),
    /** A RAM user or key named in the request does not exist. */
    ENTITY_NOT_EXIST(false),
    THROTTLED(true),
    SERVER_ERROR(true),
    /** Timeout or unreachable server. */
    NETWORK(true),
    OTHER(false);

    private final boolean retryable;

    ErrorKind(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    public static ErrorKind of(ClientException e) {
        String code = e.getErrCode() == null ? "" : e.getErrCode();
        if (e instanceof ServerException) {
            return code.startsWith("Throttling") ? THROTTLED : SERVER_ERROR;
        }
        return of(code);
    }

    public static ErrorKind of(String code) {
        String c = code == null ? "" : code;
        String lower = c.toLowerCase(Locale.ROOT);
        if (c.equals("NoPermission")
                || c.startsWith("NoPermission.")
                || c.startsWith("Forbidden")) {
            return PERMISSION_DENIED;
        }
        if (c.equals("InvalidAccessKeyId.NotFound") || c.equals("InvalidAccessKeyId")) {
            return KEY_NOT_FOUND;
        }
        if (c.equals("InvalidAccessKeyId.Inactive")) {
            return KEY_DISABLED;
        }
        if (c.equals("SignatureDoesNotMatch")
                || c.equals("IncompleteSignature")
                || c.equals("SDK.InvalidAccessKeySecret")
                || c.equals("SDK.InvalidAccessSecret")) {
            return BAD_SECRET;
        }
        if (c.startsWith("InvalidSecurityToken")) {
            return TOKEN_INVALID;
        }
        if (c.startsWith("EntityNotExist")) {
            return ENTITY_NOT_EXIST;
        }
        if (lower.startsWith("throttling")
                || c.equals("ServiceUnavailable.Throttling")
                || c.equals("Throttling.Api")) {
            return THROTTLED;
        }
        if (c.equals("InternalError")
                || c.startsWith("ServiceUnavailable")
                || c.equals("SDK.InvalidServerResponse")
                || c.equals("SDK.RequestTryOrRetryFailed")) {
            return SERVER_ERROR;
        }
        if (c.equals("SDK.ReadTimeout")
                || c.equals("SDK.ServerUnreachable")
                || c.equals("SDK.TimeoutException")) {
            return NETWORK;
        }
        return OTHER;
    }
}
