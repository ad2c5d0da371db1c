/**
 * Alibaba Cloud clients of the remote monitor, pure services over the official v1 SDK (no CLI
 * here): {@link dev.akguard.monitor.alibaba.KeyValidator} checks a leaked pair with STS
 * GetCallerIdentity, {@link dev.akguard.monitor.alibaba.RamAdmin} finds, disables and deletes keys
 * with the team's own admin credentials, {@link dev.akguard.monitor.alibaba.CallRecordClient} reads
 * what a key did from ActionTrail.
 *
 * <p>All three send every product's calls to {@link dev.akguard.monitor.alibaba.AlibabaEndpoint}
 * (production hosts over HTTPS, or one override such as the testkit emulator), retry throttling,
 * 5xx and network failures with {@link dev.akguard.monitor.alibaba.Backoff}, and never print a
 * secret.
 */
package dev.akguard.monitor.alibaba;
