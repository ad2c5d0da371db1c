package dev.akguard.monitor.alibaba;

import com.aliyuncs.exceptions.ClientException;

/** The wording shared by every client's error messages: what failed, the Alibaba Cloud code, what to do. */
final class FailureMessages {
    private FailureMessages() {
    }

    /** `Code: first line of the message`; SDK messages can span lines of detail, one is enough. */
    static String describe(ClientException e) {
        String message = e.getErrMsg() == null ? "" : e.getErrMsg().strip();
        int nl = message.indexOf('\n');
        return e.getErrCode() + ": " + (nl < 0 ? message : message.substring(0, nl));
    }

    static String adminRejected(AdminCredentials credentials, String what) {
        return "The admin credentials from " + credentials.source() + " were rejected (" + what + "): check "
                + AdminCredentials.ENV_ID + " / " + AdminCredentials.ENV_SECRET + ".";
    }

    static String noAnswer(String service, int attempts, String what) {
        return service + " did not answer after " + attempts + " attempts (" + what + "); try again later.";
    }
}
