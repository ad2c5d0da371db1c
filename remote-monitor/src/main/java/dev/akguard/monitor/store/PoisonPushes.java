package dev.akguard.monitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Parks pushes that keep killing the watcher. A claim counts an attempt; a failure that the watcher
 * survives is recorded by {@link WorkStore#failPush}. A push that is due again with {@code attempts
 * >= max} and no recorded outcome of its last claim took the process down with it (out of memory,
 * killed): it is parked as FAILED at claim time, with its reason, so a crash loop ends and the
 * pushes behind it are processed.
 */
public final class PoisonPushes {

    private PoisonPushes() {}

    /** Returns how many pushes were parked. */
    public static int park(Connection c, int maxAttempts, Instant now) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE push_queue SET status = '"
                                + WorkStore.FAILED
                                + "', claimed_by = NULL, "
                                + "claimed_until = 0, last_error = 'parked: the watcher stopped while processing it ' || attempts || ' times "
                                + "(crash or out of memory); see the log, then re-queue or drop it' "
                                + "WHERE status = '"
                                + WorkStore.PENDING
                                + "' AND attempts >= ? AND next_attempt_at <= ? AND claimed_until < ? AND claimed_until > 0")) {
            ps.setInt(1, maxAttempts);
            ps.setLong(2, now.toEpochMilli());
            ps.setLong(3, now.toEpochMilli());
            return ps.executeUpdate();
        }
    }
}
