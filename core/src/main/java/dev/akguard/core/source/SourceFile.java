package dev.akguard.core.source;

import java.nio.file.Path;

/** A file to scan: where it is on disk and the root-relative, '/'-separated path reports show. */
public record SourceFile(Path file, String relativePath) {}
