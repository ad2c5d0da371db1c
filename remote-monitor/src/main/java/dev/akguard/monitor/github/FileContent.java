package dev.akguard.monitor.github;

/**
 * A file's first bytes; {@code cut} when the file is longer than what was read (the size limit).
 */
public record FileContent(byte[] bytes, boolean cut) {}
