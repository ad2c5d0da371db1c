package dev.akguard.core.detect;

/** An AccessKey ID (or STS ID) accepted at {@code [start, end)} of the buffer. */
record IdHit(int start, int end, boolean sts) {}
