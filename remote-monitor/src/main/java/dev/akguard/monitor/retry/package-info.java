/**
 * The monitor's one retry policy ({@link dev.akguard.monitor.retry.Backoff}) and its one way to
 * wait ({@link dev.akguard.monitor.retry.Sleeper}).
 */
package dev.akguard.monitor.retry;
