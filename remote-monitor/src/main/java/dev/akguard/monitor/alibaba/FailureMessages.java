package dev.akguard.monitor.alibaba;

import com.aliyuncs.exceptions.ClientException;
import dev.akguard.monitor.redact.Redaction;

/**
 * The wording shared by every client's error messages: what failed, the Alibaba Cloud code, what to
 * do.
 */
final class FailureMessages {
    private FailureMessages() {}

    /**
     * `Code: first line of the message`; SDK messages can span lines of detail, one is enough.
     * Query strings are cut: the SDK's network errors (SDK.ServerUnreachable, SDK.ReadTimeout)
     * quote the whole signed request URL, with the admin's SecurityToken, Signature and
     * SignatureNonce, and these messages reach stderr, logs and the alert's stored verification
     * detail.
     */
    static String describe(ClientException e) {
        String message = e.getErrMsg() == null ? "" : e.getErrMsg().strip();
        int nl = message.indexOf('\n');
        return Redaction.signedUrls(
                e.getErrCode() + ": " + (nl < 0 ? message : message.substring(0, nl)));
    }

    static String adminRejected(AdminCredentials credentials, String what) {
        return "The admin credentials from "
                + credentials.source()
                + " were rejected ("
                + what
                + "): check "
                + AdminCredentials.ENV_ID
                + " / "
                + AdminCredentials.ENV_SECRET
                + ".";
    }

    static String noAnswer(String service, int attempts, String what) {
        return service
                + " did not answer after "
                + attempts
                + " attempts ("
                + what
                + "); try again later.";
    }
}
