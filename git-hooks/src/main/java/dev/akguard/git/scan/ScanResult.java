package dev.akguard.git.scan;

import dev.akguard.core.finding.Finding;
import dev.akguard.core.source.Skip;
import java.util.List;

/**
 * What a git scan produced.
 *
 * @param findings in commit order (oldest first), then path and position
 * @param commits how many commits were examined (0 for staged changes)
 * @param blobsScanned distinct blobs read and scanned
 * @param skipped blobs not scanned (too large), reported so "skipped" is never mistaken for "clean"
 */
public record ScanResult(
        List<Finding> findings,
        int commits,
        long blobsScanned,
        long bytesScanned,
        List<Skip> skipped) {}
