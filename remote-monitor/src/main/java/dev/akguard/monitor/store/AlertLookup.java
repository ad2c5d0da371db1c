package dev.akguard.monitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Read-only questions about {@code alerts} asked inside the recording transaction (the flood cap).
 */
public final class AlertLookup {

    private AlertLookup() {}

    /** Whether an alert for this pair exists already. */
    public static boolean exists(Connection c, String accessKeyId, String secretSha256)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT 1 FROM alerts WHERE access_key_id = ? AND secret_sha256 = ?")) {
            ps.setString(1, accessKeyId);
            ps.setString(2, secretSha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
