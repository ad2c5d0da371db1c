package dev.akguard.core.finding;

import java.time.Instant;

/** Where in git history a finding was introduced. */
public record GitInfo(String commit, String author, String email, Instant date) {}
