package dev.akguard.monitor.model;

import java.time.Instant;
import java.util.List;

/** An abnormal use of an AccessKey found in call records; `type` names the rule that fired. */
public record Anomaly(
        String type, String accessKeyId, Instant at, String detail, List<String> evidence) {}
