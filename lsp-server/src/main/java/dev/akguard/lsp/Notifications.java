package dev.akguard.lsp;

/**
 * Runs a notification handler so that no exception reaches lsp4j: lsp4j would log "Notification
 * threw an exception" with the whole JSON message, i.e. the document's text and any key in it. The
 * log names the method and the kind of failure only.
 */
final class Notifications {
    private Notifications() {}

    static void guarded(ServerLog log, String method, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            log.error(
                    method
                            + " failed ("
                            + e.getClass().getSimpleName()
                            + "); the notification was ignored. "
                            + "Its content is not logged, as it may hold document text.");
        }
    }
}
