package dev.akguard.monitor.watch;

import dev.akguard.core.finding.Finding;

/** A leaked pair found in one changed file; {@code line} is the AccessKey ID's line in the file at {@code commit}. */
record Leak(Finding finding, String path, int line, String commit) {
}
