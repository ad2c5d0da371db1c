package dev.akguard.monitor.watch;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Told when the watcher raises an alert: a pair never seen before ({@code CREATED}) or a handled
 * pair seen in a new place ({@code REOPENED}). Whitelisted pairs and further sightings of unhandled
 * ones are not announced.
 *
 * <p>Called inside the transaction that records the alert and completes the push, on {@code
 * connection}: write to the {@code outbox} (or {@code inbox}) table there and the notification is
 * committed exactly when the alert is, so a crash can neither lose it nor send it twice. Keep it
 * quick (no network I/O: deliver from the outbox later). Throwing rolls the whole push back; it is
 * retried later. The plaintext secret in {@link AlertNotice#finding()} lives only in memory for
 * this call (e.g. to verify the key now): never store or log it.
 */
@FunctionalInterface
public interface AlertListener {

    void onAlert(AlertNotice notice, Connection connection) throws SQLException;
}
